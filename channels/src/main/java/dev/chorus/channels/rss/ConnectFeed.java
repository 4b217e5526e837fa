package dev.chorus.channels.rss;

import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.ChannelFailure;
import dev.chorus.core.channel.ConnectChannel;
import dev.chorus.core.channel.Network;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import java.util.List;
import java.util.Map;

/**
 * Connects a feed from what a person typed: the feed's address or a site's. A feed that cannot be
 * found is the input at fault, so it is {@link Invalid} on {@code address} with the reason.
 */
public final class ConnectFeed {
  /** How often a feed can be read, in minutes. */
  public static final List<Integer> INTERVALS = List.of(5, 15, 30, 60, 180, 720);

  private final FeedDiscovery discovery;
  private final ConnectChannel connectChannel;

  public ConnectFeed(FeedDiscovery discovery, ConnectChannel connectChannel) {
    this.discovery = discovery;
    this.connectChannel = connectChannel;
  }

  /**
   * @param name null or blank to use the feed's own title
   * @param intervalMinutes one of {@link #INTERVALS}
   */
  public Channel connect(Actor actor, String address, String name, int intervalMinutes) {
    actor.require(Role.ADMIN, "connect channels");
    if (!INTERVALS.contains(intervalMinutes)) {
      throw new Invalid("interval", "read a feed every 5, 15, 30, 60, 180 or 720 minutes");
    }
    if (address == null || address.isBlank()) {
      throw new Invalid("address", "enter the address of a feed or of a site that has one");
    }
    FeedDiscovery.Found found;
    try {
      found = discovery.discover(address);
    } catch (ChannelFailure e) {
      throw new Invalid("address", e.getMessage());
    }
    String title = name == null || name.isBlank() ? found.title() : name;
    if (title == null || title.isBlank()) title = found.url().getHost();
    return connectChannel.connect(
        actor,
        new ConnectChannel.Spec(
            Network.RSS,
            title,
            found.url().toString(),
            Map.of("interval_minutes", Integer.toString(intervalMinutes)),
            null,
            null));
  }
}
