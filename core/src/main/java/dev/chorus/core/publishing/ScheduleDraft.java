package dev.chorus.core.publishing;

import dev.chorus.core.audit.AuditLog;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.store.Database;
import dev.chorus.core.workspace.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Schedules a draft from the composer (editors and above): checks it on every channel, turns each
 * variant that passes into a delivery carrying its thread and attachments ({@link
 * SchedulePost#scheduleExisting}), and holds back the ones that do not, reported with their counts
 * and problems. Only when no channel passes is nothing scheduled.
 */
public final class ScheduleDraft {
  /**
   * What happened.
   *
   * @param scheduled the channels that will get the post
   * @param blocked the channels held back, with why
   */
  public record Outcome(
      PostId post,
      Instant dueAt,
      List<ValidatePost.ChannelCheck> scheduled,
      List<ValidatePost.ChannelCheck> blocked) {}

  private final Database db;
  private final Drafts drafts;
  private final PostMedia media;
  private final ValidatePost validate;
  private final SchedulePost schedulePost;
  private final AuditLog audit;
  private final Clock clock;

  public ScheduleDraft(
      Database db,
      Drafts drafts,
      PostMedia media,
      ValidatePost validate,
      SchedulePost schedulePost,
      AuditLog audit,
      Clock clock) {
    this.db = db;
    this.drafts = drafts;
    this.media = media;
    this.validate = validate;
    this.schedulePost = schedulePost;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Schedules {@code post} at {@code local} in {@code zone}.
   *
   * @throws Invalid for a time in the past or an unknown zone, or when no channel can take it
   * @throws dev.chorus.core.error.Conflict when the post is no longer a draft
   */
  public Outcome schedule(Actor actor, PostId post, String local, String zone) {
    actor.require(Role.EDITOR, "schedule posts");
    Instant due = DueTime.parse(local, zone, clock);
    return schedule(actor, post, due, DueTime.zone(zone).getId());
  }

  /** Schedules {@code post} at {@code due} (the queue and approvals call this with their time). */
  public Outcome schedule(Actor actor, PostId post, Instant due, String zone) {
    return schedule(actor, post, due, zone, h -> {});
  }

  /**
   * As above, with {@code alsoInTransaction} run in the transaction that schedules the post: an
   * approval records its decision there, so a post edited while it is being approved is either
   * scheduled as approved or not at all.
   */
  public Outcome schedule(
      Actor actor,
      PostId post,
      Instant due,
      String zone,
      java.util.function.Consumer<org.jdbi.v3.core.Handle> alsoInTransaction) {
    actor.require(Role.EDITOR, "schedule posts");
    if (due.isBefore(clock.instant())) {
      throw new Invalid("due_at", "the time is in the past; choose a later time");
    }
    WorkspaceId ws = actor.workspace().id();
    PostDetail detail = drafts.find(actor, post);
    boolean altRequired = media.requireAltText(ws);
    List<ValidatePost.ChannelCheck> checks =
        validate.validate(ws, detail.draft(), detail.media(), altRequired);
    List<ValidatePost.ChannelCheck> ok = new ArrayList<>();
    List<ValidatePost.ChannelCheck> blocked = new ArrayList<>();
    List<SchedulePost.Thread> threads = new ArrayList<>();
    for (int i = 0; i < checks.size(); i++) {
      ValidatePost.ChannelCheck c = checks.get(i);
      if (!c.ok()) {
        blocked.add(c);
        continue;
      }
      ok.add(c);
      threads.add(thread(detail, detail.draft().variants().get(i)));
    }
    if (detail.draft().variants().isEmpty()) {
      throw new Invalid("channels", "choose at least one channel");
    }
    if (threads.isEmpty()) {
      throw new Invalid("channels", "no channel can take this post: " + summary(blocked));
    }
    db.inTransaction(
        h -> {
          schedulePost.scheduleExisting(h, ws, post, due, zone, threads);
          alsoInTransaction.accept(h);
          audit.record(
              h,
              ws,
              actor.who(),
              "post.scheduled",
              post.value(),
              "due "
                  + due
                  + " on "
                  + ok.size()
                  + " channel(s)"
                  + (blocked.isEmpty() ? "" : "; held back: " + summary(blocked)));
          return null;
        });
    schedulePost.scheduled();
    return new Outcome(post, due, ok, blocked);
  }

  private static SchedulePost.Thread thread(PostDetail detail, Draft.Variant v) {
    List<String> parts = detail.draft().partsOf(v);
    List<SchedulePost.Part> out = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      List<String> ids =
          detail.mediaOf(v.tailored() ? v.channel() : null, i).stream()
              .map(PostDetail.Media::id)
              .toList();
      out.add(new SchedulePost.Part(parts.get(i), ids));
    }
    return new SchedulePost.Thread(v.channel(), out, detail.draft().contentWarningOf(v));
  }

  private static String summary(List<ValidatePost.ChannelCheck> blocked) {
    List<String> s = new ArrayList<>();
    for (ValidatePost.ChannelCheck c : blocked) {
      s.add(c.channelName() + " (" + String.join("; ", c.problems()) + ")");
    }
    return String.join(", ", s);
  }
}
