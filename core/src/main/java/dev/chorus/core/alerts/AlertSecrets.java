package dev.chorus.core.alerts;

import dev.chorus.core.security.SecretBox;

/** Seals and opens a destination's signing secret, bound to the destination's id. */
public final class AlertSecrets {
  private final SecretBox box;

  public AlertSecrets(SecretBox box) {
    this.box = box;
  }

  public String seal(String destinationId, String secret) {
    return secret == null ? null : box.seal(secret, "alert-destination:" + destinationId);
  }

  public String open(String destinationId, String sealed) {
    return sealed == null ? null : box.open(sealed, "alert-destination:" + destinationId);
  }
}
