package dev.chorus.core.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.chorus.core.channel.OutgoingPost;
import dev.chorus.core.channel.Publishes;
import dev.chorus.core.channel.RemoteRef;
import dev.chorus.core.error.Conflict;
import dev.chorus.core.error.NotFound;
import dev.chorus.core.error.NotPermitted;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.page.Page;
import dev.chorus.core.page.PageRequest;
import dev.chorus.core.security.InstanceKey;
import dev.chorus.core.store.Database;
import dev.chorus.core.store.DatabaseUrl;
import dev.chorus.core.store.TestDatabases;
import dev.chorus.core.workspace.Workspace;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Failed and held deliveries never go silent, run on SQLite and PostgreSQL: they are listed with
 * their reason, attempts and times; editors retry a failed one (same idempotency key), send a held
 * one now or discard either; a delivery a scheduler holds is never touched; authors read and mark
 * their notices; admins choose what happens to missed posts.
 */
abstract class ProblemsContract {
  protected final MutableClock clock = MutableClock.atFixedStart();
  protected Database db;
  protected Core core;

  /** Every publish call the fake network received: idempotency key and text. */
  private final List<String[]> calls = new CopyOnWriteArrayList<>();

  /** What the fake network does with the next call: nothing to post, else a failure to throw. */
  private final ConcurrentLinkedQueue<ChannelFailure> failures = new ConcurrentLinkedQueue<>();

  protected abstract DatabaseUrl freshDatabase();

  @BeforeEach
  void open() {
    db = TestDatabases.open(freshDatabase());
    core =
        new Core(
            db,
            clock,
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
    private final Map<String, String> byKey = new ConcurrentHashMap<>();

    @Override
    public Connector open(Channel channel, String secret) {
      return new Publishes() {
        @Override
        public dev.chorus.core.channel.Network network() {
          return channel.network();
        }

        @Override
        public ChannelLimits limits() {
          return new ChannelLimits(500, false, 23, 0, 0, 0);
        }

        @Override
        public RemoteRef publish(OutgoingPost post, String idempotencyKey) {
          calls.add(new String[] {idempotencyKey, post.text()});
          ChannelFailure f = failures.poll();
          if (f != null) throw f;
          String id = byKey.computeIfAbsent(idempotencyKey, k -> "remote-" + byKey.size());
          return new RemoteRef(id, "https://social.example/@us/" + id, null);
        }
      };
    }
  }

  private Workspace workspace;
  private User owner;

  private Actor as(Role role) {
    if (workspace == null) {
      owner =
          db.inTransaction(
              h -> core.createUser.create(h, "o@example.com", "Olu", "correct horse battery"));
      workspace = db.inTransaction(h -> core.createWorkspace.create(h, owner, "Acme", "127.0.0.1"));
    }
    if (role == Role.OWNER) return new Actor(owner, workspace, Role.OWNER, "127.0.0.1");
    User u =
        db.inTransaction(
            h ->
                core.createUser.create(
                    h, role.key() + "-" + ++n + "@example.com", role.label(), "correct horse b"));
    db.inTransaction(
        h -> {
          core.members.add(h, workspace.id(), u.id(), role);
          return null;
        });
    return new Actor(u, workspace, role, "127.0.0.1");
  }

  private Actor owner() {
    return as(Role.OWNER);
  }

  private Channel channel;

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
    List<SchedulePost.Variant> vs =
        java.util.Arrays.stream(channels)
            .map(c -> new SchedulePost.Variant(c.id(), text, null))
            .toList();
    return db.inTransaction(
        h ->
            core.schedulePost.schedule(
                h, owner().workspace().id(), owner().user().id().value(), due, vs));
  }

  private int n;

  private List<Delivery> claim() {
    Instant now = clock.instant();
    return db.inTransaction(
        h -> core.deliveries.claim(h, now, 10, "test:" + ++n, now.plus(Duration.ofMinutes(2))));
  }

  /** Schedules a post that fails at once with a reason the network gave. */
  private PostId failed(String text) {
    PostId post = schedule(text, clock.instant(), channel());
    failures.add(new ChannelFailure("Validation failed: " + text, false, null, 422, null));
    core.sendDelivery.send(claim().get(0));
    assertThat(delivery(post).get("status")).isEqualTo("failed");
    return post;
  }

  private PostId held(String text) {
    PostId post = schedule(text, clock.instant().minus(Duration.ofMinutes(30)), channel());
    db.inTransaction(
        h -> {
          core.deliveries.setMissedPosts(h, workspace.id(), MissedPosts.HOLD, clock.instant());
          return null;
        });
    core.publishScheduler.start(
        new PublishScheduler.Settings(
            1, Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofMinutes(1)));
    core.publishScheduler.close();
    assertThat(delivery(post).get("status")).isEqualTo("held");
    return post;
  }

  private Map<String, Object> delivery(PostId post) {
    return db.read(
        h ->
            h.createQuery("SELECT * FROM deliveries WHERE post_id = :p ORDER BY id")
                .bind("p", post.value())
                .mapToMap()
                .list()
                .get(0));
  }

  private DeliveryId deliveryId(PostId post) {
    return new DeliveryId((String) delivery(post).get("id"));
  }

  private String postStatus(PostId post) {
    return db.read(
        h ->
            h.createQuery("SELECT status FROM posts WHERE id = :p")
                .bind("p", post.value())
                .mapTo(String.class)
                .one());
  }

  private List<DeliveryProblem> problems() {
    return problems(workspace);
  }

  private List<DeliveryProblem> problems(Workspace ws) {
    Page<DeliveryProblem> page =
        db.read(
            h ->
                core.publishingProblems.deliveries.list(
                    h, ws.id(), PageRequest.first(50), clock.instant()));
    return page.items();
  }

  private List<String> auditActions() {
    return db.read(
        h ->
            h.createQuery("SELECT action FROM audit_log ORDER BY at, id")
                .mapTo(String.class)
                .list());
  }

  @Test
  void aFailedDeliveryIsListedWithItsReasonAttemptsAndTimes() {
    PostId post = failed("Launch <day>");
    Instant failedAt = clock.instant();
    List<DeliveryProblem> list = problems();
    assertThat(list).hasSize(1);
    DeliveryProblem p = list.get(0);
    assertThat(p.postId()).isEqualTo(post);
    assertThat(p.status()).isEqualTo("failed");
    assertThat(p.text()).isEqualTo("Launch <day>");
    assertThat(p.reason()).isEqualTo("Validation failed: Launch <day>");
    assertThat(p.channelName()).isEqualTo("Main");
    assertThat(p.network()).isEqualTo(dev.chorus.core.channel.Network.MASTODON);
    assertThat(p.attempts()).isEqualTo(1);
    assertThat(p.firstAttemptAt()).isEqualTo(failedAt);
    assertThat(p.since()).isEqualTo(failedAt);
    assertThat(p.authorName()).isEqualTo("Olu");
    assertThat(p.keyExpired()).isFalse();
    int count = db.read(h -> core.publishingProblems.deliveries.count(h, workspace.id()));
    assertThat(count).isEqualTo(1);
  }

  @Test
  void theListPagesNewestFirst() {
    for (int i = 0; i < 5; i++) {
      failed("Post " + i);
      clock.advance(Duration.ofSeconds(1));
    }
    Page<DeliveryProblem> first =
        db.read(
            h ->
                core.publishingProblems.deliveries.list(
                    h, workspace.id(), PageRequest.first(3), clock.instant()));
    assertThat(first.items())
        .extracting(DeliveryProblem::text)
        .containsExactly("Post 4", "Post 3", "Post 2");
    Page<DeliveryProblem> second =
        db.read(
            h ->
                core.publishingProblems.deliveries.list(
                    h,
                    workspace.id(),
                    PageRequest.parse(first.nextCursor(), "3"),
                    clock.instant()));
    assertThat(second.items())
        .extracting(DeliveryProblem::text)
        .containsExactly("Post 1", "Post 0");
    assertThat(second.nextCursor()).isNull();
  }

  @Test
  void aRetriedDeliveryGoesOutAgainUnderTheSameKeyInANewRoundOfAttempts() {
    PostId post = failed("Launch day");
    DeliveryId id = deliveryId(post);
    Object firstAttempt = delivery(post).get("first_attempt_at");
    clock.advance(Duration.ofMinutes(5));
    core.publishingProblems.retry.retry(as(Role.EDITOR), id);
    Map<String, Object> d = delivery(post);
    assertThat(d.get("status")).isEqualTo("scheduled");
    assertThat(((Number) d.get("claimable_at")).longValue()).isEqualTo(clock.millis());
    assertThat(((Number) d.get("attempts")).intValue()).isZero();
    // Inside Mastodon's hour the first attempt's time stays: the key still dedupes.
    assertThat(((Number) d.get("first_attempt_at")).longValue())
        .isEqualTo(((Number) firstAttempt).longValue());
    assertThat(postStatus(post)).isIn("publishing", "scheduled");
    assertThat(problems()).isEmpty();
    core.sendDelivery.send(claim().get(0));
    assertThat(delivery(post).get("status")).isEqualTo("published");
    assertThat(postStatus(post)).isEqualTo("published");
    assertThat(calls).hasSize(2).extracting(c -> c[0]).containsOnly(id.value());
    assertThat(auditActions()).contains("post.delivery_retried");
  }

  @Test
  void aRetryAfterTheKeysWindowStartsANewWindowAndSaysSo() {
    PostId post = schedule("Launch day", clock.instant(), channel());
    claim(); // the node died mid-call and stayed down past Mastodon's hour
    clock.advance(Duration.ofHours(2));
    core.sendDelivery.send(claim().get(0));
    assertThat(delivery(post).get("status")).isEqualTo("failed");
    DeliveryProblem p = problems().get(0);
    assertThat(p.keyExpired()).isTrue();
    assertThat(p.reason()).contains("check the channel");
    core.publishingProblems.retry.retry(owner(), p.id());
    assertThat(delivery(post).get("first_attempt_at")).isNull();
    core.sendDelivery.send(claim().get(0));
    assertThat(delivery(post).get("status")).isEqualTo("published");
    assertThat(calls).extracting(c -> c[0]).containsExactly(p.id().value());
  }

  @Test
  void aRetryThatFailsAgainIsListedAgainWithTheNewReason() {
    PostId post = failed("Launch day");
    clock.advance(Duration.ofMinutes(1));
    core.publishingProblems.retry.retry(owner(), deliveryId(post));
    failures.add(new ChannelFailure("Unauthorized", false, null, 401, null));
    core.sendDelivery.send(claim().get(0));
    DeliveryProblem p = problems().get(0);
    assertThat(p.reason()).isEqualTo("Unauthorized");
    assertThat(p.attempts()).isEqualTo(1);
    assertThat(p.since()).isEqualTo(clock.instant());
  }

  @Test
  void aHeldDeliveryIsSentNow() {
    PostId post = held("Missed");
    DeliveryProblem p = problems().get(0);
    assertThat(p.status()).isEqualTo("held");
    assertThat(p.reason()).contains("while Chorus was not running");
    assertThat(p.attempts()).isZero();
    assertThat(p.firstAttemptAt()).isNull();
    assertThat(postStatus(post)).isEqualTo("held");
    core.publishingProblems.sendHeld.send(as(Role.EDITOR), p.id());
    assertThat(postStatus(post)).isEqualTo("publishing");
    core.sendDelivery.send(claim().get(0));
    assertThat(postStatus(post)).isEqualTo("published");
    assertThat(auditActions()).contains("post.delivery_released");
  }

  @Test
  void aHeldOrFailedDeliveryIsDiscardedForGoodAndThePostFollows() {
    PostId heldPost = held("Missed");
    core.publishingProblems.discard.discard(owner(), deliveryId(heldPost));
    assertThat(delivery(heldPost).get("status")).isEqualTo("cancelled");
    assertThat(delivery(heldPost).get("claimable_at")).isNull();
    assertThat(postStatus(heldPost)).isEqualTo("cancelled");
    assertThat(problems()).isEmpty();

    // A post on two channels: one published, the other failed then discarded.
    Channel second = channel(dev.chorus.core.channel.Network.MASTODON, "Second");
    PostId both = schedule("Both", clock.instant(), channel(), second);
    List<Delivery> claimed = claim();
    core.sendDelivery.send(claimed.get(0));
    failures.add(new ChannelFailure("Unauthorized", false, null, 401, null));
    core.sendDelivery.send(claimed.get(1));
    assertThat(postStatus(both)).isEqualTo("failed");
    core.publishingProblems.discard.discard(owner(), claimed.get(1).id());
    assertThat(postStatus(both)).isEqualTo("published");
    clock.advance(Duration.ofHours(1));
    assertThat(claim()).as("a discarded delivery is never sent").isEmpty();
    assertThat(auditActions()).filteredOn("post.delivery_discarded"::equals).hasSize(2);
  }

  @Test
  void aDeliveryBeingSentIsNeverTouched() {
    PostId post = schedule("Launch day", clock.instant(), channel());
    Delivery leased = claim().get(0);
    Map<String, Object> before = delivery(post);
    for (Runnable act :
        List.<Runnable>of(
            () -> core.publishingProblems.retry.retry(owner(), leased.id()),
            () -> core.publishingProblems.sendHeld.send(owner(), leased.id()),
            () -> core.publishingProblems.discard.discard(owner(), leased.id()))) {
      assertThatThrownBy(act::run)
          .isInstanceOf(Conflict.class)
          .hasMessageContaining("being sent right now");
    }
    assertThat(delivery(post)).isEqualTo(before);
    core.sendDelivery.send(leased);
    assertThat(delivery(post).get("status")).isEqualTo("published");
    assertThatThrownBy(() -> core.publishingProblems.retry.retry(owner(), leased.id()))
        .isInstanceOf(Conflict.class)
        .hasMessageContaining("already published");
  }

  @Test
  void aFailedDeliveryIsNotSentAsHeldNorAHeldOneRetried() {
    PostId failedPost = failed("Failed");
    assertThatThrownBy(() -> core.publishingProblems.sendHeld.send(owner(), deliveryId(failedPost)))
        .isInstanceOf(Conflict.class)
        .hasMessageContaining("not held");
    assertThat(delivery(failedPost).get("status")).isEqualTo("failed");
  }

  @Test
  void onlyEditorsAndAboveActAndAnotherWorkspacesDeliveryIsNotFound() {
    PostId post = failed("Launch day");
    DeliveryId id = deliveryId(post);
    for (Role r : new Role[] {Role.VIEWER, Role.CONTRIBUTOR}) {
      Actor a = as(r);
      assertThatThrownBy(() -> core.publishingProblems.retry.retry(a, id))
          .isInstanceOf(NotPermitted.class);
      assertThatThrownBy(() -> core.publishingProblems.discard.discard(a, id))
          .isInstanceOf(NotPermitted.class);
      assertThatThrownBy(() -> core.publishingProblems.sendHeld.send(a, id))
          .isInstanceOf(NotPermitted.class);
    }
    User stranger =
        db.inTransaction(
            h -> core.createUser.create(h, "s@example.com", "Sam", "correct horse battery"));
    Workspace other =
        db.inTransaction(h -> core.createWorkspace.create(h, stranger, "Other", "127.0.0.1"));
    Actor outsider = new Actor(stranger, other, Role.OWNER, null);
    assertThatThrownBy(() -> core.publishingProblems.retry.retry(outsider, id))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> core.publishingProblems.discard.discard(outsider, id))
        .isInstanceOf(NotFound.class);
    assertThat(problems(other)).isEmpty();
    assertThat(delivery(post).get("status")).isEqualTo("failed");
  }

  private List<PostNotice> notices(Actor a, boolean unread) {
    Page<PostNotice> page =
        db.read(
            h ->
                core.publishingProblems.notices.list(
                    h, a.workspace().id(), a.user().id(), unread, PageRequest.first(10)));
    return page.items();
  }

  private MissedPosts missedPosts() {
    MissedPosts m = db.read(h -> core.deliveries.missedPosts(h, workspace.id()));
    return m;
  }

  private int unread(Actor a) {
    Integer n =
        db.read(h -> core.publishingProblems.notices.unread(h, a.workspace().id(), a.user().id()));
    return n;
  }

  @Test
  void authorsReadTheirOwnNoticesAndMarkThemRead() {
    failed("First");
    clock.advance(Duration.ofSeconds(1));
    held("Second");
    Actor author = owner();
    PostNotices notices = core.publishingProblems.notices;
    assertThat(unread(author)).isEqualTo(2);
    List<PostNotice> list = notices(author, true);
    assertThat(list).extracting(PostNotice::kind).containsExactly("held", "failed");
    assertThat(list.get(1).postText()).isEqualTo("First");
    assertThat(list.get(1).channelName()).isEqualTo("Main");
    assertThat(list.get(1).message()).isEqualTo("Validation failed: First");

    // Someone else cannot mark the author's notice, nor see it.
    Actor editor = as(Role.EDITOR);
    assertThat(unread(editor)).isZero();
    assertThatThrownBy(() -> notices.markRead(editor, list.get(0).id()))
        .isInstanceOf(NotFound.class);

    notices.markRead(author, list.get(0).id());
    notices.markRead(author, list.get(0).id());
    assertThat(unread(author)).isEqualTo(1);
    assertThat(notices.markAllRead(author)).isEqualTo(1);
    assertThat(unread(author)).isZero();
    List<PostNotice> all = notices(author, false);
    assertThat(all).hasSize(2).allMatch(x -> !x.unread());
  }

  @Test
  void onlyAdminsChooseWhatHappensToMissedPosts() {
    assertThatThrownBy(
            () ->
                core.publishingProblems.changeMissedPosts.change(as(Role.EDITOR), MissedPosts.HOLD))
        .isInstanceOf(NotPermitted.class);
    core.publishingProblems.changeMissedPosts.change(as(Role.ADMIN), MissedPosts.HOLD);
    assertThat(missedPosts()).isEqualTo(MissedPosts.HOLD);
    core.publishingProblems.changeMissedPosts.change(owner(), MissedPosts.HOLD);
    core.publishingProblems.changeMissedPosts.change(owner(), MissedPosts.SEND);
    assertThat(missedPosts()).isEqualTo(MissedPosts.SEND);
    assertThat(auditActions())
        .filteredOn("publishing.missed_posts_changed"::equals)
        .as("choosing what is in force records nothing")
        .hasSize(2);
  }
}
