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

  /** One part of a thread: its text and its attachments (post_media ids, in order). */
  public record Part(String text, List<String> mediaIds) {
    public Part {
      if (text == null || text.isBlank()) throw new Invalid("text", "the post is empty");
      mediaIds = List.copyOf(mediaIds);
    }
  }

  /** A post on one channel as a thread of one or more parts, with its content warning or null. */
  public record Thread(ChannelId channel, List<Part> parts, String contentWarning) {
    public Thread {
      Objects.requireNonNull(channel, "channel");
      parts = List.copyOf(parts);
      if (parts.isEmpty()) throw new Invalid("text", "the post is empty");
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
      checkChannel(h, ws, v.channel());
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

  /**
   * Schedules the composer's post {@code post}, which exists (a draft, or one waiting for
   * approval), on {@code h}: one delivery per thread, each carrying its parts and attachments in
   * delivery_parts. Call {@link #scheduled()} after the commit.
   *
   * @param timeZone the IANA zone the author chose the time in, kept to show it back
   * @throws Invalid when there is no thread or a channel is not the workspace's or is disconnected
   * @throws dev.chorus.core.error.Conflict when the post is no longer a draft or waiting for
   *     approval
   */
  public void scheduleExisting(
      Handle h, WorkspaceId ws, PostId post, Instant dueAt, String timeZone, List<Thread> threads) {
    Objects.requireNonNull(dueAt, "dueAt");
    if (threads.isEmpty()) throw new Invalid("channels", "choose at least one channel");
    Set<ChannelId> seen = new HashSet<>();
    for (Thread t : threads) {
      if (!seen.add(t.channel())) throw new Invalid("channels", "a channel is chosen twice");
      checkChannel(h, ws, t.channel());
    }
    long now = clock.millis();
    int n =
        h.createUpdate(
                "UPDATE posts SET status = 'scheduled', due_at = :due, time_zone = :zone,"
                    + " updated_at = :now WHERE id = :id AND workspace_id = :ws AND status IN"
                    + " ('draft', 'pending_approval', 'rejected')")
            .bind("due", dueAt.toEpochMilli())
            .bind("zone", timeZone)
            .bind("now", now)
            .bind("id", post.value())
            .bind("ws", ws.value())
            .execute();
    if (n != 1) {
      throw new dev.chorus.core.error.Conflict("The post is no longer a draft; reload it.");
    }
    for (Thread t : threads) {
      String delivery = ids.get();
      h.createUpdate(
              "INSERT INTO deliveries (id, post_id, workspace_id, channel_id, body,"
                  + " content_warning, status, due_at, claimable_at, attempts, parts) VALUES (:id,"
                  + " :post, :ws, :channel, :body, :cw, 'scheduled', :due, :due, 0, :parts)")
          .bind("id", delivery)
          .bind("post", post.value())
          .bind("ws", ws.value())
          .bind("channel", t.channel().value())
          .bind("body", t.parts().get(0).text())
          .bind("cw", t.contentWarning())
          .bind("due", dueAt.toEpochMilli())
          .bind("parts", t.parts().size())
          .execute();
      for (int i = 0; i < t.parts().size(); i++) {
        Part p = t.parts().get(i);
        h.createUpdate(
                "INSERT INTO delivery_parts (delivery_id, position, body) VALUES (:d, :i, :body)")
            .bind("d", delivery)
            .bind("i", i)
            .bind("body", p.text())
            .execute();
        for (int m = 0; m < p.mediaIds().size(); m++) {
          h.createUpdate(
                  "INSERT INTO delivery_part_media (delivery_id, position, ordinal, media_id)"
                      + " VALUES (:d, :i, :m, :media)")
              .bind("d", delivery)
              .bind("i", i)
              .bind("m", m)
              .bind("media", p.mediaIds().get(m))
              .execute();
        }
      }
    }
  }

  private void checkChannel(Handle h, WorkspaceId ws, ChannelId id) {
    var c =
        channels
            .find(h, ws, id)
            .orElseThrow(() -> new Invalid("channels", "no such channel: " + id));
    if (c.disconnectedAt() != null) {
      throw new Invalid("channels", "the channel " + c.name() + " is disconnected");
    }
  }

  /** Tells the local scheduler that something new may be due sooner than it thought. */
  public void scheduled() {
    onScheduled.run();
  }
}
