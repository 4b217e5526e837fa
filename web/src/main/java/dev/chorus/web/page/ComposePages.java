package dev.chorus.web.page;

import dev.chorus.core.Core;
import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.ChannelId;
import dev.chorus.core.channel.ChannelLimits;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.error.NotFound;
import dev.chorus.core.member.Actor;
import dev.chorus.core.publishing.Draft;
import dev.chorus.core.publishing.Drafts;
import dev.chorus.core.publishing.HashtagGroups;
import dev.chorus.core.publishing.PostDetail;
import dev.chorus.core.publishing.PostId;
import dev.chorus.core.publishing.PublishLimits;
import dev.chorus.core.publishing.ScheduleDraft;
import dev.chorus.core.publishing.SplitThread;
import dev.chorus.core.publishing.ValidatePost;
import dev.chorus.web.http.Access;
import dev.chorus.web.http.Req;
import dev.chorus.web.view.Form;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The composer (/publish/compose, and a draft's page /publish/posts/{id}): base text once, tailored
 * per channel, thread parts, content warning, attachments with alt text, live counts per channel;
 * save (contributors and above) or schedule (editors and above). A post that is no longer a draft
 * shows each channel's delivery instead. Also the drafts list and the hashtag groups.
 */
public final class ComposePages {
  /**
   * One channel in the composer.
   *
   * @param variant the post on it, or null when it is not chosen
   * @param check the latest verdict, or null before the first save
   */
  public record ChannelRow(
      Channel channel, Draft.Variant variant, ValidatePost.ChannelCheck check, String refusal) {
    public boolean chosen() {
      return variant != null;
    }

    public boolean tailored() {
      return variant != null && variant.tailored();
    }
  }

  /** What the composer or the post page shows. */
  public record View(
      PostDetail post,
      Draft draft,
      List<ChannelRow> channels,
      List<HashtagGroups.Group> hashtags,
      boolean altRequired,
      String blankFor,
      Form form,
      ScheduleDraft.Outcome outcome) {
    public boolean editable() {
      return post == null || post.editable();
    }

    public String postId() {
      return post == null ? "" : post.id().value();
    }
  }

  private final Core core;
  private final Pages pages;

  public ComposePages(Core core, Pages pages) {
    this.core = core;
    this.pages = pages;
  }

  public void register(RoutesConfig r) {
    r.get("/w/{slug}/publish/compose", this::compose, Access.CONTRIBUTOR);
    r.post("/w/{slug}/publish/compose", this::create, Access.CONTRIBUTOR);
    r.post("/w/{slug}/publish/validate", this::validate, Access.CONTRIBUTOR);
    r.get("/w/{slug}/publish/drafts", this::drafts, Access.VIEWER);
    r.get("/w/{slug}/publish/posts/{id}", this::show, Access.VIEWER);
    r.post("/w/{slug}/publish/posts/{id}", this::update, Access.CONTRIBUTOR);
    r.post("/w/{slug}/publish/posts/{id}/delete", this::delete, Access.CONTRIBUTOR);
    r.post("/w/{slug}/publish/posts/{id}/media", this::attach, Access.CONTRIBUTOR);
    r.post("/w/{slug}/publish/posts/{id}/media/{media}/alt", this::describe, Access.CONTRIBUTOR);
    r.post("/w/{slug}/publish/posts/{id}/media/{media}/delete", this::remove, Access.CONTRIBUTOR);
    r.get("/w/{slug}/publish/media/{media}", this::media, Access.VIEWER);
    r.get("/w/{slug}/publish/hashtags", this::hashtags, Access.VIEWER);
    r.post("/w/{slug}/publish/hashtags", this::saveHashtags, Access.EDITOR);
    r.post("/w/{slug}/publish/hashtags/{id}/delete", this::deleteHashtags, Access.EDITOR);
  }

  // --- composer ---------------------------------------------------------------------------

  private void compose(Context ctx) {
    Actor actor = Req.actor(ctx);
    List<Draft.Variant> none = List.of();
    String preset = ctx.queryParam("channel");
    List<Draft.Variant> chosen = new ArrayList<>();
    if (preset != null && !preset.isBlank()) chosen.add(Draft.Variant.base(new ChannelId(preset)));
    render(
        ctx,
        actor,
        null,
        new Draft(List.of(), null, chosen.isEmpty() ? none : chosen),
        null,
        Form.empty(),
        null);
  }

  private void create(Context ctx) {
    Actor actor = Req.actor(ctx);
    Draft draft;
    try {
      draft = draft(ctx, actor);
    } catch (Invalid e) {
      ctx.status(400);
      render(
          ctx, actor, null, new Draft(List.of(), null, List.of()), null, form(ctx).failed(e), null);
      return;
    }
    PostId post = core.drafts.create(actor, draft);
    after(ctx, actor, post, draft);
  }

  private void update(Context ctx) {
    Actor actor = Req.actor(ctx);
    PostId post = new PostId(ctx.pathParam("id"));
    PostDetail detail = core.drafts.find(actor, post);
    Draft draft;
    try {
      draft = draft(ctx, actor);
    } catch (Invalid e) {
      ctx.status(400);
      render(ctx, actor, detail, detail.draft(), null, form(ctx).failed(e), null);
      return;
    }
    core.drafts.update(actor, post, draft);
    after(ctx, actor, post, draft);
  }

  /** After a save: split, add a part, or schedule, as the pressed button asked. */
  private void after(Context ctx, Actor actor, PostId post, Draft draft) {
    String base = "/w/" + actor.workspace().slug() + "/publish/posts/" + post.value();
    String action = ctx.formParamAsClass("action", String.class).getOrDefault("save");
    if (action.startsWith("add-part:")) {
      String target = action.substring("add-part:".length()).replaceAll("[^A-Za-z0-9_-]", "");
      ctx.redirect(base + "?blank=" + (target.isEmpty() ? "base" : target) + "#compose-form");
      return;
    }
    switch (action) {
      case "split" -> {
        core.drafts.update(
            actor, post, split(actor, draft, "on".equals(ctx.formParam("numbered"))));
        ctx.redirect(base + "?notice=post-split");
      }
      case "schedule" -> {
        Form form = form(ctx);
        try {
          ScheduleDraft.Outcome o =
              core.scheduleDraft.schedule(
                  actor, post, ctx.formParam("due_local"), ctx.formParam("time_zone"));
          if (o.blocked().isEmpty()) {
            ctx.redirect(base + "?notice=post-scheduled");
          } else {
            PostDetail after = core.drafts.find(actor, post);
            render(ctx, actor, after, after.draft(), null, form, o);
          }
        } catch (Invalid e) {
          ctx.status(400);
          PostDetail d = core.drafts.find(actor, post);
          render(ctx, actor, d, d.draft(), null, form.failed(e), null);
        }
      }
      case "queue" -> {
        // The queue's next free slot shared by the post's channels (helper B's AddToQueue).
        Form form = form(ctx);
        try {
          core.queue.addToQueue.addDraft(actor, post, core.scheduleDraft);
          ctx.redirect(base + "?notice=post-scheduled");
        } catch (Invalid e) {
          ctx.status(400);
          PostDetail d = core.drafts.find(actor, post);
          render(ctx, actor, d, d.draft(), null, form.failed(e), null);
        }
      }
      case "submit", "submit-queue" -> {
        // A contributor's way out (helper C's approvals): the saved draft waits for an editor.
        Form form = form(ctx);
        try {
          boolean queue = action.equals("submit-queue");
          String zone = ctx.formParam("time_zone");
          if (zone == null || zone.isBlank()) zone = "UTC";
          java.time.Instant due =
              queue
                  ? null
                  : dev.chorus.core.publishing.DueTime.parse(
                      ctx.formParam("due_local"), zone, core.clock);
          core.approvals.submit.submit(
              actor,
              post,
              due,
              queue ? null : dev.chorus.core.publishing.DueTime.zone(zone).getId(),
              null);
          ctx.redirect(base + "/review?notice=approval-submitted");
        } catch (Invalid e) {
          ctx.status(400);
          PostDetail d = core.drafts.find(actor, post);
          render(ctx, actor, d, d.draft(), null, form.failed(e), null);
        }
      }
      default -> ctx.redirect(base + "?notice=draft-saved");
    }
  }

  /** Splits the base text for the tightest chosen channel, and each tailored text for its own. */
  private Draft split(Actor actor, Draft draft, boolean numbered) {
    Map<String, ChannelLimits> limits = limits(actor, draft);
    ChannelLimits tightest = null;
    List<Draft.Variant> variants = new ArrayList<>();
    for (Draft.Variant v : draft.variants()) {
      ChannelLimits l = limits.get(v.channel().value());
      if (v.tailored() && l != null) {
        variants.add(
            new Draft.Variant(
                v.channel(),
                true,
                SplitThread.split(String.join("\n\n", v.parts()), l, numbered),
                v.contentWarning()));
        continue;
      }
      variants.add(v);
      if (!v.tailored()
          && l != null
          && (tightest == null || l.maxLength() < tightest.maxLength())) {
        tightest = l;
      }
    }
    List<String> base =
        tightest == null
            ? draft.parts()
            : SplitThread.split(String.join("\n\n", draft.parts()), tightest, numbered);
    return new Draft(base, draft.contentWarning(), variants);
  }

  private Map<String, ChannelLimits> limits(Actor actor, Draft draft) {
    Map<String, ChannelLimits> out = new HashMap<>();
    for (Draft.Variant v : draft.variants()) {
      core.db
          .read(h -> core.channels.find(h, actor.workspace().id(), v.channel()))
          .map(core.publishLimits::of)
          .map(PublishLimits.Answer::limits)
          .ifPresent(l -> out.put(v.channel().value(), l));
    }
    return out;
  }

  private void show(Context ctx) {
    Actor actor = Req.actor(ctx);
    PostDetail detail = core.drafts.find(actor, new PostId(ctx.pathParam("id")));
    render(ctx, actor, detail, detail.draft(), ctx.queryParam("blank"), Form.empty(), null);
  }

  private void delete(Context ctx) {
    Actor actor = Req.actor(ctx);
    core.drafts.delete(actor, new PostId(ctx.pathParam("id")));
    ctx.redirect("/w/" + actor.workspace().slug() + "/publish/drafts?notice=draft-deleted");
  }

  /** Live counts: the form as it is now, checked on every chosen channel, as JSON. */
  private void validate(Context ctx) {
    Actor actor = Req.actor(ctx);
    Draft draft = draft(ctx, actor);
    List<PostDetail.Media> media = List.of();
    String id = ctx.formParam("post_id");
    if (id != null && !id.isBlank()) media = core.drafts.find(actor, new PostId(id)).media();
    List<Map<String, Object>> out = new ArrayList<>();
    for (ValidatePost.ChannelCheck c :
        core.validatePost.validate(
            actor.workspace().id(),
            draft,
            media,
            core.postMedia.requireAltText(actor.workspace().id()))) {
      Map<String, Object> m = new HashMap<>();
      m.put("channel", c.channel().value());
      m.put("counts", c.counts());
      m.put("limit", c.limit());
      m.put("graphemes", c.countsGraphemes());
      m.put("ok", c.ok());
      m.put("problems", c.problems());
      out.add(m);
    }
    ctx.json(out);
  }

  // --- attachments ------------------------------------------------------------------------

  private void attach(Context ctx) {
    Actor actor = Req.actor(ctx);
    PostId post = new PostId(ctx.pathParam("id"));
    String base = "/w/" + actor.workspace().slug() + "/publish/posts/" + post.value();
    UploadedFile file = ctx.uploadedFile("file");
    String target = ctx.formParam("target");
    ChannelId channel =
        target == null || target.isBlank() || target.equals("base") ? null : new ChannelId(target);
    int part = parseInt(ctx.formParam("part")) - 1; // the form counts parts from 1
    try {
      if (file == null) throw new Invalid("media", "choose an image");
      byte[] bytes;
      try (InputStream in = file.content()) {
        bytes = in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      core.postMedia.attach(
          actor, post, channel, part, file.contentType(), bytes, ctx.formParam("alt"));
      ctx.redirect(base + "?notice=media-attached");
    } catch (Invalid e) {
      ctx.status(400);
      PostDetail d = core.drafts.find(actor, post);
      render(ctx, actor, d, d.draft(), null, Form.empty().failed(e), null);
    }
  }

  private static int parseInt(String s) {
    try {
      return s == null || s.isBlank() ? 1 : Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      throw new Invalid("part", "no such part");
    }
  }

  private void describe(Context ctx) {
    Actor actor = Req.actor(ctx);
    PostId post = new PostId(ctx.pathParam("id"));
    core.postMedia.describe(actor, post, ctx.pathParam("media"), ctx.formParam("alt"));
    ctx.redirect(
        "/w/" + actor.workspace().slug() + "/publish/posts/" + post.value() + "?notice=alt-saved");
  }

  private void remove(Context ctx) {
    Actor actor = Req.actor(ctx);
    PostId post = new PostId(ctx.pathParam("id"));
    core.postMedia.remove(actor, post, ctx.pathParam("media"));
    ctx.redirect(
        "/w/"
            + actor.workspace().slug()
            + "/publish/posts/"
            + post.value()
            + "?notice=media-removed");
  }

  private void media(Context ctx) {
    Actor actor = Req.actor(ctx);
    var content =
        core.postMedia
            .content(actor.workspace().id(), ctx.pathParam("media"))
            .orElseThrow(() -> new NotFound("No such attachment."));
    ctx.contentType(content.mimeType());
    ctx.header("Cache-Control", "private, max-age=3600");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.result(content.bytes());
  }

  // --- drafts and hashtags ----------------------------------------------------------------

  private void drafts(Context ctx) {
    Actor actor = Req.actor(ctx);
    List<Drafts.Summary> rows = core.drafts.list(actor, List.of("draft", "rejected"), 200);
    Map<String, Object> p = new HashMap<>();
    p.put("rows", rows);
    p.put("shell", pages.shell(ctx, "Drafts").withNotice(Notices.text(ctx.queryParam("notice"))));
    pages.render(ctx, "publish-drafts.jte", p);
  }

  private void hashtags(Context ctx) {
    renderHashtags(ctx, Form.empty());
  }

  private void renderHashtags(Context ctx, Form form) {
    Actor actor = Req.actor(ctx);
    Map<String, Object> p = new HashMap<>();
    p.put("groups", core.hashtagGroups.list(actor));
    p.put("form", form);
    p.put(
        "shell",
        pages.shell(ctx, "Hashtag groups").withNotice(Notices.text(ctx.queryParam("notice"))));
    pages.render(ctx, "publish-hashtags.jte", p);
  }

  private void saveHashtags(Context ctx) {
    Actor actor = Req.actor(ctx);
    Form form =
        Form.empty().with("name", ctx.formParam("name")).with("tags", ctx.formParam("tags"));
    try {
      core.hashtagGroups.save(actor, form.value("name"), form.value("tags"));
      ctx.redirect("/w/" + actor.workspace().slug() + "/publish/hashtags?notice=hashtags-saved");
    } catch (Invalid e) {
      ctx.status(400);
      renderHashtags(ctx, form.failed(e));
    }
  }

  private void deleteHashtags(Context ctx) {
    Actor actor = Req.actor(ctx);
    core.hashtagGroups.delete(actor, ctx.pathParam("id"));
    ctx.redirect("/w/" + actor.workspace().slug() + "/publish/hashtags?notice=hashtags-deleted");
  }

  // --- form <-> draft ---------------------------------------------------------------------

  /** The composer's fields as a draft: channel[], part[], cw, and tailor_/part_/cw_{channel}. */
  private static Draft draft(Context ctx, Actor actor) {
    List<Draft.Variant> variants = new ArrayList<>();
    for (String c : ctx.formParams("channel")) {
      if (c.isBlank()) continue;
      ChannelId id = new ChannelId(c);
      boolean tailored = "on".equals(ctx.formParam("tailor_" + c));
      List<String> own = ctx.formParams("part_" + c);
      String cw = ctx.formParam("cw_" + c);
      if (tailored && own.stream().allMatch(String::isBlank)) {
        // Tailoring starts from the base text.
        own = ctx.formParams("part");
        cw = ctx.formParam("cw");
      }
      variants.add(new Draft.Variant(id, tailored, own, cw));
    }
    return new Draft(ctx.formParams("part"), ctx.formParam("cw"), variants);
  }

  private static Form form(Context ctx) {
    return Form.empty()
        .with("due_local", ctx.formParam("due_local"))
        .with("time_zone", ctx.formParam("time_zone"));
  }

  private void render(
      Context ctx,
      Actor actor,
      PostDetail post,
      Draft draft,
      String blankFor,
      Form form,
      ScheduleDraft.Outcome outcome) {
    boolean altRequired = core.postMedia.requireAltText(actor.workspace().id());
    List<ValidatePost.ChannelCheck> checks =
        draft.variants().isEmpty()
            ? List.of()
            : core.validatePost.validate(
                actor.workspace().id(),
                draft,
                post == null ? List.of() : post.media(),
                altRequired);
    Map<String, ValidatePost.ChannelCheck> byChannel = new HashMap<>();
    for (ValidatePost.ChannelCheck c : checks) byChannel.put(c.channel().value(), c);
    Map<String, Draft.Variant> chosen = new HashMap<>();
    for (Draft.Variant v : draft.variants()) chosen.put(v.channel().value(), v);
    List<ChannelRow> rows = new ArrayList<>();
    for (Channel c : core.db.read(h -> core.channels.list(h, actor.workspace().id()))) {
      Draft.Variant v = chosen.get(c.id().value());
      boolean posts = core.publishLimits.of(c).limits() != null;
      if (!posts && v == null) continue; // channels that cannot post are not offered
      rows.add(
          new ChannelRow(
              c,
              v,
              byChannel.get(c.id().value()),
              posts ? null : core.publishLimits.of(c).refusal()));
    }
    Map<String, Object> p = new HashMap<>();
    p.put(
        "view",
        new View(
            post,
            draft,
            rows,
            core.hashtagGroups.list(actor),
            altRequired,
            blankFor,
            form,
            outcome));
    String title = post == null ? "Compose" : post.editable() ? "Edit draft" : "Post";
    // Clicks on the post's tracked links, per link and per channel (helper C's links).
    if (post != null) p.put("clicks", core.links.stats.ofPost(actor.workspace().id(), post.id()));
    p.put("shell", pages.shell(ctx, title).withNotice(Notices.text(ctx.queryParam("notice"))));
    pages.render(
        ctx, post == null || post.editable() ? "publish-compose.jte" : "publish-post.jte", p);
  }
}
