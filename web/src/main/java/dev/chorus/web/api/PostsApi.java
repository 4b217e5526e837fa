package dev.chorus.web.api;

import dev.chorus.core.Core;
import dev.chorus.core.channel.ChannelId;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.member.Actor;
import dev.chorus.core.publishing.Draft;
import dev.chorus.core.publishing.Drafts;
import dev.chorus.core.publishing.PostDetail;
import dev.chorus.core.publishing.PostId;
import dev.chorus.core.publishing.ScheduleDraft;
import dev.chorus.core.publishing.ValidatePost;
import dev.chorus.web.http.Access;
import dev.chorus.web.http.Req;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Posts from the composer in the API: drafts (create, change, read, list, delete), per-channel
 * validation, and scheduling at a local time in an IANA zone. {@link ApiRoutes} registers them.
 */
public final class PostsApi {
  private final Core core;
  private final List<Operation> operations = new ArrayList<>();

  PostsApi(Core core) {
    this.core = core;
    declare();
  }

  List<Operation> operations() {
    return List.copyOf(operations);
  }

  /**
   * A post on one channel: the base text when {@code parts} is absent, else tailored with its own
   * parts and content warning.
   */
  public record ChannelPostJson(
      String channelId, @Nullable List<String> parts, @Nullable String contentWarning) {}

  /** A draft: the base text's parts (one, or several for a thread) and its channels. */
  public record DraftJson(
      List<String> parts,
      @Nullable String contentWarning,
      List<ChannelPostJson> channels,
      @Nullable String postId) {}

  /** An attachment (its bytes at /w/{slug}/publish/media/{id}). */
  public record MediaJson(
      String id,
      @Nullable String channelId,
      int part,
      int position,
      String mimeType,
      long sizeBytes,
      @Nullable String altText) {}

  /** How the post is doing on one channel. */
  public record DeliveryJson(
      String id,
      String channelId,
      String status,
      int attempts,
      int parts,
      int partsSent,
      @Nullable String remoteUrl,
      @Nullable String lastError,
      @Nullable Instant publishedAt) {}

  /** A post with its channels, attachments and deliveries. */
  public record PostJson(
      String id,
      String status,
      @Nullable String authorName,
      List<String> parts,
      @Nullable String contentWarning,
      List<ChannelPostJson> channels,
      List<MediaJson> media,
      @Nullable Instant dueAt,
      @Nullable String timeZone,
      Instant updatedAt,
      List<DeliveryJson> deliveries) {
    static PostJson of(PostDetail p) {
      List<ChannelPostJson> channels = new ArrayList<>();
      for (Draft.Variant v : p.draft().variants()) {
        channels.add(
            new ChannelPostJson(
                v.channel().value(), v.tailored() ? v.parts() : null, v.contentWarning()));
      }
      return new PostJson(
          p.id().value(),
          p.status(),
          p.authorName(),
          p.draft().parts(),
          p.draft().contentWarning(),
          channels,
          p.media().stream()
              .map(
                  m ->
                      new MediaJson(
                          m.id(),
                          m.channel() == null ? null : m.channel().value(),
                          m.partIndex(),
                          m.position(),
                          m.mimeType(),
                          m.sizeBytes(),
                          m.altText()))
              .toList(),
          p.dueAt(),
          p.timeZone(),
          p.updatedAt(),
          p.deliveries().stream()
              .map(
                  d ->
                      new DeliveryJson(
                          d.id().value(),
                          d.channel().value(),
                          d.status(),
                          d.attempts(),
                          d.parts(),
                          d.partsSent(),
                          d.remoteUrl(),
                          d.lastError(),
                          d.publishedAt()))
              .toList());
    }
  }

  /** A line of the drafts list. */
  public record PostSummaryJson(
      String id,
      String status,
      @Nullable String authorName,
      String text,
      int channels,
      Instant updatedAt) {}

  public record PostListJson(List<PostSummaryJson> items) {}

  /** One channel's verdict: each part's length as the network counts it, and what is wrong. */
  public record ChannelCheckJson(
      String channelId,
      String channelName,
      @Nullable String network,
      int limit,
      boolean countsGraphemes,
      List<Integer> counts,
      boolean ok,
      List<String> problems) {
    static ChannelCheckJson of(ValidatePost.ChannelCheck c) {
      return new ChannelCheckJson(
          c.channel().value(),
          c.channelName(),
          c.network() == null ? null : c.network().key(),
          c.limit(),
          c.countsGraphemes(),
          c.counts(),
          c.ok(),
          c.problems());
    }
  }

  public record ValidationJson(List<ChannelCheckJson> channels) {}

  /** When: a local date and time ("2026-12-01T09:30") in an IANA zone (UTC when omitted). */
  public record ScheduleJson(String dueAt, @Nullable String timeZone) {}

  /** What was scheduled, and the channels held back with why. */
  public record ScheduledJson(
      String postId,
      Instant dueAt,
      List<ChannelCheckJson> scheduled,
      List<ChannelCheckJson> blocked) {}

  private void declare() {
    add(
        HandlerType.POST,
        "/api/v1/posts",
        "createDraft",
        "Save a draft: base text (parts make a thread), content warning, channels, each tailored"
            + " or not (contributors)",
        Access.CONTRIBUTOR,
        DraftJson.class,
        PostJson.class,
        201,
        List.of(),
        this::create);
    add(
        HandlerType.GET,
        "/api/v1/posts",
        "listPosts",
        "The workspace's drafts (or posts of another status), the latest change first",
        Access.VIEWER,
        null,
        PostListJson.class,
        200,
        List.of(
            new Operation.QueryParam(
                "status",
                "string",
                "draft (default), pending_approval, rejected, scheduled, publishing, published,"
                    + " failed or held")),
        this::list);
    add(
        HandlerType.POST,
        "/api/v1/posts/validate",
        "validatePost",
        "Check a draft on each of its channels: lengths counted the network's way, attachments"
            + " (of the saved post post_id), alt text",
        Access.CONTRIBUTOR,
        DraftJson.class,
        ValidationJson.class,
        200,
        List.of(),
        this::validate);
    add(
        HandlerType.GET,
        "/api/v1/posts/{postId}",
        "getPost",
        "A post with its channels, attachments and each delivery's status",
        Access.VIEWER,
        null,
        PostJson.class,
        200,
        List.of(),
        this::get);
    add(
        HandlerType.PUT,
        "/api/v1/posts/{postId}",
        "updateDraft",
        "Replace a draft's text and channels (contributors: their own drafts)",
        Access.CONTRIBUTOR,
        DraftJson.class,
        PostJson.class,
        200,
        List.of(),
        this::update);
    add(
        HandlerType.DELETE,
        "/api/v1/posts/{postId}",
        "deleteDraft",
        "Delete a draft with its attachments (contributors: their own drafts)",
        Access.CONTRIBUTOR,
        null,
        null,
        204,
        List.of(),
        this::delete);
    add(
        HandlerType.POST,
        "/api/v1/posts/{postId}/schedule",
        "scheduleDraft",
        "Schedule a draft at a local time in an IANA zone; a channel it does not fit is held"
            + " back and listed (editors)",
        Access.EDITOR,
        ScheduleJson.class,
        ScheduledJson.class,
        200,
        List.of(),
        this::schedule);
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
      List<Operation.QueryParam> query,
      io.javalin.http.Handler handler) {
    operations.add(
        new Operation(
            method, path, id, "Posts", summary, access, body, response, false, status, query,
            handler));
  }

  private static DraftJson body(Context ctx) {
    if (ctx.body().isBlank()) throw new Invalid("body", "send a JSON object as the request body");
    return ctx.bodyAsClass(DraftJson.class);
  }

  private static Draft draft(DraftJson j) {
    List<Draft.Variant> variants = new ArrayList<>();
    if (j.channels() != null) {
      for (ChannelPostJson c : j.channels()) {
        if (c == null || c.channelId() == null || c.channelId().isBlank()) {
          throw new Invalid("channels", "each channel needs a channel_id");
        }
        variants.add(
            new Draft.Variant(
                new ChannelId(c.channelId()), c.parts() != null, c.parts(), c.contentWarning()));
      }
    }
    return new Draft(j.parts() == null ? List.of() : j.parts(), j.contentWarning(), variants);
  }

  private void create(Context ctx) {
    Actor actor = Req.actor(ctx);
    PostId post = core.drafts.create(actor, draft(body(ctx)));
    ctx.status(201).json(PostJson.of(core.drafts.find(actor, post)));
  }

  private void list(Context ctx) {
    Actor actor = Req.actor(ctx);
    String status = ctx.queryParam("status");
    List<String> statuses = List.of(status == null || status.isBlank() ? "draft" : status);
    List<PostSummaryJson> items = new ArrayList<>();
    for (Drafts.Summary s : core.drafts.list(actor, statuses, 200)) {
      items.add(
          new PostSummaryJson(
              s.id().value(),
              s.status(),
              s.authorName(),
              s.firstPart(),
              s.channels(),
              s.updatedAt()));
    }
    ctx.json(new PostListJson(items));
  }

  private void validate(Context ctx) {
    Actor actor = Req.actor(ctx);
    DraftJson j = body(ctx);
    List<PostDetail.Media> media =
        j.postId() == null || j.postId().isBlank()
            ? List.of()
            : core.drafts.find(actor, new PostId(j.postId())).media();
    List<ChannelCheckJson> out = new ArrayList<>();
    for (ValidatePost.ChannelCheck c :
        core.validatePost.validate(
            actor.workspace().id(),
            draft(j),
            media,
            core.postMedia.requireAltText(actor.workspace().id()))) {
      out.add(ChannelCheckJson.of(c));
    }
    ctx.json(new ValidationJson(out));
  }

  private void get(Context ctx) {
    ctx.json(PostJson.of(core.drafts.find(Req.actor(ctx), new PostId(ctx.pathParam("postId")))));
  }

  private void update(Context ctx) {
    Actor actor = Req.actor(ctx);
    PostId post = new PostId(ctx.pathParam("postId"));
    core.drafts.update(actor, post, draft(body(ctx)));
    ctx.json(PostJson.of(core.drafts.find(actor, post)));
  }

  private void delete(Context ctx) {
    core.drafts.delete(Req.actor(ctx), new PostId(ctx.pathParam("postId")));
    ctx.status(204);
  }

  private void schedule(Context ctx) {
    Actor actor = Req.actor(ctx);
    if (ctx.body().isBlank()) throw new Invalid("body", "send a JSON object as the request body");
    ScheduleJson j = ctx.bodyAsClass(ScheduleJson.class);
    ScheduleDraft.Outcome o =
        core.scheduleDraft.schedule(
            actor, new PostId(ctx.pathParam("postId")), j.dueAt(), j.timeZone());
    ctx.json(
        new ScheduledJson(
            o.post().value(),
            o.dueAt(),
            o.scheduled().stream().map(ChannelCheckJson::of).toList(),
            o.blocked().stream().map(ChannelCheckJson::of).toList()));
  }
}
