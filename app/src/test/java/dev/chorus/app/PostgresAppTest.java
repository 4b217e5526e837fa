package dev.chorus.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.store.DatabaseUrl;
import dev.chorus.core.store.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole app on PostgreSQL, chosen the way an operator chooses it: by URL. */
class PostgresAppTest {
  @TempDir Path dir;

  @Test
  void theAppRunsOnPostgresqlGivenByUrl() {
    DatabaseUrl pg = TestDatabases.postgres();
    String url =
        "postgresql://"
            + pg.user()
            + ":"
            + pg.password()
            + "@"
            + pg.jdbcUrl().substring("jdbc:postgresql://".length());
    try (TestApp app = TestApp.start(dir, c -> c.withDatabase(DatabaseUrl.parse(url)), null)) {
      assertThat(app.core().db.url().vendor()).isEqualTo("postgresql");
      var owner = app.user("ada@example.com");
      app.workspace(owner, "Acme");
      Browser b = new Browser(app.url()).signIn("ada@example.com", TestApp.PASSWORD);
      b.get("/w/acme/members");
      assertThat(
              b.post("/w/acme/members/invite", "email", "ben@example.com", "role", "editor")
                  .statusCode())
          .isEqualTo(201);
      assertThat(new Api(app.url(), null).get("/health").json().get("database").asText())
          .isEqualTo("ok");
      var backup =
          CommandLineTest.run(
              "backup",
              "--database",
              url,
              "--data-dir",
              dir.toString(),
              "--to",
              dir.resolve("x.bak").toString());
      assertThat(backup.code()).isEqualTo(2);
      assertThat(backup.err()).contains("pg_dump");
    }
  }
}
