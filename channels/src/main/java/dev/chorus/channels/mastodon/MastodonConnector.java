package dev.chorus.channels.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorus.channels.net.SafeHttp;
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
import dev.chorus.core.channel.Streams;
import dev.chorus.core.channel.StreamsSources;
import dev.chorus.core.error.Invalid;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jsoup.Jsoup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Mastodon account on one instance, reached with an OAuth access token (see {@link
 * MastodonOAuth}). Publishes statuses and threads, reads notifications (mention, reply, boost,
 * favourite, follow, quote) forward from a cursor, reads hashtag timelines and search as listening
 * sources, streams notifications and hashtags over WebSocket, and reads the profile, the follower
 * count and the counts of posts. Every call goes through {@link SafeHttp}; failures are {@link
 * ChannelFailure}s with Mastodon's reason. Thread-safe; the instance's limits are read once and
 * kept.
 */
public final class MastodonConnector
    implements Publishes,
        ReadsMentions,
        Streams,
        ReadsProfile,
        ReadsPostMetrics,
        ReadsFollowers,
        ListensTo,
        StreamsSources {
  private static final Logger LOG = LoggerFactory.getLogger(MastodonConnector.class);

  /** Mastodon's defaults, used only while the instance cannot be asked. */
  static final ChannelLimits DEFAULT_LIMITS = new ChannelLimits(500, false, 23, 4, 16L << 20, 1500);

  private final MastodonClient api;
  private final SafeHttp http;
  private final String token;
  private final MastodonTimings timings;
  private final MastodonItems items;
  private final PublishStatus publisher;
  private final MastodonMetrics metrics;
  private final AtomicReference<JsonNode> instance = new AtomicReference<>();

  /** With {@link MastodonTimings#standard()}. */
  public MastodonConnector(URI instance, String accessToken, SafeHttp http) {
    this(instance, accessToken, http, MastodonTimings.standard(), Clock.systemUTC());
  }

  /**
   * @param instance the instance's address, as {@code https://mastodon.example}
   */
  public MastodonConnector(
      URI instance, String accessToken, SafeHttp http, MastodonTimings timings, Clock clock) {
    if (accessToken == null || accessToken.isBlank()) {
      throw new IllegalArgumentException("accessToken is blank");
    }
    this.api = new MastodonClient(instance, accessToken, http, clock, timings.maxRateLimitWait());
    this.http = http;
    this.token = accessToken;
    this.timings = timings;
    this.items = new MastodonItems(api.host());
    this.publisher = new PublishStatus(api, this::limits, timings);
    this.metrics = new MastodonMetrics(api);
  }

  @Override
  public Network network() {
    return Network.MASTODON;
  }

  /**
   * The instance's limits from {@code /api/v2/instance}: {@code configuration.statuses}
   * (max_characters, max_media_attachments, characters_reserved_per_url) and {@code
   * configuration.media_attachments} (image_size_limit, description_limit). While the instance
   * cannot be asked, Mastodon's defaults (500 characters, 4 attachments, 16 MB, 1500 characters of
   * alt text) are answered and the instance is asked again next time.
   */
  @Override
  public ChannelLimits limits() {
    JsonNode i;
    try {
      i = instance();
    } catch (ChannelFailure f) {
      LOG.warn(
          "cannot read the limits of {}, using Mastodon's defaults: {}",
          api.host(),
          f.getMessage());
      return DEFAULT_LIMITS;
    }
    JsonNode statuses = i.path("configuration").path("statuses");
    JsonNode media = i.path("configuration").path("media_attachments");
    return new ChannelLimits(
        positive(statuses.path("max_characters"), DEFAULT_LIMITS.maxLength()),
        false,
        positive(statuses.path("characters_reserved_per_url"), DEFAULT_LIMITS.urlLength()),
        positive(statuses.path("max_media_attachments"), DEFAULT_LIMITS.maxMedia()),
        media.path("image_size_limit").canConvertToLong()
                && media.path("image_size_limit").asLong() > 0
            ? media.path("image_size_limit").asLong()
            : DEFAULT_LIMITS.maxMediaBytes(),
        positive(media.path("description_limit"), DEFAULT_LIMITS.maxAltText()));
  }

  /**
   * Posts a status ({@code POST /api/v1/statuses}) with its attachments, visibility (public,
   * unlisted, private for followers only, direct), content warning ({@code spoiler_text}), language
   * and {@code in_reply_to_id}. The same {@code idempotencyKey} within an hour returns the first
   * status instead of posting again, so passing failures are retried.
   *
   * @throws ChannelFailure with Mastodon's reason, e.g. "Validation failed: Text character limit of
   *     500 exceeded"
   */
  @Override
  public RemoteRef publish(OutgoingPost post, String idempotencyKey) {
    return publisher.publish(post, idempotencyKey);
  }

  /**
   * Publishes a thread: each part replies to the previous one. Part {@code i} uses the key {@code
   * keyPrefix + "/" + i}, so calling again with the same prefix after a failure (within Mastodon's
   * hour) finishes the thread without repeating a part.
   *
   * @return the parts' references, in order
   */
  public List<RemoteRef> publishThread(List<OutgoingPost> parts, String keyPrefix) {
    return publisher.publishThread(parts, keyPrefix);
  }

  /**
   * Notifications after {@code cursor} (a notification id; null for the newest page), oldest first:
   * mentions and replies (named by their status), quotes, boosts, favourites and follows.
   */
  @Override
  public Batch readSince(String cursor) {
    ReadForward.Result r =
        ReadForward.read(
            cursor,
            minId ->
                api.get(
                    "/api/v1/notifications?"
                        + NOTIFICATION_TYPES
                        + "&limit="
                        + ReadForward.PAGE
                        + (minId == null ? "" : "&min_id=" + MastodonClient.enc(minId)),
                    "reading notifications"),
            json -> json);
    List<InboundItem> out = new ArrayList<>();
    for (JsonNode n : r.entries()) items.notification(n).ifPresent(out::add);
    return new Batch(out, r.cursor());
  }

  private static final String NOTIFICATION_TYPES =
      String.join(
          "&",
          List.of("mention", "reblog", "favourite", "follow", "quote").stream()
              .map(t -> MastodonClient.enc("types[]") + "=" + t)
              .toList());

  /**
   * Public statuses with {@code #hashtag} ({@code GET /api/v1/timelines/tag/:hashtag}) after {@code
   * cursor} (a status id; null for the newest page), oldest first, as a listening source.
   */
  public Batch readHashtag(String hashtag, String cursor) {
    String tag = hashtag(hashtag);
    ReadForward.Result r =
        ReadForward.read(
            cursor,
            minId ->
                api.get(
                    "/api/v1/timelines/tag/"
                        + MastodonClient.enc(tag)
                        + "?limit="
                        + ReadForward.PAGE
                        + (minId == null ? "" : "&min_id=" + MastodonClient.enc(minId)),
                    "reading #" + tag),
            json -> json);
    return new Batch(r.entries().stream().map(items::post).toList(), r.cursor());
  }

  /**
   * Statuses matching {@code query} ({@code GET /api/v2/search?type=statuses}) after {@code
   * cursor}, oldest first, as a listening source. What search finds depends on the instance: many
   * only search posts the account has interacted with, or opted-in posts.
   */
  public Batch search(String query, String cursor) {
    if (query == null || query.isBlank()) throw new Invalid("query", "enter something to search");
    ReadForward.Result r =
        ReadForward.read(
            cursor,
            minId ->
                api.get(
                    "/api/v2/search?type=statuses&resolve=false&q="
                        + MastodonClient.enc(query.strip())
                        + "&limit="
                        + ReadForward.PAGE
                        + (minId == null ? "" : "&min_id=" + MastodonClient.enc(minId)),
                    "searching"),
            json -> json.path("statuses"));
    return new Batch(r.entries().stream().map(items::post).toList(), r.cursor());
  }

  /** The account behind the token ({@code GET /api/v1/accounts/verify_credentials}). */
  @Override
  public Profile profile() {
    JsonNode a = api.get("/api/v1/accounts/verify_credentials", "reading the profile").json();
    Set<String> links = new LinkedHashSet<>();
    String url = MastodonItems.text(a, "url");
    if (url != null) links.add(url);
    hrefs(a.path("note").asText(""), links);
    for (JsonNode f : a.path("fields")) hrefs(f.path("value").asText(""), links);
    String display = MastodonItems.text(a, "display_name");
    return new Profile(
        items.handle(a),
        display == null || display.isBlank() ? MastodonItems.text(a, "username") : display,
        MastodonItems.plain(a.path("note").asText("")),
        List.copyOf(links),
        MastodonItems.text(a, "avatar"),
        a.path("followers_count").canConvertToLong() ? a.path("followers_count").asLong() : -1);
  }

  /** {@code followers_count} of the account behind the token ({@code verify_credentials}). */
  @Override
  public long followers() {
    JsonNode a =
        api.get("/api/v1/accounts/verify_credentials", "reading the follower count").json();
    JsonNode n = a.path("followers_count");
    if (!n.isIntegralNumber() || n.asLong() < 0) {
      throw new ChannelFailure(
          api.host() + " did not say how many followers the account has", false, null, 200, null);
    }
    return n.asLong();
  }

  /**
   * Favourites, boosts, replies and quotes of each post ({@code GET /api/v1/statuses/:id}); see
   * {@link ReadsPostMetrics#metrics(List)} for what a failure does.
   */
  @Override
  public Map<RemoteRef, Outcome> metrics(List<RemoteRef> posts) {
    return metrics.read(posts);
  }

  /**
   * Streams notifications ({@code stream=user:notification}). After every (re)connection the
   * notifications since the last cursor are read first, so nothing said while disconnected is lost;
   * {@code onCursor} receives each notification id once its item was handed over.
   */
  @Override
  public AutoCloseable stream(
      String cursor, Consumer<InboundItem> onItem, Consumer<String> onCursor) {
    return new MastodonStream(
            streamingBase(),
            "stream=user:notification",
            token,
            http,
            timings,
            MastodonStream.Handler.notifications(items, this::readSince, cursor, onItem, onCursor))
        .start();
  }

  /** Hashtag timelines and searches. */
  @Override
  public Set<Source.Kind> readableSources() {
    return Set.of(Source.Kind.HASHTAG, Source.Kind.SEARCH);
  }

  /** {@link #readHashtag} or {@link #search}, from the source's own cursor (a status id). */
  @Override
  public Batch read(Source source, String cursor) {
    return switch (source.kind()) {
      case HASHTAG -> readHashtag(source.value(), cursor);
      case SEARCH -> search(source.value(), cursor);
      default ->
          throw new IllegalArgumentException(
              "Mastodon cannot read " + source.key() + " as a source");
    };
  }

  /** The user stream (notifications) and hashtag streams. */
  @Override
  public Set<Source.Kind> streamableSources() {
    return Set.of(Source.Kind.MENTIONS, Source.Kind.HASHTAG);
  }

  /**
   * Mentions as {@link #stream(String, Consumer, Consumer)}; a hashtag's new public statuses
   * ({@code stream=hashtag&tag=...}) caught up like notifications: with no cursor the stream starts
   * now, and after every (re)connection the hashtag's timeline since the cursor (a status id) is
   * read first.
   */
  @Override
  public AutoCloseable stream(
      Source source, String cursor, Consumer<InboundItem> onItem, Consumer<String> onCursor) {
    switch (source.kind()) {
      case MENTIONS:
        return stream(cursor, onItem, onCursor);
      case HASHTAG:
        String tag = hashtag(source.value());
        return new MastodonStream(
                streamingBase(),
                "stream=hashtag&tag=" + MastodonClient.enc(tag),
                token,
                http,
                timings,
                MastodonStream.Handler.hashtag(
                    items, c -> readHashtag(tag, c), cursor, onItem, onCursor))
            .start();
      default:
        throw new IllegalArgumentException("Mastodon cannot stream " + source.key());
    }
  }

  /** Streams new public statuses with {@code #hashtag} ({@code stream=hashtag&tag=...}). */
  public AutoCloseable streamHashtag(String hashtag, Consumer<InboundItem> onItem) {
    String tag = hashtag(hashtag);
    return new MastodonStream(
            streamingBase(),
            "stream=hashtag&tag=" + MastodonClient.enc(tag),
            token,
            http,
            timings,
            MastodonStream.Handler.statuses(items, onItem))
        .start();
  }

  /** The streaming server: the instance's {@code configuration.urls.streaming}, else itself. */
  private URI streamingBase() {
    String configured = null;
    try {
      configured = MastodonItems.text(instance().path("configuration").path("urls"), "streaming");
    } catch (ChannelFailure f) {
      LOG.info(
          "cannot read {}'s streaming address, trying the instance: {}",
          api.host(),
          f.getMessage());
    }
    URI base = api.base();
    if (configured != null && !configured.isBlank()) {
      try {
        base = URI.create(configured.strip());
      } catch (IllegalArgumentException e) {
        LOG.info("{} names an unusable streaming address; using the instance", api.host());
      }
    }
    String scheme = base.getScheme() == null ? "https" : base.getScheme();
    String ws = scheme.equals("http") || scheme.equals("ws") ? "ws" : "wss";
    return URI.create(ws + "://" + base.getRawAuthority() + "/api/v1/streaming");
  }

  private JsonNode instance() {
    JsonNode cached = instance.get();
    if (cached != null) return cached;
    JsonNode fresh = api.get("/api/v2/instance", "reading the instance's limits").json();
    if (!fresh.isObject()) {
      throw new ChannelFailure(
          api.host() + " does not describe itself as a Mastodon instance", false, null, 200, null);
    }
    instance.compareAndSet(null, fresh);
    return fresh;
  }

  private static String hashtag(String hashtag) {
    String tag = hashtag == null ? "" : hashtag.strip();
    if (tag.startsWith("#")) tag = tag.substring(1);
    if (!tag.matches("[\\p{L}\\p{N}_]{1,100}")) {
      throw new Invalid("hashtag", "a hashtag is letters, digits and _, as in #chorus");
    }
    return tag;
  }

  private static void hrefs(String html, Set<String> into) {
    if (html.isEmpty()) return;
    Jsoup.parseBodyFragment(html)
        .select("a[href]")
        .forEach(
            a -> {
              // Mentions and hashtags in a bio are links too, but not the account's own.
              if (a.hasClass("mention") || a.hasClass("hashtag")) return;
              String href = a.attr("href");
              if (href.startsWith("https://") || href.startsWith("http://")) into.add(href);
            });
  }

  private static int positive(JsonNode n, int fallback) {
    return n.canConvertToInt() && n.asInt() > 0 ? n.asInt() : fallback;
  }
}
