package dev.chorus.channels;

import dev.chorus.channels.bluesky.BlueskyConnector;
import dev.chorus.channels.bluesky.BlueskyDirectory;
import dev.chorus.channels.bluesky.JetstreamConsumer;
import dev.chorus.channels.demo.DemoNetwork;
import dev.chorus.channels.mastodon.MastodonConnector;
import dev.chorus.channels.mastodon.MastodonCredentials;
import dev.chorus.channels.mastodon.MastodonOAuth;
import dev.chorus.channels.mastodon.MastodonTimings;
import dev.chorus.channels.net.SafeHttp;
import dev.chorus.channels.rss.FeedConnector;
import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.ChannelLimits;
import dev.chorus.core.channel.Connector;
import dev.chorus.core.channel.ConnectorFactory;
import dev.chorus.core.channel.Network;
import dev.chorus.core.channel.RenewCredentials;
import java.net.URI;
import java.time.Clock;

/** Makes the connector for a stored channel, by network. */
public final class Connectors implements ConnectorFactory {
  private final SafeHttp http;
  private final Clock clock;
  // One demo network for the life of the app: it remembers what was sent into demo channels.
  private final DemoNetwork demo;
  private final BlueskyDirectory bluesky;
  private final RenewCredentials renewCredentials;
  private final URI jetstream;

  /** Bluesky's public Jetstream (US East), used unless the operator names another. */
  public static final URI JETSTREAM = URI.create("wss://jetstream2.us-east.bsky.network/subscribe");

  /**
   * @param bluesky where Bluesky handles and DIDs are looked up
   * @param renewCredentials stores the tokens a network refreshed (Bluesky's sessions)
   */
  public Connectors(
      SafeHttp http, Clock clock, BlueskyDirectory bluesky, RenewCredentials renewCredentials) {
    this(http, clock, bluesky, renewCredentials, JETSTREAM);
  }

  /**
   * @param jetstream Jetstream's subscribe address, for Bluesky channels that listen to the
   *     firehose
   */
  public Connectors(
      SafeHttp http,
      Clock clock,
      BlueskyDirectory bluesky,
      RenewCredentials renewCredentials,
      URI jetstream) {
    this.http = http;
    this.clock = clock;
    this.demo = new DemoNetwork(clock);
    this.bluesky = bluesky;
    this.renewCredentials = renewCredentials;
    this.jetstream = jetstream;
  }

  @Override
  public void revoke(Channel channel, String secret) {
    if (channel.network() == Network.MASTODON) {
      new MastodonOAuth(http, clock)
          .revoke(URI.create(channel.address()), MastodonCredentials.parse(secret));
    }
    if (channel.network() == Network.BLUESKY) {
      // Ends the session; the app password itself can only be revoked in the Bluesky app.
      BlueskyConnector.open(bluesky, secret, clock, c -> {}).session().signOut();
    }
  }

  @Override
  public Connector open(Channel channel, String secret) {
    return switch (channel.network()) {
      case RSS -> new FeedConnector(URI.create(channel.address()), http, clock);
      case MASTODON ->
          new MastodonConnector(
              URI.create(channel.address()),
              MastodonCredentials.parse(secret).accessToken(),
              http,
              MastodonTimings.standard(),
              clock);
      case DEMO -> demo.open(channel);
      // Refreshed tokens are stored at once: the PDS rotates refresh tokens, so the next read
      // would otherwise present a spent one.
      case BLUESKY ->
          BlueskyConnector.open(
                  bluesky,
                  secret,
                  clock,
                  c -> renewCredentials.renew(channel.id(), c.toJson(), c.refreshExpiresAt()))
              .withFirehose(JetstreamConsumer.posts(http, jetstream));
      // Webhooks are pushed to, never read: a connector with no capabilities stops polling.
      case WEBHOOK ->
          new Connector() {
            @Override
            public Network network() {
              return Network.WEBHOOK;
            }

            @Override
            public ChannelLimits limits() {
              return new ChannelLimits(20_000, false, -1, 0, 0, 0);
            }
          };
      // The other networks are connected through their own forms once they are wired here;
      // until then no such channel can be stored, so reaching this is a programming error.
      default ->
          throw new IllegalStateException(
              channel.network().label() + " channels are not wired into Connectors yet");
    };
  }
}
