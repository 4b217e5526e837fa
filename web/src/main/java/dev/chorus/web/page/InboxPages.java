package dev.chorus.web.page;

import dev.chorus.core.Core;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.error.NotFound;
import dev.chorus.core.inbox.Conversation;
import dev.chorus.core.inbox.ConversationId;
import dev.chorus.core.inbox.InboxFilter;
import dev.chorus.core.inbox.ReplyToConversation;
import dev.chorus.core.inbox.Status;
import dev.chorus.core.inbox.ThreadView;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.page.Page;
import dev.chorus.core.page.PageRequest;
import dev.chorus.web.http.Access;
import dev.chorus.web.http.Req;
import dev.chorus.web.view.InboxView;
import dev.chorus.web.view.InboxView.Filters;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The inbox: one stream of conversations from every channel, filtered by URL parameters, with the
 * open conversation beside the list (a single pane on phones). Fragments of the list and of the
 * open conversation are served separately so the page can refresh them live ({@link InboxStream})
 * without a reload. The actions are in {@link InboxActions}.
 */
public final class InboxPages {
  /** Conversations per page of the list. */
  static final int PAGE_SIZE = 30;

  /** Status tab counts stop here, so a huge inbox does not count every row on every view. */
  static final int COUNT_CAP = 10_000;

  private final Core core;
  private final Pages pages;

  public InboxPages(Core core, Pages pages) {
    this.core = core;
    this.pages = pages;
  }

  public void register(RoutesConfig r) {
    r.get("/w/{slug}/inbox", ctx -> render(ctx, null, null), Access.VIEWER);
    r.get("/w/{slug}/inbox/rows", this::rows, Access.VIEWER);
  }

  /** Registered after every other /inbox/... route, so that {id} does not swallow them. */
  public void registerConversation(RoutesConfig r) {
    r.get(
        "/w/{slug}/inbox/{id}",
        ctx -> render(ctx, new ConversationId(ctx.pathParam("id")), null),
        Access.VIEWER);
    r.get("/w/{slug}/inbox/{id}/live", this::live, Access.VIEWER);
  }

  /** What a form left behind when it failed: its field's error and the text to keep. */
  record Kept(String field, String message, String text, int status) {}

  /** Renders the inbox, with {@code open} beside the list when not null. */
  void render(Context ctx, ConversationId open, Kept kept) {
    Actor actor = Req.actor(ctx);
    Parsed parsed = parse(ctx, actor);
    PageRequest pr = PageRequest.parse(ctx.queryParam("cursor"), Integer.toString(PAGE_SIZE));
    InboxView.Open opened = open == null ? null : open(actor, open, kept);
    var ws = actor.workspace().id();
    List<InboxView.Tab> tabs = tabs(actor, parsed);
    InboxView.ListPage list = list(actor, parsed.filter(), pr);
    var canned = core.cannedReplies.list(ws);
    InboxView.Page page =
        core.db.read(
            h ->
                new InboxView.Page(
                    parsed.filters(),
                    tabs,
                    list,
                    core.channels.list(h, ws),
                    core.queries.list(h, ws),
                    core.members.list(h, ws, null, 200),
                    core.conversations.tagsInUse(h, ws),
                    core.conversations.languagesInUse(h, ws),
                    canned,
                    parsed.error(),
                    parsed.errorField(),
                    kept != null && kept.field().equals("bulk") ? kept.message() : null,
                    opened));
    Map<String, Object> p = new HashMap<>();
    p.put("page", page);
    String title = "Inbox";
    p.put(
        "shell", pages.shell(ctx, title).withNotice(InboxActions.notice(ctx.queryParam("notice"))));
    if (kept != null) ctx.status(kept.status());
    pages.render(ctx, "inbox.jte", p);
  }

  /**
   * Rows of the list only: the next page ("Load more"), or the first n again for a live refresh.
   */
  private void rows(Context ctx) {
    Actor actor = Req.actor(ctx);
    Parsed parsed = parse(ctx, actor);
    String limit = ctx.queryParam("limit");
    PageRequest pr =
        PageRequest.parse(
            ctx.queryParam("cursor"), limit == null ? Integer.toString(PAGE_SIZE) : limit);
    Map<String, Object> p = new HashMap<>();
    p.put("list", list(actor, parsed.filter(), pr));
    p.put("filters", parsed.filters());
    p.put("slug", actor.workspace().slug());
    p.put("triage", actor.role().atLeast(Role.CONTRIBUTOR));
    p.put("active", ctx.queryParam("active"));
    p.put("tabs", "1".equals(ctx.queryParam("counts")) ? tabs(actor, parsed) : List.of());
    pages.render(ctx, "inbox-rows.jte", p);
  }

  /** The open conversation's changing part (header, timeline, details), for a live refresh. */
  private void live(Context ctx) {
    Actor actor = Req.actor(ctx);
    Parsed parsed = parse(ctx, actor);
    InboxView.Open opened = open(actor, new ConversationId(ctx.pathParam("id")), null);
    Map<String, Object> p = new HashMap<>();
    p.put("open", opened);
    p.put("filters", parsed.filters());
    p.put("shell", pages.shell(ctx, title(opened.thread().conversation())));
    p.put("members", core.db.read(h -> core.members.list(h, actor.workspace().id(), null, 200)));
    pages.render(ctx, "inbox-live.jte", p);
  }

  static String title(Conversation c) {
    String who = c.contactName() != null ? c.contactName() : c.contactHandle();
    return who == null ? "Conversation" : who;
  }

  /** The request's filters, parsed; a bad one is dropped and named, the rest still apply. */
  record Parsed(Filters filters, InboxFilter filter, String error, String errorField) {}

  static Parsed parse(Context ctx, Actor actor) {
    Filters filters = Filters.of(ctx.queryParamMap());
    String me = actor.user().id().value();
    String error = null;
    String field = null;
    for (int attempt = 0; attempt < InboxView.FILTER_KEYS.size(); attempt++) {
      try {
        return new Parsed(filters, InboxFilter.parse(filters.values(), me), error, field);
      } catch (Invalid e) {
        if (error == null) {
          error = e.getMessage();
          field = e.field();
        }
        String key = e.field().equals("q") ? "q" : e.field();
        if (!filters.values().containsKey(key)) break;
        filters = filters.without(key);
      }
    }
    return new Parsed(filters, InboxFilter.open(), error, field);
  }

  InboxView.ListPage list(Actor actor, InboxFilter filter, PageRequest pr) {
    Page<Conversation> page =
        core.db.read(h -> core.conversations.list(h, actor.workspace().id(), filter, pr));
    return new InboxView.ListPage(page.items(), page.nextCursor());
  }

  List<InboxView.Tab> tabs(Actor actor, Parsed parsed) {
    List<InboxView.Tab> tabs = new ArrayList<>();
    String current = parsed.filters().status();
    for (Status s : Status.values()) {
      InboxFilter f = withStatus(parsed.filter(), s);
      long n = core.db.read(h -> core.conversations.count(h, actor.workspace().id(), f, COUNT_CAP));
      tabs.add(new InboxView.Tab(s.key(), s.label(), n, n >= COUNT_CAP, s.key().equals(current)));
    }
    return tabs;
  }

  static InboxFilter withStatus(InboxFilter f, Status s) {
    return new InboxFilter(
        f.queryId(),
        f.channelId(),
        s,
        f.assignee(),
        f.tag(),
        f.sentiment(),
        f.language(),
        f.mode(),
        f.question(),
        f.from(),
        f.to(),
        f.search());
  }

  /** The conversation with its timeline and reply box; another workspace's is a 404. */
  InboxView.Open open(Actor actor, ConversationId id, Kept kept) {
    ThreadView t =
        core.db
            .read(h -> core.conversations.thread(h, actor.workspace().id(), id))
            .orElseThrow(() -> new NotFound("There is no such conversation here."));
    ReplyToConversation.ReplyBox box = core.replyToConversation.replyBox(actor, id);
    String refusal = box.refusal();
    if (refusal == null && !actor.role().atLeast(Role.EDITOR)) {
      refusal =
          "Answering in public needs the editor role; you are "
              + (actor.role() == Role.VIEWER ? "a viewer" : "a contributor")
              + ". Add a note for the team instead.";
    }
    String draft = "";
    String error = null;
    // The latest reply refused by the network stays as the draft, with the network's reason.
    if (!t.replies().isEmpty()) {
      ThreadView.Reply last = t.replies().get(t.replies().size() - 1);
      if ("failed".equals(last.status())) {
        draft = last.body();
        error = last.error();
      }
    }
    String noteDraft = "";
    String noteError = null;
    String tagError = null;
    if (kept != null) {
      switch (kept.field()) {
        case "text" -> {
          draft = kept.text();
          error = kept.message();
        }
        case "note" -> {
          noteDraft = kept.text();
          noteError = kept.message();
        }
        case "tag" -> tagError = kept.message();
        default -> {}
      }
    }
    return new InboxView.Open(
        t,
        InboxView.timeline(t),
        new InboxView.Composer(box, refusal, draft, error),
        noteDraft,
        noteError,
        tagError);
  }
}
