package dev.chorus.core.channel;

import dev.chorus.core.error.ChorusException;
import dev.chorus.core.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the streams of connected channels running: every source a channel streams ({@link
 * ListeningSources#streamed()}: Mastodon's user and hashtag streams when "stream live" is on,
 * Bluesky's firehose) is started from its stored cursor, and stopped when the channel is
 * disconnected, its sources change, or the app shuts down. What arrives is stored through {@link
 * HeardItems}, the same path as scheduled reads, in small batches: every {@code batchSize} items or
 * every {@code flushEvery}, each batch with the cursor reported after its items. A batch that
 * cannot be stored is kept and tried again; past {@code maxPending} items the stream is restarted
 * from its stored cursor instead, so memory stays bounded and nothing is skipped.
 *
 * <p>Nothing runs before {@link #start()}. {@link #refresh()} brings the running streams in line
 * with the store; the app calls it every few seconds, and {@link ChangeSources} after a channel's
 * sources change. Thread-safe.
 */
public final class StreamChannels implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StreamChannels.class);

  /**
   * How streams are stored and retried.
   *
   * @param batchSize items stored in one transaction at most
   * @param flushEvery how long an item may wait for its batch
   * @param maxPending items kept while the store fails before the stream is restarted
   * @param retryStart how long a channel whose streams could not start waits before trying again
   */
  public record Settings(int batchSize, Duration flushEvery, int maxPending, Duration retryStart) {
    public static Settings standard() {
      return new Settings(100, Duration.ofMillis(250), 10_000, Duration.ofMinutes(1));
    }
  }

  private final Database db;
  private final ChannelStore channels;
  private final SourceStore sources;
  private final ChannelSecrets secrets;
  private final ConnectorFactory connectors;
  private final HeardItems heard;
  private final Clock clock;
  private final Settings settings;
  private final Map<String, Running> running = new ConcurrentHashMap<>();
  private final Map<ChannelId, Instant> notBefore = new ConcurrentHashMap<>();
  private final ScheduledExecutorService flusher =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "chorus-stream-flusher");
            t.setDaemon(true);
            return t;
          });
  private volatile boolean started;
  private volatile boolean closed;

  public StreamChannels(
      Database db,
      ChannelStore channels,
      SourceStore sources,
      ChannelSecrets secrets,
      ConnectorFactory connectors,
      HeardItems heard,
      Clock clock,
      Settings settings) {
    this.db = db;
    this.channels = channels;
    this.sources = sources;
    this.secrets = secrets;
    this.connectors = connectors;
    this.heard = heard;
    this.clock = clock;
    this.settings = settings;
  }

  /** The streams running now, as {@code channelId source}, for health and tests. */
  public Set<String> running() {
    return Set.copyOf(running.keySet());
  }

  /** Whether {@code source} of channel {@code id} is streaming now. */
  public boolean streaming(ChannelId id, Source source) {
    return running.containsKey(key(id, source));
  }

  /**
   * Starts the streams the store asks for and stops the others. A channel whose connector cannot be
   * opened or cannot stream a source gets the reason on its health and is tried again after {@link
   * Settings#retryStart()}.
   */
  public synchronized void refresh() {
    if (!started || closed) return;
    Map<String, Channel> owners = new HashMap<>();
    Map<String, Source> wanted = new LinkedHashMap<>();
    for (Channel c : db.read(channels::connected)) {
      for (Source s : ListeningSources.of(c).streamed()) {
        wanted.put(key(c.id(), s), s);
        owners.put(key(c.id(), s), c);
      }
    }
    for (String k : List.copyOf(running.keySet())) {
      if (!wanted.containsKey(k) || running.get(k).broken) stop(k);
    }
    Map<ChannelId, List<Source>> missing = new LinkedHashMap<>();
    Map<ChannelId, Channel> byId = new HashMap<>();
    wanted.forEach(
        (k, s) -> {
          if (running.containsKey(k)) return;
          Channel c = owners.get(k);
          byId.put(c.id(), c);
          missing.computeIfAbsent(c.id(), x -> new ArrayList<>()).add(s);
        });
    Instant now = clock.instant();
    missing.forEach(
        (id, list) -> {
          Instant wait = notBefore.get(id);
          if (wait != null && now.isBefore(wait)) return;
          start(byId.get(id), list);
        });
  }

  private void start(Channel c, List<Source> list) {
    Connector connector;
    try {
      String secret =
          secrets.open(c.id(), db.read(h -> channels.sealedSecret(h, c.id())).orElse(null));
      connector = connectors.open(c, secret);
    } catch (ChorusException e) {
      cannotStart(c, e.getMessage());
      return;
    }
    List<String> problems = new ArrayList<>();
    for (Source s : list) {
      try {
        startOne(c, connector, s, problems);
      } catch (RuntimeException e) {
        LOG.warn("cannot start streaming {} of channel {}", s.key(), c.id(), e);
        problems.add(s.label() + ": " + e.getMessage());
      }
    }
    if (!problems.isEmpty()) cannotStart(c, String.join("; ", problems));
    else notBefore.remove(c.id());
  }

  private void startOne(Channel c, Connector connector, Source s, List<String> problems) {
    String cursor = db.read(h -> sources.cursor(h, c.id(), s));
    Running r = new Running(c, s);
    AutoCloseable handle;
    if (connector instanceof StreamsSources ss && ss.streamableSources().contains(s.kind())) {
      handle = ss.stream(s, cursor, r::item, r::cursor);
    } else if (s.kind() == Source.Kind.MENTIONS && connector instanceof Streams st) {
      handle = st.stream(cursor, r::item, r::cursor);
    } else {
      problems.add(s.label() + ": " + c.network().label() + " channels cannot stream this");
      return;
    }
    r.handle = handle;
    running.put(key(c.id(), s), r);
    LOG.info("streaming {} of channel {}", s.key(), c.id());
  }

  private void cannotStart(Channel c, String message) {
    LOG.info("channel {} cannot stream: {}", c.id(), message);
    notBefore.put(c.id(), clock.instant().plus(settings.retryStart()));
    try {
      db.inTransaction(
          h -> {
            channels.recordFailure(
                h, c.id(), "Streaming: " + message, clock.instant(), c.nextPollAt());
            return null;
          });
    } catch (ChorusException e) {
      LOG.warn("cannot record that channel {} cannot stream: {}", c.id(), e.getMessage());
    }
  }

  private void stop(String k) {
    Running r = running.remove(k);
    if (r == null) return;
    r.stop();
    LOG.info("stopped streaming {} of channel {}", r.source.key(), r.channel.id());
  }

  /** Starts streaming what the store asks for; until then {@link #refresh()} does nothing. */
  public synchronized void start() {
    if (started || closed) return;
    started = true;
    long every = settings.flushEvery().toMillis();
    flusher.scheduleWithFixedDelay(this::flushAll, every, every, TimeUnit.MILLISECONDS);
    refresh();
  }

  private void flushAll() {
    for (Running r : running.values()) {
      try {
        r.flush();
      } catch (RuntimeException e) {
        LOG.warn("storing what {} streamed failed", r.channel.id(), e);
      }
    }
  }

  /** Stops every stream, storing what each had received. */
  @Override
  public synchronized void close() {
    closed = true;
    for (String k : List.copyOf(running.keySet())) stop(k);
    flusher.shutdownNow();
  }

  private static String key(ChannelId id, Source s) {
    return id.value() + " " + s.key();
  }

  /** One running stream and its batch waiting to be stored. */
  private final class Running {
    final Channel channel;
    final Source source;
    volatile AutoCloseable handle;
    volatile boolean broken;
    private final List<InboundItem> batch = new ArrayList<>();
    private String cursor;

    Running(Channel channel, Source source) {
      this.channel = channel;
      this.source = source;
    }

    synchronized void item(InboundItem i) {
      if (broken) return;
      batch.add(i);
      if (batch.size() >= settings.batchSize()) flush();
    }

    synchronized void cursor(String c) {
      if (broken) return;
      cursor = c;
    }

    synchronized void flush() {
      if (broken || (batch.isEmpty() && cursor == null)) return;
      try {
        List<InboundItem> items = List.copyOf(batch);
        if (source.kind() == Source.Kind.FIREHOSE) {
          heard.acceptMatching(channel, source, items, cursor);
        } else {
          heard.accept(channel, source, items, cursor);
        }
        batch.clear();
        cursor = null;
      } catch (RuntimeException e) {
        if (batch.size() < settings.maxPending()) {
          LOG.warn(
              "storing {} items streamed by {} of channel {} failed, keeping them: {}",
              batch.size(),
              source.key(),
              channel.id(),
              e.getMessage());
          return;
        }
        // Too much waiting: drop it and restart from the stored cursor, which is before it all.
        LOG.warn("restarting the stream {} of channel {}: the store fails", source, channel.id());
        broken = true;
        batch.clear();
        cursor = null;
      }
    }

    void stop() {
      AutoCloseable h = handle;
      try {
        if (h != null) h.close();
      } catch (Exception e) {
        LOG.info("closing the stream {} of channel {}: {}", source.key(), channel.id(), e);
      }
      flush();
    }
  }
}
