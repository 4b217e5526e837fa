package dev.chorus.web.api;

import dev.chorus.core.Core;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.error.NotFound;
import dev.chorus.core.inbox.ConversationId;
import dev.chorus.core.inbox.InboxFilter;
import dev.chorus.core.inbox.ReplyToConversation;
import dev.chorus.core.inbox.Status;
import dev.chorus.core.inbox.ThreadView;
import dev.chorus.core.inbox.TriageConversations.Change;
import dev.chorus.core.member.Actor;
import dev.chorus.core.page.PageRequest;
import dev.chorus.web.api.Dto.PageJson;
import dev.chorus.web.api.InboxDto.BulkTriageJson;
import dev.chorus.web.api.InboxDto.BulkTriageRequest;
import dev.chorus.web.api.InboxDto.ConversationJson;
import dev.chorus.web.api.InboxDto.NoteJson;
import dev.chorus.web.api.InboxDto.NoteRequest;
import dev.chorus.web.api.InboxDto.ReplyRequest;
import dev.chorus.web.api.InboxDto.ReplyResult;
import dev.chorus.web.api.InboxDto.ThreadJson;
import dev.chorus.web.api.InboxDto.TriageRequest;
import dev.chorus.web.http.Access;
import dev.chorus.web.http.Req;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The inbox's API operations: list and read conversations, triage them (one or many), add notes and
 * reply. Declared as {@link Operation}s so the OpenAPI document describes them; {@link ApiRoutes}
 * registers them with the rest.
 */
final class InboxApi {
  private final Core core;
  private final List<Operation> operations = new ArrayList<>();

  InboxApi(Core core) {
    this.core = core;
    declare();
  }

  List<Operation> operations() {
    return List.copyOf(operations);
  }

  private static final List<Operation.QueryParam> FILTERS =
      List.of(
          new Operation.QueryParam("status", "string", "open (default), pending, closed or all"),
          new Operation.QueryParam("q", "string", "Words that must all occur in one message"),
          new Operation.QueryParam("query", "string", "A saved query's id"),
          new Operation.QueryParam("channel", "string", "A channel's id"),
          new Operation.QueryParam("assignee", "string", "me, none or a user id"),
          new Operation.QueryParam("tag", "string", "A tag, such as refund"),
          new Operation.QueryParam("sentiment", "string", "negative, neutral or positive"),
          new Operation.QueryParam("language", "string", "An ISO 639-1 code, such as en"),
          new Operation.QueryParam("mode", "string", "conversation, advocacy or mention"),
          new Operation.QueryParam("question", "string", "true for questions only"),
          new Operation.QueryParam("from", "string", "First day, YYYY-MM-DD (UTC)"),
          new Operation.QueryParam("to", "string", "Last day, YYYY-MM-DD (UTC)"));

  private void declare() {
    List<Operation.QueryParam> listParams = new ArrayList<>(FILTERS);
    listParams.addAll(Operation.paging());
    op(
        HandlerType.GET,
        "/api/v1/conversations",
        "listConversations",
        "Inbox",
        "Conversations, latest activity first, filtered as the inbox filters them",
        Access.VIEWER,
        null,
        ConversationJson.class,
        true,
        200,
        listParams,
        this::list);
    op(
        HandlerType.POST,
        "/api/v1/conversations/triage",
        "triageConversations",
        "Inbox",
        "Change the status, assignee or tags of up to 500 conversations at once (all or none)",
        Access.CONTRIBUTOR,
        BulkTriageRequest.class,
        BulkTriageJson.class,
        false,
        200,
        List.of(),
        this::bulk);
    op(
        HandlerType.GET,
        "/api/v1/conversations/{id}",
        "getConversation",
        "Inbox",
        "A conversation's whole thread: messages, our replies, notes, the contact, and how a reply"
            + " is counted",
        Access.VIEWER,
        null,
        ThreadJson.class,
        false,
        200,
        List.of(),
        this::thread);
    op(
        HandlerType.PATCH,
        "/api/v1/conversations/{id}",
        "triageConversation",
        "Inbox",
        "Change a conversation's status, assignee (a user id, or none) or tags",
        Access.CONTRIBUTOR,
        TriageRequest.class,
        ConversationJson.class,
        false,
        200,
        List.of(),
        this::triage);
    op(
        HandlerType.POST,
        "/api/v1/conversations/{id}/notes",
        "addNote",
        "Inbox",
        "Add an internal note (seen by the team, never sent)",
        Access.CONTRIBUTOR,
        NoteRequest.class,
        NoteJson.class,
        false,
        201,
        List.of(),
        this::note);
    op(
        HandlerType.POST,
        "/api/v1/conversations/{id}/replies",
        "replyToConversation",
        "Inbox",
        "Reply in public through the conversation's channel. The reply is stored either way: status"
            + " sent, or failed with the network's reason in error (the text is kept as a draft)",
        Access.EDITOR,
        ReplyRequest.class,
        ReplyResult.class,
        false,
        201,
        List.of(),
        this::reply);
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

  private static <T> T body(Context ctx, Class<T> type) {
    if (ctx.body().isBlank()) throw new Invalid("body", "send a JSON object as the request body");
    return ctx.bodyAsClass(type);
  }

  private void list(Context ctx) {
    Actor a = Req.actor(ctx);
    Map<String, String> params = new HashMap<>();
    ctx.queryParamMap().forEach((k, v) -> params.put(k, v.isEmpty() ? null : v.get(0)));
    InboxFilter filter = InboxFilter.parse(params, a.user().id().value());
    PageRequest pr = PageRequest.parse(ctx.queryParam("cursor"), ctx.queryParam("limit"));
    var page =
        core.db
            .read(h -> core.conversations.list(h, a.workspace().id(), filter, pr))
            .map(ConversationJson::of);
    ctx.json(new PageJson<>(page.items(), page.nextCursor()));
  }

  private ThreadView find(Actor a, ConversationId id) {
    return core.db
        .read(h -> core.conversations.thread(h, a.workspace().id(), id))
        .orElseThrow(() -> new NotFound("There is no such conversation here."));
  }

  private void thread(Context ctx) {
    Actor a = Req.actor(ctx);
    ConversationId id = new ConversationId(ctx.pathParam("id"));
    ThreadView t = find(a, id);
    ctx.json(ThreadJson.of(t, core.replyToConversation.replyBox(a, id)));
  }

  private static Change change(
      String status, String assignee, List<String> add, List<String> remove) {
    Change c =
        new Change(
            status == null ? null : Status.parse("status", status),
            assignee == null || assignee.isBlank() ? null : assignee.strip(),
            add,
            remove);
    if (c.status() == null
        && c.assignee() == null
        && c.addTags().isEmpty()
        && c.removeTags().isEmpty()) {
      throw new Invalid("body", "say what to change: status, assignee, add_tags or remove_tags");
    }
    return c;
  }

  private void triage(Context ctx) {
    Actor a = Req.actor(ctx);
    ConversationId id = new ConversationId(ctx.pathParam("id"));
    TriageRequest req = body(ctx, TriageRequest.class);
    String assignee = "me".equals(req.assignee()) ? a.user().id().value() : req.assignee();
    core.triage.apply(
        a, List.of(id), change(req.status(), assignee, req.addTags(), req.removeTags()));
    core.inboxEvents.changed(a.workspace().id(), java.util.Set.of(id.value()));
    ctx.json(ConversationJson.of(find(a, id).conversation()));
  }

  private void bulk(Context ctx) {
    Actor a = Req.actor(ctx);
    BulkTriageRequest req = body(ctx, BulkTriageRequest.class);
    if (req.ids() == null) throw new Invalid("ids", "give the conversations' ids");
    String assignee = "me".equals(req.assignee()) ? a.user().id().value() : req.assignee();
    List<ConversationId> ids = req.ids().stream().map(ConversationId::new).toList();
    int n =
        core.triage.apply(a, ids, change(req.status(), assignee, req.addTags(), req.removeTags()));
    core.inboxEvents.changed(a.workspace().id(), new HashSet<>(req.ids()));
    ctx.json(new BulkTriageJson(n));
  }

  private void note(Context ctx) {
    Actor a = Req.actor(ctx);
    ConversationId id = new ConversationId(ctx.pathParam("id"));
    NoteRequest req = body(ctx, NoteRequest.class);
    String noteId = core.addNote.add(a, id, req.text());
    core.inboxEvents.changed(a.workspace().id(), java.util.Set.of(id.value()));
    ThreadView.Note n =
        find(a, id).notes().stream().filter(x -> x.id().equals(noteId)).findFirst().orElseThrow();
    ctx.status(201).json(NoteJson.of(n));
  }

  private void reply(Context ctx) {
    Actor a = Req.actor(ctx);
    ReplyRequest req = body(ctx, ReplyRequest.class);
    ReplyToConversation.Result r =
        core.replyToConversation.reply(a, new ConversationId(ctx.pathParam("id")), req.text());
    ctx.status(201).json(new ReplyResult(r.replyId(), r.status(), r.url(), r.error()));
  }
}
