package dev.chorus.web.api;

import dev.chorus.channels.Reconnect;
import dev.chorus.channels.bluesky.ConnectBluesky;
import dev.chorus.channels.rss.ConnectFeed;
import dev.chorus.channels.webhook.CreateWebhook;
import dev.chorus.channels.webhook.ReceiveWebhook;
import dev.chorus.core.Core;
import dev.chorus.core.account.UserId;
import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.ChannelId;
import dev.chorus.core.channel.ChannelStore;
import dev.chorus.core.channel.ListeningSources;
import dev.chorus.core.channel.Source;
import dev.chorus.core.channel.SourceStore;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.error.NotFound;
import dev.chorus.core.listening.SaveQuery;
import dev.chorus.core.listening.SavedQuery;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.page.Page;
import dev.chorus.core.page.PageRequest;
import dev.chorus.core.token.TokenScope;
import dev.chorus.web.api.Dto.AuditEntryJson;
import dev.chorus.web.api.Dto.BlueskyRequest;
import dev.chorus.web.api.Dto.ChannelJson;
import dev.chorus.web.api.Dto.CheckError;
import dev.chorus.web.api.Dto.CheckJson;
import dev.chorus.web.api.Dto.CheckRequest;
import dev.chorus.web.api.Dto.FeedRequest;
import dev.chorus.web.api.Dto.InvitationCreated;
import dev.chorus.web.api.Dto.InvitationJson;
import dev.chorus.web.api.Dto.InviteRequest;
import dev.chorus.web.api.Dto.ItemJson;
import dev.chorus.web.api.Dto.MeJson;
import dev.chorus.web.api.Dto.MemberJson;
import dev.chorus.web.api.Dto.PageJson;
import dev.chorus.web.api.Dto.PreviewJson;
import dev.chorus.web.api.Dto.QueryJson;
import dev.chorus.web.api.Dto.QueryPatch;
import dev.chorus.web.api.Dto.QueryRequest;
import dev.chorus.web.api.Dto.ReadJson;
import dev.chorus.web.api.Dto.ReconnectJson;
import dev.chorus.web.api.Dto.RoleRequest;
import dev.chorus.web.api.Dto.SourceJson;
import dev.chorus.web.api.Dto.SourcesJson;
import dev.chorus.web.api.Dto.SourcesRequest;
import dev.chorus.web.api.Dto.TokenCreated;
import dev.chorus.web.api.Dto.TokenJson;
import dev.chorus.web.api.Dto.TokenRequest;
import dev.chorus.web.api.Dto.WebhookCreated;
import dev.chorus.web.api.Dto.WebhookDelivery;
import dev.chorus.web.api.Dto.WebhookReceipt;
import dev.chorus.web.api.Dto.WebhookRequest;
import dev.chorus.web.api.Dto.WorkspaceJson;
import dev.chorus.web.api.Dto.WorkspaceRequest;
import dev.chorus.web.http.Access;
import dev.chorus.web.http.Req;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The operations of {@code /api/v1}, each declared once (see {@link Operation}). A token speaks for
 * one user in one workspace; reads need a read or write token, changes a write token, and each
 * operation also needs the least role it names.
 */
public final class ApiRoutes {
  private final Core core;
  private final java.util.function.Supplier<String> publicUrl;
  private final ConnectFeed connectFeed;
  private final ConnectBluesky connectBluesky;
  private final CreateWebhook createWebhook;
  private final ReceiveWebhook receiveWebhook;
  private final List<Operation> operations = new ArrayList<>();

  public ApiRoutes(
      Core core,
      java.util.function.Supplier<String> publicUrl,
      ConnectFeed connectFeed,
      ConnectBluesky connectBluesky,
      CreateWebhook createWebhook,
      ReceiveWebhook receiveWebhook) {
    this.core = core;
    this.publicUrl = publicUrl;
    this.connectFeed = connectFeed;
    this.connectBluesky = connectBluesky;
    this.createWebhook = createWebhook;
    this.receiveWebhook = receiveWebhook;
    declare();
  }

  /** Every operation, in declaration order. */
  public List<Operation> operations() {
    return List.copyOf(operations);
  }

  public void register(RoutesConfig r) {
    for (Operation op : operations) {
      r.addHttpHandler(op.method(), op.path(), op.handler(), op.access());
    }
  }

  private void declare() {
    op(
        HandlerType.GET,
        "/api/v1/me",
        "getMe",
        "Account",
        "Who this token speaks for",
        Access.VIEWER,
        null,
        MeJson.class,
        false,
        200,
        List.of(),
        this::me);
    op(
        HandlerType.GET,
        "/api/v1/workspace",
        "getWorkspace",
        "Workspaces",
        "The token's workspace",
        Access.VIEWER,
        null,
        WorkspaceJson.class,
        false,
        200,
        List.of(),
        ctx -> ctx.json(WorkspaceJson.of(Req.actor(ctx).workspace())));
    op(
        HandlerType.POST,
        "/api/v1/workspaces",
        "createWorkspace",
        "Workspaces",
        "Create a workspace owned by the token's user",
        Access.VIEWER,
        WorkspaceRequest.class,
        WorkspaceJson.class,
        false,
        201,
        List.of(),
        this::createWorkspace);
    op(
        HandlerType.GET,
        "/api/v1/members",
        "listMembers",
        "Members",
        "List members",
        Access.VIEWER,
        null,
        MemberJson.class,
        true,
        200,
        Operation.paging(),
        this::members);
    op(
        HandlerType.PATCH,
        "/api/v1/members/{userId}",
        "changeRole",
        "Members",
        "Change a member's role",
        Access.ADMIN,
        RoleRequest.class,
        MemberJson.class,
        false,
        200,
        List.of(),
        this::changeRole);
    op(
        HandlerType.DELETE,
        "/api/v1/members/{userId}",
        "removeMember",
        "Members",
        "Remove a member (or leave, with your own id)",
        Access.VIEWER,
        null,
        null,
        false,
        204,
        List.of(),
        this::removeMember);
    op(
        HandlerType.GET,
        "/api/v1/invitations",
        "listInvitations",
        "Members",
        "List invitations, newest first",
        Access.ADMIN,
        null,
        InvitationJson.class,
        true,
        200,
        Operation.paging(),
        this::invitations);
    op(
        HandlerType.POST,
        "/api/v1/invitations",
        "createInvitation",
        "Members",
        "Invite someone by link (valid 7 days, once)",
        Access.ADMIN,
        InviteRequest.class,
        InvitationCreated.class,
        false,
        201,
        List.of(),
        this::invite);
    op(
        HandlerType.DELETE,
        "/api/v1/invitations/{id}",
        "revokeInvitation",
        "Members",
        "Withdraw a pending invitation",
        Access.ADMIN,
        null,
        InvitationJson.class,
        false,
        200,
        List.of(),
        this::revokeInvitation);
    op(
        HandlerType.GET,
        "/api/v1/audit",
        "listAudit",
        "Audit",
        "The audit log, newest first",
        Access.ADMIN,
        null,
        AuditEntryJson.class,
        true,
        200,
        Operation.paging(),
        this::audit);
    op(
        HandlerType.GET,
        "/api/v1/tokens",
        "listTokens",
        "Tokens",
        "Your tokens in this workspace",
        Access.VIEWER,
        null,
        TokenJson.class,
        true,
        200,
        List.of(),
        this::tokens);
    op(
        HandlerType.POST,
        "/api/v1/tokens",
        "createToken",
        "Tokens",
        "Create a token",
        Access.VIEWER,
        TokenRequest.class,
        TokenCreated.class,
        false,
        201,
        List.of(),
        this::createToken);
    op(
        HandlerType.DELETE,
        "/api/v1/tokens/{id}",
        "revokeToken",
        "Tokens",
        "Revoke one of your tokens",
        Access.VIEWER,
        null,
        TokenJson.class,
        false,
        200,
        List.of(),
        this::revokeToken);
    op(
        HandlerType.GET,
        "/api/v1/channels",
        "listChannels",
        "Channels",
        "Connected channels and their health",
        Access.VIEWER,
        null,
        ChannelJson.class,
        true,
        200,
        List.of(),
        this::channels);
    op(
        HandlerType.POST,
        "/api/v1/channels/feeds",
        "followFeed",
        "Channels",
        "Follow an RSS or Atom feed (or the feed a page links)",
        Access.ADMIN,
        FeedRequest.class,
        ChannelJson.class,
        false,
        201,
        List.of(),
        this::followFeed);
    op(
        HandlerType.POST,
        "/api/v1/channels/bluesky",
        "connectBluesky",
        "Channels",
        "Connect a Bluesky account with its handle and an app password (Bluesky: Settings → Privacy"
            + " and security → App passwords); the password is stored encrypted and never returned",
        Access.ADMIN,
        BlueskyRequest.class,
        ChannelJson.class,
        false,
        201,
        List.of(),
        this::connectBluesky);
    op(
        HandlerType.POST,
        "/api/v1/channels/webhooks",
        "createWebhook",
        "Channels",
        "Create an inbound webhook; its signing secret is shown only in this answer",
        Access.ADMIN,
        WebhookRequest.class,
        WebhookCreated.class,
        false,
        201,
        List.of(),
        this::createWebhook);
    op(
        HandlerType.POST,
        "/api/v1/hooks/{id}",
        "deliverToWebhook",
        "Webhooks",
        "Push mentions in: a JSON item {id, text, url?, title?, created_at?, language?, author?:"
            + " {handle, name, url}} or {items: [...]}, signed with X-Chorus-Timestamp (Unix"
            + " seconds, within 5 minutes) and X-Chorus-Signature: sha256=HEX(HMAC-SHA256(secret,"
            + " timestamp + \".\" + body)). Needs no token.",
        Access.PUBLIC,
        WebhookDelivery.class,
        WebhookReceipt.class,
        false,
        202,
        List.of(),
        this::deliver);
    op(
        HandlerType.GET,
        "/api/v1/channels/{id}",
        "getChannel",
        "Channels",
        "A channel and its health",
        Access.VIEWER,
        null,
        ChannelJson.class,
        false,
        200,
        List.of(),
        ctx -> ctx.json(ChannelJson.of(channel(ctx))));
    op(
        HandlerType.GET,
        "/api/v1/channels/{id}/items",
        "listChannelItems",
        "Channels",
        "What a channel heard, newest first",
        Access.VIEWER,
        null,
        ItemJson.class,
        true,
        200,
        Operation.paging(),
        this::items);
    op(
        HandlerType.POST,
        "/api/v1/channels/{id}/read",
        "readChannel",
        "Channels",
        "Read a channel now",
        Access.EDITOR,
        null,
        ReadJson.class,
        false,
        200,
        List.of(),
        this::read);
    op(
        HandlerType.DELETE,
        "/api/v1/channels/{id}",
        "disconnectChannel",
        "Channels",
        "Disconnect a channel (what it heard is kept)",
        Access.ADMIN,
        null,
        ChannelJson.class,
        false,
        200,
        List.of(),
        this::disconnect);
    op(
        HandlerType.GET,
        "/api/v1/queries",
        "listQueries",
        "Listening",
        "Saved queries",
        Access.VIEWER,
        null,
        QueryJson.class,
        true,
        200,
        List.of(),
        this::queries);
    op(
        HandlerType.POST,
        "/api/v1/queries",
        "createQuery",
        "Listening",
        "Save a query (checked by the parser; an error names its column)",
        Access.EDITOR,
        QueryRequest.class,
        QueryJson.class,
        false,
        201,
        List.of(),
        this::createQuery);
    op(
        HandlerType.POST,
        "/api/v1/queries/check",
        "checkQuery",
        "Listening",
        "Check a query and preview what it would have matched in the last days (default 30)",
        Access.VIEWER,
        CheckRequest.class,
        CheckJson.class,
        false,
        200,
        List.of(),
        this::checkQuery);
    op(
        HandlerType.GET,
        "/api/v1/queries/{id}",
        "getQuery",
        "Listening",
        "A saved query",
        Access.VIEWER,
        null,
        QueryJson.class,
        false,
        200,
        List.of(),
        ctx -> ctx.json(QueryJson.of(query(ctx))));
    op(
        HandlerType.PATCH,
        "/api/v1/queries/{id}",
        "changeQuery",
        "Listening",
        "Change a query's name, text, sources or enabled state",
        Access.EDITOR,
        QueryPatch.class,
        QueryJson.class,
        false,
        200,
        List.of(),
        this::changeQuery);
    op(
        HandlerType.DELETE,
        "/api/v1/queries/{id}",
        "deleteQuery",
        "Listening",
        "Delete a saved query",
        Access.EDITOR,
        null,
        null,
        false,
        204,
        List.of(),
        this::deleteQuery);
    op(
        HandlerType.GET,
        "/api/v1/channels/{id}/sources",
        "getChannelSources",
        "Channels",
        "What a channel listens to besides its mentions, and each source's health",
        Access.VIEWER,
        null,
        SourcesJson.class,
        false,
        200,
        List.of(),
        ctx -> ctx.json(sources(channel(ctx))));
    op(
        HandlerType.PUT,
        "/api/v1/channels/{id}/sources",
        "setChannelSources",
        "Channels",
        "Set a channel's hashtags and searches, live streaming (Mastodon) and firehose (Bluesky)",
        Access.ADMIN,
        SourcesRequest.class,
        SourcesJson.class,
        false,
        200,
        List.of(),
        this::setSources);
    op(
        HandlerType.POST,
        "/api/v1/channels/{id}/reconnect",
        "reconnectChannel",
        "Channels",
        "Reconnect a disconnected channel under the same id (a webhook gets a new secret, shown"
            + " only in this answer)",
        Access.ADMIN,
        null,
        ReconnectJson.class,
        false,
        200,
        List.of(),
        this::reconnect);
    operations.addAll(new InboxApi(core).operations());
    operations.addAll(new LinksApi(core).operations());
    operations.addAll(new ApprovalsApi(core).operations());
    operations.addAll(new QueueApi(core).operations());
    operations.addAll(new PostsApi(core).operations());
    operations.addAll(new PublishingProblemsApi(core).operations());
    operations.addAll(new AlertsApi(core).operations());
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

  private void me(Context ctx) {
    Actor a = Req.actor(ctx);
    ctx.json(
        new MeJson(
            Dto.UserJson.of(a.user()),
            WorkspaceJson.of(a.workspace()),
            a.role().key(),
            TokenJson.of(Req.principal(ctx).token(), core.clock.instant())));
  }

  private void createWorkspace(Context ctx) {
    WorkspaceRequest req = body(ctx, WorkspaceRequest.class);
    var w =
        core.db.inTransaction(
            h -> core.createWorkspace.create(h, Req.actor(ctx).user(), req.name(), Req.ip(ctx)));
    ctx.status(201).json(WorkspaceJson.of(w));
  }

  private void members(Context ctx) {
    PageRequest pr = PageRequest.parse(ctx.queryParam("cursor"), ctx.queryParam("limit"));
    var ws = Req.actor(ctx).workspace().id();
    var rows = core.db.read(h -> core.members.list(h, ws, pr.after(), pr.limit() + 1));
    page(ctx, Page.of(rows, pr.limit(), m -> m.user().id().value()).map(MemberJson::of));
  }

  private void changeRole(Context ctx) {
    RoleRequest req = body(ctx, RoleRequest.class);
    var m =
        core.changeRole.change(
            Req.actor(ctx), new UserId(ctx.pathParam("userId")), Role.parse("role", req.role()));
    ctx.json(MemberJson.of(m));
  }

  private void removeMember(Context ctx) {
    core.removeMember.remove(Req.actor(ctx), new UserId(ctx.pathParam("userId")));
    ctx.status(204);
  }

  private void invitations(Context ctx) {
    PageRequest pr = PageRequest.parse(ctx.queryParam("cursor"), ctx.queryParam("limit"));
    var ws = Req.actor(ctx).workspace().id();
    var rows = core.db.read(h -> core.invitations.list(h, ws, pr.after(), pr.limit() + 1));
    var now = core.clock.instant();
    page(ctx, Page.of(rows, pr.limit(), i -> i.id()).map(i -> InvitationJson.of(i, now)));
  }

  private void invite(Context ctx) {
    InviteRequest req = body(ctx, InviteRequest.class);
    var issued =
        core.inviteMember.invite(Req.actor(ctx), req.email(), Role.parse("role", req.role()));
    ctx.status(201)
        .json(
            new InvitationCreated(
                InvitationJson.of(issued.invitation(), core.clock.instant()),
                publicUrl.get() + "/invite/" + issued.secret()));
  }

  private void revokeInvitation(Context ctx) {
    var inv = core.revokeInvitation.revoke(Req.actor(ctx), ctx.pathParam("id"));
    ctx.json(InvitationJson.of(inv, core.clock.instant()));
  }

  private void audit(Context ctx) {
    PageRequest pr = PageRequest.parse(ctx.queryParam("cursor"), ctx.queryParam("limit"));
    page(ctx, core.audit.page(Req.actor(ctx).workspace().id(), pr).map(AuditEntryJson::of));
  }

  private void tokens(Context ctx) {
    Actor a = Req.actor(ctx);
    var now = core.clock.instant();
    var list = core.db.read(h -> core.tokens.list(h, a.workspace().id(), a.user().id()));
    page(ctx, new Page<>(list, null).map(t -> TokenJson.of(t, now)));
  }

  private void createToken(Context ctx) {
    TokenRequest req = body(ctx, TokenRequest.class);
    var issued =
        core.issueToken.issue(
            Req.actor(ctx),
            req.name(),
            TokenScope.parse("scope", req.scope()),
            req.expiresInDays() == null ? 90 : req.expiresInDays());
    ctx.status(201)
        .json(
            new TokenCreated(TokenJson.of(issued.token(), core.clock.instant()), issued.secret()));
  }

  private void revokeToken(Context ctx) {
    var t = core.revokeToken.revoke(Req.actor(ctx), ctx.pathParam("id"));
    ctx.json(TokenJson.of(t, core.clock.instant()));
  }

  private Channel channel(Context ctx) {
    var ws = Req.actor(ctx).workspace().id();
    return core.db
        .read(h -> core.channels.find(h, ws, new ChannelId(ctx.pathParam("id"))))
        .orElseThrow(() -> new NotFound("There is no such channel here."));
  }

  private void channels(Context ctx) {
    var ws = Req.actor(ctx).workspace().id();
    page(ctx, new Page<>(core.db.read(h -> core.channels.list(h, ws)), null).map(ChannelJson::of));
  }

  private void followFeed(Context ctx) {
    FeedRequest req = body(ctx, FeedRequest.class);
    Channel c =
        connectFeed.connect(
            Req.actor(ctx),
            req.address(),
            req.name(),
            req.intervalMinutes() == null ? 15 : req.intervalMinutes());
    core.pollChannel.poll(c);
    ctx.status(201).json(ChannelJson.of(channel(c, ctx)));
  }

  private void connectBluesky(Context ctx) {
    BlueskyRequest req = body(ctx, BlueskyRequest.class);
    Channel c = connectBluesky.connect(Req.actor(ctx), req.handle(), req.appPassword(), req.name());
    core.pollChannel.poll(c);
    ctx.status(201).json(ChannelJson.of(channel(c, ctx)));
  }

  private Channel channel(Channel c, Context ctx) {
    return core.db.read(h -> core.channels.find(h, c.workspaceId(), c.id())).orElseThrow();
  }

  private void createWebhook(Context ctx) {
    WebhookRequest req = body(ctx, WebhookRequest.class);
    var created = createWebhook.create(Req.actor(ctx), req.name());
    ctx.status(201)
        .json(
            new WebhookCreated(
                ChannelJson.of(created.channel()),
                publicUrl.get() + "/api/v1/hooks/" + created.channel().id().value(),
                created.secret()));
  }

  private void deliver(Context ctx) {
    var receipt =
        receiveWebhook.receive(
            ctx.pathParam("id"),
            ctx.header("X-Chorus-Timestamp"),
            ctx.header("X-Chorus-Signature"),
            ctx.bodyAsBytes());
    ctx.status(202)
        .json(new WebhookReceipt(receipt.accepted(), receipt.duplicates(), receipt.quarantined()));
  }

  private void items(Context ctx) {
    Channel c = channel(ctx);
    PageRequest pr = PageRequest.parse(ctx.queryParam("cursor"), ctx.queryParam("limit"));
    var rows =
        core.db.read(
            h -> core.channels.items(h, c.workspaceId(), c.id(), pr.after(), pr.limit() + 1));
    page(ctx, Page.of(rows, pr.limit(), ChannelStore.StoredItem::id).map(ItemJson::of));
  }

  private void read(Context ctx) {
    Channel c = channel(ctx);
    if (c.disconnectedAt() != null) throw new Invalid("id", "this channel is disconnected");
    var result = core.pollChannel.poll(c);
    ctx.json(new ReadJson(result.added(), result.error(), ChannelJson.of(channel(c, ctx))));
  }

  private void reconnect(Context ctx) {
    Channel c = channel(ctx);
    Reconnect.Done done =
        new Reconnect(core.reconnectChannel, core.pollChannel)
            .reconnect(Req.actor(ctx), c.id(), c.network());
    ctx.json(new ReconnectJson(ChannelJson.of(channel(done.channel(), ctx)), done.secret()));
  }

  private void disconnect(Context ctx) {
    Channel c = channel(ctx);
    Channel done = core.disconnectChannel.disconnect(Req.actor(ctx), c.id());
    core.streams.refresh();
    ctx.json(ChannelJson.of(done));
  }

  private void setSources(Context ctx) {
    Channel c = channel(ctx);
    SourcesRequest req = body(ctx, SourcesRequest.class);
    List<String> tags = req.hashtags() == null ? List.of() : req.hashtags();
    for (String t : tags) {
      if (t == null || t.isBlank() || t.strip().matches(".*[\\s,].*")) {
        throw new Invalid("hashtags", "give one hashtag per item, as \"coffee\"");
      }
    }
    List<String> searches = req.searches() == null ? List.of() : req.searches();
    for (String q : searches) {
      if (q == null || q.isBlank() || q.contains("\n") || q.contains("\r")) {
        throw new Invalid("searches", "give one search per item, on one line");
      }
    }
    ListeningSources wanted =
        ListeningSources.check(
            c.network(),
            String.join(" ", tags),
            String.join("\n", searches),
            Boolean.TRUE.equals(req.live()),
            Boolean.TRUE.equals(req.firehose()));
    ctx.json(sources(core.changeSources.change(Req.actor(ctx), c.id(), wanted)));
  }

  private SourcesJson sources(Channel c) {
    ListeningSources s = ListeningSources.of(c);
    Map<String, SourceStore.State> states = new HashMap<>();
    core.db
        .read(h -> core.sources.list(h, c.id()))
        .forEach(st -> states.put(st.source().key(), st));
    List<SourceJson> out = new ArrayList<>();
    for (Source src : s.all()) {
      SourceStore.State st = states.get(src.key());
      boolean mentions = src.kind() == Source.Kind.MENTIONS;
      out.add(
          new SourceJson(
              src.key(),
              src.kind().key(),
              src.label(),
              core.streams.streaming(c.id(), src),
              mentions ? c.lastSuccessAt() : st == null ? null : st.lastSuccessAt(),
              mentions || st == null ? null : st.lastError(),
              mentions || st == null ? null : st.lastErrorAt()));
    }
    return new SourcesJson(s.hashtags(), s.searches(), s.live(), s.firehose(), out);
  }

  private SavedQuery query(Context ctx) {
    var ws = Req.actor(ctx).workspace().id();
    return core.db
        .read(h -> core.queries.find(h, ws, ctx.pathParam("id")))
        .orElseThrow(() -> new NotFound("There is no such query here."));
  }

  private void queries(Context ctx) {
    var ws = Req.actor(ctx).workspace().id();
    page(ctx, new Page<>(core.db.read(h -> core.queries.list(h, ws)), null).map(QueryJson::of));
  }

  private void createQuery(Context ctx) {
    QueryRequest req = body(ctx, QueryRequest.class);
    var q =
        core.saveQuery.save(
            Req.actor(ctx), null, new SaveQuery.Draft(req.name(), req.query(), req.sources()));
    ctx.status(201).json(QueryJson.of(q));
  }

  private void changeQuery(Context ctx) {
    QueryPatch req = body(ctx, QueryPatch.class);
    SavedQuery q = query(ctx);
    if (req.name() != null || req.query() != null || req.sources() != null) {
      q =
          core.saveQuery.save(
              Req.actor(ctx),
              q.id(),
              new SaveQuery.Draft(
                  req.name() != null ? req.name() : q.name(),
                  req.query() != null ? req.query() : q.text(),
                  req.sources() != null ? req.sources() : q.sources()));
    }
    if (req.enabled() != null) q = core.saveQuery.setEnabled(Req.actor(ctx), q.id(), req.enabled());
    ctx.json(QueryJson.of(q));
  }

  private void deleteQuery(Context ctx) {
    core.saveQuery.delete(Req.actor(ctx), query(ctx).id());
    ctx.status(204);
  }

  private void checkQuery(Context ctx) {
    CheckRequest req = body(ctx, CheckRequest.class);
    int days = req.days() == null ? 30 : req.days();
    if (days < 1 || days > 365) throw new Invalid("days", "days must be between 1 and 365");
    try {
      var p =
          core.previewQuery.preview(
              Req.actor(ctx),
              req.query(),
              req.sources() == null ? List.of() : req.sources(),
              java.time.Duration.ofDays(days));
      ctx.json(
          new CheckJson(
              true,
              null,
              new PreviewJson(
                  p.matched(),
                  p.scanned(),
                  days,
                  p.samples().stream().map(ItemJson::of).toList())));
    } catch (Invalid e) {
      if (!e.field().equals("query")) throw e;
      var m = java.util.regex.Pattern.compile("^column (\\d+):").matcher(e.getMessage());
      Integer column = m.find() ? Integer.valueOf(m.group(1)) : null;
      ctx.json(new CheckJson(false, new CheckError(e.getMessage(), column), null));
    }
  }

  private static <T> void page(Context ctx, Page<T> page) {
    ctx.json(new PageJson<>(page.items(), page.nextCursor()));
  }
}
