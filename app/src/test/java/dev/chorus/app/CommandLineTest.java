package dev.chorus.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands other than the servers: backup, restore, migrate, user create, version. */
class CommandLineTest {
  @TempDir Path dir;

  /** Exit code and what the command printed. */
  record Run(int code, String out, String err) {}

  static synchronized Run run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      int code = Main.run(args);
      return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  private long workspaces(TestApp app) {
    return app.core()
        .db
        .read(h -> h.createQuery("SELECT COUNT(*) FROM workspaces").mapTo(Long.class).one());
  }

  @Test
  void anOnlineBackupRestoresExactlyAndTheOldDataIsKept() {
    Path data = dir.resolve("data");
    Path backup = dir.resolve("chorus.bak");
    try (TestApp app = TestApp.start(data)) {
      var u = app.user("ada@example.com");
      app.workspace(u, "Before");
      Run b = run("backup", "--data-dir", data.toString(), "--to", backup.toString());
      assertThat(b.code()).as(b.err()).isZero();
      assertThat(b.out()).contains("Backed up to");
      app.workspace(u, "After");
      assertThat(workspaces(app)).isEqualTo(2);
    }
    // The search index (a file beside the store) is derived: a restore drops it to build anew.
    assertThat(data.resolve("chorus-search.db")).exists();
    Run r = run("restore", "--data-dir", data.toString(), "--from", backup.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("previous database was kept");
    assertThat(data.resolve("chorus-search.db")).doesNotExist();
    try (TestApp app = TestApp.start(data)) {
      assertThat(workspaces(app)).isEqualTo(1);
    }
  }

  @Test
  void aCorruptOrForeignBackupIsRefusedAndTheDataIsUntouched() throws Exception {
    Path data = dir.resolve("data");
    try (TestApp app = TestApp.start(data)) {
      app.workspace(app.user("ada@example.com"), "Keep me");
    }
    Path text = Files.writeString(dir.resolve("notes.bak"), "just some text, not a database");
    Run r1 = run("restore", "--data-dir", data.toString(), "--from", text.toString());
    assertThat(r1.code()).isEqualTo(2);
    assertThat(r1.err()).contains("not an SQLite database");

    Path foreign = dir.resolve("foreign.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + foreign)) {
      c.createStatement().execute("CREATE TABLE notes (x TEXT)");
    }
    Run r2 = run("restore", "--data-dir", data.toString(), "--from", foreign.toString());
    assertThat(r2.code()).isEqualTo(2);
    assertThat(r2.err()).contains("not a Chorus store");

    Path truncated = dir.resolve("truncated.bak");
    Path good = dir.resolve("good.bak");
    assertThat(run("backup", "--data-dir", data.toString(), "--to", good.toString()).code())
        .isZero();
    byte[] bytes = Files.readAllBytes(good);
    Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    Run r3 = run("restore", "--data-dir", data.toString(), "--from", truncated.toString());
    assertThat(r3.code()).isEqualTo(2);

    Path newer = dir.resolve("newer.bak");
    Files.copy(good, newer);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + newer)) {
      c.createStatement().execute("UPDATE flyway_schema_history SET version = '999'");
    }
    Run r4 = run("restore", "--data-dir", data.toString(), "--from", newer.toString());
    assertThat(r4.code()).isEqualTo(2);
    assertThat(r4.err()).contains("newer Chorus");

    try (TestApp app = TestApp.start(data)) {
      assertThat(workspaces(app)).isEqualTo(1);
    }
  }

  @Test
  void restoreRefusesWhileAServerHoldsTheDataFolder() {
    Path data = dir.resolve("data");
    Path good = dir.resolve("good.bak");
    try (TestApp app = TestApp.start(data)) {
      app.workspace(app.user("ada@example.com"), "Keep me");
      assertThat(run("backup", "--data-dir", data.toString(), "--to", good.toString()).code())
          .isZero();
    }
    try (DataDirLock lock = DataDirLock.tryAcquire(data)) {
      assertThat(lock).isNotNull();
      Run r = run("restore", "--data-dir", data.toString(), "--from", good.toString());
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).contains("stop it before restoring");
    }
  }

  @Test
  void migrateUserCreateAndVersionWork() {
    Path data = dir.resolve("data");
    Run m = run("migrate", "--data-dir", data.toString());
    assertThat(m.code()).as(m.err()).isZero();
    assertThat(m.out()).contains("schema version");
    Run u =
        run(
            "user",
            "create",
            "--data-dir",
            data.toString(),
            "--email",
            "cli@example.com",
            "--name",
            "Cli User",
            "--generate-password",
            "--workspace",
            "Ops Team");
    assertThat(u.code()).as(u.err()).isZero();
    assertThat(u.out()).contains("owner of the new workspace Ops Team").contains("Password: ");
    String password =
        u.out()
            .lines()
            .filter(l -> l.startsWith("Password: "))
            .findFirst()
            .orElseThrow()
            .substring(10);
    try (TestApp app = TestApp.start(data)) {
      new Browser(app.url()).signIn("cli@example.com", password);
    }
    Run dup =
        run(
            "user",
            "create",
            "--data-dir",
            data.toString(),
            "--email",
            "CLI@example.com",
            "--name",
            "Again",
            "--generate-password");
    assertThat(dup.code()).isEqualTo(2);
    assertThat(dup.err()).contains("already exists");
    assertThat(run("version").out()).startsWith("chorus ");
  }

  @Test
  void rotateKeyReEncryptsChannelSecretsAndKeepsThemUsable() throws Exception {
    Path data = dir.resolve("data");
    String channelId;
    try (TestApp app = TestApp.start(data)) {
      var owner = app.user("ada@example.com");
      var w = app.workspace(owner, "Acme");
      var created =
          new dev.chorus.channels.webhook.CreateWebhook(app.core().connectChannel)
              .create(
                  new dev.chorus.core.member.Actor(
                      owner, w, dev.chorus.core.member.Role.OWNER, null),
                  "Desk");
      channelId = created.channel().id().value();
    }
    String before = Files.readString(data.resolve("secret.key"));
    Run r = run("rotate-key", "--data-dir", data.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Re-encrypted 1 channel secret");
    assertThat(Files.readString(data.resolve("secret.key"))).isNotEqualTo(before);
    try (var files = Files.list(data)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.startsWith("secret.key.previous-"));
    }
    try (TestApp app = TestApp.start(data)) {
      var id = new dev.chorus.core.channel.ChannelId(channelId);
      String sealed =
          app.core().db.read(h -> app.core().channels.sealedSecret(h, id)).orElseThrow();
      assertThat(app.core().channelSecrets.open(id, sealed)).startsWith("whsec_");
    }
  }
}
