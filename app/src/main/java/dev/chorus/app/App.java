package dev.chorus.app;

import dev.chorus.channels.Connectors;
import dev.chorus.channels.alert.AlertSenders;
import dev.chorus.channels.alert.SmtpSettings;
import dev.chorus.channels.bluesky.BlueskyDirectory;
import dev.chorus.channels.bluesky.ConnectBluesky;
import dev.chorus.channels.net.SafeHttp;
import dev.chorus.channels.rss.ConnectFeed;
import dev.chorus.channels.rss.FeedDiscovery;
import dev.chorus.core.Core;
import dev.chorus.core.channel.ChannelSecrets;
import dev.chorus.core.channel.ChannelStore;
import dev.chorus.core.channel.RenewCredentials;
import dev.chorus.core.security.InstanceKey;
import dev.chorus.core.security.SecretBox;
import dev.chorus.core.store.Database;
import dev.chorus.web.WebServer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: the one place that builds every part of Chorus with {@code new}. {@link
 * #create} opens and migrates the database; {@link #start} serves HTTP; {@link #close} shuts down
 * gracefully (requests in flight finish, then the pool closes).
 */
public final class App implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(App.class);
  private final Config config;
  private final Database db;
  private final Core core;
  private final WebServer web;
  private final JvmGcMetrics gcMetrics;
  private final ScheduledExecutorService poller =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "chorus-channel-poller");
            t.setDaemon(true);
            return t;
          });

  private final ScheduledExecutorService alerter =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "chorus-alerts");
            t.setDaemon(true);
            return t;
          });

  private final ScheduledExecutorService queueRunner =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "chorus-queue");
            t.setDaemon(true);
            return t;
          });

  // Feeds whose entries become posts, read through SafeHttp by the channels module's reader.
  private final dev.chorus.core.publishing.queue.PollFeedAutomations feedPosts;

  private App(Config config, Database db, Core core, WebServer web, JvmGcMetrics gcMetrics) {
    this.config = config;
    this.db = db;
    this.core = core;
    this.web = web;
    this.gcMetrics = gcMetrics;
    SafeHttp http = new SafeHttp(config.network(), "Chorus/" + Version.current());
    this.feedPosts =
        core.queue.pollFeeds(
            url ->
                new dev.chorus.channels.rss.FeedConnector(
                        java.net.URI.create(url), http, core.clock)
                    .readSince(null)
                    .items());
  }

  /** Builds everything for {@code config}; the database is opened and migrated. */
  public static App create(Config config) {
    return create(config, null);
  }

  /** As {@link #create(Config)}, with extra routes for tests of the server itself. */
  public static App create(
      Config config, java.util.function.Consumer<io.javalin.config.RoutesConfig> extraRoutes) {
    return create(config, extraRoutes, SmtpSettings.fromEnv(System.getenv()).orElse(null));
  }

  /** As above, with these SMTP settings for alert email (null: none) instead of the env's. */
  public static App create(
      Config config,
      java.util.function.Consumer<io.javalin.config.RoutesConfig> extraRoutes,
      SmtpSettings smtp) {
    Clock clock = Clock.systemUTC();
    Database db = Database.open(config.databaseUrl(), config.databaseOptions());
    try {
      db.migrate();
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    InstanceKey key = key(config);
    // Tracked links in sent posts name the server's public address, known once it is bound.
    java.util.concurrent.atomic.AtomicReference<WebServer> served =
        new java.util.concurrent.atomic.AtomicReference<>();
    Core core =
        core(config, db, clock, key, smtp, () -> served.get() == null ? null : served.get().url());
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    SafeHttp http = new SafeHttp(config.network(), "Chorus/" + Version.current());
    WebServer web =
        new WebServer(
            core,
            key,
            registry,
            new ConnectFeed(new FeedDiscovery(http), core.connectChannel),
            new ConnectBluesky(bluesky(config, http, clock), core.connectChannel, clock),
            http,
            new WebServer.Settings(
                config.host(),
                config.port(),
                config.publicUrl(),
                config.maxBodyBytes(),
                config.shutdownGrace(),
                Version.current(),
                extraRoutes));
    served.set(web);
    return new App(config, db, core, web, gc);
  }

  /** The instance key: CHORUS_SECRET_KEY, else the key file in the data folder (made once). */
  static InstanceKey key(Config config) {
    return config.secretKeyBase64() != null
        ? InstanceKey.fromBase64(config.secretKeyBase64())
        : InstanceKey.fromFile(config.dataDir().resolve("secret.key"));
  }

  /** Where Bluesky accounts are found, as configured. */
  static BlueskyDirectory bluesky(Config config, SafeHttp http, Clock clock) {
    return new BlueskyDirectory(http, config.bluesky().appView(), config.bluesky().plc(), clock);
  }

  /** The core services over an open database, with the networks' connectors. */
  static Core core(Config config, Database db, Clock clock, InstanceKey key) {
    return core(config, db, clock, key, SmtpSettings.fromEnv(System.getenv()).orElse(null));
  }

  /** As above; alerts go out by webhook, and by email when {@code smtp} is not null. */
  static Core core(Config config, Database db, Clock clock, InstanceKey key, SmtpSettings smtp) {
    return core(config, db, clock, key, smtp, () -> null);
  }

  /** As above; {@code publicUrl} is the address in tracked links (null while unknown). */
  static Core core(
      Config config,
      Database db,
      Clock clock,
      InstanceKey key,
      SmtpSettings smtp,
      java.util.function.Supplier<String> publicUrl) {
    SafeHttp http = new SafeHttp(config.network(), "Chorus/" + Version.current());
    // Connectors store refreshed tokens through their own view of the store: Core needs them first.
    RenewCredentials renew =
        new RenewCredentials(db, new ChannelStore(), new ChannelSecrets(new SecretBox(key)));
    return new Core(
        db,
        clock,
        config.throttle(),
        key,
        new Connectors(
            http, clock, bluesky(config, http, clock), renew, jetstream(System.getenv())),
        new AlertSenders(http, smtp, publicUrl(config), clock),
        publicUrl);
  }

  /** The address people use, for links in alerts. */
  static String publicUrl(Config config) {
    return config.publicUrl() != null ? config.publicUrl() : "http://localhost:" + config.port();
  }

  /** Jetstream's subscribe address: CHORUS_JETSTREAM_URL, else Bluesky's public one. */
  static java.net.URI jetstream(java.util.Map<String, String> env) {
    String v = env.get("CHORUS_JETSTREAM_URL");
    if (v == null || v.isBlank()) return Connectors.JETSTREAM;
    java.net.URI u = java.net.URI.create(v.strip());
    if (u.getHost() == null || u.getScheme() == null || !u.getScheme().matches("wss?")) {
      throw new IllegalArgumentException(
          "CHORUS_JETSTREAM_URL must be a ws(s) address such as"
              + " wss://jetstream2.us-east.bsky.network/subscribe, not "
              + v);
    }
    return u;
  }

  public App start() {
    web.start();
    // SQLite: the search index follows what the pipeline stores, from a thread of its own.
    if (core.searchIndex != null) core.searchIndex.start();
    // Channels are read on their own schedule; this only looks for the ones that are due.
    poller.scheduleWithFixedDelay(this::pollDueChannels, 1, 5, TimeUnit.SECONDS);
    // Streams follow the store: started for channels that stream, stopped for the others.
    core.streams.start();
    poller.scheduleWithFixedDelay(this::refreshStreams, 5, 5, TimeUnit.SECONDS);
    // Alert rules every minute; their deliveries (and retries) as they fall due.
    alerter.scheduleWithFixedDelay(this::evaluateAlerts, 60, 60, TimeUnit.SECONDS);
    alerter.scheduleWithFixedDelay(this::deliverAlerts, 10, 10, TimeUnit.SECONDS);
    // Scheduled posts: sent as they fall due (missed ones held first where a workspace says so).
    core.publishScheduler.start(
        dev.chorus.core.publishing.PublishScheduler.Settings.fromEnv(System.getenv()));
    // Recurring series and feed automations: what is due is looked for every 30 seconds.
    queueRunner.scheduleWithFixedDelay(this::runQueue, 2, 30, TimeUnit.SECONDS);
    return this;
  }

  private void runQueue() {
    try {
      core.queue.fireSeries.fire();
    } catch (RuntimeException e) {
      LOG.warn("creating recurring posts failed: {}", e.getMessage());
    }
    try {
      pollFeedAutomations();
    } catch (RuntimeException e) {
      LOG.warn("reading feed automations failed: {}", e.getMessage());
    }
  }

  /** Reads the feed automations that are due now; returns the posts made. For tests too. */
  int pollFeedAutomations() {
    return feedPosts.pollDue(20);
  }

  private void evaluateAlerts() {
    try {
      core.alerts.evaluate.evaluate();
    } catch (RuntimeException e) {
      LOG.warn("evaluating alert rules failed: {}", e.getMessage());
    }
  }

  private void deliverAlerts() {
    try {
      core.alerts.deliver.deliverDue(50);
    } catch (RuntimeException e) {
      LOG.warn("delivering alerts failed: {}", e.getMessage());
    }
  }

  private void pollDueChannels() {
    try {
      core.pollDueChannels.pollDue(20);
    } catch (RuntimeException e) {
      LOG.warn("reading due channels failed: {}", e.getMessage());
    }
  }

  private void refreshStreams() {
    try {
      core.streams.refresh();
    } catch (RuntimeException e) {
      LOG.warn("starting or stopping channel streams failed: {}", e.getMessage());
    }
  }

  public Core core() {
    return core;
  }

  public Config config() {
    return config;
  }

  /** The URL people use, once started. */
  public String url() {
    return web.url();
  }

  public int port() {
    return web.port();
  }

  @Override
  public void close() {
    poller.shutdownNow();
    alerter.shutdownNow();
    queueRunner.shutdownNow();
    // Before the database closes: each stream stores what it had received.
    core.streams.close();
    try {
      poller.awaitTermination(10, TimeUnit.SECONDS);
      alerter.awaitTermination(10, TimeUnit.SECONDS);
      queueRunner.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    web.stop();
    // Deliveries in flight record their outcome while the store is open.
    core.publishScheduler.close();
    // Everything that submits has stopped: store what the pipeline holds, then close the store.
    core.pipeline.close();
    if (core.searchIndex != null) core.searchIndex.close();
    gcMetrics.close();
    db.close();
  }
}
