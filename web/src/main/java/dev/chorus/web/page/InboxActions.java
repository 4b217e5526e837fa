package dev.chorus.web.page;

import dev.chorus.core.Core;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.inbox.ConversationId;
import dev.chorus.core.inbox.ReplyToConversation;
import dev.chorus.core.inbox.Status;
import dev.chorus.core.inbox.TriageConversations.Change;
import dev.chorus.core.member.Actor;
import dev.chorus.web.http.Access;
import dev.chorus.web.http.Req;
import dev.chorus.web.view.Form;
import dev.chorus.web.view.InboxView.Filters;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the team does in the inbox: triage one conversation or many (status, assignee, tags), add
 * notes, reply in public, and keep canned replies. Every action is a plain form post that comes
 * back to where it started, with the inbox's filters kept.
 */
public final class InboxActions {
  private static final Map<String, String> NOTICES =
      Map.ofEntries(
          Map.entry("status-open", "Reopened."),
          Map.entry("status-pending", "Marked pending: waiting for them."),
          Map.entry("status-closed", "Closed."),
          Map.entry("assigned", "Assignment changed."),
          Map.entry("tagged", "Tag added."),
          Map.entry("untagged", "Tag removed."),
          Map.entry("note-added", "Note added for the team."),
          Map.entry("reply-sent", "Reply sent through the conversation's channel."),
          Map.entry("bulk-done", "The chosen conversations were changed."),
          Map.entry("canned-saved", "Canned reply saved."),
          Map.entry("canned-deleted", "Canned reply deleted."));

  private final Core core;
  private final Pages pages;
  private final InboxPages inbox;

  public InboxActions(Core core, Pages pages, InboxPages inbox) {
    this.core = core;
    this.pages = pages;
    this.inbox = inbox;
  }

  /** The text of an inbox notice key, or null. */
  static String notice(String key) {
    return key == null ? null : NOTICES.get(key);
  }

  public void register(RoutesConfig r) {
    r.get("/w/{slug}/inbox/canned", this::canned, Access.EDITOR);
    r.post("/w/{slug}/inbox/canned", this::saveCanned, Access.EDITOR);
    r.post("/w/{slug}/inbox/canned/{cid}/delete", this::deleteCanned, Access.EDITOR);
    r.post("/w/{slug}/inbox/bulk", this::bulk, Access.CONTRIBUTOR);
    r.post("/w/{slug}/inbox/{id}/status", this::status, Access.CONTRIBUTOR);
    r.post("/w/{slug}/inbox/{id}/assign", this::assign, Access.CONTRIBUTOR);
    r.post("/w/{slug}/inbox/{id}/tags", this::tag, Access.CONTRIBUTOR);
    r.post("/w/{slug}/inbox/{id}/tags/remove", this::untag, Access.CONTRIBUTOR);
    r.post("/w/{slug}/inbox/{id}/notes", this::note, Access.CONTRIBUTOR);
    r.post("/w/{slug}/inbox/{id}/reply", this::reply, Access.EDITOR);
  }

  private void status(Context ctx) {
    Status s = Status.parse("status", ctx.formParam("status"));
    triage(ctx, Change.status(s), "status-" + s.key());
  }

  private void assign(Context ctx) {
    triage(ctx, Change.assign(assignee(ctx)), "assigned");
  }

  private void tag(Context ctx) {
    List<String> tags = splitTags(ctx.formParam("tag"));
    try {
      if (tags.isEmpty()) throw new Invalid("tag", "type a tag, such as refund");
      triage(ctx, new Change(null, null, tags, null), "tagged");
    } catch (Invalid e) {
      keep(ctx, "tag", e, ctx.formParam("tag"));
    }
  }

  private void untag(Context ctx) {
    triage(ctx, Change.untag(ctx.formParam("tag")), "untagged");
  }

  private void triage(Context ctx, Change change, String notice) {
    Actor actor = Req.actor(ctx);
    ConversationId id = new ConversationId(ctx.pathParam("id"));
    core.triage.apply(actor, List.of(id), change);
    core.inboxEvents.changed(actor.workspace().id(), java.util.Set.of(id.value()));
    ctx.redirect(conversation(ctx, actor, id, notice));
  }

  private void note(Context ctx) {
    Actor actor = Req.actor(ctx);
    ConversationId id = new ConversationId(ctx.pathParam("id"));
    String text = ctx.formParam("note");
    try {
      core.addNote.add(actor, id, text);
    } catch (Invalid e) {
      keep(ctx, "note", e, text);
      return;
    }
    core.inboxEvents.changed(actor.workspace().id(), java.util.Set.of(id.value()));
    ctx.redirect(conversation(ctx, actor, id, "note-added"));
  }

  private void reply(Context ctx) {
    Actor actor = Req.actor(ctx);
    ConversationId id = new ConversationId(ctx.pathParam("id"));
    String text = ctx.formParam("text");
    ReplyToConversation.Result result;
    try {
      result = core.replyToConversation.reply(actor, id, text);
    } catch (Invalid e) {
      keep(ctx, "text", e, text);
      return;
    }
    if ("sent".equals(result.status())) {
      ctx.redirect(conversation(ctx, actor, id, "reply-sent"));
      return;
    }
    // The network refused: its reason shows on the conversation and the draft stays in the box.
    inbox.render(ctx, id, new InboxPages.Kept("text", result.error(), text, 200));
  }

  /** Re-renders the conversation with the form's error on its field and the text kept. */
  private void keep(Context ctx, String field, Invalid e, String text) {
    inbox.render(
        ctx,
        new ConversationId(ctx.pathParam("id")),
        new InboxPages.Kept(field, e.getMessage(), text == null ? "" : text, 400));
  }

  private void bulk(Context ctx) {
    Actor actor = Req.actor(ctx);
    List<ConversationId> ids = ctx.formParams("ids").stream().map(ConversationId::new).toList();
    String action = ctx.formParam("action");
    try {
      Change change =
          switch (action == null ? "" : action) {
            case "close" -> Change.status(Status.CLOSED);
            case "reopen" -> Change.status(Status.OPEN);
            case "pending" -> Change.status(Status.PENDING);
            case "assign" -> Change.assign(assignee(ctx));
            case "tag" -> {
              List<String> tags = splitTags(ctx.formParam("tag"));
              if (tags.isEmpty()) throw new Invalid("tag", "type the tag to add");
              yield new Change(null, null, tags, null);
            }
            default -> throw new Invalid("action", "choose what to do with the conversations");
          };
      core.triage.apply(actor, ids, change);
    } catch (Invalid e) {
      inbox.render(ctx, null, new InboxPages.Kept("bulk", e.getMessage(), "", 400));
      return;
    }
    core.inboxEvents.changed(
        actor.workspace().id(),
        new java.util.HashSet<>(ids.stream().map(ConversationId::value).toList()));
    Filters back = back(ctx);
    ctx.redirect(
        back.url("/w/" + actor.workspace().slug() + "/inbox")
            + (back.query().isEmpty() ? "?" : "&")
            + "notice=bulk-done");
  }

  private String assignee(Context ctx) {
    String a = ctx.formParam("assignee");
    if (a == null || a.isBlank()) throw new Invalid("assignee", "choose someone, or nobody");
    return a.equals("me") ? Req.actor(ctx).user().id().value() : a.strip();
  }

  private static List<String> splitTags(String raw) {
    if (raw == null) return List.of();
    return Arrays.stream(raw.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
  }

  /** The inbox filters a form carried back (its {@code back} field), only the known ones. */
  static Filters back(Context ctx) {
    String raw = ctx.formParam("back");
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq <= 0) continue;
        String k = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
        String v = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        params.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
      }
    }
    return Filters.of(params);
  }

  private static String conversation(Context ctx, Actor actor, ConversationId id, String notice) {
    Filters back = back(ctx);
    String base = back.url("/w/" + actor.workspace().slug() + "/inbox/" + id.value());
    return base + (base.contains("?") ? "&" : "?") + "notice=" + notice;
  }

  private void canned(Context ctx) {
    renderCanned(ctx, Form.empty());
  }

  private void renderCanned(Context ctx, Form form) {
    Actor actor = Req.actor(ctx);
    Map<String, Object> p = new HashMap<>();
    p.put("canned", core.cannedReplies.list(actor.workspace().id()));
    p.put("form", form);
    p.put("shell", pages.shell(ctx, "Canned replies").withNotice(notice(ctx.queryParam("notice"))));
    pages.render(ctx, "inbox-canned.jte", p);
  }

  private void saveCanned(Context ctx) {
    Actor actor = Req.actor(ctx);
    Form form =
        Form.empty().with("name", ctx.formParam("name")).with("body", ctx.formParam("body"));
    try {
      core.cannedReplies.save(actor, form.value("name"), form.value("body"));
    } catch (Invalid e) {
      ctx.status(400);
      renderCanned(ctx, form.failed(e));
      return;
    }
    ctx.redirect("/w/" + actor.workspace().slug() + "/inbox/canned?notice=canned-saved");
  }

  private void deleteCanned(Context ctx) {
    Actor actor = Req.actor(ctx);
    core.cannedReplies.delete(actor, ctx.pathParam("cid"));
    ctx.redirect("/w/" + actor.workspace().slug() + "/inbox/canned?notice=canned-deleted");
  }
}
