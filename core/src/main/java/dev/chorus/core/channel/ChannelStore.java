package dev.chorus.core.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chorus.core.workspace.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for channels and the items they heard. */
public final class ChannelStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};

  static final RowMapper<Channel> CHANNEL =
      (rs, ctx) ->
          new Channel(
              new ChannelId(rs.getString("id")),
              new WorkspaceId(rs.getString("workspace_id")),
              Network.parse("network", rs.getString("network")),
              rs.getString("name"),
              rs.getString("address"),
              settings(rs.getString("settings")),
              rs.getString("read_cursor"),
              instant(rs, "created_at"),
              instant(rs, "last_success_at"),
              rs.getString("last_error"),
              instant(rs, "last_error_at"),
              instant(rs, "token_expires_at"),
              instant(rs, "next_poll_at"),
              instant(rs, "disconnected_at"));

  /**
   * An item about to be stored, with what the listening engine found.
   *
   * @param language an ISO 639-1 code or "und"
   * @param sentiment VADER's compound score, -1 to 1
   * @param queryIds the saved queries it matched
   */
  public record NewItem(
      InboundItem item, String language, double sentiment, List<String> queryIds) {
    public NewItem {
      queryIds = List.copyOf(queryIds);
    }
  }

  /**
   * A stored item as listed, with the channel that heard it and what the listening engine found.
   *
   * @param language null for items stored before annotation existed
   * @param sentiment null for items stored before annotation existed
   */
  public record StoredItem(
      String id,
      String channelId,
      InboundItem item,
      Instant receivedAt,
      String language,
      Double sentiment) {}

  /** Maps an {@code inbound_items} row. */
  public static final RowMapper<StoredItem> ITEM =
      (rs, ctx) ->
          new StoredItem(
              rs.getString("id"),
              rs.getString("channel_id"),
              new InboundItem(
                  Network.parse("network", rs.getString("network")),
                  rs.getString("kind"),
                  new RemoteRef(rs.getString("remote_id"), rs.getString("url"), null),
                  rs.getString("author_handle"),
                  rs.getString("author_name"),
                  rs.getString("author_url"),
                  rs.getString("title"),
                  rs.getString("body"),
                  instant(rs, "created_at"),
                  rs.getString("in_reply_to") == null
                      ? null
                      : new RemoteRef(rs.getString("in_reply_to"), null, null),
                  rs.getString("language")),
              instant(rs, "received_at"),
              rs.getString("detected_language"),
              sentimentOf(rs));

  private static Double sentimentOf(ResultSet rs) throws SQLException {
    double v = rs.getDouble("sentiment");
    return rs.wasNull() ? null : v;
  }

  private static Instant instant(ResultSet rs, String c) throws SQLException {
    long v = rs.getLong(c);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }

  private static Map<String, String> settings(String json) {
    try {
      return JSON.readValue(json, MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("channel settings are not JSON: " + e.getMessage(), e);
    }
  }

  static String json(Map<String, String> settings) {
    try {
      return JSON.writeValueAsString(settings);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public void insert(Handle h, Channel c, String sealedSecret, String createdBy) {
    h.createUpdate(
            "INSERT INTO channels (id, workspace_id, network, name, address, settings, secret,"
                + " read_cursor, created_by, created_at, token_expires_at, next_poll_at) VALUES"
                + " (:id, :ws, :network, :name, :address, :settings, :secret, :cursor, :by, :at,"
                + " :exp, :next)")
        .bind("id", c.id().value())
        .bind("ws", c.workspaceId().value())
        .bind("network", c.network().key())
        .bind("name", c.name())
        .bind("address", c.address())
        .bind("settings", json(c.settings()))
        .bind("secret", sealedSecret)
        .bind("cursor", c.cursor())
        .bind("by", createdBy)
        .bind("at", c.createdAt().toEpochMilli())
        .bind("exp", c.tokenExpiresAt() == null ? null : c.tokenExpiresAt().toEpochMilli())
        .bind("next", c.nextPollAt() == null ? null : c.nextPollAt().toEpochMilli())
        .execute();
  }

  public List<Channel> list(Handle h, WorkspaceId ws) {
    return h.createQuery("SELECT * FROM channels WHERE workspace_id = :ws ORDER BY id")
        .bind("ws", ws.value())
        .map(CHANNEL)
        .list();
  }

  public Optional<Channel> find(Handle h, WorkspaceId ws, ChannelId id) {
    return h.createQuery("SELECT * FROM channels WHERE workspace_id = :ws AND id = :id")
        .bind("ws", ws.value())
        .bind("id", id.value())
        .map(CHANNEL)
        .findOne();
  }

  public Optional<String> sealedSecret(Handle h, ChannelId id) {
    return h.createQuery("SELECT secret FROM channels WHERE id = :id")
        .bind("id", id.value())
        .mapTo(String.class)
        .findOne();
  }

  /**
   * Replaces a connected channel's sealed credentials and their expiry (tokens a network renewed);
   * returns 0 when the channel is disconnected, so a late renewal never brings credentials back.
   */
  public int updateSecret(Handle h, ChannelId id, String sealedSecret, Instant tokenExpiresAt) {
    return h.createUpdate(
            "UPDATE channels SET secret = :secret, token_expires_at = :exp WHERE id = :id AND"
                + " disconnected_at IS NULL")
        .bind("secret", sealedSecret)
        .bind("exp", tokenExpiresAt == null ? null : tokenExpiresAt.toEpochMilli())
        .bind("id", id.value())
        .execute();
  }

  /** Connected channels whose next read is due at {@code now}, soonest first. */
  public List<Channel> due(Handle h, Instant now, int limit) {
    return h.createQuery(
            "SELECT * FROM channels WHERE disconnected_at IS NULL AND next_poll_at IS NOT NULL"
                + " AND next_poll_at <= :now ORDER BY next_poll_at LIMIT :n")
        .bind("now", now.toEpochMilli())
        .bind("n", limit)
        .map(CHANNEL)
        .list();
  }

  public void recordSuccess(Handle h, ChannelId id, String cursor, Instant at, Instant next) {
    h.createUpdate(
            "UPDATE channels SET read_cursor = :cursor, last_success_at = :at, last_error = NULL,"
                + " next_poll_at = :next WHERE id = :id")
        .bind("cursor", cursor)
        .bind("at", at.toEpochMilli())
        .bind("next", next == null ? null : next.toEpochMilli())
        .bind("id", id.value())
        .execute();
  }

  public void recordFailure(Handle h, ChannelId id, String message, Instant at, Instant next) {
    h.createUpdate(
            "UPDATE channels SET last_error = :msg, last_error_at = :at, next_poll_at = :next"
                + " WHERE id = :id")
        .bind("msg", message.length() > 1000 ? message.substring(0, 1000) + "…" : message)
        .bind("at", at.toEpochMilli())
        .bind("next", next == null ? null : next.toEpochMilli())
        .bind("id", id.value())
        .execute();
  }

  /**
   * Records how a scheduled read went when its cursors were already stored with its items: {@code
   * error} null clears the last error; otherwise it is kept, and {@code succeededAt} (null when
   * nothing could be read) still marks the parts that were read.
   */
  public void recordRead(
      Handle h, ChannelId id, Instant succeededAt, String error, Instant at, Instant next) {
    if (succeededAt != null) {
      h.createUpdate("UPDATE channels SET last_success_at = :at WHERE id = :id")
          .bind("at", succeededAt.toEpochMilli())
          .bind("id", id.value())
          .execute();
    }
    if (error == null) {
      h.createUpdate("UPDATE channels SET last_error = NULL, next_poll_at = :next WHERE id = :id")
          .bind("next", next == null ? null : next.toEpochMilli())
          .bind("id", id.value())
          .execute();
    } else {
      recordFailure(h, id, error, at, next);
    }
  }

  /** Every connected channel, in every workspace. */
  public List<Channel> connected(Handle h) {
    return h.createQuery("SELECT * FROM channels WHERE disconnected_at IS NULL ORDER BY id")
        .map(CHANNEL)
        .list();
  }

  /** Replaces a channel's non-secret settings. */
  public void updateSettings(Handle h, ChannelId id, Map<String, String> settings) {
    h.createUpdate("UPDATE channels SET settings = :s WHERE id = :id")
        .bind("s", json(settings))
        .bind("id", id.value())
        .execute();
  }

  public void disconnect(Handle h, ChannelId id, Instant at) {
    h.createUpdate(
            "UPDATE channels SET disconnected_at = :at, secret = NULL, next_poll_at = NULL WHERE"
                + " id = :id")
        .bind("at", at.toEpochMilli())
        .bind("id", id.value())
        .execute();
  }

  /** A channel's items, newest first. */
  public List<StoredItem> items(
      Handle h, WorkspaceId ws, ChannelId id, String beforeId, int limit) {
    return h.createQuery(
            "SELECT * FROM inbound_items WHERE workspace_id = :ws AND channel_id = :ch"
                + (beforeId == null ? "" : " AND id < :before")
                + " ORDER BY id DESC LIMIT :n")
        .bind("ws", ws.value())
        .bind("ch", id.value())
        .bind("before", beforeId)
        .bind("n", limit)
        .map(ITEM)
        .list();
  }
}
