package dev.chorus.core.channel;

import dev.chorus.core.audit.AuditLog;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.error.NotFound;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.store.Database;
import java.time.Clock;

/**
 * Changes what a channel listens to besides its mentions ({@link ListeningSources}). Sources it no
 * longer has forget their cursors; the new ones are read at the next scheduled read, which is
 * brought forward to now, and the channel's streams follow at once.
 */
public final class ChangeSources {
  private final Database db;
  private final ChannelStore channels;
  private final SourceStore sources;
  private final AuditLog audit;
  private final Clock clock;
  private final Runnable changed;

  /**
   * @param changed told after a change is stored (the stream supervisor's refresh)
   */
  public ChangeSources(
      Database db,
      ChannelStore channels,
      SourceStore sources,
      AuditLog audit,
      Clock clock,
      Runnable changed) {
    this.clock = clock;
    this.db = db;
    this.channels = channels;
    this.sources = sources;
    this.audit = audit;
    this.changed = changed;
  }

  /**
   * @param wanted already checked for the channel's network by {@link ListeningSources#check}
   * @throws NotFound when the channel is not in the actor's workspace
   * @throws Invalid on {@code channel} when it is disconnected, or when {@code wanted} is not for
   *     its network
   */
  public Channel change(Actor actor, ChannelId id, ListeningSources wanted) {
    actor.require(Role.ADMIN, "change what channels listen to");
    Channel changedChannel =
        db.inTransaction(
            h -> {
              Channel c =
                  channels
                      .find(h, actor.workspace().id(), id)
                      .orElseThrow(() -> new NotFound("There is no such channel here."));
              if (c.disconnectedAt() != null) {
                throw new Invalid("channel", "this channel is disconnected");
              }
              // Checked again against this channel's network, whatever the caller checked.
              ListeningSources.check(
                  c.network(),
                  String.join(" ", wanted.hashtags()),
                  String.join("\n", wanted.searches()),
                  wanted.live(),
                  wanted.firehose());
              channels.updateSettings(h, id, wanted.into(c.settings()));
              sources.keepOnly(h, id, wanted.all());
              if (c.nextPollAt() != null) {
                h.createUpdate("UPDATE channels SET next_poll_at = :now WHERE id = :id")
                    .bind("now", clock.millis())
                    .bind("id", id.value())
                    .execute();
              }
              audit.record(
                  h,
                  actor.workspace().id(),
                  actor.who(),
                  "channel.sources_changed",
                  c.name(),
                  describe(wanted));
              return channels.find(h, actor.workspace().id(), id).orElseThrow();
            });
    changed.run();
    return changedChannel;
  }

  private static String describe(ListeningSources s) {
    StringBuilder b = new StringBuilder();
    for (Source src : s.all()) {
      if (src.kind() == Source.Kind.MENTIONS) continue;
      if (b.length() > 0) b.append(", ");
      b.append(src.label());
    }
    if (s.live()) b.append(b.length() > 0 ? ", " : "").append("streamed live");
    return b.length() == 0 ? "mentions only" : b.toString();
  }
}
