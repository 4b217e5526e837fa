package dev.chorus.core.listening;

import dev.chorus.core.channel.ChannelStore;
import dev.chorus.core.channel.InboundItem;
import dev.chorus.core.member.Actor;
import dev.chorus.core.store.Database;
import dev.chorus.listen.match.Post;
import dev.chorus.listen.match.QueryMatcher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a query would have matched among what the workspace's channels heard recently: counts and
 * the newest matches. Nothing is stored.
 */
public final class PreviewQuery {
  /** The most recent items scanned per preview, to keep it interactive. */
  public static final int MAX_SCANNED = 20_000;

  public static final int SAMPLES = 10;

  /** What the query found: matches among scanned items in the window, and the newest matches. */
  public record Preview(
      int matched, int scanned, Duration window, List<ChannelStore.StoredItem> samples) {}

  private final Database db;
  private final QueryCheck check;
  private final Clock clock;

  public PreviewQuery(Database db, QueryCheck check, Clock clock) {
    this.db = db;
    this.check = check;
    this.clock = clock;
  }

  /**
   * @throws dev.chorus.core.error.Invalid on {@code query} when the text does not parse
   */
  public Preview preview(Actor actor, String text, List<String> sources, Duration window) {
    QueryMatcher matcher = new QueryMatcher();
    matcher.add("q", check.parse(text));
    Instant since = clock.instant().minus(window);
    List<ChannelStore.StoredItem> items =
        db.read(
            h ->
                h.createQuery(
                        "SELECT i.*, c.network AS channel_network FROM inbound_items i JOIN channels c"
                            + " ON c.id = i.channel_id WHERE i.workspace_id = :ws AND i.received_at"
                            + " >= :since ORDER BY i.id DESC LIMIT :n")
                    .bind("ws", actor.workspace().id().value())
                    .bind("since", since.toEpochMilli())
                    .bind("n", MAX_SCANNED)
                    .map(ChannelStore.ITEM)
                    .list());
    int matched = 0;
    int scanned = 0;
    List<ChannelStore.StoredItem> samples = new ArrayList<>();
    for (ChannelStore.StoredItem s : items) {
      if (!sources.isEmpty() && !sources.contains(s.channelId())) continue;
      scanned++;
      if (!matcher.match(post(s.item())).matches().isEmpty()) {
        matched++;
        if (samples.size() < SAMPLES) samples.add(s);
      }
    }
    return new Preview(matched, scanned, window, samples);
  }

  /** The listening engine's view of an item, with the language the network gave. */
  public static Post post(InboundItem i) {
    return post(i, i.language());
  }

  /** The listening engine's view of an item, with {@code language} for {@code lang:}. */
  public static Post post(InboundItem i, String language) {
    return new Post(
        cap(i.text(), Post.MAX_TEXT),
        cap(i.title() == null ? "" : i.title(), Post.MAX_TITLE),
        cap(i.authorHandle() == null ? "" : i.authorHandle(), Post.MAX_FIELD),
        cap(language == null ? "" : language, Post.MAX_FIELD),
        i.network().key(),
        cap(i.ref().url() == null ? "" : i.ref().url(), Post.MAX_FIELD),
        Post.UNKNOWN_FOLLOWERS);
  }

  private static String cap(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
