package dev.chorus.web.page;

import static java.util.stream.Collectors.joining;

import dev.chorus.channels.Reconnect;
import dev.chorus.channels.rss.ConnectFeed;
import dev.chorus.channels.webhook.CreateWebhook;
import dev.chorus.core.Core;
import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.ChannelId;
import dev.chorus.core.channel.ChannelStore;
import dev.chorus.core.channel.ListeningSources;
import dev.chorus.core.channel.Source;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.error.NotFound;
import dev.chorus.core.member.Actor;
import dev.chorus.web.http.Access;
import dev.chorus.web.http.Req;
import dev.chorus.web.view.Form;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Connected channels, their health, what they heard, and connecting a feed. */
public final class ChannelPages {
  private final Core core;
  private final Pages pages;
  private final ConnectFeed connectFeed;
  private final CreateWebhook createWebhook;
  private final Supplier<String> publicUrl;

  public ChannelPages(
      Core core,
      Pages pages,
      ConnectFeed connectFeed,
      CreateWebhook createWebhook,
      Supplier<String> publicUrl) {
    this.core = core;
    this.pages = pages;
    this.connectFeed = connectFeed;
    this.createWebhook = createWebhook;
    this.publicUrl = publicUrl;
  }

  public void register(RoutesConfig r) {
    r.get("/w/{slug}/channels", this::list, Access.VIEWER);
    r.post("/w/{slug}/channels/feeds", this::connectFeed, Access.ADMIN);
    r.post("/w/{slug}/channels/webhooks", this::createWebhook, Access.ADMIN);
    r.get("/w/{slug}/channels/{id}", this::detail, Access.VIEWER);
    r.post("/w/{slug}/channels/{id}/read", this::readNow, Access.EDITOR);
    r.post("/w/{slug}/channels/{id}/disconnect", this::disconnect, Access.ADMIN);
    r.post("/w/{slug}/channels/{id}/reconnect", this::reconnect, Access.ADMIN);
    r.post("/w/{slug}/channels/{id}/sources", this::changeSources, Access.ADMIN);
  }

  private void list(Context ctx) {
    render(ctx, Form.empty().with("interval", "15"), null);
  }

  /** The channel list with {@code form}'s values and errors (used by the Mastodon flow too). */
  void renderList(Context ctx, Form form) {
    render(ctx, form, null);
  }

  private void render(Context ctx, Form form, String connected) {
    Actor actor = Req.actor(ctx);
    List<Channel> channels = core.db.read(h -> core.channels.list(h, actor.workspace().id()));
    Map<String, Object> p = new HashMap<>();
    p.put("channels", channels);
    p.put("form", form);
    p.put("connected", connected);
    p.put("intervals", ConnectFeed.INTERVALS);
    p.put("shell", pages.shell(ctx, "Channels").withNotice(Notices.text(ctx.queryParam("notice"))));
    pages.render(ctx, "channels.jte", p);
  }

  private void connectFeed(Context ctx) {
    Actor actor = Req.actor(ctx);
    Form form =
        Form.empty()
            .with("address", ctx.formParam("address"))
            .with("name", ctx.formParam("name"))
            .with("interval", ctx.formParam("interval"));
    try {
      Channel c =
          connectFeed.connect(
              actor, form.value("address"), form.value("name"), interval(form.value("interval")));
      core.pollChannel.poll(c);
      ctx.redirect("/w/" + actor.workspace().slug() + "/channels/" + c.id() + "?notice=connected");
    } catch (Invalid e) {
      ctx.status(400);
      render(ctx, form.failed(e), null);
    }
  }

  /** The interval field as minutes; {@link Invalid} on {@code interval} when it is not a number. */
  public static int interval(String value) {
    if (value == null || value.isBlank()) return 15;
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new Invalid("interval", "choose how often to read the feed");
    }
  }

  private Channel find(Context ctx) {
    Actor actor = Req.actor(ctx);
    return core.db
        .read(
            h -> core.channels.find(h, actor.workspace().id(), new ChannelId(ctx.pathParam("id"))))
        .orElseThrow(() -> new NotFound("There is no such channel here."));
  }

  private void createWebhook(Context ctx) {
    Actor actor = Req.actor(ctx);
    String name = ctx.formParam("webhook_name");
    try {
      CreateWebhook.Created created = createWebhook.create(actor, name);
      ctx.status(201);
      renderDetail(ctx, created.channel(), created.secret());
    } catch (Invalid e) {
      ctx.status(400);
      Form form = Form.empty().with("interval", "15").with("webhook_name", name);
      // The webhook form calls its name field webhook_name.
      render(ctx, form.failed(new Invalid("webhook_name", e.getMessage())), null);
    }
  }

  private void detail(Context ctx) {
    renderDetail(ctx, find(ctx), null);
  }

  private void renderDetail(Context ctx, Channel c, String issuedSecret) {
    renderDetail(ctx, c, issuedSecret, sourcesForm(ListeningSources.of(c)));
  }

  private void renderDetail(Context ctx, Channel c, String issuedSecret, Form sourcesForm) {
    List<ChannelStore.StoredItem> items =
        core.db.read(h -> core.channels.items(h, c.workspaceId(), c.id(), null, 50));
    Map<String, Object> p = new HashMap<>();
    p.put("sources", ListeningSources.of(c));
    p.put("sourceStates", core.db.read(h -> core.sources.list(h, c.id())));
    p.put(
        "streaming",
        ListeningSources.of(c).streamed().stream()
            .filter(s -> core.streams.streaming(c.id(), s))
            .map(Source::key)
            .collect(java.util.stream.Collectors.toSet()));
    p.put("sourcesForm", sourcesForm);
    p.put("channel", c);
    p.put("items", items);
    p.put("issuedSecret", issuedSecret);
    p.put("hookUrl", publicUrl.get() + "/api/v1/hooks/" + c.id().value());
    p.put("shell", pages.shell(ctx, c.name()).withNotice(Notices.text(ctx.queryParam("notice"))));
    pages.render(ctx, "channel.jte", p);
  }

  /** The sources form filled with what the channel listens to now. */
  private static Form sourcesForm(ListeningSources s) {
    return Form.empty()
        .with("hashtags", s.hashtags().stream().map(t -> "#" + t).collect(joining(" ")))
        .with("searches", String.join("\n", s.searches()))
        .with("live", s.live() ? "on" : "")
        .with("firehose", s.firehose() ? "on" : "");
  }

  private void changeSources(Context ctx) {
    Channel c = find(ctx);
    Form form =
        Form.empty()
            .with("hashtags", ctx.formParam("hashtags"))
            .with("searches", ctx.formParam("searches"))
            .with("live", ctx.formParam("live"))
            .with("firehose", ctx.formParam("firehose"));
    try {
      ListeningSources wanted =
          ListeningSources.check(
              c.network(),
              form.value("hashtags"),
              form.value("searches"),
              "on".equals(form.value("live")),
              "on".equals(form.value("firehose")));
      core.changeSources.change(Req.actor(ctx), c.id(), wanted);
      ctx.redirect(
          "/w/"
              + Req.actor(ctx).workspace().slug()
              + "/channels/"
              + c.id()
              + "?notice=sources-saved");
    } catch (Invalid e) {
      ctx.status(400);
      renderDetail(ctx, c, null, form.failed(e));
    }
  }

  private void readNow(Context ctx) {
    Channel c = find(ctx);
    if (c.disconnectedAt() != null) throw new Invalid("channel", "this channel is disconnected");
    var result = core.pollChannel.poll(c);
    String slug = Req.actor(ctx).workspace().slug();
    ctx.redirect(
        "/w/"
            + slug
            + "/channels/"
            + c.id()
            + "?notice="
            + (result.error() == null ? "read" : "read-failed"));
  }

  private void reconnect(Context ctx) {
    Channel c = find(ctx);
    Reconnect.Done done =
        new Reconnect(core.reconnectChannel, core.pollChannel)
            .reconnect(Req.actor(ctx), c.id(), c.network());
    if (done.secret() != null) {
      renderDetail(ctx, done.channel(), done.secret());
      return;
    }
    ctx.redirect(
        "/w/" + Req.actor(ctx).workspace().slug() + "/channels/" + c.id() + "?notice=reconnected");
  }

  private void disconnect(Context ctx) {
    Channel c = find(ctx);
    core.disconnectChannel.disconnect(Req.actor(ctx), c.id());
    core.streams.refresh();
    ctx.redirect("/w/" + Req.actor(ctx).workspace().slug() + "/channels?notice=disconnected");
  }
}
