package dev.chorus.core.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.InboundItem;
import dev.chorus.core.inbox.Search;
import dev.chorus.core.store.StoreFailures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * The store stage: for each new item, the item itself, its query matches, its author as a contact
 * (one contact per handle and network in a workspace, whichever channel heard it) and its
 * conversation (the thread it answers, or a new one), all on the caller's transaction, so the
 * source's cursor can commit with them. Statements are prepared once per call and reused for every
 * item: on SQLite, preparing costs more than running.
 */
public final class StoreHeard {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int SNIPPET = 280;
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Map<String, Integer> STRENGTH =
      Map.of("mention", 0, "advocacy", 1, "conversation", 2);

  private final Supplier<String> ids;
  private final boolean searchText;

  /**
   * What the writer learnt in committed transactions: contact ids by author, conversation ids by
   * item and by thread key. Most items come from authors and threads seen moments ago, so this
   * spares most of the lookups. Entries learnt in a transaction wait in {@code pending} until it
   * commits; a rollback (or a transaction whose end was never seen) forgets everything, so an id
   * from rolled-back work is never reused. Bounded: the least recently used go first.
   */
  private final Memo memo = new Memo(MEMO_ENTRIES);

  private final Map<String, String> pending = new HashMap<>();
  private Handle pendingOn;
  private static final int MEMO_ENTRIES = 60_000;

  /**
   * @param searchText true on PostgreSQL, whose search index reads a folded copy of the text
   *     (SQLite's FTS5 folds by itself)
   */
  public StoreHeard(Supplier<String> ids, boolean searchText) {
    this.ids = ids;
    this.searchText = searchText;
  }

  /**
   * Stores {@code items}; returns how many were new and adds the conversations they touched to
   * {@code touched}.
   */
  public int store(Handle h, Channel c, List<Annotated> items, Instant now, Set<String> touched) {
    if (items.isEmpty()) return 0;
    synchronized (memo) {
      return storeLearning(h, c, items, now, touched);
    }
  }

  private int storeLearning(
      Handle h, Channel c, List<Annotated> items, Instant now, Set<String> touched) {
    if (pendingOn != h) {
      if (!pending.isEmpty()) memo.clear(); // how that transaction ended was never seen
      pending.clear();
      pendingOn = h;
      h.afterCommit(() -> learnt(h, true));
      h.afterRollback(() -> learnt(h, false));
    }
    try (Statements s = new Statements(h.getConnection())) {
      int added = 0;
      for (Annotated a : items) {
        // The contact and the conversation are settled first, so the item is written once, with
        // them. Dedupe dropped what was stored before the batch; this catches a batch in flight
        // beside another carrying the same item.
        if (s.stored(c, a.item())) continue;
        String itemId = ids.get();
        String contactId = s.upsertContact(c, a.item());
        Joined joined = s.thread(c, a, contactId, now);
        String conversationId = joined.conversationId();
        if (!s.insertItem(c, a, itemId, contactId, conversationId, now)) continue;
        remember(key("i", c.id().value(), a.item().ref().id(), null), conversationId);
        added++;
        for (String q : a.queryIds()) s.match(c, itemId, joined, q);
        touched.add(conversationId);
      }
      return added;
    } catch (SQLException e) {
      throw StoreFailures.translate(
          new IllegalStateException("storing heard items failed: " + e.getMessage(), e));
    }
  }

  private void learnt(Handle h, boolean committed) {
    synchronized (memo) {
      if (pendingOn != h) return;
      if (committed) {
        memo.putAll(pending);
      } else {
        memo.clear();
      }
      pending.clear();
      pendingOn = null;
    }
  }

  private String recall(String key) {
    String v = pending.get(key);
    return v != null ? v : memo.get(key);
  }

  private void remember(String key, String value) {
    pending.put(key, value);
  }

  private static String key(String kind, String a, String b, String c) {
    return kind + '\u0000' + a + '\u0000' + b + (c == null ? "" : '\u0000' + c);
  }

  /** A bounded map, least recently used out first. */
  private static final class Memo extends LinkedHashMap<String, String> {
    private final int limit;

    Memo(int limit) {
      super(1024, 0.75f, true);
      this.limit = limit;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
      return size() > limit;
    }
  }

  /** Keeps a refused item with its reason, as heard (capped), so nothing accepted is lost. */
  public void quarantine(Handle h, Channel c, InboundItem i, String reason, Instant now) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("kind", i.kind());
    payload.put("remote_id", i.ref().id());
    payload.put("url", i.ref().url());
    payload.put("author_handle", i.authorHandle());
    payload.put("author_name", i.authorName());
    payload.put("title", i.title());
    String text = i.text();
    payload.put("text_length", text.length());
    payload.put("text", text.length() > 2_000 ? text.substring(0, 2_000) : text);
    payload.put("created_at", i.createdAt().toString());
    String json;
    try {
      json = JSON.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      json = "{}";
    }
    h.createUpdate(
            "INSERT INTO quarantined_items (id, workspace_id, channel_id, remote_id, reason,"
                + " payload, received_at) VALUES (:id, :ws, :ch, :rid, :reason, :payload, :at)")
        .bind("id", ids.get())
        .bind("ws", c.workspaceId().value())
        .bind("ch", c.id().value())
        .bind("rid", i.ref().id())
        .bind("reason", reason.length() > 500 ? reason.substring(0, 500) : reason)
        .bind("payload", json)
        .bind("at", now.toEpochMilli())
        .execute();
  }

  /** The conversation an item joined, and its latest activity once the item is in. */
  private record Joined(String conversationId, long lastItemAt) {}

  /** The statements of one call, prepared on first use. */
  private final class Statements implements AutoCloseable {
    private final Connection connection;
    private final Map<String, PreparedStatement> prepared = new LinkedHashMap<>();

    Statements(Connection connection) {
      this.connection = connection;
    }

    private PreparedStatement sql(String sql) throws SQLException {
      PreparedStatement p = prepared.get(sql);
      if (p == null) {
        p = connection.prepareStatement(sql);
        prepared.put(sql, p);
      }
      return p;
    }

    boolean stored(Channel c, InboundItem i) throws SQLException {
      return first(
              sql("SELECT id FROM inbound_items WHERE channel_id = ? AND remote_id = ?"),
              c.id().value(),
              i.ref().id())
          != null;
    }

    boolean insertItem(
        Channel c, Annotated a, String id, String contactId, String conversationId, Instant now)
        throws SQLException {
      InboundItem i = a.item();
      PreparedStatement p =
          sql(
              "INSERT INTO inbound_items (id, workspace_id, channel_id, network, kind, remote_id,"
                  + " url, author_handle, author_name, author_url, title, body, language,"
                  + " in_reply_to, created_at, received_at, detected_language, sentiment, mode,"
                  + " question, remote_cid, contact_id, conversation_id"
                  + (searchText ? ", search_text" : "")
                  + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
                  + (searchText ? ", ?" : "")
                  + ") ON CONFLICT (channel_id, remote_id) DO NOTHING");
      int k = 0;
      p.setString(++k, id);
      p.setString(++k, c.workspaceId().value());
      p.setString(++k, c.id().value());
      p.setString(++k, i.network().key());
      p.setString(++k, i.kind());
      p.setString(++k, i.ref().id());
      p.setString(++k, i.ref().url());
      p.setString(++k, i.authorHandle());
      p.setString(++k, i.authorName());
      p.setString(++k, i.authorUrl());
      p.setString(++k, i.title());
      p.setString(++k, i.text());
      p.setString(++k, i.language());
      p.setString(++k, i.inReplyTo() == null ? null : i.inReplyTo().id());
      p.setLong(++k, i.createdAt().toEpochMilli());
      p.setLong(++k, now.toEpochMilli());
      p.setString(++k, a.language());
      p.setDouble(++k, a.sentiment());
      p.setString(++k, a.mode());
      p.setInt(++k, a.question() ? 1 : 0);
      p.setString(++k, i.ref().cid());
      p.setString(++k, contactId);
      p.setString(++k, conversationId);
      if (searchText) p.setString(++k, Search.document(i.title(), i.authorHandle(), i.text()));
      return p.executeUpdate() > 0;
    }

    /** The contact for the item's author, made on first sight; null when it has no author. */
    String upsertContact(Channel c, InboundItem i) throws SQLException {
      if (i.authorHandle() == null) return null;
      String key = i.authorHandle().toLowerCase(Locale.ROOT);
      long at = i.createdAt().toEpochMilli();
      String memoKey = key("a", c.workspaceId().value(), i.network().key(), key);
      String known = recall(memoKey);
      if (known == null) {
        known =
            first(
                sql(
                    "SELECT contact_id FROM contact_handles WHERE workspace_id = ? AND network = ?"
                        + " AND handle_key = ?"),
                c.workspaceId().value(),
                i.network().key(),
                key);
      }
      if (known != null) {
        remember(memoKey, known);
        PreparedStatement u =
            sql(
                "UPDATE contacts SET item_count = item_count + 1, display_name = COALESCE(?,"
                    + " display_name), last_seen_at = CASE WHEN last_seen_at < ? THEN ? ELSE"
                    + " last_seen_at END, first_seen_at = CASE WHEN first_seen_at > ? THEN ? ELSE"
                    + " first_seen_at END WHERE id = ?");
        u.setString(1, i.authorName());
        u.setLong(2, at);
        u.setLong(3, at);
        u.setLong(4, at);
        u.setLong(5, at);
        u.setString(6, known);
        u.executeUpdate();
        return known;
      }
      String id = ids.get();
      PreparedStatement contact =
          sql(
              "INSERT INTO contacts (id, workspace_id, display_name, first_seen_at, last_seen_at,"
                  + " item_count) VALUES (?, ?, ?, ?, ?, 1)");
      contact.setString(1, id);
      contact.setString(2, c.workspaceId().value());
      contact.setString(3, i.authorName());
      contact.setLong(4, at);
      contact.setLong(5, at);
      contact.executeUpdate();
      PreparedStatement handle =
          sql(
              "INSERT INTO contact_handles (workspace_id, network, handle_key, handle,"
                  + " profile_url, contact_id) VALUES (?, ?, ?, ?, ?, ?)");
      handle.setString(1, c.workspaceId().value());
      handle.setString(2, i.network().key());
      handle.setString(3, key);
      handle.setString(4, i.authorHandle());
      handle.setString(5, i.authorUrl());
      handle.setString(6, id);
      handle.executeUpdate();
      remember(memoKey, id);
      return id;
    }

    /**
     * The conversation the item belongs to: the one holding the post it answers (an item we heard
     * or a reply we sent), else the one waiting for that post, else a new one keyed by the item.
     */
    Joined thread(Channel c, Annotated a, String contactId, Instant now) throws SQLException {
      InboundItem i = a.item();
      String key = i.ref().id();
      String channel = c.id().value();
      if (i.inReplyTo() != null) {
        String parent = i.inReplyTo().id();
        String known = recall(key("i", channel, parent, null));
        if (known == null) {
          known =
              first(
                  sql(
                      "SELECT conversation_id FROM inbound_items WHERE channel_id = ? AND"
                          + " remote_id = ? AND conversation_id IS NOT NULL"),
                  channel,
                  parent);
        }
        if (known == null) {
          known =
              first(
                  sql("SELECT conversation_id FROM replies WHERE channel_id = ? AND remote_id = ?"),
                  channel,
                  parent);
        }
        if (known != null) return new Joined(known, update(known, a, now));
        key = parent;
      }
      String threadKey = key("t", channel, key, null);
      String waiting = recall(threadKey);
      if (waiting != null) return new Joined(waiting, update(waiting, a, now));
      // Nearly always a new thread: try to start it, and only when one is already waiting for
      // this key (a reply heard before the post it answers) look it up.
      String id = ids.get();
      long at = i.createdAt().toEpochMilli();
      PreparedStatement p =
          sql(
              "INSERT INTO conversations (id, workspace_id, channel_id, thread_key, contact_id,"
                  + " status, mode, question, sentiment, language, snippet, item_count,"
                  + " first_item_at, last_item_at, updated_at) VALUES (?, ?, ?, ?, ?, 'open', ?, ?,"
                  + " ?, ?, ?, 1, ?, ?, ?) ON CONFLICT (channel_id, thread_key) DO NOTHING");
      p.setString(1, id);
      p.setString(2, c.workspaceId().value());
      p.setString(3, channel);
      p.setString(4, key);
      p.setString(5, contactId);
      p.setString(6, a.mode());
      p.setInt(7, a.question() ? 1 : 0);
      p.setDouble(8, a.sentiment());
      p.setString(9, a.language());
      p.setString(10, snippet(i));
      p.setLong(11, at);
      p.setLong(12, at);
      p.setLong(13, now.toEpochMilli());
      long latest = at;
      if (p.executeUpdate() == 0) {
        waiting =
            first(
                sql("SELECT id FROM conversations WHERE channel_id = ? AND thread_key = ?"),
                channel,
                key);
        latest = update(waiting, a, now);
        id = waiting;
      }
      remember(threadKey, id);
      return new Joined(id, latest);
    }

    /**
     * A new item in a known conversation: counts, latest activity and sentiment, the stronger mode,
     * and a closed or pending conversation opens again because someone spoke. When the item is the
     * newest, the conversation's tag and query rows move with it (their copies of last_item_at, see
     * V18__filter_recency.sql). Returns the conversation's last_item_at after the item.
     */
    private long update(String conversationId, Annotated a, Instant now) throws SQLException {
      long at = a.item().createdAt().toEpochMilli();
      String snippet = snippet(a.item());
      PreparedStatement p =
          sql(
              "UPDATE conversations SET item_count = item_count + 1, status = 'open', question ="
                  + " CASE WHEN ? = 1 THEN 1 ELSE question END, mode = CASE WHEN ? > (CASE mode"
                  + " WHEN 'conversation' THEN 2 WHEN 'advocacy' THEN 1 ELSE 0 END) THEN ? ELSE"
                  + " mode END, sentiment = CASE WHEN last_item_at <= ? THEN ? ELSE sentiment END,"
                  + " snippet = CASE WHEN last_item_at <= ? THEN ? ELSE snippet END, last_item_at"
                  + " = CASE WHEN last_item_at < ? THEN ? ELSE last_item_at END, first_item_at ="
                  + " CASE WHEN first_item_at > ? THEN ? ELSE first_item_at END, updated_at = ?"
                  + " WHERE id = ? RETURNING last_item_at");
      int k = 0;
      p.setInt(++k, a.question() ? 1 : 0);
      p.setInt(++k, STRENGTH.getOrDefault(a.mode(), 0));
      p.setString(++k, a.mode());
      p.setLong(++k, at);
      p.setDouble(++k, a.sentiment());
      p.setLong(++k, at);
      p.setString(++k, snippet);
      p.setLong(++k, at);
      p.setLong(++k, at);
      p.setLong(++k, at);
      p.setLong(++k, at);
      p.setLong(++k, now.toEpochMilli());
      p.setString(++k, conversationId);
      long latest;
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) throw new SQLException("conversation " + conversationId + " is gone");
        latest = rs.getLong(1);
      }
      // An older item (heard late) moves nothing; a newer one moves the copies. The guard keeps a
      // copy from going back when two items share a millisecond.
      if (latest == at) {
        moveCopy(
            "UPDATE conversation_tags SET last_item_at = ? WHERE conversation_id = ? AND"
                + " last_item_at < ?",
            conversationId,
            at);
        moveCopy(
            "UPDATE conversation_queries SET last_item_at = ? WHERE conversation_id = ? AND"
                + " last_item_at < ?",
            conversationId,
            at);
      }
      return latest;
    }

    private void moveCopy(String update, String conversationId, long at) throws SQLException {
      PreparedStatement p = sql(update);
      p.setLong(1, at);
      p.setString(2, conversationId);
      p.setLong(3, at);
      p.executeUpdate();
    }

    /** The item matched a saved query: so does its conversation, as of its latest activity. */
    void match(Channel c, String itemId, Joined conversation, String queryId) throws SQLException {
      PreparedStatement m =
          sql("INSERT INTO item_matches (item_id, query_id, workspace_id) VALUES (?, ?, ?)");
      m.setString(1, itemId);
      m.setString(2, queryId);
      m.setString(3, c.workspaceId().value());
      m.executeUpdate();
      PreparedStatement q =
          sql(
              "INSERT INTO conversation_queries (conversation_id, query_id, last_item_at) VALUES (?,"
                  + " ?, ?) ON CONFLICT (conversation_id, query_id) DO NOTHING");
      q.setString(1, conversation.conversationId());
      q.setString(2, queryId);
      q.setLong(3, conversation.lastItemAt());
      q.executeUpdate();
    }

    private String first(PreparedStatement p, String... args) throws SQLException {
      for (int k = 0; k < args.length; k++) p.setString(k + 1, args[k]);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }

    @Override
    public void close() throws SQLException {
      List<SQLException> failures = new ArrayList<>();
      for (PreparedStatement p : prepared.values()) {
        try {
          p.close();
        } catch (SQLException e) {
          failures.add(e);
        }
      }
      if (!failures.isEmpty()) throw failures.get(0);
    }
  }

  private static String snippet(InboundItem i) {
    String text = i.text().isEmpty() && i.title() != null ? i.title() : i.text();
    String flat = SPACES.matcher(text).replaceAll(" ").strip();
    if (flat.length() <= SNIPPET) return flat;
    int end = SNIPPET;
    if (Character.isLowSurrogate(flat.charAt(end))) end--;
    return flat.substring(0, end) + "…";
  }
}
