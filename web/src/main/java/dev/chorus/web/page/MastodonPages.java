package dev.chorus.web.page;

import dev.chorus.channels.mastodon.MastodonConnector;
import dev.chorus.channels.mastodon.MastodonOAuth;
import dev.chorus.channels.net.SafeHttp;
import dev.chorus.core.Core;
import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.ChannelFailure;
import dev.chorus.core.channel.ConnectChannel;
import dev.chorus.core.channel.Network;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.error.NotFound;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.web.http.Access;
import dev.chorus.web.http.Req;
import dev.chorus.web.view.Form;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Connecting a Mastodon account by OAuth: the app is registered on the instance, the person
 * authorizes Chorus there (authorization code with PKCE), and the callback exchanges the code for a
 * token that is stored sealed. The pending authorization (state, verifier) stays on the server,
 * bound to the person who started it, for ten minutes.
 */
public final class MastodonPages {
  private static final Duration PENDING_FOR = Duration.ofMinutes(10);

  /** An authorization in progress. */
  private record Pending(
      String userId,
      String slug,
      MastodonOAuth.App app,
      MastodonOAuth.Authorization auth,
      Instant until) {}

  private final Core core;
  private final Pages pages;
  private final ChannelPages channelPages;
  private final SafeHttp http;
  private final Supplier<String> publicUrl;
  private final Clock clock;
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();

  public MastodonPages(
      Core core,
      Pages pages,
      ChannelPages channelPages,
      SafeHttp http,
      Supplier<String> publicUrl) {
    this.core = core;
    this.pages = pages;
    this.channelPages = channelPages;
    this.http = http;
    this.publicUrl = publicUrl;
    this.clock = core.clock;
  }

  public void register(RoutesConfig r) {
    r.post("/w/{slug}/channels/mastodon", this::start, Access.ADMIN);
    r.get("/oauth/mastodon/callback", this::callback, Access.SIGNED_IN);
  }

  private void start(Context ctx) {
    Actor actor = Req.actor(ctx);
    String instance = ctx.formParam("instance");
    try {
      URI uri = instanceUri(instance);
      MastodonOAuth oauth = new MastodonOAuth(http, clock);
      MastodonOAuth.App app;
      try {
        app =
            oauth.register(
                uri, "Chorus", URI.create(publicUrl.get() + "/oauth/mastodon/callback"), null);
      } catch (ChannelFailure e) {
        throw new Invalid("instance", e.getMessage());
      }
      MastodonOAuth.Authorization auth = oauth.authorize(app);
      forgetExpired();
      pending.put(
          auth.state(),
          new Pending(
              actor.user().id().value(),
              actor.workspace().slug(),
              app,
              auth,
              clock.instant().plus(PENDING_FOR)));
      // A page with a link, not a redirect: the content security policy keeps form submissions
      // on this site, and the person sees where they are going.
      pages.workspace(
          ctx,
          "mastodon-authorize.jte",
          "Connect Mastodon",
          Map.of("host", uri.getHost(), "url", auth.url().toString()));
    } catch (Invalid e) {
      ctx.status(400);
      channelPages.renderList(
          ctx, Form.empty().with("instance", instance).with("interval", "15").failed(e));
    }
  }

  private void callback(Context ctx) {
    String state = ctx.queryParam("state");
    Pending p = state == null ? null : pending.remove(state);
    var user = Req.user(ctx);
    if (p == null
        || !p.userId().equals(user.id().value())
        || clock.instant().isAfter(p.until())
        || !p.auth().matches(state)) {
      throw new NotFound(
          "This Mastodon authorization is unknown or expired; connect the account again.");
    }
    Actor actor = core.access.enter(user, p.slug(), Req.ip(ctx));
    actor.require(Role.ADMIN, "connect channels");
    if (ctx.queryParam("error") != null) {
      ctx.redirect("/w/" + p.slug() + "/channels?notice=mastodon-denied");
      return;
    }
    String code = ctx.queryParam("code");
    if (code == null || code.isBlank())
      throw new Invalid("code", "Mastodon sent no authorization code");
    MastodonOAuth oauth = new MastodonOAuth(http, clock);
    MastodonOAuth.Token token = oauth.exchange(p.app(), code, p.auth().codeVerifier());
    var profile = new MastodonConnector(p.app().instance(), token.accessToken(), http).profile();
    String handle = profile.handle().startsWith("@") ? profile.handle() : "@" + profile.handle();
    if (!handle.substring(1).contains("@")) handle = handle + "@" + p.app().instance().getHost();
    Channel c =
        core.connectChannel.connect(
            actor,
            new ConnectChannel.Spec(
                Network.MASTODON,
                handle,
                p.app().instance().toString(),
                Map.of("interval_minutes", "5"),
                token.credentials(p.app()).toJson(),
                token.expiresAt()));
    core.pollChannel.poll(c);
    ctx.redirect("/w/" + p.slug() + "/channels/" + c.id() + "?notice=connected");
  }

  private static URI instanceUri(String instance) {
    if (instance == null || instance.isBlank()) {
      throw new Invalid("instance", "enter your Mastodon server, such as mastodon.social");
    }
    String s = instance.strip();
    if (s.startsWith("@") || s.matches("^[^/]*@[^/]+$")) s = s.substring(s.lastIndexOf('@') + 1);
    if (!s.contains("://")) s = "https://" + s;
    try {
      URI u = URI.create(s);
      if (u.getHost() == null) throw new IllegalArgumentException("no host");
      return URI.create(u.getScheme() + "://" + u.getAuthority());
    } catch (IllegalArgumentException e) {
      throw new Invalid(
          "instance", "'" + instance + "' is not a server address, such as mastodon.social");
    }
  }

  private void forgetExpired() {
    Instant now = clock.instant();
    pending.values().removeIf(p -> now.isAfter(p.until()));
  }
}
