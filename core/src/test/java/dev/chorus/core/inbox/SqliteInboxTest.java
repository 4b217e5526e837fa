package dev.chorus.core.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.channel.Channel;
import dev.chorus.core.member.Actor;
import dev.chorus.core.page.PageRequest;
import dev.chorus.core.store.DatabaseUrl;
import dev.chorus.core.store.TestDatabases;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteInboxTest extends InboxContract {
  @TempDir Path folder;

  @Override
  protected DatabaseUrl freshDatabase() {
    return TestDatabases.sqlite(folder);
  }

  /**
   * A tag or a query filter reads its facet's newest conversations from the facet's recency index,
   * in the listing's order, with or without statistics: nothing is sorted, whatever else filters.
   */
  @Test
  void aTagOrQueryFilterWalksItsRecencyIndexWithoutSorting() {
    Actor o = owner();
    Channel c = channel(o, "Main");
    String coffee = savedQuery(o, "coffee");
    for (int k = 0; k < 20; k++) ingest(c, mention("m" + k, "u" + k, "coffee " + k));
    core.triage.apply(o, allIds(o), TriageConversations.Change.tag("vip"));
    String tagIndex =
        "SEARCH t USING COVERING INDEX conversation_tags_recent (workspace_id=? AND tag=?";
    String queryIndex = "SEARCH cq USING COVERING INDEX conversation_queries_recent (query_id=?";
    for (boolean analyzed : new boolean[] {false, true}) {
      if (analyzed) db.inTransaction(h -> h.execute("ANALYZE"));
      assertThat(plan(o, Map.of("tag", "vip"), null)).first().asString().startsWith(tagIndex);
      assertThat(plan(o, Map.of("tag", "vip", "status", "open"), null))
          .first()
          .asString()
          .startsWith(tagIndex);
      // A later page seeks to the cursor in the index.
      assertThat(plan(o, Map.of("tag", "vip", "query", coffee), "1763632800000:x"))
          .first()
          .asString()
          .startsWith(tagIndex + " AND last_item_at<?");
      assertThat(plan(o, Map.of("query", coffee, "status", "open", "from", "2026-11-20"), null))
          .first()
          .asString()
          .startsWith(queryIndex + " AND last_item_at>?");
    }
  }

  private List<String> plan(Actor a, Map<String, String> filter, String cursor) {
    Map<String, String> p = new HashMap<>(filter);
    p.putIfAbsent("status", "all");
    InboxFilter f = InboxFilter.parse(p, a.user().id().value());
    PageRequest page = new PageRequest(cursor, 50);
    ConversationStore.Listing listing = core.conversations.listing(a.workspace().id(), f, page);
    List<String> plan =
        db.read(
            h -> {
              Query q = h.createQuery("EXPLAIN QUERY PLAN " + listing.sql());
              listing.binds().forEach(q::bind);
              return q.map((rs, ctx) -> rs.getString("detail")).list();
            });
    assertThat(plan).noneMatch(step -> step.contains("TEMP B-TREE"));
    return plan;
  }
}
