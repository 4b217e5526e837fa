package dev.chorus.core.inbox;

import dev.chorus.core.channel.Network;
import dev.chorus.core.page.Page;
import dev.chorus.core.page.PageRequest;
import dev.chorus.core.workspace.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

/** SQL for the inbox: conversation lists with filters and search, threads, contact cards. */
public final class ConversationStore {
  private static final String COLUMNS =
      "SELECT c.*, ch.name AS channel_name, ch.network AS channel_network, ct.display_name AS"
          + " contact_name, (SELECT MIN(hd.handle) FROM contact_handles hd WHERE hd.contact_id ="
          + " c.contact_id) AS contact_handle, u.display_name AS assignee_name";
  private static final String JOINS =
      " JOIN channels ch ON ch.id = c.channel_id LEFT JOIN contacts ct ON ct.id = c.contact_id"
          + " LEFT JOIN users u ON u.id = c.assignee_id";
  private static final String SELECT = COLUMNS + " FROM conversations c" + JOINS;

  /**
   * Where a listing starts: the conversations' own recency index, or a facet's table whose copy of
   * last_item_at (V18__filter_recency.sql) is indexed after the facet, so the facet's newest
   * conversations come first, in the listing's order, and only a page of them is read.
   *
   * @param from the FROM clause, {@code c} the conversations
   * @param where the driver's own conditions (the join to {@code c} included), or empty
   * @param at the last_item_at the listing orders, pages and filters dates by
   * @param id the conversation id that breaks ties in that order
   */
  private record Driver(String from, String where, String at, String id) {
    static final Driver CONVERSATIONS =
        new Driver(" FROM conversations c" + JOINS, "", "c.last_item_at", "c.id");
    // CROSS JOIN keeps SQLite's planner from starting at the conversations (by status, say) and
    // sorting; PostgreSQL reads it as a plain join and plans it from its statistics.
    static final Driver TAG =
        new Driver(
            " FROM conversation_tags t CROSS JOIN conversations c" + JOINS,
            " AND t.workspace_id = :ws AND t.tag = :tag AND c.id = t.conversation_id",
            "t.last_item_at",
            "t.conversation_id");
    static final Driver QUERY =
        new Driver(
            " FROM conversation_queries cq CROSS JOIN conversations c" + JOINS,
            " AND cq.query_id = :query AND c.id = cq.conversation_id",
            "cq.last_item_at",
            "cq.conversation_id");

    /** A tag before a query: either names few conversations; the other stays a condition. */
    static Driver of(InboxFilter f) {
      if (f.tag() != null) return TAG;
      if (f.queryId() != null) return QUERY;
      return CONVERSATIONS;
    }
  }

  private static final RowMapper<Conversation> ROW =
      (rs, ctx) ->
          new Conversation(
              new ConversationId(rs.getString("id")),
              rs.getString("channel_id"),
              rs.getString("channel_name"),
              Network.parse("network", rs.getString("channel_network")),
              rs.getString("contact_id"),
              rs.getString("contact_name"),
              rs.getString("contact_handle"),
              Status.parse("status", rs.getString("status")),
              rs.getString("assignee_id"),
              rs.getString("assignee_name"),
              rs.getString("mode"),
              rs.getInt("question") == 1,
              nullableDouble(rs, "sentiment"),
              rs.getString("language"),
              rs.getString("snippet"),
              rs.getInt("item_count"),
              instant(rs, "first_item_at"),
              instant(rs, "last_item_at"),
              instant(rs, "first_response_at"),
              List.of());

  private final boolean sqlite;
  private final SearchIndex searchIndex;

  /**
   * @param searchIndex the SQLite store's search index (FTS5 in a file of its own); null on
   *     PostgreSQL, which searches a tsvector index in the store
   */
  public ConversationStore(SearchIndex searchIndex) {
    this.sqlite = searchIndex != null;
    this.searchIndex = searchIndex;
  }

  /** A page of conversations matching {@code f}, latest activity first. */
  public Page<Conversation> list(Handle h, WorkspaceId ws, InboxFilter f, PageRequest page) {
    Listing listing = listing(ws, f, page);
    Query q = h.createQuery(listing.sql());
    listing.binds().forEach(q::bind);
    List<Listed> rows =
        searching(
            h,
            f,
            () -> q.map((rs, ctx) -> new Listed(ROW.map(rs, ctx), rs.getLong("listed_at"))).list());
    List<Conversation> tagged = withTags(h, rows.stream().map(Listed::conversation).toList());
    // The cursor holds the last_item_at the listing was ordered by: were a copy ever stale, the
    // order would be off for that conversation but paging would still move on, never repeat.
    return Page.of(
            IntStream.range(0, rows.size()).boxed().toList(),
            page.limit(),
            k -> rows.get(k).listedAt() + ":" + rows.get(k).conversation().id().value())
        .map(tagged::get);
  }

  private record Listed(Conversation conversation, long listedAt) {}

  /** The SQL of a listing and its bound values (package-private for the query plan test). */
  record Listing(String sql, Map<String, Object> binds) {}

  Listing listing(WorkspaceId ws, InboxFilter f, PageRequest page) {
    Driver d = Driver.of(f);
    StringBuilder sql =
        new StringBuilder(COLUMNS)
            .append(", ")
            .append(d.at())
            .append(" AS listed_at")
            .append(d.from())
            .append(" WHERE c.workspace_id = :ws");
    sql.append(d.where());
    Map<String, Object> binds = new HashMap<>();
    binds.put("ws", ws.value());
    where(sql, binds, f, d);
    if (page.after() != null) {
      String[] parts = page.after().split(":", 2);
      long at;
      try {
        at = Long.parseLong(parts[0]);
      } catch (NumberFormatException e) {
        throw new dev.chorus.core.error.Invalid(
            "cursor", "the cursor is not one this server gave out");
      }
      // The first condition repeats what the second implies, as a range the index can seek to.
      String a = d.at();
      sql.append(" AND ")
          .append(a)
          .append(" <= :afterAt AND (")
          .append(a)
          .append(" < :afterAt OR (")
          .append(a)
          .append(" = :afterAt AND ")
          .append(d.id())
          .append(" < :afterId))");
      binds.put("afterAt", at);
      binds.put("afterId", parts.length > 1 ? parts[1] : "");
    }
    sql.append(" ORDER BY ")
        .append(d.at())
        .append(" DESC, ")
        .append(d.id())
        .append(" DESC LIMIT :n");
    binds.put("n", page.limit() + 1);
    return new Listing(sql.toString(), binds);
  }

  /** How many conversations match {@code f} (capped, for the filter bar's count). */
  public long count(Handle h, WorkspaceId ws, InboxFilter f, int cap) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT COUNT(*) FROM (SELECT 1 FROM conversations c WHERE c.workspace_id = :ws");
    Map<String, Object> binds = new HashMap<>();
    binds.put("ws", ws.value());
    where(sql, binds, f, Driver.CONVERSATIONS);
    sql.append(" LIMIT :cap) capped");
    binds.put("cap", cap);
    Query q = h.createQuery(sql.toString());
    binds.forEach(q::bind);
    return searching(h, f, () -> q.mapTo(Long.class).one());
  }

  /** Runs {@code work} with SQLite's search index attached when {@code f} searches. */
  private <R> R searching(Handle h, InboxFilter f, java.util.function.Supplier<R> work) {
    if (!sqlite || f.search() == null || Search.fts5(f.search()) == null) return work.get();
    return searchIndex.search(h, work);
  }

  /** The filter's conditions, but for the one {@code d} already applies. */
  private void where(StringBuilder sql, Map<String, Object> binds, InboxFilter f, Driver d) {
    if (f.status() != null) {
      sql.append(" AND c.status = :status");
      binds.put("status", f.status().key());
    }
    if (f.channelId() != null) {
      sql.append(" AND c.channel_id = :channel");
      binds.put("channel", f.channelId());
    }
    if (f.assignee() != null) {
      if (f.assignee().equals("none")) {
        sql.append(" AND c.assignee_id IS NULL");
      } else {
        sql.append(" AND c.assignee_id = :assignee");
        binds.put("assignee", f.assignee());
      }
    }
    if (f.mode() != null) {
      sql.append(" AND c.mode = :mode");
      binds.put("mode", f.mode());
    }
    if (f.question() != null) {
      sql.append(" AND c.question = :question");
      binds.put("question", f.question() ? 1 : 0);
    }
    if (f.language() != null) {
      sql.append(" AND c.language = :language");
      binds.put("language", f.language());
    }
    if (f.sentiment() != null) {
      switch (f.sentiment()) {
        case "negative" -> sql.append(" AND c.sentiment <= -0.05");
        case "positive" -> sql.append(" AND c.sentiment >= 0.05");
        default ->
            sql.append(
                " AND (c.sentiment IS NULL OR (c.sentiment > -0.05 AND c.sentiment < 0.05))");
      }
    }
    if (f.fromInstant() != null) {
      sql.append(" AND ").append(d.at()).append(" >= :from");
      binds.put("from", f.fromInstant().toEpochMilli());
    }
    if (f.toInstant() != null) {
      sql.append(" AND ").append(d.at()).append(" < :to");
      binds.put("to", f.toInstant().toEpochMilli());
    }
    if (f.queryId() != null) {
      if (d != Driver.QUERY) {
        sql.append(
            " AND c.id IN (SELECT cq.conversation_id FROM conversation_queries cq WHERE"
                + " cq.query_id = :query)");
      }
      binds.put("query", f.queryId());
    }
    if (f.tag() != null) {
      if (d != Driver.TAG) {
        sql.append(
            " AND c.id IN (SELECT t.conversation_id FROM conversation_tags t WHERE t.workspace_id"
                + " = :ws AND t.tag = :tag)");
      }
      binds.put("tag", f.tag());
    }
    if (f.search() != null) {
      String fts = sqlite ? Search.fts5(f.search()) : Search.tsquery(f.search());
      if (fts != null) {
        sql.append(
            sqlite
                ? " AND c.id IN (SELECT i.conversation_id FROM search.items s JOIN"
                    + " inbound_items i ON i.rowid = s.rowid WHERE s.items MATCH :search AND"
                    + " i.workspace_id = :ws)"
                : " AND c.id IN (SELECT i.conversation_id FROM inbound_items i WHERE"
                    + " i.workspace_id = :ws AND i.search @@ to_tsquery('simple', :search))");
        binds.put("search", fts);
      }
    }
  }

  public Optional<Conversation> find(Handle h, WorkspaceId ws, ConversationId id) {
    List<Conversation> one =
        h.createQuery(SELECT + " WHERE c.workspace_id = :ws AND c.id = :id")
            .bind("ws", ws.value())
            .bind("id", id.value())
            .map(ROW)
            .list();
    return withTags(h, one).stream().findFirst();
  }

  /** The whole conversation: items and replies in time order, notes, the contact card. */
  public Optional<ThreadView> thread(Handle h, WorkspaceId ws, ConversationId id) {
    Optional<Conversation> found = find(h, ws, id);
    if (found.isEmpty()) return Optional.empty();
    Conversation c = found.get();
    List<ThreadView.Item> items =
        h.createQuery(
                "SELECT * FROM inbound_items WHERE conversation_id = :id ORDER BY created_at, id")
            .bind("id", id.value())
            .map(
                (rs, ctx) ->
                    new ThreadView.Item(
                        rs.getString("id"),
                        rs.getString("kind"),
                        rs.getString("remote_id"),
                        rs.getString("url"),
                        rs.getString("author_handle"),
                        rs.getString("author_name"),
                        rs.getString("author_url"),
                        rs.getString("title"),
                        rs.getString("body"),
                        instant(rs, "created_at"),
                        rs.getString("detected_language"),
                        nullableDouble(rs, "sentiment"),
                        rs.getString("mode"),
                        rs.getInt("question") == 1))
            .list();
    List<ThreadView.Reply> replies =
        h.createQuery(
                "SELECT r.*, u.display_name AS author_name FROM replies r LEFT JOIN users u ON u.id"
                    + " = r.author_id WHERE r.conversation_id = :id ORDER BY r.id")
            .bind("id", id.value())
            .map(
                (rs, ctx) ->
                    new ThreadView.Reply(
                        rs.getString("id"),
                        rs.getString("author_name"),
                        rs.getString("body"),
                        rs.getString("status"),
                        rs.getString("url"),
                        rs.getString("error"),
                        instant(rs, "created_at"),
                        instant(rs, "sent_at")))
            .list();
    List<ThreadView.Note> notes =
        h.createQuery(
                "SELECT n.*, u.display_name AS author_name FROM conversation_notes n LEFT JOIN"
                    + " users u ON u.id = n.author_id WHERE n.conversation_id = :id ORDER BY n.id")
            .bind("id", id.value())
            .map(
                (rs, ctx) ->
                    new ThreadView.Note(
                        rs.getString("id"),
                        rs.getString("author_name"),
                        rs.getString("body"),
                        instant(rs, "created_at")))
            .list();
    ThreadView.ContactCard card =
        c.contactId() == null ? null : card(h, ws, c.contactId(), id).orElse(null);
    return Optional.of(new ThreadView(c, items, replies, notes, card));
  }

  private Optional<ThreadView.ContactCard> card(
      Handle h, WorkspaceId ws, String contactId, ConversationId except) {
    Optional<Map<String, Object>> row =
        h.createQuery("SELECT * FROM contacts WHERE workspace_id = :ws AND id = :id")
            .bind("ws", ws.value())
            .bind("id", contactId)
            .mapToMap()
            .findOne();
    if (row.isEmpty()) return Optional.empty();
    List<ThreadView.Handle> handles =
        h.createQuery(
                "SELECT network, handle, profile_url FROM contact_handles WHERE contact_id = :id"
                    + " ORDER BY network, handle_key")
            .bind("id", contactId)
            .map(
                (rs, ctx) ->
                    new ThreadView.Handle(
                        Network.parse("network", rs.getString("network")),
                        rs.getString("handle"),
                        rs.getString("profile_url")))
            .list();
    List<Conversation> others =
        withTags(
            h,
            h.createQuery(
                    SELECT
                        + " WHERE c.workspace_id = :ws AND c.contact_id = :contact AND c.id <> :id"
                        + " ORDER BY c.last_item_at DESC LIMIT 10")
                .bind("ws", ws.value())
                .bind("contact", contactId)
                .bind("id", except.value())
                .map(ROW)
                .list());
    Map<String, Object> r = row.get();
    return Optional.of(
        new ThreadView.ContactCard(
            contactId,
            (String) r.get("display_name"),
            handles,
            ((Number) r.get("item_count")).longValue(),
            Instant.ofEpochMilli(((Number) r.get("first_seen_at")).longValue()),
            Instant.ofEpochMilli(((Number) r.get("last_seen_at")).longValue()),
            others));
  }

  /** The tags in use in the workspace, most used first (for the filter and the tag picker). */
  public List<String> tagsInUse(Handle h, WorkspaceId ws) {
    return h.createQuery(
            "SELECT tag FROM conversation_tags WHERE workspace_id = :ws GROUP BY tag ORDER BY"
                + " COUNT(*) DESC, tag LIMIT 100")
        .bind("ws", ws.value())
        .mapTo(String.class)
        .list();
  }

  /** The languages of the workspace's conversations, most common first. */
  public List<String> languagesInUse(Handle h, WorkspaceId ws) {
    return h.createQuery(
            "SELECT language FROM conversations WHERE workspace_id = :ws AND language IS NOT NULL"
                + " GROUP BY language ORDER BY COUNT(*) DESC LIMIT 40")
        .bind("ws", ws.value())
        .mapTo(String.class)
        .list();
  }

  private static List<Conversation> withTags(Handle h, List<Conversation> rows) {
    if (rows.isEmpty()) return rows;
    Map<String, List<String>> tags = new HashMap<>();
    Collection<String> ids = rows.stream().map(c -> c.id().value()).toList();
    h.createQuery(
            "SELECT conversation_id, tag FROM conversation_tags WHERE conversation_id IN (<ids>)"
                + " ORDER BY tag")
        .bindList("ids", List.copyOf(ids))
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
        .forEach(e -> tags.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    List<Conversation> out = new ArrayList<>(rows.size());
    for (Conversation c : rows) {
      List<String> t = tags.get(c.id().value());
      out.add(t == null ? c : c.withTags(t));
    }
    return out;
  }

  private static Instant instant(ResultSet rs, String c) throws SQLException {
    long v = rs.getLong(c);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }

  private static Double nullableDouble(ResultSet rs, String c) throws SQLException {
    double v = rs.getDouble(c);
    return rs.wasNull() ? null : v;
  }
}
