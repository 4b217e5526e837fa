package dev.chorus.web.api;

import dev.chorus.core.Core;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.member.Actor;
import dev.chorus.core.publishing.PostId;
import dev.chorus.core.publishing.links.LinkSettings;
import dev.chorus.core.publishing.links.LinkStats;
import dev.chorus.core.publishing.links.LinkStore;
import dev.chorus.web.http.Access;
import dev.chorus.web.http.Req;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;

/**
 * Tracked links in the API: a post's clicks per link and per channel, the workspace's top links and
 * clicks per channel over the last days, and its tracking settings. {@link ApiRoutes} registers
 * them with the rest.
 */
public final class LinksApi {
  private final Core core;
  private final List<Operation> operations = new ArrayList<>();

  LinksApi(Core core) {
    this.core = core;
    declare();
  }

  List<Operation> operations() {
    return List.copyOf(operations);
  }

  /** One tracked link and its counts. */
  public record LinkClicksJson(
      String code,
      String postId,
      String channelId,
      String channelName,
      String network,
      String url,
      long clicks,
      long botHits) {
    static LinkClicksJson of(LinkStore.LinkCount l) {
      return new LinkClicksJson(
          l.code(),
          l.postId().value(),
          l.channelId().value(),
          l.channelName(),
          l.network().key(),
          l.originalUrl(),
          l.clicks(),
          l.botHits());
    }
  }

  /** One channel's counts. */
  public record ChannelClicksJson(
      String channelId, String channelName, String network, long links, long clicks, long botHits) {
    static ChannelClicksJson of(LinkStore.ChannelCount c) {
      return new ChannelClicksJson(
          c.channelId().value(),
          c.channelName(),
          c.network().key(),
          c.links(),
          c.clicks(),
          c.botHits());
    }
  }

  /** A post's clicks of all time. */
  public record PostClicksJson(
      String postId,
      long clicks,
      long botHits,
      List<LinkClicksJson> links,
      List<ChannelClicksJson> channels) {}

  /** The workspace's clicks over the last {@code days} days. */
  public record WorkspaceClicksJson(
      int days,
      long clicks,
      long botHits,
      List<LinkClicksJson> top,
      List<ChannelClicksJson> channels) {}

  /** Whether links are tracked, and the utm_campaign they carry. */
  public record LinkSettingsJson(Boolean tracking, String utmCampaign) {}

  private void declare() {
    add(
        HandlerType.GET,
        "/api/v1/posts/{postId}/clicks",
        "getPostClicks",
        "Clicks on a post's tracked links, per link and per channel (bot hits apart)",
        Access.VIEWER,
        null,
        PostClicksJson.class,
        List.of(),
        this::postClicks);
    add(
        HandlerType.GET,
        "/api/v1/links",
        "listLinkClicks",
        "The workspace's most clicked links and clicks per channel over the last days",
        Access.VIEWER,
        null,
        WorkspaceClicksJson.class,
        List.of(new Operation.QueryParam("days", "integer", "1 to 366 (default 30)")),
        this::workspaceClicks);
    add(
        HandlerType.GET,
        "/api/v1/links/settings",
        "getLinkSettings",
        "Whether links in sent posts are tracked, and their utm_campaign",
        Access.VIEWER,
        null,
        LinkSettingsJson.class,
        List.of(),
        ctx -> {
          LinkSettings s =
              core.db.read(h -> core.links.store.settings(h, Req.actor(ctx).workspace().id()));
          ctx.json(new LinkSettingsJson(s.tracking(), s.utmCampaign()));
        });
    add(
        HandlerType.PUT,
        "/api/v1/links/settings",
        "changeLinkSettings",
        "Turn link tracking on or off and set the utm_campaign (admins)",
        Access.ADMIN,
        LinkSettingsJson.class,
        LinkSettingsJson.class,
        List.of(),
        this::changeSettings);
  }

  private void add(
      HandlerType method,
      String path,
      String id,
      String summary,
      Access access,
      Class<?> body,
      Class<?> response,
      List<Operation.QueryParam> query,
      io.javalin.http.Handler handler) {
    operations.add(
        new Operation(
            method, path, id, "Links", summary, access, body, response, false, 200, query,
            handler));
  }

  private void postClicks(Context ctx) {
    Actor actor = Req.actor(ctx);
    LinkStats.PostClicks p =
        core.links.stats.ofPost(actor.workspace().id(), new PostId(ctx.pathParam("postId")));
    ctx.json(
        new PostClicksJson(
            p.post().value(),
            p.clicks(),
            p.botHits(),
            p.links().stream().map(LinkClicksJson::of).toList(),
            p.byChannel().stream().map(ChannelClicksJson::of).toList()));
  }

  private void workspaceClicks(Context ctx) {
    Actor actor = Req.actor(ctx);
    int days = 30;
    String d = ctx.queryParam("days");
    if (d != null) {
      try {
        days = Integer.parseInt(d.strip());
      } catch (NumberFormatException e) {
        throw new Invalid("days", "days must be a whole number from 1 to 366");
      }
    }
    LinkStats.WorkspaceClicks w = core.links.stats.ofWorkspace(actor.workspace().id(), days);
    ctx.json(
        new WorkspaceClicksJson(
            w.days(),
            w.clicks(),
            w.botHits(),
            w.top().stream().map(LinkClicksJson::of).toList(),
            w.byChannel().stream().map(ChannelClicksJson::of).toList()));
  }

  private void changeSettings(Context ctx) {
    if (ctx.body().isBlank()) throw new Invalid("body", "send a JSON object as the request body");
    LinkSettingsJson req = ctx.bodyAsClass(LinkSettingsJson.class);
    if (req.tracking() == null) throw new Invalid("tracking", "say true or false");
    LinkSettings s =
        core.links.changeSettings.change(
            Req.actor(ctx),
            new LinkSettings(
                req.tracking(), req.utmCampaign() == null ? "chorus" : req.utmCampaign().strip()));
    ctx.json(new LinkSettingsJson(s.tracking(), s.utmCampaign()));
  }
}
