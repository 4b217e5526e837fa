package dev.chorus.channels.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorus.core.channel.ChannelFailure;
import dev.chorus.core.channel.ChannelLimits;
import dev.chorus.core.channel.InboundItem;
import dev.chorus.core.channel.ListensTo;
import dev.chorus.core.channel.Network;
import dev.chorus.core.channel.OutgoingPost;
import dev.chorus.core.channel.Publishes;
import dev.chorus.core.channel.ReadsFollowers;
import dev.chorus.core.channel.ReadsMentions;
import dev.chorus.core.channel.ReadsPostMetrics;
import dev.chorus.core.channel.ReadsProfile;
import dev.chorus.core.channel.RemoteRef;
import dev.chorus.core.channel.Source;
import dev.chorus.core.channel.StreamsSources;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Bluesky account: publishes (facets, replies, quotes, images with alt text), deletes, reads
 * notifications as mentions, searches posts for listening, and reads the profile. Reads of {@code
 * app.bsky.*} go through the account's PDS to its AppView; a PDS without one answers with a clear
 * {@link ChannelFailure}. Thread-safe.
 */
public final class BlueskyConnector
    implements Publishes,
        ReadsMentions,
        ReadsProfile,
        ReadsPostMetrics,
        ReadsFollowers,
        ListensTo,
        StreamsSources {
  /**
   * 300 graphemes (the lexicon's maxGraphemes), 4 images of at most 1,000,000 bytes each
   * (app.bsky.embed.images), alt text up to 2000 characters (the Bluesky app's limit).
   */
  public static final ChannelLimits LIMITS = new ChannelLimits(300, true, -1, 4, 1_000_000, 2000);

  private static final int PAGE = 50;
  private static final int MAX_PAGES = 10;
  private static final Pattern LINK = Pattern.compile("https?://\\S+");

  private final BlueskySession session;
  private final PublishPost publisher;
  private final BlueskyMetrics metrics;
  // Set once, right after opening, by whoever knows the Jetstream to use; null: no firehose.
  private volatile JetstreamConsumer firehose;

  public BlueskyConnector(BlueskySession session, BlueskyDirectory directory, Clock clock) {
    this.session = session;
    this.publisher = new PublishPost(session, directory, LIMITS, clock);
    this.metrics = new BlueskyMetrics(session);
  }

  /**
   * The connector for a stored channel: {@code secret} is its opened credentials ({@link
   * BlueskySession.Credentials#toJson()}); {@code onRefresh} receives new credentials whenever the
   * tokens change, to be sealed and stored again (storing them is an optimisation: with the app
   * password the session can always sign in afresh).
   */
  public static BlueskyConnector open(
      BlueskyDirectory directory,
      String secret,
      Clock clock,
      java.util.function.Consumer<BlueskySession.Credentials> onRefresh) {
    BlueskySession.Credentials stored;
    try {
      stored = BlueskySession.Credentials.fromJson(secret);
    } catch (IllegalArgumentException e) {
      throw new ChannelFailure(
          "Bluesky: the stored credentials are unreadable; reconnect the channel",
          false,
          null,
          0,
          e);
    }
    return new BlueskyConnector(
        BlueskySession.resume(directory, stored, clock, onRefresh), directory, clock);
  }

  @Override
  public Network network() {
    return Network.BLUESKY;
  }

  @Override
  public ChannelLimits limits() {
    return LIMITS;
  }

  /**
   * Gives this connector Bluesky's firehose, for a channel that listens to it; returns this.
   *
   * @param jetstream a consumer of Jetstream's {@code app.bsky.feed.post} collection
   */
  public BlueskyConnector withFirehose(JetstreamConsumer jetstream) {
    this.firehose = jetstream;
    return this;
  }

  /** Searches ({@code app.bsky.feed.searchPosts}). */
  @Override
  public Set<Source.Kind> readableSources() {
    return Set.of(Source.Kind.SEARCH);
  }

  /** {@link #search} from the source's own cursor (the newest post's {@code indexedAt}). */
  @Override
  public Batch read(Source source, String cursor) {
    if (source.kind() != Source.Kind.SEARCH) {
      throw new IllegalArgumentException("Bluesky cannot read " + source.key() + " as a source");
    }
    return search(source.value(), cursor);
  }

  /** The firehose, when this connector was given one. */
  @Override
  public Set<Source.Kind> streamableSources() {
    return firehose == null ? Set.of() : Set.of(Source.Kind.FIREHOSE);
  }

  /**
   * The firehose through Jetstream, from a {@code time_us} cursor (null: the live edge); every
   * created post is handed over, and the caller keeps what its saved queries match.
   */
  @Override
  public AutoCloseable stream(
      Source source,
      String cursor,
      java.util.function.Consumer<InboundItem> onItem,
      java.util.function.Consumer<String> onCursor) {
    JetstreamConsumer j = firehose;
    if (source.kind() != Source.Kind.FIREHOSE || j == null) {
      throw new IllegalArgumentException("Bluesky cannot stream " + source.key() + " here");
    }
    return j.stream(cursor, onItem, onCursor);
  }

  /** The signed-in session (its credentials change when tokens are refreshed). */
  public BlueskySession session() {
    return session;
  }

  @Override
  public RemoteRef publish(OutgoingPost post, String idempotencyKey) {
    return publisher.publish(post, idempotencyKey, null);
  }

  /**
   * Publishes {@code post} quoting {@code quoted} (with images too, when it has some); idempotent
   * on {@code idempotencyKey} like {@link #publish(OutgoingPost, String)}.
   */
  public RemoteRef quote(OutgoingPost post, RemoteRef quoted, String idempotencyKey) {
    return publisher.publish(
        post, idempotencyKey, java.util.Objects.requireNonNull(quoted, "quoted"));
  }

  /** Deletes one of this account's posts; deleting a post already gone succeeds. */
  public void delete(RemoteRef post) {
    publisher.delete(post);
  }

  /**
   * Notifications (mentions, replies, quotes, reposts, likes, follows) newer than {@code cursor},
   * oldest first. The cursor is the newest notification's {@code indexedAt}; a read repeats the
   * notifications of exactly that instant, which the store drops as duplicates, so none is lost.
   */
  @Override
  public Batch readSince(String cursor) {
    Instant since = cursor == null ? null : BlueskyItems.instant(cursor, null);
    List<JsonNode> found = new ArrayList<>();
    String page = null;
    for (int i = 0; i < (since == null ? 1 : MAX_PAGES); i++) {
      Map<String, String> params = new HashMap<>();
      params.put("limit", Integer.toString(PAGE));
      params.put("cursor", page);
      JsonNode r =
          session
              .get("app.bsky.notification.listNotifications", params, "reading notifications")
              .orThrow("reading notifications");
      boolean older = false;
      for (JsonNode n : r.path("notifications")) {
        Instant at = BlueskyItems.instant(n.path("indexedAt").asText(null), Instant.EPOCH);
        if (since != null && at.isBefore(since)) {
          older = true;
          break;
        }
        found.add(n);
      }
      page = r.path("cursor").asText(null);
      if (older || page == null || r.path("notifications").isEmpty()) break;
    }
    return batch(found, cursor, true);
  }

  /**
   * Posts matching {@code query} ({@code app.bsky.feed.searchPosts}, newest first on the server)
   * indexed since {@code cursor}, oldest first, for a listening source. The cursor is the newest
   * post's {@code indexedAt}; null reads the most recent page.
   */
  public Batch search(String query, String cursor) {
    if (query == null || query.isBlank()) throw new IllegalArgumentException("query is blank");
    Map<String, String> params = new HashMap<>();
    params.put("q", query);
    params.put("sort", "latest");
    params.put("limit", Integer.toString(PAGE));
    params.put("since", cursor);
    JsonNode r =
        session
            .get("app.bsky.feed.searchPosts", params, "searching posts")
            .orThrow("searching posts");
    List<JsonNode> posts = new ArrayList<>();
    r.path("posts").forEach(posts::add);
    return batch(posts, cursor, false);
  }

  /**
   * The account's profile from the AppView ({@code app.bsky.actor.getProfile}, with followers);
   * from a PDS without one, the profile record itself, with followers -1.
   */
  @Override
  public Profile profile() {
    Xrpc.Reply r =
        session.get(
            "app.bsky.actor.getProfile", Map.of("actor", session.did()), "reading the profile");
    if (r.ok()) {
      JsonNode p = r.json();
      String bio = p.path("description").asText("");
      return new Profile(
          p.path("handle").asText(session.handle()),
          p.path("displayName").asText(""),
          bio,
          links(bio),
          p.path("avatar").asText(null),
          p.path("followersCount").asLong(-1));
    }
    if (!BlueskyErrors.noAppView(r.message())) throw r.failure("reading the profile");
    Xrpc.Reply own =
        session.get(
            "com.atproto.repo.getRecord",
            Map.of("repo", session.did(), "collection", "app.bsky.actor.profile", "rkey", "self"),
            "reading the profile");
    if ("RecordNotFound".equals(own.error())) {
      return new Profile(session.handle(), "", "", List.of(), null, -1);
    }
    JsonNode v = own.orThrow("reading the profile").path("value");
    String bio = v.path("description").asText("");
    String avatarCid = v.path("avatar").path("ref").path("$link").asText(null);
    String avatar =
        avatarCid == null
            ? null
            : session.pds().toString().replaceAll("/+$", "")
                + "/xrpc/com.atproto.sync.getBlob?did="
                + Xrpc.enc(session.did())
                + "&cid="
                + Xrpc.enc(avatarCid);
    return new Profile(
        session.handle(), v.path("displayName").asText(""), bio, links(bio), avatar, -1);
  }

  /**
   * Likes, reposts, replies and quotes of each post from the AppView ({@code
   * app.bsky.feed.getPosts}, 25 at a time); see {@link ReadsPostMetrics#metrics(List)} for what a
   * failure does. A PDS without an AppView fails every post with that reason.
   */
  @Override
  public Map<RemoteRef, Outcome> metrics(List<RemoteRef> posts) {
    return metrics.read(posts);
  }

  /**
   * {@code followersCount} from the AppView ({@code app.bsky.actor.getProfile}).
   *
   * @throws ChannelFailure when the PDS has no AppView (the repository alone does not know the
   *     followers) or the profile does not say
   */
  @Override
  public long followers() {
    JsonNode p =
        session
            .get(
                "app.bsky.actor.getProfile",
                Map.of("actor", session.did()),
                "reading the follower count")
            .orThrow("reading the follower count");
    JsonNode n = p.path("followersCount");
    if (!n.isIntegralNumber() || n.asLong() < 0) {
      throw new ChannelFailure(
          "Bluesky, reading the follower count: the profile does not say", false, null, 200, null);
    }
    return n.asLong();
  }

  private static Batch batch(List<JsonNode> newestFirst, String cursor, boolean notifications) {
    List<InboundItem> items = new ArrayList<>();
    String next = cursor;
    Instant newest = cursor == null ? null : BlueskyItems.instant(cursor, null);
    for (int i = newestFirst.size() - 1; i >= 0; i--) {
      JsonNode n = newestFirst.get(i);
      InboundItem item =
          notifications ? BlueskyItems.fromNotification(n) : BlueskyItems.fromPostView(n, "post");
      String indexed = n.path("indexedAt").asText(null);
      Instant at = BlueskyItems.instant(indexed, null);
      if (at != null && (newest == null || at.isAfter(newest))) {
        newest = at;
        next = indexed;
      }
      if (item != null) items.add(item);
    }
    return new Batch(items, next);
  }

  private static List<String> links(String bio) {
    List<String> out = new ArrayList<>();
    Matcher m = LINK.matcher(bio);
    while (m.find()) out.add(m.group().replaceAll("[.,;:!?)]+$", ""));
    return out;
  }
}
