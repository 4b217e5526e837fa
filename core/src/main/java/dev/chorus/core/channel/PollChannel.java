package dev.chorus.core.channel;

import dev.chorus.core.Ids;
import dev.chorus.core.error.ChorusException;
import dev.chorus.core.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what a channel heard since its cursor and stores it. The items and the new cursor commit in
 * one transaction, and items are deduplicated by their id on the network, so a crash loses nothing
 * and a repeated read stores nothing twice. A failure is recorded on the channel's health with the
 * network's reason; it never throws.
 */
public final class PollChannel {
  private static final Logger LOG = LoggerFactory.getLogger(PollChannel.class);

  /** What one read did: items new to the store, or the failure's message. */
  public record Result(int added, String error) {}

  private final Database db;
  private final ChannelStore channels;
  private final ChannelSecrets secrets;
  private final ConnectorFactory connectors;
  private final Annotator annotator;
  private final Ids ids;
  private final Clock clock;

  public PollChannel(
      Database db,
      ChannelStore channels,
      ChannelSecrets secrets,
      ConnectorFactory connectors,
      Annotator annotator,
      Ids ids,
      Clock clock) {
    this.db = db;
    this.channels = channels;
    this.secrets = secrets;
    this.connectors = connectors;
    this.annotator = annotator;
    this.ids = ids;
    this.clock = clock;
  }

  public Result poll(Channel c) {
    Instant started = clock.instant();
    Instant next = started.plus(c.pollInterval());
    try {
      String secret =
          secrets.open(c.id(), db.read(h -> channels.sealedSecret(h, c.id())).orElse(null));
      Connector connector = connectors.open(c, secret);
      if (!(connector instanceof ReadsMentions reader)) {
        db.inTransaction(
            h -> {
              channels.recordSuccess(h, c.id(), c.cursor(), started, null);
              return null;
            });
        return new Result(0, null);
      }
      ReadsMentions.Batch batch = reader.readSince(c.cursor());
      // The engine runs outside the transaction: the write lock is held only to store.
      List<ChannelStore.NewItem> annotated = annotator.annotate(c, batch.items());
      int added =
          db.inTransaction(
              h -> {
                int n = channels.storeItems(h, c, annotated, ids::next, clock.instant());
                channels.recordSuccess(h, c.id(), batch.cursor(), clock.instant(), next);
                return n;
              });
      return new Result(added, null);
    } catch (ChorusException e) {
      String message = e.getMessage();
      LOG.atInfo()
          .addKeyValue("channel", c.id().value())
          .addKeyValue("network", c.network().key())
          .log("channel read failed: {}", message);
      // A network that asked for a pause (429 Retry-After, a spent rate limit) gets it.
      Instant after =
          e instanceof ChannelFailure f && f.retryAfter() != null
              ? clock.instant().plus(f.retryAfter())
              : next;
      Instant retryAt = after.isAfter(next) ? after : next;
      db.inTransaction(
          h -> {
            channels.recordFailure(h, c.id(), message, clock.instant(), retryAt);
            return null;
          });
      return new Result(0, message);
    }
  }
}
