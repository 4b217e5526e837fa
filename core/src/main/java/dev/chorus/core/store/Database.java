package dev.chorus.core.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The pooled database, migrated and ready. Thread-safe. Every write goes through {@link
 * #inTransaction}, so a failure leaves nothing half-written; store failures come out as {@link
 * dev.chorus.core.error.Unavailable} (see {@link StoreFailures}).
 */
public final class Database implements AutoCloseable {
  /** Options that tests and operators may tune; the defaults suit production. */
  public record Options(Duration busyTimeout, int poolSize, String connectionInitSql) {
    public Options {
      Objects.requireNonNull(busyTimeout, "busyTimeout");
      if (poolSize < 1) throw new IllegalArgumentException("poolSize must be at least 1");
    }

    public static Options defaults() {
      return new Options(Duration.ofSeconds(5), 8, null);
    }
  }

  private final DatabaseUrl url;
  private final HikariDataSource pool;
  private final Jdbi jdbi;
  private final SqliteCheckpoints checkpoints;

  private Database(DatabaseUrl url, HikariDataSource pool, SqliteCheckpoints checkpoints) {
    this.url = url;
    this.pool = pool;
    this.checkpoints = checkpoints;
    this.jdbi = Jdbi.create(pool);
    // Optional filters bind their parameter whether or not the SQL uses it.
    jdbi.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
  }

  /** Opens the pool without migrating; {@link #migrate()} brings the schema up to date. */
  public static Database open(DatabaseUrl url, Options options) {
    HikariConfig hc = new HikariConfig();
    hc.setPoolName("chorus-" + url.vendor());
    hc.setMaximumPoolSize(options.poolSize());
    hc.setConnectionTimeout(Math.max(250, options.busyTimeout().toMillis() + 1000));
    if (options.connectionInitSql() != null) hc.setConnectionInitSql(options.connectionInitSql());
    SqliteCheckpoints checkpoints = null;
    if (url.isSqlite()) {
      createFolder(url);
      hc.setDataSource(sqlite(url, options, false));
      checkpoints = new SqliteCheckpoints(sqlite(url, options, true), url);
    } else {
      hc.setJdbcUrl(url.jdbcUrl());
      if (url.user() != null) hc.setUsername(url.user());
      if (url.password() != null) hc.setPassword(url.password());
      hc.setDriverClassName("org.postgresql.Driver");
    }
    try {
      Database db = new Database(url, new HikariDataSource(hc), checkpoints);
      if (checkpoints != null) checkpoints.start();
      return db;
    } catch (RuntimeException e) {
      throw StoreFailures.translate(e);
    }
  }

  private static void createFolder(DatabaseUrl url) {
    try {
      java.nio.file.Files.createDirectories(url.sqliteFile().getParent());
    } catch (java.io.IOException e) {
      throw new dev.chorus.core.error.Unavailable(
          "cannot create the data folder " + url.sqliteFile().getParent() + ": " + e.getMessage(),
          e);
    }
  }

  /**
   * @param checkpointer the connection that copies the write-ahead log back into the database; the
   *     pool's connections never do (see {@link SqliteCheckpoints})
   */
  private static SQLiteDataSource sqlite(DatabaseUrl url, Options options, boolean checkpointer) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout((int) options.busyTimeout().toMillis());
    // 16 MiB of page cache per connection (the default is 2 MiB): the indexes the pipeline
    // touches for every item stay in memory at a million items. Reads map the file (256 MiB),
    // served from the OS page cache instead of copied into each connection's cache.
    config.setCacheSize(-16 * 1024);
    config.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, Long.toString(256L << 20));
    config.setTempStore(SQLiteConfig.TempStore.MEMORY);
    // Writers take the lock when the transaction starts, so a read-then-write transaction
    // waits for the busy timeout instead of failing at once on upgrade.
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    // Nothing reads generated keys; left on, the driver runs "SELECT last_insert_rowid()",
    // prepared afresh, after every INSERT (15% of the pipeline writer's time).
    config.setGetGeneratedKeys(false);
    if (!checkpointer) {
      // The commit that fills the log past 1,000 pages would copy it back and wait for the disk
      // to sync, holding up the writer; SqliteCheckpoints does that beside it instead.
      config.setPragma(SQLiteConfig.Pragma.WAL_AUTOCHECKPOINT, "0");
    }
    SQLiteDataSource ds = new SQLiteDataSource(config);
    ds.setUrl(url.jdbcUrl());
    return ds;
  }

  /** Applies pending migrations; returns how many ran. */
  public int migrate() {
    try {
      MigrateResult result = flyway().migrate();
      return result.migrationsExecuted;
    } catch (RuntimeException e) {
      throw StoreFailures.translate(e);
    }
  }

  /** The newest migration version this build knows, such as {@code 1}. */
  public String latestKnownVersion() {
    var info = flyway().info().all();
    return info.length == 0 ? "0" : info[info.length - 1].getVersion().getVersion();
  }

  /** The version the database is at, or {@code 0} when nothing was applied. */
  public String currentVersion() {
    var current = flyway().info().current();
    return current == null ? "0" : current.getVersion().getVersion();
  }

  private Flyway flyway() {
    return Flyway.configure()
        .dataSource(pool)
        .locations("classpath:db/migration/common", "classpath:db/migration/" + url.vendor())
        .failOnMissingLocations(false)
        .load();
  }

  /** Runs {@code work} in one transaction: all of it is written or none. */
  public <R, X extends Exception> R inTransaction(HandleCallback<R, X> work) throws X {
    try {
      return jdbi.inTransaction(work);
    } catch (RuntimeException e) {
      throw StoreFailures.translate(e);
    }
  }

  /** Runs read-only {@code work} on a pooled connection in autocommit mode. */
  public <R, X extends Exception> R read(HandleCallback<R, X> work) throws X {
    try {
      return jdbi.withHandle(work);
    } catch (RuntimeException e) {
      throw StoreFailures.translate(e);
    }
  }

  /** Checks that the database answers; throws {@link dev.chorus.core.error.Unavailable} if not. */
  public void ping() {
    read((Handle h) -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
  }

  public DatabaseUrl url() {
    return url;
  }

  public DataSource dataSource() {
    return pool;
  }

  @Override
  public void close() {
    if (checkpoints != null) checkpoints.close();
    pool.close();
  }
}
