package dev.chorus.core.publishing;

import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.ChannelLimits;
import dev.chorus.core.channel.ChannelSecrets;
import dev.chorus.core.channel.ChannelStore;
import dev.chorus.core.channel.Connector;
import dev.chorus.core.channel.ConnectorFactory;
import dev.chorus.core.channel.Publishes;
import dev.chorus.core.error.ChorusException;
import dev.chorus.core.store.Database;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a post on a channel may hold, asked of its connector (a Mastodon instance announces its own)
 * and kept for ten minutes, so typing in the composer does not wait on the network.
 */
public final class PublishLimits {
  /**
   * A channel's limits, or why it cannot post.
   *
   * @param limits null when {@code refusal} is set
   */
  public record Answer(ChannelLimits limits, String refusal) {}

  private static final long TTL_MILLIS = 10 * 60_000L;

  private record Cached(ChannelLimits limits, long at) {}

  private final Database db;
  private final ChannelStore channels;
  private final ChannelSecrets secrets;
  private final ConnectorFactory connectors;
  private final Clock clock;
  private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

  public PublishLimits(
      Database db,
      ChannelStore channels,
      ChannelSecrets secrets,
      ConnectorFactory connectors,
      Clock clock) {
    this.db = db;
    this.channels = channels;
    this.secrets = secrets;
    this.connectors = connectors;
    this.clock = clock;
  }

  /** The limits of {@code c}, or why it cannot post (disconnected, cannot publish, no secret). */
  public Answer of(Channel c) {
    if (c.disconnectedAt() != null) {
      return new Answer(null, "the channel " + c.name() + " is disconnected");
    }
    Cached cached = cache.get(c.id().value());
    if (cached != null && clock.millis() - cached.at() < TTL_MILLIS) {
      return new Answer(cached.limits(), null);
    }
    Connector connector;
    try {
      String sealed = db.read(h -> channels.sealedSecret(h, c.id())).orElse(null);
      connector = connectors.open(c, sealed == null ? null : secrets.open(c.id(), sealed));
    } catch (ChorusException | IllegalStateException e) {
      return new Answer(null, e.getMessage());
    }
    if (!(connector instanceof Publishes)) {
      return new Answer(null, c.network().label() + " channels cannot publish");
    }
    ChannelLimits limits = connector.limits();
    cache.put(c.id().value(), new Cached(limits, clock.millis()));
    return new Answer(limits, null);
  }
}
