package dev.chorus.core.channel;

import dev.chorus.core.store.Database;
import java.time.Instant;

/**
 * Stores credentials a network renewed on its own (a refreshed session), sealed like those stored
 * at connection, with their new expiry so the channel's health stays true. A channel disconnected
 * meanwhile keeps no credentials. Thread-safe.
 */
public final class RenewCredentials {
  private final Database db;
  private final ChannelStore channels;
  private final ChannelSecrets secrets;

  public RenewCredentials(Database db, ChannelStore channels, ChannelSecrets secrets) {
    this.db = db;
    this.channels = channels;
    this.secrets = secrets;
  }

  /**
   * @param secret the new credentials as JSON
   * @param expiresAt when they expire, or null when they do not
   * @return false when the channel is disconnected and nothing was stored
   */
  public boolean renew(ChannelId id, String secret, Instant expiresAt) {
    String sealed = secrets.seal(id, java.util.Objects.requireNonNull(secret, "secret"));
    return db.inTransaction(h -> channels.updateSecret(h, id, sealed, expiresAt)) == 1;
  }
}
