package dev.chorus.core.channel;

import dev.chorus.core.Ids;
import dev.chorus.core.audit.AuditLog;
import dev.chorus.core.error.Conflict;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** Stores a new channel whose address and credentials a connector has already checked. */
public final class ConnectChannel {
  /**
   * What to connect.
   *
   * @param secret the credentials as JSON, sealed before they are stored; null when none
   * @param tokenExpiresAt null when the credentials do not expire
   */
  public record Spec(
      Network network,
      String name,
      String address,
      Map<String, String> settings,
      String secret,
      Instant tokenExpiresAt) {
    public Spec {
      if (name == null || name.isBlank()) throw new Invalid("name", "give the channel a name");
      if (name.strip().length() > 120)
        throw new Invalid("name", "a channel name is at most 120 characters");
      if (address == null || address.isBlank()) throw new Invalid("address", "enter an address");
      settings = Map.copyOf(settings);
    }
  }

  private final Database db;
  private final ChannelStore channels;
  private final ChannelSecrets secrets;
  private final AuditLog audit;
  private final Ids ids;
  private final Clock clock;

  public ConnectChannel(
      Database db,
      ChannelStore channels,
      ChannelSecrets secrets,
      AuditLog audit,
      Ids ids,
      Clock clock) {
    this.db = db;
    this.channels = channels;
    this.secrets = secrets;
    this.audit = audit;
    this.ids = ids;
    this.clock = clock;
  }

  /**
   * @throws dev.chorus.core.error.NotPermitted below admin
   * @throws Conflict when the workspace already has this connected address on this network
   */
  public Channel connect(Actor actor, Spec spec) {
    actor.require(Role.ADMIN, "connect channels");
    Instant now = clock.instant();
    ChannelId id = new ChannelId(ids.next());
    Channel c =
        new Channel(
            id,
            actor.workspace().id(),
            spec.network(),
            spec.name().strip(),
            spec.address().strip(),
            spec.settings(),
            null,
            now,
            null,
            null,
            null,
            spec.tokenExpiresAt(),
            now,
            null);
    return db.inTransaction(
        h -> {
          boolean duplicate =
              channels.list(h, actor.workspace().id()).stream()
                  .anyMatch(
                      o ->
                          o.disconnectedAt() == null
                              && o.network() == spec.network()
                              && o.address().equalsIgnoreCase(c.address()));
          if (duplicate) {
            throw new Conflict(
                spec.network().label() + " " + c.address() + " is already connected here.");
          }
          channels.insert(h, c, secrets.seal(id, spec.secret()), actor.user().id().value());
          audit.record(
              h,
              actor.workspace().id(),
              actor.who(),
              "channel.connected",
              c.name(),
              spec.network().key() + " " + c.address());
          return c;
        });
  }
}
