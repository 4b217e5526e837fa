package dev.chorus.app;

import dev.chorus.core.Core;
import dev.chorus.core.security.InstanceKey;
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

/**
 * The composition root: the one place that builds every part of Chorus with {@code new}. {@link
 * #create} opens and migrates the database; {@link #start} serves HTTP; {@link #close} shuts down
 * gracefully (requests in flight finish, then the pool closes).
 */
public final class App implements AutoCloseable {
  private final Config config;
  private final Database db;
  private final Core core;
  private final WebServer web;
  private final JvmGcMetrics gcMetrics;

  private App(Config config, Database db, Core core, WebServer web, JvmGcMetrics gcMetrics) {
    this.config = config;
    this.db = db;
    this.core = core;
    this.web = web;
    this.gcMetrics = gcMetrics;
  }

  /** Builds everything for {@code config}; the database is opened and migrated. */
  public static App create(Config config) {
    return create(config, null);
  }

  /** As {@link #create(Config)}, with extra routes for tests of the server itself. */
  public static App create(
      Config config, java.util.function.Consumer<io.javalin.config.RoutesConfig> extraRoutes) {
    Clock clock = Clock.systemUTC();
    InstanceKey key =
        config.secretKeyBase64() != null
            ? InstanceKey.fromBase64(config.secretKeyBase64())
            : InstanceKey.fromFile(config.dataDir().resolve("secret.key"));
    Database db = Database.open(config.databaseUrl(), config.databaseOptions());
    try {
      db.migrate();
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    Core core = new Core(db, clock, config.throttle());
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    WebServer web =
        new WebServer(
            core,
            key,
            registry,
            new WebServer.Settings(
                config.host(),
                config.port(),
                config.publicUrl(),
                config.maxBodyBytes(),
                config.shutdownGrace(),
                Version.current(),
                extraRoutes));
    return new App(config, db, core, web, gc);
  }

  public App start() {
    web.start();
    return this;
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
    web.stop();
    gcMetrics.close();
    db.close();
  }
}
