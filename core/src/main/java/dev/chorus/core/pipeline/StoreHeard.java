package dev.chorus.core.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.InboundItem;
import dev.chorus.core.inbox.Search;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * The store stage: for each new item, the item itself, its query matches, its author as a contact
 * (one contact per handle and network in a workspace, whichever channel heard it) and its
 * conversation (the thread it answers, or a new one), all on the caller's transaction, so the
 * source's cursor can commit with them.
 */
public final class StoreHeard {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int SNIPPET = 280;
  private static final Map<String, Integer> STRENGTH =
      Map.of("mention", 0, "advocacy", 1, "conversation", 2);

  private final Supplier<String> ids;
  private final boolean searchText;

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
    int added = 0;
    for (Annotated a : items) {
      InboundItem i = a.item();
      String itemId = ids.get();
      if (!insertItem(h, c, a, itemId, now)) continue;
      added++;
      String contactId = upsertContact(h, c, i);
      String conversationId = thread(h, c, a, contactId, now);
      h.createUpdate(
              "UPDATE inbound_items SET contact_id = :contact, conversation_id = :conv WHERE id ="
                  + " :id")
          .bind("contact", contactId)
          .bind("conv", conversationId)
          .bind("id", itemId)
          .execute();
      for (String q : a.queryIds()) {
        h.createUpdate(
                "INSERT INTO item_matches (item_id, query_id, workspace_id) VALUES (:item, :q,"
                    + " :ws)")
            .bind("item", itemId)
            .bind("q", q)
            .bind("ws", c.workspaceId().value())
            .execute();
        h.createUpdate(
                "INSERT INTO conversation_queries (conversation_id, query_id) VALUES (:conv, :q)"
                    + " ON CONFLICT (conversation_id, query_id) DO NOTHING")
            .bind("conv", conversationId)
            .bind("q", q)
            .execute();
      }
      touched.add(conversationId);
    }
    return added;
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

  private boolean insertItem(Handle h, Channel c, Annotated a, String id, Instant now) {
    InboundItem i = a.item();
    return h.createUpdate(
                "INSERT INTO inbound_items (id, workspace_id, channel_id, network, kind,"
                    + " remote_id, url, author_handle, author_name, author_url, title, body,"
                    + " language, in_reply_to, created_at, received_at, detected_language,"
                    + " sentiment, mode, question, remote_cid"
                    + (searchText ? ", search_text" : "")
                    + ") VALUES (:id, :ws, :ch, :network, :kind, :rid, :url, :ah, :an, :au, :title,"
                    + " :body, :lang, :reply, :created, :received, :detected, :sentiment, :mode,"
                    + " :question, :cid"
                    + (searchText ? ", :search" : "")
                    + ") ON CONFLICT (channel_id, remote_id) DO NOTHING")
            .bind("id", id)
            .bind("ws", c.workspaceId().value())
            .bind("ch", c.id().value())
            .bind("network", i.network().key())
            .bind("kind", i.kind())
            .bind("rid", i.ref().id())
            .bind("url", i.ref().url())
            .bind("ah", i.authorHandle())
            .bind("an", i.authorName())
            .bind("au", i.authorUrl())
            .bind("title", i.title())
            .bind("body", i.text())
            .bind("lang", i.language())
            .bind("reply", i.inReplyTo() == null ? null : i.inReplyTo().id())
            .bind("created", i.createdAt().toEpochMilli())
            .bind("received", now.toEpochMilli())
            .bind("detected", a.language())
            .bind("sentiment", a.sentiment())
            .bind("mode", a.mode())
            .bind("question", a.question() ? 1 : 0)
            .bind("cid", i.ref().cid())
            .bind("search", Search.document(i.title(), i.authorHandle(), i.text()))
            .execute()
        > 0;
  }

  /** The contact for the item's author, made on first sight; null when the item has no author. */
  private String upsertContact(Handle h, Channel c, InboundItem i) {
    if (i.authorHandle() == null) return null;
    String key = i.authorHandle().toLowerCase(Locale.ROOT);
    long at = i.createdAt().toEpochMilli();
    Optional<String> known =
        h.createQuery(
                "SELECT contact_id FROM contact_handles WHERE workspace_id = :ws AND network ="
                    + " :network AND handle_key = :key")
            .bind("ws", c.workspaceId().value())
            .bind("network", i.network().key())
            .bind("key", key)
            .mapTo(String.class)
            .findOne();
    if (known.isPresent()) {
      h.createUpdate(
              "UPDATE contacts SET item_count = item_count + 1, display_name ="
                  + " COALESCE(:name, display_name), last_seen_at = CASE WHEN last_seen_at < :at"
                  + " THEN :at ELSE last_seen_at END, first_seen_at = CASE WHEN first_seen_at >"
                  + " :at THEN :at ELSE first_seen_at END WHERE id = :id")
          .bind("name", i.authorName())
          .bind("at", at)
          .bind("id", known.get())
          .execute();
      return known.get();
    }
    String id = ids.get();
    h.createUpdate(
            "INSERT INTO contacts (id, workspace_id, display_name, first_seen_at, last_seen_at,"
                + " item_count) VALUES (:id, :ws, :name, :at, :at, 1)")
        .bind("id", id)
        .bind("ws", c.workspaceId().value())
        .bind("name", i.authorName())
        .bind("at", at)
        .execute();
    h.createUpdate(
            "INSERT INTO contact_handles (workspace_id, network, handle_key, handle, profile_url,"
                + " contact_id) VALUES (:ws, :network, :key, :handle, :url, :id)")
        .bind("ws", c.workspaceId().value())
        .bind("network", i.network().key())
        .bind("key", key)
        .bind("handle", i.authorHandle())
        .bind("url", i.authorUrl())
        .bind("id", id)
        .execute();
    return id;
  }

  /**
   * The conversation the item belongs to: the one holding the post it answers (an item we heard or
   * a reply we sent), else the one waiting for that post, else a new one keyed by the item.
   */
  private String thread(Handle h, Channel c, Annotated a, String contactId, Instant now) {
    InboundItem i = a.item();
    String key = i.ref().id();
    if (i.inReplyTo() != null) {
      String parent = i.inReplyTo().id();
      Optional<String> known =
          h.createQuery(
                  "SELECT conversation_id FROM inbound_items WHERE channel_id = :ch AND remote_id"
                      + " = :rid AND conversation_id IS NOT NULL UNION ALL SELECT conversation_id"
                      + " FROM replies WHERE channel_id = :ch AND remote_id = :rid")
              .bind("ch", c.id().value())
              .bind("rid", parent)
              .mapTo(String.class)
              .findFirst();
      if (known.isPresent()) {
        update(h, known.get(), a, now);
        return known.get();
      }
      key = parent;
    }
    Optional<String> waiting =
        h.createQuery("SELECT id FROM conversations WHERE channel_id = :ch AND thread_key = :key")
            .bind("ch", c.id().value())
            .bind("key", key)
            .mapTo(String.class)
            .findOne();
    if (waiting.isPresent()) {
      update(h, waiting.get(), a, now);
      return waiting.get();
    }
    String id = ids.get();
    long at = i.createdAt().toEpochMilli();
    h.createUpdate(
            "INSERT INTO conversations (id, workspace_id, channel_id, thread_key, contact_id,"
                + " status, mode, question, sentiment, language, snippet, item_count,"
                + " first_item_at, last_item_at, updated_at) VALUES (:id, :ws, :ch, :key,"
                + " :contact, 'open', :mode, :q, :s, :lang, :snippet, 1, :at, :at, :now)")
        .bind("id", id)
        .bind("ws", c.workspaceId().value())
        .bind("ch", c.id().value())
        .bind("key", key)
        .bind("contact", contactId)
        .bind("mode", a.mode())
        .bind("q", a.question() ? 1 : 0)
        .bind("s", a.sentiment())
        .bind("lang", a.language())
        .bind("snippet", snippet(i))
        .bind("at", at)
        .bind("now", now.toEpochMilli())
        .execute();
    return id;
  }

  /**
   * A new item in a known conversation: counts, latest activity and sentiment, the stronger mode,
   * and a closed or pending conversation opens again because someone spoke.
   */
  private void update(Handle h, String conversationId, Annotated a, Instant now) {
    long at = a.item().createdAt().toEpochMilli();
    h.createUpdate(
            "UPDATE conversations SET item_count = item_count + 1, status = 'open', question ="
                + " CASE WHEN :q = 1 THEN 1 ELSE question END, mode = CASE WHEN :strength >"
                + " (CASE mode WHEN 'conversation' THEN 2 WHEN 'advocacy' THEN 1 ELSE 0 END)"
                + " THEN :mode ELSE mode END, sentiment = CASE WHEN last_item_at <= :at THEN :s"
                + " ELSE sentiment END, snippet = CASE WHEN last_item_at <= :at THEN :snippet"
                + " ELSE snippet END, last_item_at = CASE WHEN last_item_at < :at THEN :at ELSE"
                + " last_item_at END, first_item_at = CASE WHEN first_item_at > :at THEN :at"
                + " ELSE first_item_at END, updated_at = :now WHERE id = :id")
        .bind("q", a.question() ? 1 : 0)
        .bind("strength", STRENGTH.getOrDefault(a.mode(), 0))
        .bind("mode", a.mode())
        .bind("s", a.sentiment())
        .bind("snippet", snippet(a.item()))
        .bind("at", at)
        .bind("now", now.toEpochMilli())
        .bind("id", conversationId)
        .execute();
  }

  private static String snippet(InboundItem i) {
    String text = i.text().isEmpty() && i.title() != null ? i.title() : i.text();
    String flat = text.replaceAll("\\s+", " ").strip();
    if (flat.length() <= SNIPPET) return flat;
    int end = SNIPPET;
    if (Character.isLowSurrogate(flat.charAt(end))) end--;
    return flat.substring(0, end) + "…";
  }
}
