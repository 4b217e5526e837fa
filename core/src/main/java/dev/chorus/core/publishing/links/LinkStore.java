package dev.chorus.core.publishing.links;

import dev.chorus.core.channel.ChannelId;
import dev.chorus.core.channel.Network;
import dev.chorus.core.publishing.PostId;
import dev.chorus.core.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The tables of tracked links: the workspace's settings, the links of sent posts and their daily
 * counters. Every statement is portable between SQLite and PostgreSQL. Nothing about a visitor is
 * stored but a count.
 */
public final class LinkStore {
  /** A link as it was sent. */
  public record Link(
      String code,
      WorkspaceId workspaceId,
      PostId postId,
      String deliveryId,
      ChannelId channelId,
      int position,
      String originalUrl,
      String targetUrl) {}

  /** A link's counts over some days, with the channel it went out on. */
  public record LinkCount(
      String code,
      PostId postId,
      ChannelId channelId,
      String channelName,
      Network network,
      String originalUrl,
      long clicks,
      long botHits) {}

  /** A channel's counts over some days. */
  public record ChannelCount(
      ChannelId channelId,
      String channelName,
      Network network,
      long links,
      long clicks,
      long botHits) {}

  private static final RowMapper<LinkCount> COUNT =
      (rs, ctx) ->
          new LinkCount(
              rs.getString("code"),
              new PostId(rs.getString("post_id")),
              new ChannelId(rs.getString("channel_id")),
              rs.getString("channel_name"),
              Network.parse("network", rs.getString("network")),
              rs.getString("original_url"),
              rs.getLong("clicks"),
              rs.getLong("bot_hits"));

  /** The workspace's settings ({@link LinkSettings#standard()} when it chose none). */
  public LinkSettings settings(Handle h, WorkspaceId ws) {
    return h.createQuery(
            "SELECT tracking, utm_campaign FROM link_settings WHERE workspace_id = :ws")
        .bind("ws", ws.value())
        .map((rs, ctx) -> new LinkSettings("on".equals(rs.getString(1)), rs.getString(2)))
        .findOne()
        .orElse(LinkSettings.standard());
  }

  public void saveSettings(Handle h, WorkspaceId ws, LinkSettings s, Instant now) {
    h.createUpdate(
            "INSERT INTO link_settings (workspace_id, tracking, utm_campaign, updated_at) VALUES"
                + " (:ws, :tracking, :campaign, :now) ON CONFLICT (workspace_id) DO UPDATE SET"
                + " tracking = excluded.tracking, utm_campaign = excluded.utm_campaign,"
                + " updated_at = excluded.updated_at")
        .bind("ws", ws.value())
        .bind("tracking", s.tracking() ? "on" : "off")
        .bind("campaign", s.utmCampaign())
        .bind("now", now.toEpochMilli())
        .execute();
  }

  /**
   * Stores {@code link} unless its code is stored already (a retry of the same delivery derives the
   * same code for the same link, and the first row stays).
   */
  public void insert(Handle h, Link link, Instant now) {
    h.createUpdate(
            "INSERT INTO tracked_links (code, workspace_id, post_id, delivery_id, channel_id,"
                + " position, original_url, target_url, created_at) VALUES (:code, :ws, :post,"
                + " :delivery, :channel, :position, :original, :target, :now) ON CONFLICT (code)"
                + " DO NOTHING")
        .bind("code", link.code())
        .bind("ws", link.workspaceId().value())
        .bind("post", link.postId().value())
        .bind("delivery", link.deliveryId())
        .bind("channel", link.channelId().value())
        .bind("position", link.position())
        .bind("original", link.originalUrl())
        .bind("target", link.targetUrl())
        .bind("now", now.toEpochMilli())
        .execute();
  }

  /** Where {@code code} leads, if it is a stored code. */
  public Optional<String> target(Handle h, String code) {
    return h.createQuery("SELECT target_url FROM tracked_links WHERE code = :code")
        .bind("code", code)
        .mapTo(String.class)
        .findOne();
  }

  /** Counts one visit on {@code day} (days since the epoch, UTC): a click, or a bot hit. */
  public void count(Handle h, String code, long day, boolean machine) {
    h.createUpdate(
            "INSERT INTO link_clicks (code, day, clicks, bot_hits) VALUES (:code, :day, :c, :b) ON"
                + " CONFLICT (code, day) DO UPDATE SET clicks = link_clicks.clicks +"
                + " excluded.clicks, bot_hits = link_clicks.bot_hits + excluded.bot_hits")
        .bind("code", code)
        .bind("day", day)
        .bind("c", machine ? 0 : 1)
        .bind("b", machine ? 1 : 0)
        .execute();
  }

  /** Every link of a post, with its counts of all time, by channel name then position. */
  public List<LinkCount> ofPost(Handle h, WorkspaceId ws, PostId post) {
    return h.createQuery(
            "SELECT l.code, l.post_id, l.channel_id, c.name AS channel_name, c.network,"
                + " l.original_url, COALESCE(SUM(k.clicks), 0) AS clicks, COALESCE(SUM(k.bot_hits),"
                + " 0) AS bot_hits FROM tracked_links l JOIN channels c ON c.id = l.channel_id LEFT"
                + " JOIN link_clicks k ON k.code = l.code WHERE l.workspace_id = :ws AND l.post_id"
                + " = :post GROUP BY l.code, l.post_id, l.channel_id, c.name, c.network,"
                + " l.original_url, l.position ORDER BY c.name, l.channel_id, l.position")
        .bind("ws", ws.value())
        .bind("post", post.value())
        .map(COUNT)
        .list();
  }

  /** The workspace's most clicked links from {@code sinceDay} on, at most {@code limit}. */
  public List<LinkCount> top(Handle h, WorkspaceId ws, long sinceDay, int limit) {
    return h.createQuery(
            "SELECT l.code, l.post_id, l.channel_id, c.name AS channel_name, c.network,"
                + " l.original_url, SUM(k.clicks) AS clicks, SUM(k.bot_hits) AS bot_hits FROM"
                + " link_clicks k JOIN tracked_links l ON l.code = k.code JOIN channels c ON c.id ="
                + " l.channel_id WHERE l.workspace_id = :ws AND k.day >= :since GROUP BY l.code,"
                + " l.post_id, l.channel_id, c.name, c.network, l.original_url ORDER BY clicks"
                + " DESC, bot_hits DESC, l.code LIMIT :limit")
        .bind("ws", ws.value())
        .bind("since", sinceDay)
        .bind("limit", limit)
        .map(COUNT)
        .list();
  }

  /** Clicks per channel from {@code sinceDay} on, most clicked first. */
  public List<ChannelCount> byChannel(Handle h, WorkspaceId ws, long sinceDay) {
    return h.createQuery(
            "SELECT c.id, c.name, c.network, COUNT(DISTINCT l.code) AS links, SUM(k.clicks) AS"
                + " clicks, SUM(k.bot_hits) AS bot_hits FROM link_clicks k JOIN tracked_links l ON"
                + " l.code = k.code JOIN channels c ON c.id = l.channel_id WHERE l.workspace_id ="
                + " :ws AND k.day >= :since GROUP BY c.id, c.name, c.network ORDER BY clicks DESC,"
                + " c.name")
        .bind("ws", ws.value())
        .bind("since", sinceDay)
        .map(
            (rs, ctx) ->
                new ChannelCount(
                    new ChannelId(rs.getString("id")),
                    rs.getString("name"),
                    Network.parse("network", rs.getString("network")),
                    rs.getLong("links"),
                    rs.getLong("clicks"),
                    rs.getLong("bot_hits")))
        .list();
  }
}
