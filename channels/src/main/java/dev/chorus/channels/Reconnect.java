package dev.chorus.channels;

import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.ChannelId;
import dev.chorus.core.channel.Network;
import dev.chorus.core.channel.PollChannel;
import dev.chorus.core.channel.ReconnectChannel;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.member.Actor;
import dev.chorus.core.security.Tokens;

/**
 * Reconnects a channel with what its network needs: a webhook gets a new signing secret (shown
 * once), a feed is read again at once.
 */
public final class Reconnect {
  /** The channel as it is now, and a new webhook secret or null. */
  public record Done(Channel channel, String secret) {}

  private final ReconnectChannel reconnectChannel;
  private final PollChannel poll;

  public Reconnect(ReconnectChannel reconnectChannel, PollChannel poll) {
    this.reconnectChannel = reconnectChannel;
    this.poll = poll;
  }

  public Done reconnect(Actor actor, ChannelId id, Network network) {
    if (network == Network.BLUESKY) {
      // Its credentials were deleted on disconnect: only the app password, typed again, helps.
      throw new Invalid(
          "channel",
          "a Bluesky account comes back with its app password: use Connect Bluesky on the"
              + " Channels page");
    }
    // A webhook's old secret may be why it was disconnected: it never comes back.
    String secret = network == Network.WEBHOOK ? Tokens.random("whsec_", 32) : null;
    Channel back = reconnectChannel.reconnect(actor, id, secret);
    if (secret == null) poll.poll(back);
    return new Done(back, secret);
  }
}
