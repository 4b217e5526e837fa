package dev.chorus.core.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Databases for tests: a fresh SQLite file in a folder, or a fresh database on one embedded
 * PostgreSQL server shared by the whole test JVM (started on first use, stopped at exit).
 */
public final class TestDatabases {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static EmbeddedPostgres postgres;

  private TestDatabases() {}

  public static DatabaseUrl sqlite(Path folder) {
    return DatabaseUrl.sqlite(folder.resolve("chorus-" + COUNTER.incrementAndGet() + ".db"));
  }

  /** A new, empty PostgreSQL database. */
  public static synchronized DatabaseUrl postgres() {
    try {
      if (postgres == null) {
        postgres = EmbeddedPostgres.builder().start();
        EmbeddedPostgres started = postgres;
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      try {
                        started.close();
                      } catch (IOException ignored) {
                        // The JVM is exiting; the temp folder goes with it.
                      }
                    }));
      }
      String name = "chorus_test_" + COUNTER.incrementAndGet();
      try (Connection c = postgres.getPostgresDatabase().getConnection()) {
        c.createStatement().execute("CREATE DATABASE " + name);
      }
      return DatabaseUrl.parse(
          "postgresql://postgres:postgres@localhost:" + postgres.getPort() + "/" + name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Opens and migrates {@code url} with test options (a short busy timeout). */
  public static Database open(DatabaseUrl url) {
    Database db =
        Database.open(url, new Database.Options(java.time.Duration.ofMillis(500), 4, null));
    db.migrate();
    return db;
  }
}
