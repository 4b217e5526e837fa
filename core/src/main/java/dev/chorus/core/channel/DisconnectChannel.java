package dev.chorus.core.channel;

import dev.chorus.core.audit.AuditLog;
import dev.chorus.core.error.ChorusException;
import dev.chorus.core.error.NotFound;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.store.Database;
import java.time.Clock;

/**
 * Disconnects a channel: its credentials are deleted (after the network revoked them, where it can)
 * and reading stops. What it heard stays.
 */
public final class DisconnectChannel {
  private final Database db;
  private final ChannelStore channels;
  private final ChannelSecrets secrets;
  private final ConnectorFactory connectors;
  private final AuditLog audit;
  private final Clock clock;

  public DisconnectChannel(
      Database db,
      ChannelStore channels,
      ChannelSecrets secrets,
      ConnectorFactory connectors,
      AuditLog audit,
      Clock clock) {
    this.db = db;
    this.channels = channels;
    this.secrets = secrets;
    this.connectors = connectors;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * @throws NotFound when the channel is not in the actor's workspace
   */
  public Channel disconnect(Actor actor, ChannelId id) {
    actor.require(Role.ADMIN, "disconnect channels");
    Channel before =
        db.read(h -> channels.find(h, actor.workspace().id(), id))
            .orElseThrow(() -> new NotFound("There is no such channel here."));
    // Revoke first, outside the transaction; a network that cannot be reached does not keep
    // the channel connected here: its credentials are deleted either way, and the audit says so.
    String revoked = null;
    if (before.disconnectedAt() == null) {
      try {
        String secret = secrets.open(id, db.read(h -> channels.sealedSecret(h, id)).orElse(null));
        if (secret != null) connectors.revoke(before, secret);
      } catch (ChorusException e) {
        revoked = "the network did not revoke the credentials: " + e.getMessage();
      }
    }
    String detail = revoked;
    return db.inTransaction(
        h -> {
          Channel c =
              channels
                  .find(h, actor.workspace().id(), id)
                  .orElseThrow(() -> new NotFound("There is no such channel here."));
          channels.disconnect(h, id, clock.instant());
          audit.record(
              h, actor.workspace().id(), actor.who(), "channel.disconnected", c.name(), detail);
          return channels.find(h, actor.workspace().id(), id).orElseThrow();
        });
  }
}
