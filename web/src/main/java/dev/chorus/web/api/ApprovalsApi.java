package dev.chorus.web.api;

import dev.chorus.core.Core;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.member.Actor;
import dev.chorus.core.publishing.DueTime;
import dev.chorus.core.publishing.PostId;
import dev.chorus.core.publishing.approvals.ApprovalStore;
import dev.chorus.core.publishing.approvals.DecideApproval;
import dev.chorus.web.http.Access;
import dev.chorus.web.http.Req;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Approvals in the API: submit a draft (contributors and above), list what waits, approve or reject
 * it (editors and above). {@link ApiRoutes} registers them with the rest.
 */
public final class ApprovalsApi {
  private final Core core;
  private final List<Operation> operations = new ArrayList<>();

  ApprovalsApi(Core core) {
    this.core = core;
    declare();
  }

  List<Operation> operations() {
    return List.copyOf(operations);
  }

  /**
   * A submission: {@code due_at} is a local date-time (2026-05-04T09:30) in {@code time_zone}
   * (default UTC); leave it out, or set {@code queue}, for the next queue slot.
   */
  public record SubmitRequest(
      @Nullable String dueAt,
      @Nullable String timeZone,
      @Nullable Boolean queue,
      @Nullable String note) {}

  /** An approval: a new {@code due_at} in {@code time_zone} when the wished time passed. */
  public record ApproveRequest(
      @Nullable String dueAt, @Nullable String timeZone, @Nullable String comment) {}

  public record RejectRequest(String comment) {}

  /** A request waiting for approval. */
  public record ApprovalJson(
      String id,
      String postId,
      String status,
      @Nullable String authorName,
      String text,
      List<String> channels,
      Instant submittedAt,
      @Nullable Instant wishedDueAt) {
    static ApprovalJson of(ApprovalStore.Pending p) {
      return new ApprovalJson(
          p.requestId(),
          p.postId().value(),
          "pending",
          p.authorName(),
          p.firstPart(),
          p.channels(),
          p.submittedAt(),
          p.wishedDueAt());
    }
  }

  /** What waits for approval. */
  public record ApprovalsJson(List<ApprovalJson> items) {}

  /** A request just submitted or decided. */
  public record DecisionJson(String id, String postId, String status, @Nullable Instant dueAt) {}

  private void declare() {
    add(
        HandlerType.POST,
        "/api/v1/posts/{postId}/submit",
        "submitPost",
        "Submit a draft for approval (at a wished time, or for the queue)",
        Access.CONTRIBUTOR,
        SubmitRequest.class,
        DecisionJson.class,
        201,
        this::submit);
    add(
        HandlerType.GET,
        "/api/v1/approvals",
        "listApprovals",
        "Posts waiting for approval, oldest first",
        Access.EDITOR,
        null,
        ApprovalsJson.class,
        200,
        ctx -> {
          Actor a = Req.actor(ctx);
          ctx.json(
              new ApprovalsJson(
                  core
                      .db
                      .read(h -> core.approvals.store.pending(h, a.workspace().id(), 200))
                      .stream()
                      .map(ApprovalJson::of)
                      .toList()));
        });
    add(
        HandlerType.POST,
        "/api/v1/approvals/{requestId}/approve",
        "approvePost",
        "Approve a waiting post: it is scheduled at the wished time, a new one, or in the queue",
        Access.EDITOR,
        ApproveRequest.class,
        DecisionJson.class,
        200,
        this::approve);
    add(
        HandlerType.POST,
        "/api/v1/approvals/{requestId}/reject",
        "rejectPost",
        "Send a waiting post back to its author with a comment",
        Access.EDITOR,
        RejectRequest.class,
        DecisionJson.class,
        200,
        this::reject);
  }

  private void add(
      HandlerType method,
      String path,
      String id,
      String summary,
      Access access,
      Class<?> body,
      Class<?> response,
      int status,
      io.javalin.http.Handler handler) {
    operations.add(
        new Operation(
            method,
            path,
            id,
            "Approvals",
            summary,
            access,
            body,
            response,
            false,
            status,
            List.of(),
            ctx -> {
              handler.handle(ctx);
              if (ctx.statusCode() == 200 && status != 200) ctx.status(status);
            }));
  }

  private static <T> T body(Context ctx, Class<T> type) {
    if (ctx.body().isBlank()) throw new Invalid("body", "send a JSON object as the request body");
    return ctx.bodyAsClass(type);
  }

  private void submit(Context ctx) {
    Actor actor = Req.actor(ctx);
    SubmitRequest req =
        ctx.body().isBlank()
            ? new SubmitRequest(null, null, true, null)
            : body(ctx, SubmitRequest.class);
    boolean queue =
        Boolean.TRUE.equals(req.queue()) || req.dueAt() == null || req.dueAt().isBlank();
    String zone =
        req.timeZone() == null || req.timeZone().isBlank() ? "UTC" : req.timeZone().strip();
    Instant due = queue ? null : DueTime.parse(req.dueAt().strip(), zone, core.clock);
    PostId post = new PostId(ctx.pathParam("postId"));
    String id =
        core.approvals.submit.submit(
            actor, post, due, queue ? null : DueTime.zone(zone).getId(), req.note());
    ctx.json(new DecisionJson(id, post.value(), "pending", due));
  }

  private void approve(Context ctx) {
    Actor actor = Req.actor(ctx);
    ApproveRequest req =
        ctx.body().isBlank()
            ? new ApproveRequest(null, null, null)
            : body(ctx, ApproveRequest.class);
    String zone =
        req.timeZone() == null || req.timeZone().isBlank() ? "UTC" : req.timeZone().strip();
    boolean newTime = req.dueAt() != null && !req.dueAt().isBlank();
    Instant due = newTime ? DueTime.parse(req.dueAt().strip(), zone, core.clock) : null;
    String requestId = ctx.pathParam("requestId");
    DecideApproval.Approved a =
        core.approvals.decide.approve(
            actor, requestId, due, newTime ? DueTime.zone(zone).getId() : null, req.comment());
    String post =
        core.db.read(
            h ->
                core.approvals
                    .store
                    .find(h, actor.workspace().id(), requestId)
                    .map(r -> r.postId().value())
                    .orElse(""));
    ctx.json(new DecisionJson(requestId, post, "approved", a.dueAt()));
  }

  private void reject(Context ctx) {
    Actor actor = Req.actor(ctx);
    RejectRequest req = body(ctx, RejectRequest.class);
    String requestId = ctx.pathParam("requestId");
    core.approvals.decide.reject(actor, requestId, req.comment());
    String post =
        core.db.read(
            h ->
                core.approvals
                    .store
                    .find(h, actor.workspace().id(), requestId)
                    .map(r -> r.postId().value())
                    .orElse(""));
    ctx.json(new DecisionJson(requestId, post, "rejected", null));
  }
}
