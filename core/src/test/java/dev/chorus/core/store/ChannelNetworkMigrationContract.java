package dev.chorus.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * V5 takes the list of networks off {@code channels.network}. On SQLite that edits the table's
 * definition in place; these tests fill a store at V4 with channels, items and matches, migrate it,
 * and check that every row is still there and every foreign key still holds. Run once per database.
 */
abstract class ChannelNetworkMigrationContract {
  private static final String CHANNELS =
      "SELECT id, workspace_id, network, name, address, settings, secret, read_cursor, created_by,"
          + " created_at, last_success_at, last_error, next_poll_at FROM channels ORDER BY id";
  private static final String ITEMS =
      "SELECT id, workspace_id, channel_id, network, kind, remote_id, url, author_handle, body,"
          + " in_reply_to, created_at, received_at, detected_language, sentiment FROM inbound_items"
          + " ORDER BY id";
  private static final String MATCHES =
      "SELECT item_id, query_id, workspace_id FROM item_matches ORDER BY item_id, query_id";

  private DatabaseUrl url;
  private Database db;

  protected abstract DatabaseUrl freshDatabase();

  @BeforeEach
  void openAtVersion4() {
    url = freshDatabase();
    db = Database.open(url, new Database.Options(Duration.ofMillis(500), 4, null));
    Flyway.configure()
        .dataSource(db.dataSource())
        .locations("classpath:db/migration/common", "classpath:db/migration/" + url.vendor())
        .failOnMissingLocations(false)
        .target("4")
        .load()
        .migrate();
    assertThat(db.currentVersion()).isEqualTo("4");
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void aStoreWithChannelsAndItemsMigratesWithNothingLost() {
    db.inTransaction(ChannelNetworkMigrationContract::fill);
    List<Map<String, Object>> channels = rows(CHANNELS);
    List<Map<String, Object>> items = rows(ITEMS);
    List<Map<String, Object>> matches = rows(MATCHES);
    assertThat(channels).hasSize(4);
    assertThat(items).hasSize(40);
    assertThat(matches).hasSize(20);
    // The old schema refuses a network it does not list.
    assertThatThrownBy(() -> db.inTransaction(h -> channel(h, "ch-x", "demo"))).isNotNull();

    db.migrate();

    assertThat(db.currentVersion()).isEqualTo(db.latestKnownVersion());
    assertThat(rows(CHANNELS)).isEqualTo(channels);
    assertThat(rows(ITEMS)).isEqualTo(items);
    assertThat(rows(MATCHES)).isEqualTo(matches);
    if (url.isSqlite()) {
      String integrity =
          db.read(h -> h.createQuery("PRAGMA integrity_check").mapTo(String.class).one());
      assertThat(integrity).isEqualTo("ok");
      List<Map<String, Object>> broken = rows("PRAGMA foreign_key_check");
      assertThat(broken).isEmpty();
    }
  }

  @Test
  void afterTheMigrationANewNetworkIsStoredAndForeignKeysStillHold() {
    db.inTransaction(ChannelNetworkMigrationContract::fill);
    db.migrate();

    // A new network needs no migration, on every connection of the pool.
    for (int i = 0; i < 4; i++) {
      String id = "ch-demo-" + i;
      db.inTransaction(h -> channel(h, id, "demo"));
    }
    db.inTransaction(h -> item(h, "it-demo", "ch-demo-0", 0));
    assertThat(count("SELECT COUNT(*) FROM channels WHERE network = 'demo'")).isEqualTo(4);

    // The references to channels survived: an unknown channel is refused, and deleting a channel
    // still takes its items and their matches with it.
    assertThatThrownBy(() -> db.inTransaction(h -> item(h, "it-orphan", "ch-missing", 1)))
        .isNotNull();
    db.inTransaction(h -> h.execute("DELETE FROM channels WHERE id = 'ch-1'"));
    assertThat(count("SELECT COUNT(*) FROM inbound_items WHERE channel_id = 'ch-1'")).isZero();
    assertThat(count("SELECT COUNT(*) FROM inbound_items")).isEqualTo(31);
    assertThat(count("SELECT COUNT(*) FROM item_matches")).isEqualTo(15);
    // The column still may not be empty.
    assertThatThrownBy(() -> db.inTransaction(h -> channel(h, "ch-null", null))).isNotNull();
  }

  /** Two workspaces' worth: four channels of the old networks, ten items each, half matched. */
  private static Void fill(Handle h) {
    h.execute(
        "INSERT INTO users (id, email, email_key, display_name, password_hash, created_at,"
            + " password_changed_at) VALUES ('u-1', 'a@example.com', 'a@example.com', 'A', 'x', 1,"
            + " 1)");
    h.execute(
        "INSERT INTO workspaces (id, slug, name, created_at) VALUES ('ws-1', 'one', 'One', 1)");
    h.execute(
        "INSERT INTO saved_queries (id, workspace_id, name, query_text, sources, created_by,"
            + " created_at, updated_at) VALUES ('q-1', 'ws-1', 'Brand', 'brand', '[]', 'u-1', 1, 1)");
    String[] networks = {"rss", "webhook", "mastodon", "bluesky"};
    for (int c = 0; c < networks.length; c++) {
      String channel = "ch-" + c;
      channel(h, channel, networks[c]);
      for (int i = 0; i < 10; i++) {
        String item = channel + "-item-" + i;
        item(h, item, channel, i);
        if (i % 2 == 0) {
          h.execute(
              "INSERT INTO item_matches (item_id, query_id, workspace_id) VALUES (?, 'q-1',"
                  + " 'ws-1')",
              item);
        }
      }
    }
    return null;
  }

  private static Void channel(Handle h, String id, String network) {
    h.execute(
        "INSERT INTO channels (id, workspace_id, network, name, address, settings, secret,"
            + " read_cursor, created_by, created_at, last_success_at, last_error, next_poll_at)"
            + " VALUES (?, 'ws-1', ?, ?, ?, '{\"interval_minutes\":\"15\"}', 'sealed', 'c-9',"
            + " 'u-1', 2, 3, 'Last: 503', 4)",
        id,
        network,
        "Channel " + id,
        "https://example.com/" + id);
    return null;
  }

  private static Void item(Handle h, String id, String channel, int i) {
    h.execute(
        "INSERT INTO inbound_items (id, workspace_id, channel_id, network, kind, remote_id, url,"
            + " author_handle, body, in_reply_to, created_at, received_at, detected_language,"
            + " sentiment) VALUES (?, 'ws-1', ?, 'rss', 'mention', ?, ?, '@ana', ?, ?, ?, ?, 'en',"
            + " ?)",
        id,
        channel,
        "remote-" + i,
        "https://example.com/p/" + i,
        "Item " + i + " says <b>hello</b> ☕",
        i == 0 ? null : "remote-" + (i - 1),
        1000L + i,
        2000L + i,
        i / 10.0);
    return null;
  }

  private List<Map<String, Object>> rows(String sql) {
    return db.read(h -> h.createQuery(sql).mapToMap().list());
  }

  private int count(String sql) {
    return db.read(h -> h.createQuery(sql).mapTo(Integer.class).one());
  }
}
