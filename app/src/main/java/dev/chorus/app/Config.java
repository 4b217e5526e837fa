package dev.chorus.app;

import dev.chorus.channels.bluesky.BlueskyDirectory;
import dev.chorus.channels.net.NetworkPolicy;
import dev.chorus.core.account.SignInThrottle;
import dev.chorus.core.store.Database;
import dev.chorus.core.store.DatabaseUrl;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything {@link App} needs to know, decided by the command line and the environment.
 *
 * @param database null means the SQLite file {@code chorus.db} in {@code dataDir}
 * @param publicUrl null means http://localhost:{port}
 * @param secretKeyBase64 the instance key from CHORUS_SECRET_KEY, or null to use the key file in
 *     {@code dataDir}
 * @param network what outbound calls to networks may reach
 * @param bluesky where Bluesky handles and DIDs are looked up
 */
public record Config(
    Path dataDir,
    DatabaseUrl database,
    String host,
    int port,
    String publicUrl,
    String secretKeyBase64,
    Duration shutdownGrace,
    long maxBodyBytes,
    Database.Options databaseOptions,
    SignInThrottle.Limits throttle,
    NetworkPolicy network,
    Bluesky bluesky) {
  /**
   * The services that find a Bluesky account: an AppView (or any server answering {@code
   * com.atproto.identity.resolveHandle}) and a did:plc directory. Self-hosted AT Protocol networks
   * name their own (CHORUS_BLUESKY_APPVIEW, CHORUS_BLUESKY_PLC).
   */
  public record Bluesky(URI appView, URI plc) {
    public Bluesky {
      check("appView", appView);
      check("plc", plc);
    }

    /** The public network: Bluesky's AppView and plc.directory. */
    public static Bluesky production() {
      return new Bluesky(BlueskyDirectory.PUBLIC_APPVIEW, BlueskyDirectory.PUBLIC_PLC);
    }

    private static void check(String name, URI u) {
      Objects.requireNonNull(u, name);
      if (u.getHost() == null
          || !("https".equalsIgnoreCase(u.getScheme()) || "http".equalsIgnoreCase(u.getScheme()))) {
        throw new IllegalArgumentException(name + " must be an http(s) address, not " + u);
      }
    }
  }

  public Config {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(shutdownGrace, "shutdownGrace");
    Objects.requireNonNull(databaseOptions, "databaseOptions");
    Objects.requireNonNull(throttle, "throttle");
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(bluesky, "bluesky");
    if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0 to 65535");
  }

  /** Defaults for a data folder: SQLite inside it, port 8080 on all interfaces. */
  public static Config defaults(Path dataDir) {
    return new Config(
        dataDir,
        null,
        "0.0.0.0",
        8080,
        null,
        null,
        Duration.ofSeconds(20),
        1024 * 1024,
        Database.Options.defaults(),
        SignInThrottle.Limits.defaults(),
        NetworkPolicy.production(),
        Bluesky.production());
  }

  public DatabaseUrl databaseUrl() {
    return database != null ? database : DatabaseUrl.sqlite(dataDir.resolve("chorus.db"));
  }

  public Config withPort(int p) {
    return new Config(
        dataDir,
        database,
        host,
        p,
        publicUrl,
        secretKeyBase64,
        shutdownGrace,
        maxBodyBytes,
        databaseOptions,
        throttle,
        network,
        bluesky);
  }

  public Config withHost(String h) {
    return new Config(
        dataDir,
        database,
        h,
        port,
        publicUrl,
        secretKeyBase64,
        shutdownGrace,
        maxBodyBytes,
        databaseOptions,
        throttle,
        network,
        bluesky);
  }

  public Config withDatabase(DatabaseUrl d) {
    return new Config(
        dataDir,
        d,
        host,
        port,
        publicUrl,
        secretKeyBase64,
        shutdownGrace,
        maxBodyBytes,
        databaseOptions,
        throttle,
        network,
        bluesky);
  }

  public Config withPublicUrl(String u) {
    return new Config(
        dataDir,
        database,
        host,
        port,
        u,
        secretKeyBase64,
        shutdownGrace,
        maxBodyBytes,
        databaseOptions,
        throttle,
        network,
        bluesky);
  }

  public Config withDatabaseOptions(Database.Options o) {
    return new Config(
        dataDir,
        database,
        host,
        port,
        publicUrl,
        secretKeyBase64,
        shutdownGrace,
        maxBodyBytes,
        o,
        throttle,
        network,
        bluesky);
  }

  public Config withNetwork(NetworkPolicy n) {
    return new Config(
        dataDir,
        database,
        host,
        port,
        publicUrl,
        secretKeyBase64,
        shutdownGrace,
        maxBodyBytes,
        databaseOptions,
        throttle,
        n,
        bluesky);
  }

  public Config withSecretKey(String k) {
    return new Config(
        dataDir,
        database,
        host,
        port,
        publicUrl,
        k,
        shutdownGrace,
        maxBodyBytes,
        databaseOptions,
        throttle,
        network,
        bluesky);
  }

  public Config withBluesky(Bluesky b) {
    return new Config(
        dataDir,
        database,
        host,
        port,
        publicUrl,
        secretKeyBase64,
        shutdownGrace,
        maxBodyBytes,
        databaseOptions,
        throttle,
        network,
        b);
  }
}
