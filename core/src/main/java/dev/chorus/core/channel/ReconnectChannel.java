package dev.chorus.core.channel;

import dev.chorus.core.audit.AuditLog;
import dev.chorus.core.error.Conflict;
import dev.chorus.core.error.NotFound;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.store.Database;
import java.time.Clock;

/**
 * Reconnects a disconnected channel under the same id, so what it heard stays together, with new
 * credentials where the network needs them; it is read again at once.
 */
public final class ReconnectChannel {
  private final Database db;
  private final ChannelStore channels;
  private final ChannelSecrets secrets;
  private final AuditLog audit;
  private final Clock clock;

  public ReconnectChannel(
      Database db, ChannelStore channels, ChannelSecrets secrets, AuditLog audit, Clock clock) {
    this.db = db;
    this.channels = channels;
    this.secrets = secrets;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * @param secret the new credentials (JSON or a webhook secret), or null when it needs none
   * @throws NotFound when the channel is not in the actor's workspace
   * @throws Conflict when it is still connected, or its address is connected again meanwhile
   */
  public Channel reconnect(Actor actor, ChannelId id, String secret) {
    actor.require(Role.ADMIN, "reconnect channels");
    return db.inTransaction(
        h -> {
          Channel c =
              channels
                  .find(h, actor.workspace().id(), id)
                  .orElseThrow(() -> new NotFound("There is no such channel here."));
          if (c.disconnectedAt() == null) throw new Conflict(c.name() + " is connected.");
          boolean taken =
              channels.list(h, actor.workspace().id()).stream()
                  .anyMatch(
                      o ->
                          !o.id().equals(id)
                              && o.disconnectedAt() == null
                              && o.network() == c.network()
                              && o.address().equalsIgnoreCase(c.address()));
          if (taken) {
            throw new Conflict(c.address() + " is connected here as another channel already.");
          }
          h.createUpdate(
                  "UPDATE channels SET disconnected_at = NULL, secret = :secret, last_error = NULL,"
                      + " next_poll_at = :now WHERE id = :id")
              .bind("secret", secrets.seal(id, secret))
              .bind("now", clock.millis())
              .bind("id", id.value())
              .execute();
          audit.record(
              h, actor.workspace().id(), actor.who(), "channel.reconnected", c.name(), null);
          return channels.find(h, actor.workspace().id(), id).orElseThrow();
        });
  }
}
