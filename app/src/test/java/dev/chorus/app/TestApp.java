package dev.chorus.app;

import dev.chorus.channels.net.NetworkPolicy;
import dev.chorus.core.Core;
import dev.chorus.core.account.SignInThrottle;
import dev.chorus.core.account.User;
import dev.chorus.core.member.Role;
import dev.chorus.core.store.Database;
import dev.chorus.core.workspace.Workspace;
import io.javalin.config.RoutesConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/** The real app on port 0 with a real SQLite file in a temporary folder. */
public final class TestApp implements AutoCloseable {
  public static final String PASSWORD = "correct horse battery";
  private final App app;

  private TestApp(App app) {
    this.app = app;
  }

  public static TestApp start(Path dir) {
    return start(dir, c -> c, null);
  }

  public static TestApp start(
      Path dir, java.util.function.UnaryOperator<Config> tweak, Consumer<RoutesConfig> extra) {
    Config config =
        tweak.apply(
            Config.defaults(dir)
                .withHost("127.0.0.1")
                .withPort(0)
                .withDatabaseOptions(new Database.Options(Duration.ofMillis(300), 4, null))
                .withNetwork(NetworkPolicy.loopbackForTests()));
    return new TestApp(App.create(config, extra).start());
  }

  /** As {@link #start(Path)}, with alert email sent through {@code smtp}. */
  public static TestApp startWithSmtp(Path dir, dev.chorus.channels.alert.SmtpSettings smtp) {
    Config config =
        Config.defaults(dir)
            .withHost("127.0.0.1")
            .withPort(0)
            .withDatabaseOptions(new Database.Options(Duration.ofMillis(300), 4, null))
            .withNetwork(NetworkPolicy.loopbackForTests());
    return new TestApp(App.create(config, null, smtp).start());
  }

  public String url() {
    return app.url();
  }

  public Core core() {
    return app.core();
  }

  public App app() {
    return app;
  }

  /** Creates a user directly in the store. */
  public User user(String email) {
    return core()
        .db
        .inTransaction(h -> core().createUser.create(h, email, nameOf(email), PASSWORD));
  }

  /** Creates a workspace owned by {@code owner}. */
  public Workspace workspace(User owner, String name) {
    return core().db.inTransaction(h -> core().createWorkspace.create(h, owner, name, null));
  }

  /** Adds {@code user} to {@code w} with {@code role}. */
  public void add(Workspace w, User user, Role role) {
    core()
        .db
        .inTransaction(
            h -> {
              core().members.add(h, w.id(), user.id(), role);
              return null;
            });
  }

  private static String nameOf(String email) {
    String local = email.substring(0, email.indexOf('@'));
    return Character.toUpperCase(local.charAt(0)) + local.substring(1) + " Tester";
  }

  /** Test throttling limits are the production ones; kept here to say so. */
  public static SignInThrottle.Limits throttle() {
    return SignInThrottle.Limits.defaults();
  }

  @Override
  public void close() {
    app.close();
  }
}
