package dev.chorus.core.channel;

import dev.chorus.core.error.ChorusException;
import dev.chorus.core.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what a channel heard since its cursors and stores it: its mentions, then each listening
 * source (hashtags, searches) from that source's own cursor. Every source's items and new cursor
 * commit together through {@link HeardItems}, and items are deduplicated by their id on the
 * network, so a crash loses nothing and a repeated read stores nothing twice. A failing source is
 * recorded on its own state and, with its name, on the channel's health; the other sources are read
 * all the same. It never throws for a network's failure.
 */
public final class PollChannel {
  private static final Logger LOG = LoggerFactory.getLogger(PollChannel.class);

  /** What one read did: items new to the store, or the failures' messages. */
  public record Result(int added, String error) {}

  private final Database db;
  private final ChannelStore channels;
  private final SourceStore sources;
  private final ChannelSecrets secrets;
  private final ConnectorFactory connectors;
  private final HeardItems heard;
  private final Clock clock;

  public PollChannel(
      Database db,
      ChannelStore channels,
      SourceStore sources,
      ChannelSecrets secrets,
      ConnectorFactory connectors,
      HeardItems heard,
      Clock clock) {
    this.db = db;
    this.channels = channels;
    this.sources = sources;
    this.secrets = secrets;
    this.connectors = connectors;
    this.heard = heard;
    this.clock = clock;
  }

  public Result poll(Channel c) {
    Instant started = clock.instant();
    Instant next = started.plus(c.pollInterval());
    Connector connector;
    try {
      String secret =
          secrets.open(c.id(), db.read(h -> channels.sealedSecret(h, c.id())).orElse(null));
      connector = connectors.open(c, secret);
    } catch (ChorusException e) {
      return failed(c, List.of(e.getMessage()), retryAt(e, next), null);
    }
    if (!(connector instanceof ReadsMentions reader)) {
      db.inTransaction(
          h -> {
            channels.recordSuccess(h, c.id(), c.cursor(), started, null);
            return null;
          });
      return new Result(0, null);
    }
    int added = 0;
    List<String> errors = new ArrayList<>();
    Instant retryAt = next;
    Instant succeededAt = null;
    try {
      ReadsMentions.Batch batch = reader.readSince(c.cursor());
      added += heard.accept(c, Source.MENTIONS, batch.items(), batch.cursor());
      succeededAt = clock.instant();
    } catch (ChorusException e) {
      // The channel's own read keeps its bare message, as before sources existed.
      errors.add(e.getMessage());
      retryAt = later(retryAt, retryAt(e, next));
      log(c, Source.MENTIONS, e.getMessage());
    }
    List<Source> polled = ListeningSources.of(c).polled();
    for (Source s : polled) {
      String problem;
      try {
        problem = read(c, connector, s);
        if (problem == null) continue;
      } catch (ChorusException e) {
        problem = e.getMessage();
        retryAt = later(retryAt, retryAt(e, next));
      } catch (RuntimeException e) {
        // A bug in one source's reading must not stop the others.
        LOG.error("reading {} of channel {} failed unexpectedly", s.key(), c.id(), e);
        problem = "reading failed unexpectedly (" + e.getClass().getSimpleName() + ")";
      }
      String message = problem;
      log(c, s, message);
      db.inTransaction(
          h -> {
            sources.failed(h, c.id(), s, message, clock.instant());
            return null;
          });
      errors.add(s.label() + ": " + message);
    }
    if (errors.isEmpty()) {
      Instant at = succeededAt;
      db.inTransaction(
          h -> {
            channels.recordRead(h, c.id(), at, null, clock.instant(), next);
            return null;
          });
      return new Result(added, null);
    }
    Result r = failed(c, errors, retryAt, succeededAt);
    return new Result(added, r.error());
  }

  /** Reads one source and stores what it heard; returns why it cannot, or null when it was read. */
  private String read(Channel c, Connector connector, Source s) {
    if (!(connector instanceof ListensTo listener)
        || !listener.readableSources().contains(s.kind())) {
      return c.network().label() + " channels cannot read this source";
    }
    String cursor = db.read(h -> sources.cursor(h, c.id(), s));
    ReadsMentions.Batch batch = listener.read(s, cursor);
    heard.accept(c, s, batch.items(), batch.cursor());
    if (batch.cursor() == null) {
      db.inTransaction(
          h -> {
            sources.succeeded(h, c.id(), s, clock.instant());
            return null;
          });
    }
    return null;
  }

  private Result failed(Channel c, List<String> errors, Instant retryAt, Instant succeededAt) {
    String message = String.join("; ", errors);
    db.inTransaction(
        h -> {
          channels.recordRead(h, c.id(), succeededAt, message, clock.instant(), retryAt);
          return null;
        });
    return new Result(0, message);
  }

  /** A network that asked for a pause (429 Retry-After, a spent rate limit) gets it. */
  private Instant retryAt(ChorusException e, Instant next) {
    Instant after =
        e instanceof ChannelFailure f && f.retryAfter() != null
            ? clock.instant().plus(f.retryAfter())
            : next;
    return later(after, next);
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static void log(Channel c, Source s, String message) {
    LOG.atInfo()
        .addKeyValue("channel", c.id().value())
        .addKeyValue("network", c.network().key())
        .addKeyValue("source", s.key())
        .log("channel read failed: {}", message);
  }
}
