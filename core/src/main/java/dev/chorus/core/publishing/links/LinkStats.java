package dev.chorus.core.publishing.links;

import dev.chorus.core.channel.ChannelId;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.error.NotFound;
import dev.chorus.core.publishing.PostId;
import dev.chorus.core.store.Database;
import dev.chorus.core.workspace.WorkspaceId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What tracked links counted: per post (per link and per channel) and per workspace. */
public final class LinkStats {
  /** A post's links and their counts of all time, and the same summed per channel. */
  public record PostClicks(
      PostId post,
      List<LinkStore.LinkCount> links,
      List<LinkStore.ChannelCount> byChannel,
      long clicks,
      long botHits) {}

  /** A workspace's counts over the last {@code days} days (today included). */
  public record WorkspaceClicks(
      int days,
      LinkSettings settings,
      List<LinkStore.LinkCount> top,
      List<LinkStore.ChannelCount> byChannel,
      long clicks,
      long botHits) {}

  private final Database db;
  private final LinkStore store;
  private final Clock clock;

  public LinkStats(Database db, LinkStore store, Clock clock) {
    this.db = db;
    this.store = store;
    this.clock = clock;
  }

  /**
   * The clicks on a post's links.
   *
   * @throws NotFound when the post is not the workspace's
   */
  public PostClicks ofPost(WorkspaceId ws, PostId post) {
    return db.read(
        h -> {
          boolean exists =
              h.createQuery("SELECT COUNT(*) FROM posts WHERE id = :id AND workspace_id = :ws")
                      .bind("id", post.value())
                      .bind("ws", ws.value())
                      .mapTo(Long.class)
                      .one()
                  > 0;
          if (!exists) throw new NotFound("No such post in this workspace.");
          List<LinkStore.LinkCount> links = store.ofPost(h, ws, post);
          Map<ChannelId, long[]> sums = new LinkedHashMap<>();
          Map<ChannelId, LinkStore.LinkCount> first = new LinkedHashMap<>();
          long clicks = 0;
          long bots = 0;
          for (LinkStore.LinkCount l : links) {
            long[] s = sums.computeIfAbsent(l.channelId(), k -> new long[3]);
            s[0]++;
            s[1] += l.clicks();
            s[2] += l.botHits();
            first.putIfAbsent(l.channelId(), l);
            clicks += l.clicks();
            bots += l.botHits();
          }
          List<LinkStore.ChannelCount> byChannel = new ArrayList<>();
          for (var e : sums.entrySet()) {
            LinkStore.LinkCount l = first.get(e.getKey());
            long[] s = e.getValue();
            byChannel.add(
                new LinkStore.ChannelCount(
                    e.getKey(), l.channelName(), l.network(), s[0], s[1], s[2]));
          }
          return new PostClicks(post, links, byChannel, clicks, bots);
        });
  }

  /** The workspace's top links (at most 50) and clicks per channel over the last {@code days}. */
  public WorkspaceClicks ofWorkspace(WorkspaceId ws, int days) {
    if (days < 1 || days > 366) throw new Invalid("days", "days must be 1 to 366");
    long since = Math.floorDiv(clock.millis(), 86_400_000L) - (days - 1);
    return db.read(
        h -> {
          List<LinkStore.ChannelCount> byChannel = store.byChannel(h, ws, since);
          long clicks = byChannel.stream().mapToLong(LinkStore.ChannelCount::clicks).sum();
          long bots = byChannel.stream().mapToLong(LinkStore.ChannelCount::botHits).sum();
          return new WorkspaceClicks(
              days, store.settings(h, ws), store.top(h, ws, since, 50), byChannel, clicks, bots);
        });
  }
}
