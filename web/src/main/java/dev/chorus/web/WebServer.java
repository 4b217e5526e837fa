package dev.chorus.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chorus.channels.bluesky.ConnectBluesky;
import dev.chorus.channels.net.SafeHttp;
import dev.chorus.channels.rss.ConnectFeed;
import dev.chorus.channels.webhook.CreateWebhook;
import dev.chorus.channels.webhook.ReceiveWebhook;
import dev.chorus.core.Core;
import dev.chorus.core.error.Unavailable;
import dev.chorus.core.security.InstanceKey;
import dev.chorus.web.api.ApiRoutes;
import dev.chorus.web.api.Json;
import dev.chorus.web.api.OpenApiDocument;
import dev.chorus.web.http.Access;
import dev.chorus.web.http.Auth;
import dev.chorus.web.http.Csrf;
import dev.chorus.web.http.Errors;
import dev.chorus.web.http.RequestMetrics;
import dev.chorus.web.http.SecurityHeaders;
import dev.chorus.web.page.AccountPages;
import dev.chorus.web.page.AlertPages;
import dev.chorus.web.page.ApprovalPages;
import dev.chorus.web.page.AuditPages;
import dev.chorus.web.page.AuthPages;
import dev.chorus.web.page.BlueskyPages;
import dev.chorus.web.page.ChannelPages;
import dev.chorus.web.page.ComposePages;
import dev.chorus.web.page.InboxActions;
import dev.chorus.web.page.InboxPages;
import dev.chorus.web.page.InboxStream;
import dev.chorus.web.page.LinkPages;
import dev.chorus.web.page.MastodonPages;
import dev.chorus.web.page.MemberPages;
import dev.chorus.web.page.Pages;
import dev.chorus.web.page.PublishProblemPages;
import dev.chorus.web.page.PublishSettingsPages;
import dev.chorus.web.page.QueryPages;
import dev.chorus.web.page.QueuePages;
import dev.chorus.web.page.QueueToolPages;
import dev.chorus.web.page.TokenPages;
import dev.chorus.web.page.WorkspacePages;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * The HTTP server: pages, API, health and metrics. Built once by the composition root; {@link
 * #start()} binds the port and {@link #stop()} stops taking new requests and lets those in flight
 * finish, up to the grace period.
 */
public final class WebServer {
  /**
   * How the server is reached and limited.
   *
   * @param publicUrl the URL people use, for links in invitations; null means http://host:port
   * @param extraRoutes more routes, for tests of the server itself; null for none
   */
  public record Settings(
      String host,
      int port,
      String publicUrl,
      long maxBodyBytes,
      Duration shutdownGrace,
      String version,
      Consumer<RoutesConfig> extraRoutes) {
    public Settings {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(shutdownGrace, "shutdownGrace");
      Objects.requireNonNull(version, "version");
    }
  }

  private final Core core;
  private final InstanceKey key;
  private final ConnectFeed connectFeed;
  private final ConnectBluesky connectBluesky;
  private final SafeHttp http;
  private final PrometheusMeterRegistry registry;
  private final Settings settings;
  private final ObjectMapper mapper = Json.mapper();
  private Javalin app;
  private InboxStream inboxStream;
  private String publicUrl;

  public WebServer(
      Core core,
      InstanceKey key,
      PrometheusMeterRegistry registry,
      ConnectFeed connectFeed,
      ConnectBluesky connectBluesky,
      SafeHttp http,
      Settings settings) {
    this.core = core;
    this.connectFeed = connectFeed;
    this.connectBluesky = connectBluesky;
    this.http = http;
    this.registry = registry;
    this.settings = settings;
    this.key = key;
  }

  /** Binds the port and starts serving; returns this. */
  public WebServer start() {
    // The public URL may name the port, which is only known once bound; links use this resolver.
    boolean https = settings.publicUrl() != null && settings.publicUrl().startsWith("https://");
    Csrf csrf = new Csrf(key, https);
    Auth auth = new Auth(core, csrf, https);
    Pages pages = new Pages(core, csrf, settings.version());
    Errors errors = new Errors(pages, settings.maxBodyBytes());
    RequestMetrics metrics = new RequestMetrics(registry);
    LinkBase links = new LinkBase();
    ApiRoutes api =
        new ApiRoutes(
            core,
            links,
            connectFeed,
            connectBluesky,
            new CreateWebhook(core.connectChannel),
            new ReceiveWebhook(core));
    Map<String, Object> openApi =
        OpenApiDocument.build(api.operations(), mapper, settings.version());
    inboxStream = new InboxStream(core.inboxEvents);
    registry.gauge("chorus_inbox_streams", inboxStream, InboxStream::connections);
    app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.http.maxRequestSize = settings.maxBodyBytes();
              config.jsonMapper(new JavalinJackson(mapper, false));
              config.staticFiles.enableWebjars();
              config.staticFiles.add(
                  sf -> {
                    sf.hostedPath = "/assets";
                    sf.directory = "/assets";
                    sf.location = Location.CLASSPATH;
                    sf.headers = Map.of("Cache-Control", "max-age=300");
                  });
              config.jetty.host = settings.host();
              config.jetty.port = settings.port();
              config.jetty.modifyServer(
                  server -> {
                    server.setStopTimeout(settings.shutdownGrace().toMillis());
                    server.setHandler(new GracefulHandler());
                  });
              config.requestLogger.http(metrics::record);
              RoutesConfig r = config.routes;
              r.before(
                  ctx -> {
                    SecurityHeaders.apply(ctx, https);
                    auth.identify(ctx);
                  });
              r.beforeMatched(auth::enforce);
              errors.register(r);
              r.get("/health", this::health, Access.PUBLIC);
              r.get("/metrics", this::metrics, Access.PUBLIC);
              r.get("/api/openapi.json", ctx -> ctx.json(openApi), Access.PUBLIC);
              new AuthPages(core, auth, pages).register(r);
              new WorkspacePages(core, pages).register(r);
              new MemberPages(core, pages, links).register(r);
              new AuditPages(core, pages).register(r);
              new TokenPages(core, pages).register(r);
              new AccountPages(core, pages).register(r);
              new QueryPages(core, pages).register(r);
              new AlertPages(core, pages).register(r);
              new QueuePages(core, pages).register(r);
              new QueueToolPages(core, pages).register(r);
              new LinkPages(core, pages).register(r);
              new ApprovalPages(core, pages, links).register(r);
              new ComposePages(core, pages).register(r);
              new PublishSettingsPages(core, pages).register(r);
              new PublishProblemPages(core, pages).register(r);
              // The inbox's fixed paths first: /inbox/{id} would otherwise take them.
              InboxPages inbox = new InboxPages(core, pages);
              inboxStream.register(r);
              inbox.register(r);
              new InboxActions(core, pages, inbox).register(r);
              inbox.registerConversation(r);
              ChannelPages channelPages =
                  new ChannelPages(
                      core, pages, connectFeed, new CreateWebhook(core.connectChannel), links);
              channelPages.register(r);
              new MastodonPages(core, pages, channelPages, http, links).register(r);
              new BlueskyPages(core, channelPages, connectBluesky).register(r);
              api.register(r);
              if (settings.extraRoutes() != null) settings.extraRoutes().accept(r);
            });
    app.start();
    publicUrl =
        settings.publicUrl() != null
            ? settings.publicUrl().replaceAll("/+$", "")
            : "http://"
                + (settings.host().equals("0.0.0.0") ? "localhost" : settings.host())
                + ":"
                + app.port();
    return this;
  }

  /** The base of links the server hands out, known once the port is bound. */
  public final class LinkBase implements java.util.function.Supplier<String> {
    @Override
    public String get() {
      return publicUrl;
    }
  }

  private void health(Context ctx) {
    try {
      core.db.ping();
      ctx.json(Map.of("status", "ok", "database", "ok", "version", settings.version()));
    } catch (Unavailable e) {
      ctx.status(503).json(Map.of("status", "unavailable", "database", e.getMessage()));
    }
  }

  private void metrics(Context ctx) {
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
  }

  /** The port bound, once started. */
  public int port() {
    return app.port();
  }

  /** The URL people use to reach this server. */
  public String url() {
    return publicUrl;
  }

  /** Stops taking requests and waits for those in flight, up to the grace period. */
  public void stop() {
    // Event streams never finish on their own: end them first, or they hold the grace period.
    if (inboxStream != null) inboxStream.close();
    if (app != null) app.stop();
  }
}
