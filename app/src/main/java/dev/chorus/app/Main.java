package dev.chorus.app;

import dev.chorus.app.demo.DemoWorkspace;
import dev.chorus.core.Core;
import dev.chorus.core.account.User;
import dev.chorus.core.channel.RotateSecrets;
import dev.chorus.core.error.ChorusException;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.member.Role;
import dev.chorus.core.security.InstanceKey;
import dev.chorus.core.security.SecretBox;
import dev.chorus.core.security.Tokens;
import dev.chorus.core.store.Database;
import dev.chorus.core.store.DatabaseUrl;
import dev.chorus.core.store.SqliteBackup;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The {@code chorus} command line. */
@Command(
    name = "chorus",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = "Chorus: hear, answer, publish, ask, meet and measure, on your own server.",
    subcommands = {
      Main.Demo.class,
      Main.Serve.class,
      Main.Migrate.class,
      Main.Backup.class,
      Main.Restore.class,
      Main.UserCommand.class,
      Main.RotateKey.class,
      Main.VersionCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    if ("json".equalsIgnoreCase(System.getenv("CHORUS_LOG_FORMAT"))) {
      System.setProperty("chorus.log.format", "json");
    }
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code. */
  public static int run(String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          if (e instanceof ChorusException) {
            cmd.getErr().println("chorus: " + e.getMessage());
            return 2;
          }
          throw e;
        });
    return cl.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Where the data lives; shared by every command. */
  static final class Storage {
    @Option(
        names = "--data-dir",
        description = "Data folder (default: $CHORUS_DATA_DIR or ./chorus-data)")
    Path dataDir;

    @Option(
        names = "--database",
        description =
            "postgresql://user:password@host:5432/name (default: $CHORUS_DATABASE_URL, else SQLite"
                + " in the data folder)")
    String database;

    Config config() {
      Path dir =
          dataDir != null
              ? dataDir
              : Path.of(System.getenv().getOrDefault("CHORUS_DATA_DIR", "chorus-data"));
      Config c = Config.defaults(dir.toAbsolutePath().normalize());
      String url = database != null ? database : System.getenv("CHORUS_DATABASE_URL");
      if (url != null && !url.isBlank()) c = c.withDatabase(DatabaseUrl.parse(url));
      String key = System.getenv("CHORUS_SECRET_KEY");
      if (key != null && !key.isBlank()) c = c.withSecretKey(key);
      // For an operator who runs a peer on this host (and for tests of the serve process).
      if ("true".equalsIgnoreCase(System.getenv("CHORUS_ALLOW_LOOPBACK"))) {
        dev.chorus.channels.net.NetworkPolicy n = c.network();
        c =
            c.withNetwork(
                new dev.chorus.channels.net.NetworkPolicy(
                    true,
                    n.allowPrivate(),
                    n.connectTimeout(),
                    n.readTimeout(),
                    n.maxResponseBytes(),
                    n.maxRedirects(),
                    n.maxAttempts()));
      }
      return c.withBluesky(
          new Config.Bluesky(
              endpoint("CHORUS_BLUESKY_APPVIEW", c.bluesky().appView()),
              endpoint("CHORUS_BLUESKY_PLC", c.bluesky().plc())));
    }

    /** A service address from the environment, or {@code fallback} when unset. */
    private static java.net.URI endpoint(String variable, java.net.URI fallback) {
      String v = System.getenv(variable);
      if (v == null || v.isBlank()) return fallback;
      try {
        java.net.URI u = java.net.URI.create(v.strip().replaceAll("/+$", ""));
        if (u.getHost() == null || u.getScheme() == null || !u.getScheme().matches("https?")) {
          throw new IllegalArgumentException("not http(s)");
        }
        return u;
      } catch (IllegalArgumentException e) {
        throw new Invalid(
            variable, variable + " must be an http(s) address such as https://plc.example.com");
      }
    }
  }

  /** How the server listens. */
  static final class Listen {
    @Option(names = "--port", description = "HTTP port (default: $CHORUS_PORT or 8080)")
    Integer port;

    @Option(names = "--host", description = "Interface to bind (default: 0.0.0.0)")
    String host;

    @Option(
        names = "--public-url",
        description =
            "The URL people use, such as https://chorus.example.com (default: $CHORUS_PUBLIC_URL)")
    String publicUrl;

    Config apply(Config c) {
      int p =
          port != null
              ? port
              : Integer.parseInt(System.getenv().getOrDefault("CHORUS_PORT", "8080"));
      c = c.withPort(p);
      if (host != null) c = c.withHost(host);
      String u = publicUrl != null ? publicUrl : System.getenv("CHORUS_PUBLIC_URL");
      if (u != null && !u.isBlank()) c = c.withPublicUrl(u);
      return c;
    }
  }

  abstract static class ServerCommand implements Callable<Integer> {
    @Mixin Storage storage = new Storage();
    @Mixin Listen listen = new Listen();

    abstract void announce(App app, PrintWriter out);

    /** Runs after the database is ready and before the server starts (and its scheduler). */
    void prepare(App app) {}

    @Override
    public Integer call() throws Exception {
      Config config = listen.apply(storage.config());
      DataDirLock lock = DataDirLock.tryAcquire(config.dataDir());
      if (lock == null) {
        throw new Invalid(
            "data-dir", "Chorus is already running on " + config.dataDir() + "; stop it first");
      }
      App app = App.create(config);
      prepare(app);
      app.start();
      PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
      announce(app, out);
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    out.println("Chorus is stopping: finishing requests in flight…");
                    app.close();
                    lock.close();
                    org.apache.logging.log4j.LogManager.shutdown();
                    stopped.countDown();
                  },
                  "chorus-shutdown"));
      stopped.await();
      return 0;
    }
  }

  @Command(
      name = "serve",
      description = "Run Chorus. On first start, prints a one-time setup link.")
  static final class Serve extends ServerCommand {
    @Override
    void announce(App app, PrintWriter out) {
      out.println();
      out.println("Chorus " + Version.current() + " is running at " + app.url());
      app.core()
          .setupLink
          .issueIfNeeded()
          .ifPresent(
              secret -> {
                out.println();
                out.println("No accounts yet. Create the owner account with this one-time link");
                out.println("(valid for 24 hours; a restart prints a new one):");
                out.println();
                out.println("  " + app.url() + "/setup?token=" + secret);
              });
      out.println();
    }
  }

  @Command(
      name = "demo",
      description = "Run Chorus with a demo workspace (created on first run) and print a login.")
  static final class Demo extends ServerCommand {
    private DemoWorkspace.Login login;

    // Before the scheduler starts, so the demo channel's two hours of history are read once, here,
    // and not a second time by the scheduler in parallel.
    @Override
    void prepare(App app) {
      System.out.println("Preparing the demo: reading two hours of the demo network's history…");
      login = new DemoWorkspace(app.core(), app.config().dataDir()).ensure();
    }

    @Override
    void announce(App app, PrintWriter out) {
      out.println();
      out.println("Chorus " + Version.current() + " demo is running.");
      out.println();
      out.println("  Open:      " + app.url() + "/signin");
      out.println("  Email:     " + login.email());
      out.println(
          "  Password:  "
              + (login.password() != null
                  ? login.password()
                  : "(you changed it; use yours, or delete the data folder for a fresh demo)"));
      out.println();
      out.println("Data: " + app.config().dataDir() + "   Stop: Ctrl+C");
      out.println();
    }
  }

  @Command(name = "migrate", description = "Bring the database schema up to date, then exit.")
  static final class Migrate implements Callable<Integer> {
    @Mixin Storage storage = new Storage();

    @Override
    public Integer call() {
      Config c = storage.config();
      try (Database db = Database.open(c.databaseUrl(), c.databaseOptions())) {
        int ran = db.migrate();
        System.out.println(
            "Database "
                + c.databaseUrl()
                + " is at schema version "
                + db.currentVersion()
                + " ("
                + ran
                + " migration"
                + (ran == 1 ? "" : "s")
                + " applied now).");
      }
      return 0;
    }
  }

  @Command(
      name = "backup",
      description =
          "Write a consistent copy of the SQLite store to a file, even while Chorus runs.")
  static final class Backup implements Callable<Integer> {
    @Mixin Storage storage = new Storage();

    @Option(names = "--to", required = true, description = "The backup file to create")
    Path to;

    @Override
    public Integer call() {
      Config c = storage.config();
      try (Database db = Database.open(c.databaseUrl(), c.databaseOptions())) {
        long bytes = SqliteBackup.backup(db, to);
        System.out.println("Backed up to " + to.toAbsolutePath() + " (" + bytes / 1024 + " KiB).");
      }
      return 0;
    }
  }

  @Command(
      name = "restore",
      description = "Replace the SQLite store with a backup. Chorus must be stopped.")
  static final class Restore implements Callable<Integer> {
    @Mixin Storage storage = new Storage();

    @Option(names = "--from", required = true, description = "The backup file to restore")
    Path from;

    @Override
    public Integer call() {
      Config c = storage.config();
      DatabaseUrl url = c.databaseUrl();
      if (!url.isSqlite()) {
        throw new Invalid(
            "database",
            "restore replaces the embedded SQLite store; for PostgreSQL use pg_restore");
      }
      String latest;
      try (Database probe =
          Database.open(
              DatabaseUrl.sqlite(
                  Path.of(
                      System.getProperty("java.io.tmpdir"),
                      "chorus-probe-" + ProcessHandle.current().pid() + ".db")),
              c.databaseOptions())) {
        latest = probe.latestKnownVersion();
      }
      try (DataDirLock lock = DataDirLock.tryAcquire(c.dataDir())) {
        if (lock == null) {
          throw new Invalid(
              "data-dir", "Chorus is running on " + c.dataDir() + "; stop it before restoring");
        }
        Path kept =
            SqliteBackup.restore(from, url.sqliteFile(), latest, System.currentTimeMillis());
        System.out.println("Restored " + from.toAbsolutePath() + " into " + url.sqliteFile() + ".");
        if (kept != null) System.out.println("The previous database was kept as " + kept + ".");
      }
      return 0;
    }
  }

  @Command(
      name = "user",
      description = "Manage accounts from the command line.",
      subcommands = {UserCreate.class})
  static final class UserCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      spec.commandLine().usage(spec.commandLine().getOut());
    }
  }

  @Command(
      name = "create",
      description =
          "Create an account. The password is read from standard input, or generated and printed"
              + " when --generate-password is given.")
  static final class UserCreate implements Callable<Integer> {
    @Mixin Storage storage = new Storage();

    @Option(names = "--email", required = true)
    String email;

    @Option(names = "--name", required = true)
    String name;

    @Option(names = "--generate-password", description = "Generate a password and print it")
    boolean generate;

    @Option(
        names = "--workspace",
        description = "Also add the user to this workspace (its slug, or a new name)")
    String workspace;

    @Option(
        names = "--role",
        defaultValue = "viewer",
        description = "Role in --workspace (default: viewer; owner for a new one)")
    String role;

    @Override
    public Integer call() throws Exception {
      String password;
      if (generate) {
        password = Tokens.random("", 15);
      } else {
        password =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (password == null)
          throw new Invalid(
              "password", "no password on standard input (or use --generate-password)");
      }
      Config c = storage.config();
      try (Database db = Database.open(c.databaseUrl(), c.databaseOptions())) {
        db.migrate();
        Core core = App.core(c, db, Clock.systemUTC(), App.key(c));
        Role r = Role.parse("role", role);
        String result =
            db.inTransaction(
                h -> {
                  User u = core.createUser.create(h, email, name, password);
                  if (workspace == null) return "Created " + u.email() + ".";
                  var existing = core.workspaces.bySlug(h, workspace);
                  if (existing.isPresent()) {
                    core.members.add(h, existing.get().id(), u.id(), r);
                    core.audit.record(
                        h,
                        existing.get().id(),
                        dev.chorus.core.audit.AuditLog.Who.system("command line"),
                        "member.added",
                        u.email(),
                        "as " + r.key());
                    return "Created "
                        + u.email()
                        + " as "
                        + r.key()
                        + " of "
                        + existing.get().name()
                        + ".";
                  }
                  var w = core.createWorkspace.create(h, u, workspace, null);
                  return "Created "
                      + u.email()
                      + " as owner of the new workspace "
                      + w.name()
                      + " (/w/"
                      + w.slug()
                      + ").";
                });
        System.out.println(result);
        if (generate) System.out.println("Password: " + password);
      }
      return 0;
    }
  }

  @Command(
      name = "rotate-key",
      description =
          "Re-encrypt every stored channel secret under a new instance key. Chorus must be"
              + " stopped. With a key file, a new one is generated and the old one kept beside"
              + " it; with CHORUS_SECRET_KEY, give the new key with --new-key and set it"
              + " afterwards.")
  static final class RotateKey implements Callable<Integer> {
    @Mixin Storage storage = new Storage();

    @Option(
        names = "--new-key",
        description = "The new key (base64 of 32 bytes), when the key comes from CHORUS_SECRET_KEY")
    String newKey;

    @Override
    public Integer call() {
      Config c = storage.config();
      try (DataDirLock lock = DataDirLock.tryAcquire(c.dataDir())) {
        if (lock == null) {
          throw new Invalid(
              "data-dir",
              "Chorus is running on " + c.dataDir() + "; stop it before rotating the key");
        }
        InstanceKey current = App.key(c);
        InstanceKey next;
        Path file = c.dataDir().resolve("secret.key");
        Path pending = c.dataDir().resolve("secret.key.next");
        if (c.secretKeyBase64() != null) {
          if (newKey == null) {
            throw new Invalid(
                "new-key", "the key comes from CHORUS_SECRET_KEY: pass the new one with --new-key");
          }
          next = InstanceKey.fromBase64(newKey);
        } else if (java.nio.file.Files.exists(pending)) {
          // An earlier rotation stopped half-way: finish it with the key it generated.
          next = InstanceKey.fromFile(pending);
        } else {
          next = InstanceKey.generate();
          next.writeNew(pending);
        }
        int n;
        try (Database db = Database.open(c.databaseUrl(), c.databaseOptions())) {
          db.migrate();
          n = new RotateSecrets(db).rotate(new SecretBox(current), new SecretBox(next));
        }
        if (c.secretKeyBase64() == null) {
          try {
            java.nio.file.Files.move(
                file, c.dataDir().resolve("secret.key.previous-" + System.currentTimeMillis()));
            java.nio.file.Files.move(pending, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot put the new key file in place", e);
          }
          System.out.println(
              "Re-encrypted "
                  + n
                  + " channel secret"
                  + (n == 1 ? "" : "s")
                  + " under a new key in "
                  + file
                  + ".");
          System.out.println(
              "The previous key file was kept beside it; delete it once you have a backup of the new one.");
        } else {
          System.out.println("Re-encrypted " + n + " channel secret" + (n == 1 ? "" : "s") + ".");
          System.out.println("Now set CHORUS_SECRET_KEY to the new key before starting Chorus.");
        }
      }
      return 0;
    }
  }

  @Command(name = "version", description = "Print the version.")
  static final class VersionCommand implements Runnable {
    @Override
    public void run() {
      System.out.println("chorus " + Version.current());
    }
  }

  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"chorus " + Version.current()};
    }
  }
}
