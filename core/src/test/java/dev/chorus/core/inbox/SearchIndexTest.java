package dev.chorus.core.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.Core;
import dev.chorus.core.MutableClock;
import dev.chorus.core.account.SignInThrottle;
import dev.chorus.core.account.User;
import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.ChannelLimits;
import dev.chorus.core.channel.ConnectChannel;
import dev.chorus.core.channel.Connector;
import dev.chorus.core.channel.InboundItem;
import dev.chorus.core.channel.Network;
import dev.chorus.core.channel.RemoteRef;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.page.PageRequest;
import dev.chorus.core.pipeline.Heard;
import dev.chorus.core.security.InstanceKey;
import dev.chorus.core.store.Database;
import dev.chorus.core.store.TestDatabases;
import dev.chorus.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite's search index in its own file: it follows the store by row id, from its thread or when a
 * search asks, forgets deleted items (also when their row id goes to a new item), resumes where it
 * stopped, and a file from another store is built again.
 */
class SearchIndexTest {
  @TempDir Path folder;

  private final MutableClock clock = MutableClock.atFixedStart();
  private final List<Store> opened = new ArrayList<>();
  private int seq;

  /** A store with a workspace and a channel. */
  private final class Store {
    final Database db;
    final Core core;
    final Actor owner;
    final Channel channel;

    Store(Path dir) {
      db = TestDatabases.open(TestDatabases.sqlite(dir));
      core =
          new Core(
              db,
              clock,
              SignInThrottle.Limits.defaults(),
              InstanceKey.fromBase64(java.util.Base64.getEncoder().encodeToString(new byte[32])),
              (c, secret) ->
                  new Connector() {
                    @Override
                    public Network network() {
                      return Network.MASTODON;
                    }

                    @Override
                    public ChannelLimits limits() {
                      return new ChannelLimits(500, false, 23, 0, 0, 0);
                    }
                  });
      User u =
          db.inTransaction(
              h -> core.createUser.create(h, "o@example.com", "Owner", "correct horse battery"));
      Workspace w = db.inTransaction(h -> core.createWorkspace.create(h, u, "Acme", "127.0.0.1"));
      owner = new Actor(u, w, Role.OWNER, "127.0.0.1");
      channel =
          core.connectChannel.connect(
              owner,
              new ConnectChannel.Spec(
                  Network.MASTODON,
                  "Main",
                  "https://social.example/main",
                  Map.of(),
                  "{\"token\":\"t\"}",
                  null));
      opened.add(this);
    }

    void hear(String id, String text) {
      InboundItem i =
          new InboundItem(
              Network.MASTODON,
              "mention",
              new RemoteRef(id, "https://social.example/@ada/" + id, null),
              "ada@social.example",
              "Ada",
              "https://social.example/@ada",
              null,
              text,
              Instant.parse("2026-11-20T10:00:00Z").plusSeconds(++seq),
              null,
              "en");
      core.pipeline.submit(new Heard(channel, "", List.of(i), "c" + seq)).join();
    }

    /** The snippets of the conversations a search finds, as the inbox runs it. */
    List<String> search(String words) {
      InboxFilter f = InboxFilter.parse(Map.of("status", "all", "q", words), null);
      return db
          .read(h -> core.conversations.list(h, owner.workspace().id(), f, PageRequest.first(50)))
          .items()
          .stream()
          .map(Conversation::snippet)
          .toList();
    }

    long rowid(String remoteId) {
      return db.read(
          h ->
              h.createQuery("SELECT rowid FROM inbound_items WHERE remote_id = :r")
                  .bind("r", remoteId)
                  .mapTo(Long.class)
                  .one());
    }

    void delete(String remoteId) {
      db.inTransaction(
          h ->
              h.createUpdate("DELETE FROM inbound_items WHERE remote_id = :r")
                  .bind("r", remoteId)
                  .execute());
    }

    /** Items holding {@code word}, read from the index file alone. */
    long indexed(String word) throws Exception {
      // Read-only, so looking never makes an empty file before the index does.
      if (!Files.exists(db.url().sqliteSearchFile())) return 0;
      try (Connection c =
              DriverManager.getConnection(
                  "jdbc:sqlite:file:" + db.url().sqliteSearchFile() + "?mode=ro");
          PreparedStatement p =
              c.prepareStatement("SELECT COUNT(*) FROM items WHERE items MATCH ?")) {
        p.setString(1, word);
        try (ResultSet rs = p.executeQuery()) {
          return rs.next() ? rs.getLong(1) : 0;
        }
      }
    }
  }

  @AfterEach
  void close() {
    for (Store s : opened) {
      s.core.searchIndex.close();
      s.core.pipeline.close();
      s.db.close();
    }
  }

  @Test
  void aSearchFindsWhatWasJustStoredFromAFileBesideTheStore() {
    Store s = new Store(folder);
    s.hear("1", "The pelican delivered my parcel");
    s.hear("2", "A walrus sat on the bench");
    assertThat(s.search("pelican")).containsExactly("The pelican delivered my parcel");
    Path store = s.db.url().sqliteFile();
    String stem = store.getFileName().toString().replace(".db", "");
    assertThat(s.db.url().sqliteSearchFile())
        .exists()
        .isEqualTo(store.resolveSibling(stem + "-search.db"));
    // The store itself holds no search table any more.
    long inStore =
        s.db.read(
            h ->
                h.createQuery("SELECT COUNT(*) FROM sqlite_master WHERE name LIKE '%fts%'")
                    .mapTo(Long.class)
                    .one());
    assertThat(inStore).isZero();
  }

  @Test
  void theThreadIndexesWhatIsStoredWithoutASearch() throws Exception {
    Store s = new Store(folder);
    s.core.searchIndex.start();
    s.hear("1", "An otter juggles pebbles");
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      try {
        if (s.indexed("otter") == 1) break;
      } catch (java.sql.SQLException e) {
        // the thread is creating the file right now
      }
      Thread.sleep(50);
    }
    assertThat(s.indexed("otter")).isEqualTo(1);
  }

  @Test
  void deletedItemsAreForgottenAlsoWhenTheirRowIdGoesToANewItem() throws Exception {
    Store s = new Store(folder);
    s.hear("1", "pelican on the pier");
    s.hear("2", "walrus on the rocks");
    assertThat(s.search("walrus")).hasSize(1);
    long walrus = s.rowid("2");
    // The newest item goes: the next one takes its row id, after the index saw the deletion.
    s.delete("2");
    assertThat(s.search("walrus")).isEmpty();
    assertThat(s.indexed("walrus")).isZero();
    s.hear("3", "narwhal in the fjord");
    assertThat(s.rowid("3")).isEqualTo(walrus);
    assertThat(s.search("narwhal")).containsExactly("narwhal in the fjord");
    // And before it looked: deleted and its row id taken again between two searches.
    s.delete("3");
    s.hear("4", "beaver builds a dam");
    assertThat(s.rowid("4")).isEqualTo(walrus);
    assertThat(s.search("beaver")).containsExactly("beaver builds a dam");
    assertThat(s.indexed("narwhal")).isZero();
    assertThat(s.search("pelican")).containsExactly("pelican on the pier");
    // What was read from the deletion list is cleared from the store.
    long waiting =
        s.db.read(
            h -> h.createQuery("SELECT COUNT(*) FROM search_deletions").mapTo(Long.class).one());
    assertThat(waiting).isZero();
  }

  @Test
  void anotherIndexOnTheSameStoreResumesWhereTheLastStopped() throws Exception {
    Store s = new Store(folder);
    s.hear("1", "pelican");
    s.hear("2", "walrus");
    assertThat(s.core.searchIndex.catchUp()).isEqualTo(2);
    s.core.searchIndex.close();
    SearchIndex again = new SearchIndex(s.db);
    try {
      assertThat(again.catchUp()).isZero();
      s.hear("3", "narwhal");
      assertThat(again.catchUp()).isEqualTo(1);
      assertThat(s.indexed("pelican") + s.indexed("walrus") + s.indexed("narwhal")).isEqualTo(3);
    } finally {
      again.close();
    }
  }

  @Test
  void anIndexFileFromAnotherStoreIsBuiltAgain() throws Exception {
    Store a = new Store(folder.resolve("a"));
    a.hear("1", "pelican from store a");
    assertThat(a.search("pelican")).hasSize(1);
    a.core.searchIndex.close();
    Store b = new Store(folder.resolve("b"));
    b.hear("1", "walrus from store b");
    Files.copy(a.db.url().sqliteSearchFile(), b.db.url().sqliteSearchFile());
    assertThat(b.search("pelican")).isEmpty();
    assertThat(b.search("walrus")).containsExactly("walrus from store b");
    assertThat(b.indexed("pelican")).isZero();
  }
}
