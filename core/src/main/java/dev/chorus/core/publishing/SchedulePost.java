package dev.chorus.core.publishing;

import dev.chorus.core.channel.ChannelId;
import dev.chorus.core.channel.ChannelStore;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.workspace.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * Schedules a post: one row for the post and one delivery per channel, due at the same time. The
 * composer (with its per-channel validation and roles) calls this; so do the tests and the
 * benchmark. {@code onScheduled} wakes the local scheduler so an early due time is not missed.
 */
public final class SchedulePost {
  /** The post's text for one channel. {@code contentWarning} may be null. */
  public record Variant(ChannelId channel, String text, String contentWarning) {
    public Variant {
      Objects.requireNonNull(channel, "channel");
      if (text == null || text.isBlank()) throw new Invalid("text", "the post is empty");
    }
  }

  private final ChannelStore channels;
  private final Supplier<String> ids;
  private final Clock clock;
  private final Runnable onScheduled;

  public SchedulePost(
      ChannelStore channels, Supplier<String> ids, Clock clock, Runnable onScheduled) {
    this.channels = channels;
    this.ids = ids;
    this.clock = clock;
    this.onScheduled = onScheduled;
  }

  /**
   * Stores the post and its deliveries on {@code h} (the caller's transaction) and returns its id.
   * Call {@link #scheduled()} after the commit.
   *
   * @param authorId the user who wrote it, or null for an automation
   * @throws Invalid when there is no variant, a channel is not the workspace's or is disconnected
   */
  public PostId schedule(
      Handle h, WorkspaceId ws, String authorId, Instant dueAt, List<Variant> variants) {
    Objects.requireNonNull(dueAt, "dueAt");
    if (variants.isEmpty()) throw new Invalid("channels", "choose at least one channel");
    Set<ChannelId> seen = new HashSet<>();
    for (Variant v : variants) {
      if (!seen.add(v.channel())) throw new Invalid("channels", "a channel is chosen twice");
      var c =
          channels
              .find(h, ws, v.channel())
              .orElseThrow(() -> new Invalid("channels", "no such channel: " + v.channel()));
      if (c.disconnectedAt() != null) {
        throw new Invalid("channels", "the channel " + c.name() + " is disconnected");
      }
    }
    long now = clock.millis();
    PostId post = new PostId(ids.get());
    h.createUpdate(
            "INSERT INTO posts (id, workspace_id, author_id, status, body, due_at, created_at,"
                + " updated_at) VALUES (:id, :ws, :author, 'scheduled', :body, :due, :now, :now)")
        .bind("id", post.value())
        .bind("ws", ws.value())
        .bind("author", authorId)
        .bind("body", variants.get(0).text())
        .bind("due", dueAt.toEpochMilli())
        .bind("now", now)
        .execute();
    for (Variant v : variants) {
      h.createUpdate(
              "INSERT INTO deliveries (id, post_id, workspace_id, channel_id, body,"
                  + " content_warning, status, due_at, claimable_at, attempts) VALUES (:id,"
                  + " :post, :ws, :channel, :body, :cw, 'scheduled', :due, :due, 0)")
          .bind("id", ids.get())
          .bind("post", post.value())
          .bind("ws", ws.value())
          .bind("channel", v.channel().value())
          .bind("body", v.text())
          .bind("cw", v.contentWarning())
          .bind("due", dueAt.toEpochMilli())
          .execute();
    }
    return post;
  }

  /** Tells the local scheduler that something new may be due sooner than it thought. */
  public void scheduled() {
    onScheduled.run();
  }
}
