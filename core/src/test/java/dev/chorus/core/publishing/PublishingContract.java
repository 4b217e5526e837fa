package dev.chorus.core.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.Core;
import dev.chorus.core.MutableClock;
import dev.chorus.core.account.SignInThrottle;
import dev.chorus.core.account.User;
import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.ChannelFailure;
import dev.chorus.core.channel.ChannelLimits;
import dev.chorus.core.channel.ConnectChannel;
import dev.chorus.core.channel.Connector;
import dev.chorus.core.channel.ConnectorFactory;
import dev.chorus.core.channel.Network;
import dev.chorus.core.channel.OutgoingPost;
import dev.chorus.core.channel.Publishes;
import dev.chorus.core.channel.RemoteRef;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.security.InstanceKey;
import dev.chorus.core.store.Database;
import dev.chorus.core.store.DatabaseUrl;
import dev.chorus.core.store.TestDatabases;
import dev.chorus.core.workspace.Workspace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scheduler's contract, run on SQLite and PostgreSQL: claims under a lease, lease expiry,
 * retries with backoff for passing failures only, failures told to the author, missed posts held or
 * sent on restart, and the same idempotency key on every attempt.
 */
abstract class PublishingContract {
  protected final MutableClock clock = MutableClock.atFixedStart();
  protected Database db;
  protected Core core;

  /**
   * Every publish call the fake network received: idempotency key, text, the remote id it replies
   * to ("" for none) and how many attachments it carried.
   */
  private final List<String[]> calls = new CopyOnWriteArrayList<>();

  /** What the fake network does with the next call: null to post, else a failure to throw. */
  private final ConcurrentLinkedQueue<ChannelFailure> failures = new ConcurrentLinkedQueue<>();

  /** Keys whose next call the network stores, then times out on (the answer never arrives). */
  private final Set<String> timeoutAfterStoring =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** Keys whose next call fails before anything is stored. */
  private final Set<String> failBeforeStoring = java.util.concurrent.ConcurrentHashMap.newKeySet();

  protected abstract DatabaseUrl freshDatabase();

  @BeforeEach
  void open() {
    db = TestDatabases.open(freshDatabase());
    core = core(clock);
  }

  private Core core(java.time.Clock c) {
    return new Core(
        db,
        c,
        SignInThrottle.Limits.defaults(),
        InstanceKey.fromBase64(java.util.Base64.getEncoder().encodeToString(new byte[32])),
        new Network());
  }

  @AfterEach
  void close() {
    core.publishScheduler.close();
    core.pipeline.close();
    db.close();
  }

  /** A network that posts (deduplicating by key, as Mastodon does) or fails as told. */
  private final class Network implements ConnectorFactory {
    private final Map<String, String> byKey = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public Connector open(Channel channel, String secret) {
      return new Publishes() {
        @Override
        public dev.chorus.core.channel.Network network() {
          return channel.network();
        }

        @Override
        public ChannelLimits limits() {
          return new ChannelLimits(500, false, 23, 4, 16L << 20, 1500);
        }

        @Override
        public RemoteRef publish(OutgoingPost post, String idempotencyKey) {
          calls.add(
              new String[] {
                idempotencyKey,
                post.text(),
                post.inReplyTo() == null ? "" : post.inReplyTo().id(),
                String.valueOf(post.media().size())
              });
          ChannelFailure f = failures.poll();
          if (f != null) throw f;
          if (failBeforeStoring.remove(idempotencyKey)) {
            throw new ChannelFailure("Service Unavailable", true, null, 503, null);
          }
          String id = byKey.computeIfAbsent(idempotencyKey, k -> "remote-" + byKey.size());
          if (timeoutAfterStoring.remove(idempotencyKey)) {
            throw new ChannelFailure("Timed out waiting for the answer", true, null, 0, null);
          }
          return new RemoteRef(id, "https://social.example/@us/" + id, null);
        }
      };
    }
  }

  private Actor owner;
  private Channel channel;

  private Actor owner() {
    if (owner == null) {
      User u =
          db.inTransaction(
              h -> core.createUser.create(h, "o@example.com", "Olu", "correct horse battery"));
      Workspace w = db.inTransaction(h -> core.createWorkspace.create(h, u, "Acme", "127.0.0.1"));
      owner = new Actor(u, w, Role.OWNER, "127.0.0.1");
    }
    return owner;
  }

  private Channel channel() {
    if (channel == null) channel = channel(dev.chorus.core.channel.Network.MASTODON, "Main");
    return channel;
  }

  private Channel channel(dev.chorus.core.channel.Network network, String name) {
    return core.connectChannel.connect(
        owner(),
        new ConnectChannel.Spec(
            network, name, "https://social.example/" + name, Map.of(), "{\"token\":\"t\"}", null));
  }

  private PostId schedule(String text, Instant due, Channel... channels) {
    List<SchedulePost.Variant> vs = new ArrayList<>();
    for (Channel c : channels) vs.add(new SchedulePost.Variant(c.id(), text, null));
    return db.inTransaction(
        h ->
            core.schedulePost.schedule(
                h, owner().workspace().id(), owner().user().id().value(), due, vs));
  }

  private PostId schedule(String text, Instant due) {
    return schedule(text, due, channel());
  }

  private int n;

  private List<Delivery> claim(int max, Duration lease) {
    Instant now = clock.instant();
    return db.inTransaction(
        h -> core.deliveries.claim(h, now, max, "test:" + ++n, now.plus(lease)));
  }

  private List<Delivery> claim() {
    return claim(10, Duration.ofMinutes(2));
  }

  private Map<String, Object> delivery(PostId post) {
    return db.read(
        h ->
            h.createQuery("SELECT * FROM deliveries WHERE post_id = :p")
                .bind("p", post.value())
                .mapToMap()
                .one());
  }

  private String postStatus(PostId post) {
    return db.read(
        h ->
            h.createQuery("SELECT status FROM posts WHERE id = :p")
                .bind("p", post.value())
                .mapTo(String.class)
                .one());
  }

  private List<Map<String, Object>> notices() {
    return db.read(
        h -> h.createQuery("SELECT * FROM post_notices ORDER BY created_at").mapToMap().list());
  }

  private static long millis(Object v) {
    return ((Number) v).longValue();
  }

  @Test
  void aDeliveryIsNotClaimedBeforeItsDueTime() {
    schedule("Launch day", clock.instant().plusSeconds(60));
    assertThat(claim()).isEmpty();
    clock.advance(Duration.ofSeconds(60));
    assertThat(claim()).hasSize(1);
  }

  @Test
  void aDueDeliveryIsPublishedOnceWithItsIdAsTheIdempotencyKey() {
    PostId post = schedule("Launch day", clock.instant());
    List<Delivery> claimed = claim();
    assertThat(claimed).hasSize(1);
    assertThat(postStatus(post)).isEqualTo("publishing");
    core.sendDelivery.send(claimed.get(0));
    assertThat(calls).hasSize(1);
    assertThat(calls.get(0)[0]).isEqualTo(claimed.get(0).id().value());
    assertThat(calls.get(0)[1]).isEqualTo("Launch day");
    Map<String, Object> d = delivery(post);
    assertThat(d.get("status")).isEqualTo("published");
    assertThat(d.get("remote_id")).isEqualTo("remote-0");
    assertThat(d.get("remote_url")).isEqualTo("https://social.example/@us/remote-0");
    assertThat(d.get("claimable_at")).isNull();
    assertThat(postStatus(post)).isEqualTo("published");
    assertThat(claim()).isEmpty();
  }

  @Test
  void aLeasedDeliveryIsNotClaimedAgainUntilTheLeaseRunsOutThenKeepsItsKey() {
    PostId post = schedule("Launch day", clock.instant());
    Delivery first = claim(10, Duration.ofSeconds(30)).get(0);
    clock.advance(Duration.ofSeconds(29));
    assertThat(claim()).as("still leased").isEmpty();
    clock.advance(Duration.ofSeconds(2));
    // The node that held it died mid-call: the delivery is claimed again, as the same delivery.
    Delivery second = claim().get(0);
    assertThat(second.id()).isEqualTo(first.id());
    assertThat(second.idempotencyKey()).isEqualTo(first.idempotencyKey());
    assertThat(second.attempts()).isEqualTo(2);
    assertThat(second.firstAttemptAt()).isEqualTo(first.firstAttemptAt());
    // The first holder's late answer cannot settle what it no longer holds.
    boolean lateAnswerRecorded =
        db.inTransaction(h -> core.deliveries.published(h, first, ref("late"), clock.instant()));
    assertThat(lateAnswerRecorded).isFalse();
    core.sendDelivery.send(second);
    assertThat(delivery(post).get("status")).isEqualTo("published");
    assertThat(calls).extracting(c -> c[0]).containsExactly(first.idempotencyKey());
  }

  /** A three-part thread drafted in the composer and scheduled now, on the test's channel. */
  private PostId thread() {
    PostId post =
        core.drafts.create(
            owner(),
            new Draft(
                List.of("One.", "Two.", "Three."),
                null,
                List.of(Draft.Variant.base(channel().id()))));
    core.postMedia.attach(
        owner(), post, null, 1, "image/png", new byte[] {1, 2, 3}, "A chart going up");
    core.scheduleDraft.schedule(owner(), post, clock.instant().plusSeconds(60), "UTC");
    clock.advance(Duration.ofSeconds(60));
    return post;
  }

  private List<Map<String, Object>> parts(PostId post) {
    return db.read(
        h ->
            h.createQuery(
                    "SELECT dp.* FROM delivery_parts dp JOIN deliveries d ON d.id = dp.delivery_id"
                        + " WHERE d.post_id = :p ORDER BY dp.position")
                .bind("p", post.value())
                .mapToMap()
                .list());
  }

  @Test
  void aThreadInterruptedAfterItsFirstPartResumesWithoutSendingThatPartAgain() {
    PostId post = thread();
    Delivery d = claim().get(0);
    assertThat(d.parts()).isEqualTo(3);
    failBeforeStoring.add(d.idempotencyKey(1));
    core.sendDelivery.send(d);
    // Part 1 is on the network and recorded; part 2 failed, so the delivery waits for a retry.
    assertThat(delivery(post).get("status")).isEqualTo("scheduled");
    assertThat(delivery(post).get("last_error")).isEqualTo("Part 2 of 3: Service Unavailable");
    assertThat(parts(post))
        .extracting(p -> p.get("remote_id"))
        .containsExactly("remote-0", null, null);
    clock.advance(Duration.ofMinutes(10));
    core.sendDelivery.send(claim().get(0));
    assertThat(delivery(post).get("status")).isEqualTo("published");
    assertThat(delivery(post).get("remote_id")).isEqualTo("remote-0");
    assertThat(calls)
        .extracting(c -> c[0])
        .containsExactly(
            d.idempotencyKey(0), d.idempotencyKey(1), d.idempotencyKey(1), d.idempotencyKey(2));
    // Each part answers the one before; the image went with the second part only.
    assertThat(calls.get(2)).containsExactly(d.idempotencyKey(1), "Two.", "remote-0", "1");
    assertThat(calls.get(3)).containsExactly(d.idempotencyKey(2), "Three.", "remote-1", "0");
    assertThat(parts(post))
        .extracting(p -> p.get("remote_id"))
        .containsExactly("remote-0", "remote-1", "remote-2");
    assertThat(postStatus(post)).isEqualTo("published");
  }

  @Test
  void aThreadPartTheNetworkTookButNeverAnsweredIsNotPostedTwice() {
    PostId post = thread();
    Delivery d = claim().get(0);
    timeoutAfterStoring.add(d.idempotencyKey(1));
    core.sendDelivery.send(d);
    clock.advance(Duration.ofMinutes(10));
    core.sendDelivery.send(claim().get(0));
    assertThat(delivery(post).get("status")).isEqualTo("published");
    // The retry sent part 2 again with its key, and the network answered with the post it had.
    assertThat(parts(post))
        .extracting(p -> p.get("remote_id"))
        .containsExactly("remote-0", "remote-1", "remote-2");
    assertThat(calls).extracting(c -> c[2]).containsExactly("", "remote-0", "remote-0", "remote-1");
  }

  @Test
  void aDraftKeepsItsVariantsPartsAndAttachmentsAcrossSaves() {
    Channel a = channel();
    Channel b = channel(dev.chorus.core.channel.Network.MASTODON, "Second");
    PostId post =
        core.drafts.create(
            owner(),
            new Draft(
                List.of("Base one.", " ", "Base two."),
                "spoilers",
                List.of(
                    Draft.Variant.base(a.id()),
                    new Draft.Variant(b.id(), true, List.of("Tailored."), "cw b"))));
    String image =
        core.postMedia.attach(owner(), post, b.id(), 0, "image/png", new byte[] {9}, "Alt");
    PostDetail d = core.drafts.find(owner(), post);
    assertThat(d.status()).isEqualTo("draft");
    assertThat(d.draft().parts()).containsExactly("Base one.", "Base two.");
    assertThat(d.draft().contentWarning()).isEqualTo("spoilers");
    assertThat(d.draft().variants().get(1).parts()).containsExactly("Tailored.");
    assertThat(d.mediaOf(b.id(), 0)).extracting(PostDetail.Media::id).containsExactly(image);
    // Saving again keeps the tailored variant (and so its image); a dropped channel goes.
    core.drafts.update(
        owner(),
        post,
        new Draft(
            List.of("New base."),
            null,
            List.of(new Draft.Variant(b.id(), true, List.of("Tailored again."), null))));
    d = core.drafts.find(owner(), post);
    assertThat(d.draft().variants()).extracting(Draft.Variant::channel).containsExactly(b.id());
    assertThat(d.media()).extracting(PostDetail.Media::id).containsExactly(image);
    assertThat(core.postMedia.content(owner().workspace().id(), image).get().bytes())
        .containsExactly(9);
  }

  @Test
  void aTooLongVariantHoldsBackOnlyItsChannelWithTheCount() {
    Channel a = channel();
    Channel b = channel(dev.chorus.core.channel.Network.MASTODON, "Second");
    PostId post =
        core.drafts.create(
            owner(),
            new Draft(
                List.of("Fits."),
                null,
                List.of(
                    Draft.Variant.base(a.id()),
                    new Draft.Variant(b.id(), true, List.of("x".repeat(501)), null))));
    ScheduleDraft.Outcome o =
        core.scheduleDraft.schedule(owner(), post, clock.instant().plusSeconds(60), "UTC");
    assertThat(o.scheduled())
        .extracting(ValidatePost.ChannelCheck::channel)
        .containsExactly(a.id());
    assertThat(o.blocked()).hasSize(1);
    assertThat(o.blocked().get(0).counts()).containsExactly(501);
    assertThat(o.blocked().get(0).problems())
        .containsExactly("the post is 501 characters; Mastodon takes 500");
    assertThat(postStatus(post)).isEqualTo("scheduled");
    clock.advance(Duration.ofSeconds(60));
    assertThat(claim()).extracting(Delivery::channelId).containsExactly(a.id());
  }

  @Test
  void contributorsDraftButDoNotScheduleAndAltTextCanBeRequired() {
    Channel a = channel();
    User u =
        db.inTransaction(
            h -> core.createUser.create(h, "c@example.com", "Cai", "correct horse battery"));
    Actor contributor = new Actor(u, owner().workspace(), Role.CONTRIBUTOR, "127.0.0.1");
    PostId post =
        core.drafts.create(
            contributor, new Draft(List.of("Hi."), null, List.of(Draft.Variant.base(a.id()))));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                core.scheduleDraft.schedule(
                    contributor, post, clock.instant().plusSeconds(60), "UTC"))
        .isInstanceOf(dev.chorus.core.error.NotPermitted.class);
    core.postMedia.setRequireAltText(owner(), true);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                core.postMedia.attach(contributor, post, null, 0, "image/png", new byte[] {1}, " "))
        .isInstanceOf(dev.chorus.core.error.Invalid.class)
        .hasMessageContaining("requires alt text");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                core.postMedia.attach(
                    contributor, post, null, 0, "image/tiff", new byte[] {1}, "alt"))
        .isInstanceOf(dev.chorus.core.error.Invalid.class)
        .hasMessage("Main: Mastodon takes JPEG, PNG, WEBP, GIF, HEIC, AVIF images, not image/tiff");
    PostId bare =
        core.drafts.create(contributor, new Draft(List.of("No channel yet."), null, List.of()));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                core.postMedia.attach(
                    contributor, bare, null, 0, "text/html", new byte[] {'<'}, "alt"))
        .isInstanceOf(dev.chorus.core.error.Invalid.class)
        .hasMessage("choose a JPEG, PNG, WebP or GIF image, not text/html");
    assertThat(core.postMedia.requireAltText(owner().workspace().id())).isTrue();
    MissedPosts missed = db.read(h -> core.deliveries.missedPosts(h, owner().workspace().id()));
    assertThat(missed)
        .as("the setting's row keeps the missed-posts default")
        .isEqualTo(MissedPosts.SEND);
  }

  private static RemoteRef ref(String id) {
    return new RemoteRef(id, null, null);
  }

  @Test
  void theSameKeyIsSentOnEveryRetrySoTheNetworkKeepsOnePost() {
    PostId post = schedule("Launch day", clock.instant());
    // The network posted but its answer was lost (a 503 after the write).
    failures.add(new ChannelFailure("Service Unavailable", true, null, 503, null));
    core.sendDelivery.send(claim().get(0));
    assertThat(delivery(post).get("status")).isEqualTo("scheduled");
    clock.advance(Duration.ofMinutes(1));
    core.sendDelivery.send(claim().get(0));
    assertThat(calls).hasSize(2);
    assertThat(calls.get(0)[0]).isEqualTo(calls.get(1)[0]);
    assertThat(delivery(post).get("status")).isEqualTo("published");
    assertThat(delivery(post).get("attempts")).isIn(2, 2L);
  }

  @Test
  void aRetryableFailureWaitsWithBackoffAndJitterAndKeepsTheReason() {
    PostId post = schedule("Launch day", clock.instant());
    failures.add(new ChannelFailure("The instance is overloaded", true, null, 502, null));
    core.sendDelivery.send(claim().get(0));
    Map<String, Object> d = delivery(post);
    long now = clock.millis();
    // First retry: 15 s base, half fixed and half random.
    assertThat(millis(d.get("claimable_at"))).isBetween(now + 7_500, now + 15_000);
    assertThat(d.get("last_error")).isEqualTo("The instance is overloaded");
    assertThat(d.get("lease_owner")).isNull();
    assertThat(postStatus(post)).isEqualTo("publishing");
    assertThat(claim()).as("not before the backoff").isEmpty();
    clock.advance(Duration.ofSeconds(15));
    Delivery again = claim().get(0);
    failures.add(new ChannelFailure("Too many requests", true, Duration.ofMinutes(3), 429, null));
    core.sendDelivery.send(again);
    assertThat(millis(delivery(post).get("claimable_at")))
        .as("the network's Retry-After wins over a shorter backoff")
        .isGreaterThanOrEqualTo(clock.millis() + 180_000);
    assertThat(notices()).isEmpty();
  }

  @Test
  void aFailureThatIsNotRetryableFailsThePostAndTellsTheAuthor() {
    PostId post = schedule("Launch day", clock.instant());
    failures.add(
        new ChannelFailure(
            "Validation failed: Text character limit of 500 exceeded", false, null, 422, null));
    core.sendDelivery.send(claim().get(0));
    Map<String, Object> d = delivery(post);
    assertThat(d.get("status")).isEqualTo("failed");
    assertThat(d.get("last_error"))
        .isEqualTo("Validation failed: Text character limit of 500 exceeded");
    assertThat(d.get("claimable_at")).isNull();
    assertThat(postStatus(post)).isEqualTo("failed");
    List<Map<String, Object>> notices = notices();
    assertThat(notices).hasSize(1);
    assertThat(notices.get(0).get("user_id")).isEqualTo(owner().user().id().value());
    assertThat(notices.get(0).get("kind")).isEqualTo("failed");
    assertThat((String) notices.get(0).get("message")).contains("character limit");
    clock.advance(Duration.ofHours(1));
    assertThat(claim()).as("never tried again").isEmpty();
    assertThat(calls).hasSize(1);
  }

  @Test
  void retriesStopAfterTheLastAttemptWithTheReasonOnThePost() {
    PostId post = schedule("Launch day", clock.instant());
    for (int i = 0; i < 8; i++) {
      failures.add(new ChannelFailure("Bad gateway", true, null, 502, null));
      List<Delivery> c = claim();
      assertThat(c).as("attempt " + (i + 1)).hasSize(1);
      core.sendDelivery.send(c.get(0));
      Object next = delivery(post).get("claimable_at");
      if (next != null) clock.advance(Duration.ofMillis(millis(next) - clock.millis()));
    }
    // Eight attempts with the longest delays take under 26 minutes: inside Mastodon's window.
    assertThat(clock.instant())
        .isBefore(MutableClock.atFixedStart().instant().plus(Duration.ofMinutes(26)));
    assertThat(delivery(post).get("status")).isEqualTo("failed");
    assertThat((String) delivery(post).get("last_error"))
        .isEqualTo("Bad gateway (gave up after 8 attempts)");
    assertThat(calls).hasSize(8).extracting(c -> c[0]).containsOnly(calls.get(0)[0]);
    assertThat(notices()).hasSize(1);
  }

  @Test
  void noRetryOnMastodonStartsLaterThanItsIdempotencyWindow() {
    PostId post = schedule("Launch day", clock.instant());
    failures.add(new ChannelFailure("Bad gateway", true, null, 502, null));
    core.sendDelivery.send(claim().get(0));
    clock.advance(Duration.ofMinutes(44));
    // Asked to wait past 45 minutes after the first attempt: the key may expire, so give up.
    failures.add(new ChannelFailure("Slow down", true, Duration.ofMinutes(5), 429, null));
    core.sendDelivery.send(claim().get(0));
    assertThat(delivery(post).get("status")).isEqualTo("failed");
    assertThat(postStatus(post)).isEqualTo("failed");
  }

  @Test
  void aLeaseThatRanOutLongAfterTheKeyExpiredFailsRatherThanRiskASecondPost() {
    PostId post = schedule("Launch day", clock.instant());
    claim(10, Duration.ofMinutes(2)); // the node died mid-call and stayed down
    clock.advance(Duration.ofHours(2));
    core.sendDelivery.send(claim().get(0));
    assertThat(calls).isEmpty();
    assertThat(delivery(post).get("status")).isEqualTo("failed");
    assertThat((String) notices().get(0).get("message")).contains("check the channel");
  }

  @Test
  void onBlueskyTheRecordKeyNeverExpiresSoALateRetryStillGoesOut() {
    Channel sky = channel(dev.chorus.core.channel.Network.BLUESKY, "Sky");
    PostId post = schedule("Launch day", clock.instant(), sky);
    claim(10, Duration.ofMinutes(2));
    clock.advance(Duration.ofHours(2));
    core.sendDelivery.send(claim().get(0));
    assertThat(delivery(post).get("status")).isEqualTo("published");
  }

  @Test
  void aPostForTwoChannelsIsPublishedWhenBothAreAndFailedWhenOneFails() {
    Channel other = channel(dev.chorus.core.channel.Network.MASTODON, "Second");
    PostId post = schedule("Launch day", clock.instant(), channel(), other);
    List<Delivery> both = claim();
    assertThat(both).hasSize(2);
    assertThat(both.get(0).id()).isNotEqualTo(both.get(1).id());
    core.sendDelivery.send(both.get(0));
    assertThat(postStatus(post)).isEqualTo("publishing");
    failures.add(new ChannelFailure("Unauthorized", false, null, 401, null));
    core.sendDelivery.send(both.get(1));
    assertThat(postStatus(post)).isEqualTo("failed");
  }

  @Test
  void concurrentClaimsNeverHandTheSameDeliveryToTwoNodes() throws Exception {
    for (int i = 0; i < 200; i++) schedule("Post " + i, clock.instant());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<List<String>>> nodes = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int node = t;
      nodes.add(
          pool.submit(
              () -> {
                go.await();
                List<String> mine = new ArrayList<>();
                for (int round = 0; round < 40; round++) {
                  Instant now = clock.instant();
                  String owner = "node" + node + ":" + round;
                  List<Delivery> c =
                      retrying(
                          () ->
                              db.inTransaction(
                                  h ->
                                      core.deliveries.claim(
                                          h, now, 7, owner, now.plus(Duration.ofMinutes(2)))));
                  c.forEach(d -> mine.add(d.id().value()));
                }
                return mine;
              }));
    }
    go.countDown();
    List<String> all = new ArrayList<>();
    for (Future<List<String>> f : nodes) all.addAll(f.get(60, TimeUnit.SECONDS));
    pool.shutdown();
    assertThat(all).hasSize(200);
    assertThat(new HashSet<>(all)).hasSize(200);
  }

  /** SQLite refuses a writer that waited past the busy timeout: a real node tries again. */
  private static <T> T retrying(java.util.function.Supplier<T> work) {
    for (int i = 0; ; i++) {
      try {
        return work.get();
      } catch (RuntimeException e) {
        if (i > 50) throw e;
      }
    }
  }

  @Test
  void postsThatFellDueWhileStoppedAreHeldWhenTheWorkspaceChoosesHold() {
    PostId missed = schedule("Missed", clock.instant().minus(Duration.ofMinutes(30)));
    PostId late = schedule("Just due", clock.instant().minusSeconds(10));
    PostId future = schedule("Tomorrow", clock.instant().plus(Duration.ofDays(1)));
    db.inTransaction(
        h -> {
          core.deliveries.setMissedPosts(
              h, owner().workspace().id(), MissedPosts.HOLD, clock.instant());
          return null;
        });
    MissedPosts choice = db.read(h -> core.deliveries.missedPosts(h, owner().workspace().id()));
    assertThat(choice).isEqualTo(MissedPosts.HOLD);
    core.publishScheduler.start(settings());
    core.publishScheduler.close();
    assertThat(postStatus(missed)).isEqualTo("held");
    assertThat(delivery(missed).get("status")).isEqualTo("held");
    assertThat(notices()).hasSize(1);
    assertThat(notices().get(0).get("kind")).isEqualTo("held");
    assertThat(notices().get(0).get("post_id")).isEqualTo(missed.value());
    assertThat(postStatus(future)).isEqualTo("scheduled");
    // Due seconds ago is not "missed": it goes out as usual.
    assertThat(delivery(late).get("status")).isIn("scheduled", "publishing", "published");
    assertThat(claim().stream().map(d -> d.postId())).doesNotContain(missed);
    // Someone sends it after all.
    int released =
        db.inTransaction(
            h -> core.deliveries.release(h, owner().workspace().id(), missed, clock.instant()));
    assertThat(released).isEqualTo(1);
    core.sendDelivery.send(claim().get(0));
    assertThat(postStatus(missed)).isEqualTo("published");
  }

  @Test
  void postsThatFellDueWhileStoppedAreSentByDefault() {
    PostId missed = schedule("Missed", clock.instant().minus(Duration.ofMinutes(30)));
    MissedPosts choice = db.read(h -> core.deliveries.missedPosts(h, owner().workspace().id()));
    assertThat(choice).isEqualTo(MissedPosts.SEND);
    core.publishScheduler.start(settings());
    core.publishScheduler.close();
    assertThat(postStatus(missed)).isIn("scheduled", "publishing", "published");
    assertThat(notices()).isEmpty();
  }

  private static PublishScheduler.Settings settings() {
    return new PublishScheduler.Settings(
        2, Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofMinutes(1));
  }

  @Test
  void theRunningSchedulerWakesAtTheDueTimeAndPublishesOnce() throws Exception {
    core.publishScheduler.close();
    Core live = core(java.time.Clock.systemUTC());
    try {
      live.publishScheduler.start(settings());
      // Scheduled for half a second from now; the scheduler sleeps until then, not a fixed poll.
      Instant due = Instant.now().plusMillis(500);
      List<SchedulePost.Variant> vs =
          List.of(new SchedulePost.Variant(channel().id(), "Now", null));
      PostId post =
          db.inTransaction(
              h ->
                  live.schedulePost.schedule(
                      h, owner().workspace().id(), owner().user().id().value(), due, vs));
      live.schedulePost.scheduled();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!"published".equals(postStatus(post)) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(postStatus(post)).isEqualTo("published");
      long publishedAt = millis(delivery(post).get("published_at"));
      assertThat(publishedAt).isGreaterThanOrEqualTo(due.toEpochMilli());
      assertThat(calls).hasSize(1);
      Set<String> keys = new HashSet<>();
      calls.forEach(c -> keys.add(c[0]));
      assertThat(keys).containsExactly((String) delivery(post).get("id"));
    } finally {
      live.publishScheduler.close();
      live.pipeline.close();
    }
  }
}
