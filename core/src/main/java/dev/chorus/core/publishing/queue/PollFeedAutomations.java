package dev.chorus.core.publishing.queue;

import dev.chorus.core.channel.ChannelId;
import dev.chorus.core.channel.InboundItem;
import dev.chorus.core.error.ChorusException;
import dev.chorus.core.publishing.SchedulePost;
import dev.chorus.core.security.Tokens;
import dev.chorus.core.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the feed automations that are due and turns each entry not seen before into a post. Each
 * entry becomes a post at most once: its id's hash is stored with the post in one transaction,
 * under a primary key. An entry becomes a queued post or a draft, as the automation says. The first
 * poll does not flood the queue: it takes only the automation's {@code firstPoll} newest entries (0
 * to 3) and marks the others as seen. A poll claims the automation by moving its next poll time
 * with a compare-and-set, so two nodes never read it at once. An entry that cannot be queued (no
 * free slot, a channel disconnected) stops the poll with the reason shown on the automation; it and
 * the entries after it are tried again next time.
 */
public final class PollFeedAutomations {
  private final Database db;
  private final FeedAutomations automations;
  private final AddToQueue addToQueue;
  private final SchedulePost schedule;
  private final FeedReader reader;
  private final java.util.function.Supplier<String> ids;
  private final Clock clock;

  public PollFeedAutomations(
      Database db,
      FeedAutomations automations,
      AddToQueue addToQueue,
      SchedulePost schedule,
      FeedReader reader,
      java.util.function.Supplier<String> ids,
      Clock clock) {
    this.db = db;
    this.automations = automations;
    this.addToQueue = addToQueue;
    this.schedule = schedule;
    this.reader = reader;
    this.ids = ids;
    this.clock = clock;
  }

  /** Polls up to {@code max} due automations; returns how many posts were made. */
  public int pollDue(int max) {
    Instant now = clock.instant();
    int made = 0;
    for (FeedAutomations.Automation a : db.read(h -> automations.due(h, now, max))) {
      if (claim(a, now)) made += poll(a, now);
    }
    if (made > 0) schedule.scheduled();
    return made;
  }

  private boolean claim(FeedAutomations.Automation a, Instant now) {
    Instant next = now.plus(Duration.ofMinutes(a.spec().intervalMinutes()));
    return db.inTransaction(
            h ->
                h.createUpdate(
                        "UPDATE feed_automations SET next_poll_at = :next WHERE id = :id AND"
                            + " next_poll_at = :prev")
                    .bind("next", next.toEpochMilli())
                    .bind("id", a.id())
                    .bind("prev", a.nextPollAt().toEpochMilli())
                    .execute())
        == 1;
  }

  private int poll(FeedAutomations.Automation a, Instant now) {
    List<InboundItem> entries;
    try {
      entries = reader.read(a.spec().feedUrl());
    } catch (RuntimeException e) {
      record(a, now, e.getMessage() == null ? "the feed could not be read" : e.getMessage());
      return 0;
    }
    // Oldest first: on the first poll only the newest few are taken.
    int skipUntil = a.polled() ? 0 : Math.max(0, entries.size() - a.spec().firstPoll());
    int made = 0;
    String error = null;
    for (int i = 0; i < entries.size(); i++) {
      InboundItem e = entries.get(i);
      boolean take = i >= skipUntil;
      try {
        if (entry(a, e, take, now)) made++;
      } catch (ChorusException ex) {
        error = ex.getMessage();
        break;
      }
    }
    record(a, now, error);
    return made;
  }

  /** Records one entry, and makes its post when {@code take}; false when it was seen before. */
  private boolean entry(FeedAutomations.Automation a, InboundItem e, boolean take, Instant now) {
    String guid = Tokens.hash(e.ref().id());
    return db.inTransaction(
        h -> {
          boolean seen =
              h.createQuery(
                          "SELECT COUNT(*) FROM feed_automation_entries WHERE automation_id = :a"
                              + " AND guid_hash = :g")
                      .bind("a", a.id())
                      .bind("g", guid)
                      .mapTo(Integer.class)
                      .one()
                  > 0;
          if (seen) return false;
          String post = null;
          if (take) {
            List<SchedulePost.Variant> variants = new ArrayList<>();
            String text = text(a.spec().template(), e);
            for (ChannelId c : a.spec().channels()) {
              variants.add(new SchedulePost.Variant(c, text, null));
            }
            post =
                a.spec().mode() == FeedAutomations.Mode.DRAFT
                    ? draft(h, a, text)
                    : addToQueue.add(h, a.workspace(), a.createdBy(), variants).post().value();
          }
          h.createUpdate(
                  "INSERT INTO feed_automation_entries (automation_id, guid_hash, post_id,"
                      + " seen_at) VALUES (:a, :g, :p, :now)")
              .bind("a", a.id())
              .bind("g", guid)
              .bind("p", post)
              .bind("now", now.toEpochMilli())
              .execute();
          return take;
        });
  }

  /** Saves {@code text} as a draft for the automation's channels (the composer's tables, V10). */
  private String draft(org.jdbi.v3.core.Handle h, FeedAutomations.Automation a, String text) {
    String post = ids.get();
    long now = clock.millis();
    h.createUpdate(
            "INSERT INTO posts (id, workspace_id, author_id, status, body, created_at, updated_at)"
                + " VALUES (:id, :ws, :author, 'draft', :body, :now, :now)")
        .bind("id", post)
        .bind("ws", a.workspace().value())
        .bind("author", a.createdBy())
        .bind("body", text)
        .bind("now", now)
        .execute();
    h.createUpdate(
            "INSERT INTO post_parts (id, post_id, variant_id, position, body) VALUES (:id, :p,"
                + " NULL, 0, :body)")
        .bind("id", ids.get())
        .bind("p", post)
        .bind("body", text)
        .execute();
    int i = 0;
    for (ChannelId c : a.spec().channels()) {
      h.createUpdate(
              "INSERT INTO post_variants (id, post_id, channel_id, position, tailored) VALUES (:id,"
                  + " :p, :c, :pos, 0)")
          .bind("id", ids.get())
          .bind("p", post)
          .bind("c", c.value())
          .bind("pos", i++)
          .execute();
    }
    return post;
  }

  /** The post's text: the template with the entry's title and link. */
  static String text(String template, InboundItem e) {
    String title = e.title() == null || e.title().isBlank() ? e.text() : e.title();
    String link = e.ref().url() == null ? "" : e.ref().url();
    return template.replace("{title}", title.strip()).replace("{link}", link).strip();
  }

  private void record(FeedAutomations.Automation a, Instant now, String error) {
    db.inTransaction(
        h ->
            h.createUpdate(
                    "UPDATE feed_automations SET polled = 1, last_polled_at = :now, last_error ="
                        + " :e WHERE id = :id")
                .bind("now", now.toEpochMilli())
                .bind("e", error)
                .bind("id", a.id())
                .execute());
  }
}
