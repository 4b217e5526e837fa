package dev.chorus.channels.webhook;

import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.ConnectChannel;
import dev.chorus.core.channel.Network;
import dev.chorus.core.member.Actor;
import dev.chorus.core.security.Tokens;
import java.util.Locale;
import java.util.Map;

/** Creates an inbound webhook channel with its own signing secret, shown once. */
public final class CreateWebhook {
  /** The new channel and its signing secret. */
  public record Created(Channel channel, String secret) {}

  private final ConnectChannel connectChannel;

  public CreateWebhook(ConnectChannel connectChannel) {
    this.connectChannel = connectChannel;
  }

  public Created create(Actor actor, String name) {
    String secret = Tokens.random("whsec_", 32);
    String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    Channel c =
        connectChannel.connect(
            actor,
            new ConnectChannel.Spec(
                Network.WEBHOOK, name, "webhook:" + key, Map.of(), secret, null));
    return new Created(c, secret);
  }
}
