package dev.chorus.core.channel;

import dev.chorus.core.security.SecretBox;

/** Seals and opens a channel's credentials, bound to the channel's id. */
public final class ChannelSecrets {
  private final SecretBox box;

  public ChannelSecrets(SecretBox box) {
    this.box = box;
  }

  public String seal(ChannelId id, String secret) {
    return secret == null ? null : box.seal(secret, "channel:" + id.value());
  }

  public String open(ChannelId id, String sealed) {
    return sealed == null ? null : box.open(sealed, "channel:" + id.value());
  }
}
