package dev.chorus.web.page;

import dev.chorus.core.Core;
import dev.chorus.core.channel.Channel;
import dev.chorus.core.error.Conflict;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.error.NotFound;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.publishing.Draft;
import dev.chorus.core.publishing.DueTime;
import dev.chorus.core.publishing.PostDetail;
import dev.chorus.core.publishing.PostId;
import dev.chorus.core.publishing.approvals.ApprovalStore;
import dev.chorus.core.publishing.approvals.GuestApprovals;
import dev.chorus.core.publishing.links.LinkStats;
import dev.chorus.core.workspace.WorkspaceId;
import dev.chorus.web.http.Access;
import dev.chorus.web.http.Req;
import dev.chorus.web.view.Form;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Approvals in the browser: the editors' Approvals page (approve at the wished time or a new one,
 * or reject with a comment), a post's review page (submit for approval, the review thread, guest
 * links, clicks on its tracked links), and the guest's page {@code /guest/approve/{token}}, which
 * shows one post and nothing else of the workspace.
 */
public final class ApprovalPages {
  /** How long a guest link may be made to last, in days. */
  public static final List<Integer> GUEST_DAYS = List.of(1, 3, 7, 14, 30);

  private final Core core;
  private final Pages pages;
  private final Supplier<String> publicUrl;
  private final Clock clock;

  public ApprovalPages(Core core, Pages pages, Supplier<String> publicUrl) {
    this.core = core;
    this.pages = pages;
    this.publicUrl = publicUrl;
    this.clock = core.clock;
  }

  public void register(RoutesConfig r) {
    r.get("/w/{slug}/publish/approvals", this::approvals, Access.EDITOR);
    r.post("/w/{slug}/publish/approvals/{request}/approve", this::approve, Access.EDITOR);
    r.post("/w/{slug}/publish/approvals/{request}/reject", this::reject, Access.EDITOR);
    r.get("/w/{slug}/publish/posts/{id}/review", this::review, Access.VIEWER);
    r.post("/w/{slug}/publish/posts/{id}/submit", this::submit, Access.CONTRIBUTOR);
    r.post("/w/{slug}/publish/posts/{id}/guest-links", this::share, Access.EDITOR);
    r.post("/w/{slug}/publish/posts/{id}/guest-links/{link}/revoke", this::revoke, Access.EDITOR);
    r.get("/guest/approve/{token}", this::guest, Access.PUBLIC);
    r.post("/guest/approve/{token}", this::guestDecide, Access.PUBLIC);
  }

  // ---- the editors' list ----

  /** The Approvals page: what waits, and the form that failed (by request id), if any. */
  public record ApprovalsModel(
      List<ApprovalStore.Pending> pending, String failedRequest, Form form, List<Integer> days) {}

  private void approvals(Context ctx) {
    renderApprovals(ctx, null, Form.empty());
  }

  private void renderApprovals(Context ctx, String failedRequest, Form form) {
    Actor actor = Req.actor(ctx);
    var pending = core.db.read(h -> core.approvals.store.pending(h, actor.workspace().id(), 200));
    Map<String, Object> p = new HashMap<>();
    p.put("model", new ApprovalsModel(pending, failedRequest, form, GUEST_DAYS));
    p.put(
        "shell", pages.shell(ctx, "Approvals").withNotice(Notices.text(ctx.queryParam("notice"))));
    pages.render(ctx, "publish-approvals.jte", p);
  }

  private void approve(Context ctx) {
    Actor actor = Req.actor(ctx);
    String request = ctx.pathParam("request");
    Form form =
        Form.empty()
            .with("due_local", ctx.formParam("due_local"))
            .with("time_zone", ctx.formParam("time_zone"))
            .with("comment", ctx.formParam("comment"));
    try {
      String local = form.value("due_local").strip();
      String zone = form.value("time_zone").isBlank() ? "UTC" : form.value("time_zone").strip();
      Instant due = local.isEmpty() ? null : DueTime.parse(local, zone, clock);
      core.approvals.decide.approve(
          actor,
          request,
          due,
          local.isEmpty() ? null : DueTime.zone(zone).getId(),
          form.value("comment"));
      ctx.redirect(base(actor) + "/publish/approvals?notice=approval-approved");
    } catch (Invalid e) {
      ctx.status(400);
      renderApprovals(ctx, request, form.failed(e));
    } catch (Conflict e) {
      ctx.status(409);
      renderApprovals(ctx, request, form.failed(e.getMessage()));
    }
  }

  private void reject(Context ctx) {
    Actor actor = Req.actor(ctx);
    String request = ctx.pathParam("request");
    Form form = Form.empty().with("comment", ctx.formParam("comment"));
    try {
      core.approvals.decide.reject(actor, request, form.value("comment"));
      ctx.redirect(base(actor) + "/publish/approvals?notice=approval-rejected");
    } catch (Invalid e) {
      ctx.status(400);
      renderApprovals(ctx, request, form.failed(e));
    } catch (Conflict e) {
      ctx.status(409);
      renderApprovals(ctx, request, form.failed(e.getMessage()));
    }
  }

  // ---- one post's review ----

  /** A variant as a reader sees it: the channel and the parts it gets. */
  public record VariantView(
      String channelName, String network, String contentWarning, List<String> parts) {}

  /**
   * A post's review page.
   *
   * @param newLink the guest link just made (shown once), or null
   */
  public record ReviewModel(
      PostDetail post,
      List<VariantView> variants,
      ApprovalStore.Request pending,
      List<ApprovalStore.Comment> thread,
      List<ApprovalStore.GuestLink> guestLinks,
      LinkStats.PostClicks clicks,
      boolean canSubmit,
      String newLink,
      Instant newLinkExpires,
      Form form,
      List<Integer> days,
      Instant now) {}

  private void review(Context ctx) {
    renderReview(ctx, Form.empty(), null, null);
  }

  private void renderReview(Context ctx, Form form, String newLink, Instant expires) {
    Actor actor = Req.actor(ctx);
    PostId id = new PostId(ctx.pathParam("id"));
    PostDetail post = core.drafts.find(actor, id);
    WorkspaceId ws = actor.workspace().id();
    var pending = core.db.read(h -> core.approvals.store.pendingOf(h, ws, id).orElse(null));
    var thread = core.db.read(h -> core.approvals.store.thread(h, ws, id));
    List<ApprovalStore.GuestLink> links =
        actor.role().atLeast(Role.EDITOR)
            ? core.db.read(h -> core.approvals.store.guestLinks(h, ws, id))
            : List.of();
    boolean draft = post.status().equals("draft") || post.status().equals("rejected");
    boolean canSubmit =
        draft
            && actor.role().atLeast(Role.CONTRIBUTOR)
            && (actor.role().atLeast(Role.EDITOR)
                || actor.user().id().value().equals(post.authorId()));
    Map<String, Object> p = new HashMap<>();
    p.put(
        "model",
        new ReviewModel(
            post,
            variants(ws, post),
            pending,
            thread,
            links,
            core.links.stats.ofPost(ws, id),
            canSubmit,
            newLink,
            expires,
            form,
            GUEST_DAYS,
            clock.instant()));
    p.put(
        "shell",
        pages.shell(ctx, "Review and approval").withNotice(Notices.text(ctx.queryParam("notice"))));
    pages.render(ctx, "publish-review.jte", p);
  }

  private List<VariantView> variants(WorkspaceId ws, PostDetail post) {
    return core.db.read(
        h -> {
          List<VariantView> out = new ArrayList<>();
          for (Draft.Variant v : post.draft().variants()) {
            Channel c = core.channels.find(h, ws, v.channel()).orElse(null);
            out.add(
                new VariantView(
                    c == null ? "A removed channel" : c.name(),
                    c == null ? "" : c.network().label(),
                    post.draft().contentWarningOf(v),
                    post.draft().partsOf(v)));
          }
          return out;
        });
  }

  private void submit(Context ctx) {
    Actor actor = Req.actor(ctx);
    PostId id = new PostId(ctx.pathParam("id"));
    Form form =
        Form.empty()
            .with("when", ctx.formParam("when"))
            .with("due_local", ctx.formParam("due_local"))
            .with("time_zone", ctx.formParam("time_zone"))
            .with("note", ctx.formParam("note"));
    try {
      boolean queue = "queue".equals(form.value("when"));
      String zone = form.value("time_zone").isBlank() ? "UTC" : form.value("time_zone").strip();
      Instant due = null;
      if (!queue) {
        if (form.value("due_local").isBlank()) {
          throw new Invalid("due_at", "choose a date and time, or the queue");
        }
        due = DueTime.parse(form.value("due_local").strip(), zone, clock);
      }
      core.approvals.submit.submit(
          actor, id, due, queue ? null : DueTime.zone(zone).getId(), form.value("note"));
      ctx.redirect(
          base(actor) + "/publish/posts/" + id.value() + "/review?notice=approval-submitted");
    } catch (Invalid e) {
      ctx.status(400);
      renderReview(ctx, form.failed(e), null, null);
    } catch (Conflict e) {
      ctx.status(409);
      renderReview(ctx, form.failed(e.getMessage()), null, null);
    }
  }

  private void share(Context ctx) {
    Actor actor = Req.actor(ctx);
    PostId id = new PostId(ctx.pathParam("id"));
    int days = 7;
    for (int d : GUEST_DAYS) if (String.valueOf(d).equals(ctx.formParam("days"))) days = d;
    try {
      GuestApprovals.Created link = core.approvals.guests.create(actor, id, Duration.ofDays(days));
      renderReview(
          ctx, Form.empty(), publicUrl.get() + "/guest/approve/" + link.token(), link.expiresAt());
    } catch (Conflict e) {
      ctx.status(409);
      renderReview(ctx, Form.empty().failed(e.getMessage()), null, null);
    }
  }

  private void revoke(Context ctx) {
    Actor actor = Req.actor(ctx);
    PostId id = new PostId(ctx.pathParam("id"));
    core.approvals.guests.revoke(actor, id, ctx.pathParam("link"));
    ctx.redirect(
        base(actor) + "/publish/posts/" + id.value() + "/review?notice=guest-link-revoked");
  }

  // ---- the guest ----

  /**
   * The guest's page.
   *
   * @param decided what the guest just did ("approved" or "rejected"), or null
   */
  public record GuestModel(
      GuestApprovals.View view,
      List<VariantView> variants,
      String message,
      String decided,
      Form form) {}

  private void guest(Context ctx) {
    renderGuest(ctx, Form.empty(), null);
  }

  private void renderGuest(Context ctx, Form form, String decided) {
    // The token is in the address: it must not leak to another site or to a search engine.
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Robots-Tag", "noindex");
    var view = core.approvals.guests.open(ctx.pathParam("token"));
    if (view.isEmpty()) {
      pages.render(
          ctx,
          404,
          "Link not found",
          "This approval link is not known here. Check that it was copied whole.");
      return;
    }
    GuestApprovals.View v = view.get();
    List<VariantView> variants = v.open() ? variants(v.link().workspaceId(), v.post()) : List.of();
    Map<String, Object> p = new HashMap<>();
    p.put(
        "model",
        new GuestModel(
            v, variants, v.open() ? null : GuestApprovals.message(v.state()), decided, form));
    pages.card(ctx, "guest-approve.jte", p);
  }

  private void guestDecide(Context ctx) {
    String token = ctx.pathParam("token");
    Form form =
        Form.empty()
            .with("decision", ctx.formParam("decision"))
            .with("guest_name", ctx.formParam("guest_name"))
            .with("comment", ctx.formParam("comment"));
    boolean approve = "approve".equals(form.value("decision"));
    if (!approve && !"reject".equals(form.value("decision"))) {
      ctx.status(400);
      renderGuest(ctx, form.failed(new Invalid("decision", "approve or reject")), null);
      return;
    }
    try {
      core.approvals.guests.decide(token, approve, form.value("guest_name"), form.value("comment"));
      renderGuest(ctx, Form.empty(), approve ? "approved" : "rejected");
    } catch (Invalid e) {
      ctx.status(400);
      boolean guestsField = List.of("guest_name", "comment", "decision").contains(e.field());
      // Anything else (the planned time has passed) is the team's to fix: say so in words.
      renderGuest(
          ctx,
          guestsField
              ? form.failed(e)
              : form.failed(
                  "The time planned for this post has passed, so it cannot be approved as it"
                      + " is; the team will choose a new time. Your name and comment were not"
                      + " recorded."),
          null);
    } catch (Conflict e) {
      ctx.status(409);
      renderGuest(ctx, Form.empty(), null);
    } catch (NotFound e) {
      ctx.status(404);
      renderGuest(ctx, Form.empty(), null);
    }
  }

  private static String base(Actor actor) {
    return "/w/" + actor.workspace().slug();
  }
}
