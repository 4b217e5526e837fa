package dev.chorus.web.api;

import dev.chorus.core.Core;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.member.Actor;
import dev.chorus.core.page.Page;
import dev.chorus.core.page.PageRequest;
import dev.chorus.core.publishing.DeliveryId;
import dev.chorus.core.publishing.DeliveryProblem;
import dev.chorus.core.publishing.MissedPosts;
import dev.chorus.core.publishing.PostNotice;
import dev.chorus.web.api.Dto.PageJson;
import dev.chorus.web.api.PublishingDto.DeliveryActionJson;
import dev.chorus.web.api.PublishingDto.DeliveryProblemJson;
import dev.chorus.web.api.PublishingDto.NoticeJson;
import dev.chorus.web.api.PublishingDto.NoticesReadJson;
import dev.chorus.web.api.PublishingDto.PublishingSettingsJson;
import dev.chorus.web.api.PublishingDto.PublishingSettingsRequest;
import dev.chorus.web.http.Access;
import dev.chorus.web.http.Req;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;

/**
 * Failed and held deliveries (list; retry, send now, discard), the caller's notices (list, mark
 * read) and the missed-posts setting, as {@link Operation}s that {@link ApiRoutes} registers.
 */
final class PublishingProblemsApi {
  private final Core core;
  private final List<Operation> operations = new ArrayList<>();

  PublishingProblemsApi(Core core) {
    this.core = core;
    declare();
  }

  List<Operation> operations() {
    return List.copyOf(operations);
  }

  private void declare() {
    op(
        HandlerType.GET,
        "/api/v1/deliveries/problems",
        "listDeliveryProblems",
        "Publishing",
        "Failed and held deliveries, newest first, with the reason, attempts and times",
        Access.VIEWER,
        null,
        DeliveryProblemJson.class,
        true,
        200,
        Operation.paging(),
        this::problems);
    op(
        HandlerType.POST,
        "/api/v1/deliveries/{id}/retry",
        "retryDelivery",
        "Publishing",
        "Send a failed delivery again now, with the same idempotency key (409 when it is not"
            + " failed, for example while it is being sent)",
        Access.EDITOR,
        null,
        DeliveryActionJson.class,
        false,
        200,
        List.of(),
        ctx -> act(ctx, core.publishingProblems.retry::retry, "scheduled"));
    op(
        HandlerType.POST,
        "/api/v1/deliveries/{id}/send",
        "sendHeldDelivery",
        "Publishing",
        "Send a held delivery now (409 when it is not held)",
        Access.EDITOR,
        null,
        DeliveryActionJson.class,
        false,
        200,
        List.of(),
        ctx -> act(ctx, core.publishingProblems.sendHeld::send, "scheduled"));
    op(
        HandlerType.POST,
        "/api/v1/deliveries/{id}/discard",
        "discardDelivery",
        "Publishing",
        "Discard a failed or held delivery: it is cancelled and never sent (409 when it is"
            + " neither)",
        Access.EDITOR,
        null,
        DeliveryActionJson.class,
        false,
        200,
        List.of(),
        ctx -> act(ctx, core.publishingProblems.discard::discard, "cancelled"));
    List<Operation.QueryParam> noticeParams = new ArrayList<>();
    noticeParams.add(new Operation.QueryParam("unread", "boolean", "true for unread ones only"));
    noticeParams.addAll(Operation.paging());
    op(
        HandlerType.GET,
        "/api/v1/notices",
        "listNotices",
        "Publishing",
        "The caller's notices about their posts in this workspace, newest first",
        Access.VIEWER,
        null,
        NoticeJson.class,
        true,
        200,
        noticeParams,
        this::notices);
    op(
        HandlerType.POST,
        "/api/v1/notices/read",
        "markAllNoticesRead",
        "Publishing",
        "Mark all the caller's notices in this workspace read",
        Access.VIEWER,
        null,
        NoticesReadJson.class,
        false,
        200,
        List.of(),
        ctx ->
            ctx.json(
                new NoticesReadJson(core.publishingProblems.notices.markAllRead(Req.actor(ctx)))));
    op(
        HandlerType.POST,
        "/api/v1/notices/{id}/read",
        "markNoticeRead",
        "Publishing",
        "Mark one of the caller's notices read",
        Access.VIEWER,
        null,
        null,
        false,
        204,
        List.of(),
        ctx -> {
          core.publishingProblems.notices.markRead(Req.actor(ctx), ctx.pathParam("id"));
          ctx.status(204);
        });
    op(
        HandlerType.GET,
        "/api/v1/publishing/settings",
        "getPublishingSettings",
        "Publishing",
        "The workspace's publishing settings",
        Access.VIEWER,
        null,
        PublishingSettingsJson.class,
        false,
        200,
        List.of(),
        this::settings);
    op(
        HandlerType.PATCH,
        "/api/v1/publishing/settings",
        "changePublishingSettings",
        "Publishing",
        "Change what happens to posts that fell due while the server was down: send or hold",
        Access.ADMIN,
        PublishingSettingsRequest.class,
        PublishingSettingsJson.class,
        false,
        200,
        List.of(),
        this::changeSettings);
  }

  private void op(
      HandlerType method,
      String path,
      String id,
      String tag,
      String summary,
      Access access,
      Class<?> body,
      Class<?> response,
      boolean paged,
      int status,
      List<Operation.QueryParam> query,
      Handler handler) {
    operations.add(
        new Operation(
            method,
            path,
            id,
            tag,
            summary,
            access,
            body,
            response,
            paged,
            status,
            query,
            ctx -> {
              handler.handle(ctx);
              if (ctx.statusCode() == 200 && status != 200) ctx.status(status);
            }));
  }

  private void problems(Context ctx) {
    Actor a = Req.actor(ctx);
    PageRequest pr = PageRequest.parse(ctx.queryParam("cursor"), ctx.queryParam("limit"));
    Page<DeliveryProblem> page =
        core.db.read(
            h ->
                core.publishingProblems.deliveries.list(
                    h, a.workspace().id(), pr, core.clock.instant()));
    Page<DeliveryProblemJson> json = page.map(DeliveryProblemJson::of);
    ctx.json(new PageJson<>(json.items(), json.nextCursor()));
  }

  private interface Action {
    void apply(Actor actor, DeliveryId id);
  }

  private void act(Context ctx, Action action, String status) {
    String id = ctx.pathParam("id");
    action.apply(Req.actor(ctx), new DeliveryId(id));
    ctx.json(new DeliveryActionJson(id, status));
  }

  private void notices(Context ctx) {
    Actor a = Req.actor(ctx);
    String unread = ctx.queryParam("unread");
    if (unread != null && !unread.equals("true") && !unread.equals("false")) {
      throw new Invalid("unread", "unread is true or false");
    }
    PageRequest pr = PageRequest.parse(ctx.queryParam("cursor"), ctx.queryParam("limit"));
    Page<PostNotice> page =
        core.db.read(
            h ->
                core.publishingProblems.notices.list(
                    h, a.workspace().id(), a.user().id(), "true".equals(unread), pr));
    Page<NoticeJson> json = page.map(NoticeJson::of);
    ctx.json(new PageJson<>(json.items(), json.nextCursor()));
  }

  private void settings(Context ctx) {
    Actor a = Req.actor(ctx);
    MissedPosts m = core.db.read(h -> core.deliveries.missedPosts(h, a.workspace().id()));
    ctx.json(new PublishingSettingsJson(m.key()));
  }

  private void changeSettings(Context ctx) {
    if (ctx.body().isBlank()) throw new Invalid("body", "send a JSON object as the request body");
    PublishingSettingsRequest req = ctx.bodyAsClass(PublishingSettingsRequest.class);
    if (req.missedPosts() == null) {
      throw new Invalid("missed_posts", "say what to do with missed posts: send or hold");
    }
    MissedPosts choice;
    try {
      choice = MissedPosts.parse(req.missedPosts());
    } catch (IllegalArgumentException e) {
      throw new Invalid("missed_posts", "missed_posts is send or hold");
    }
    core.publishingProblems.changeMissedPosts.change(Req.actor(ctx), choice);
    settings(ctx);
  }
}
