package dev.chorus.core.publishing.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorus.core.Core;
import dev.chorus.core.MutableClock;
import dev.chorus.core.account.SignInThrottle;
import dev.chorus.core.account.User;
import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.ChannelLimits;
import dev.chorus.core.channel.ConnectChannel;
import dev.chorus.core.channel.Connector;
import dev.chorus.core.channel.ConnectorFactory;
import dev.chorus.core.channel.Network;
import dev.chorus.core.channel.OutgoingPost;
import dev.chorus.core.channel.Publishes;
import dev.chorus.core.channel.RemoteRef;
import dev.chorus.core.error.Conflict;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.error.NotFound;
import dev.chorus.core.error.NotPermitted;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.publishing.Draft;
import dev.chorus.core.publishing.PostId;
import dev.chorus.core.publishing.queue.Slot;
import dev.chorus.core.security.InstanceKey;
import dev.chorus.core.store.Database;
import dev.chorus.core.store.DatabaseUrl;
import dev.chorus.core.store.TestDatabases;
import dev.chorus.core.workspace.Workspace;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Approvals on SQLite and PostgreSQL: submit, approve at the wished time (or a new one once it
 * passed, or in the queue), reject with a comment, edits withdraw a request, and guest links that
 * decide once, expire, and stop working when the post changed or the link was revoked.
 */
abstract class ApprovalsContract {
  protected final MutableClock clock = MutableClock.atFixedStart();
  protected Database db;
  protected Core core;
  Actor owner;
  Actor editor;
  Actor contributor;
  Actor viewer;
  Channel channel;

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
            new Network500());
    User o = user("o@example.com", "Olu");
    Workspace w = db.inTransaction(h -> core.createWorkspace.create(h, o, "Acme", "127.0.0.1"));
    owner = new Actor(o, w, Role.OWNER, "127.0.0.1");
    editor = member("e@example.com", "Edie", Role.EDITOR);
    contributor = member("c@example.com", "Cory", Role.CONTRIBUTOR);
    viewer = member("v@example.com", "Vic", Role.VIEWER);
    channel =
        core.connectChannel.connect(
            owner,
            new ConnectChannel.Spec(
                Network.MASTODON,
                "Main",
                "https://social.example/main",
                Map.of(),
                "{\"token\":\"t\"}",
                null));
  }

  @AfterEach
  void close() {
    core.publishScheduler.close();
    core.pipeline.close();
    db.close();
  }

  private static final class Network500 implements ConnectorFactory {
    @Override
    public Connector open(Channel channel, String secret) {
      return new Publishes() {
        @Override
        public Network network() {
          return channel.network();
        }

        @Override
        public ChannelLimits limits() {
          return new ChannelLimits(500, false, 23, 4, 16L << 20, 1500);
        }

        @Override
        public RemoteRef publish(OutgoingPost post, String idempotencyKey) {
          return new RemoteRef("r-" + idempotencyKey, null, null);
        }
      };
    }
  }

  private User user(String email, String name) {
    return db.inTransaction(h -> core.createUser.create(h, email, name, "correct horse battery"));
  }

  private Actor member(String email, String name, Role role) {
    User u = user(email, name);
    db.inTransaction(
        h -> {
          core.members.add(h, owner.workspace().id(), u.id(), role);
          return null;
        });
    return new Actor(u, owner.workspace(), role, null);
  }

  private PostId draft(Actor author, String text) {
    return core.drafts.create(
        author, new Draft(List.of(text), null, List.of(Draft.Variant.base(channel.id()))));
  }

  private String status(PostId post) {
    return db.read(
        h ->
            h.createQuery("SELECT status FROM posts WHERE id = :id")
                .bind("id", post.value())
                .mapTo(String.class)
                .one());
  }

  private List<Map<String, Object>> deliveries(PostId post) {
    return db.read(
        h ->
            h.createQuery("SELECT * FROM deliveries WHERE post_id = :id")
                .bind("id", post.value())
                .mapToMap()
                .list());
  }

  private List<Map<String, Object>> notices(PostId post) {
    return db.read(
        h ->
            h.createQuery("SELECT * FROM post_notices WHERE post_id = :id ORDER BY created_at, id")
                .bind("id", post.value())
                .mapToMap()
                .list());
  }

  private List<String> audit(String action) {
    return db.read(
        h ->
            h.createQuery("SELECT actor_label FROM audit_log WHERE action = :a ORDER BY at, id")
                .bind("a", action)
                .mapTo(String.class)
                .list());
  }

  private long pendingCount() {
    Long n = db.read(h -> core.approvals.store.pendingCount(h, owner.workspace().id()));
    return n;
  }

  private long millis(Object v) {
    return ((Number) v).longValue();
  }

  @Test
  void aContributorSubmitsAndAnEditorApprovesAtTheWishedTime() {
    PostId post = draft(contributor, "Spring roast is here");
    Instant wish = clock.instant().plus(Duration.ofHours(3));
    String request = core.approvals.submit.submit(contributor, post, wish, "UTC", "For Monday");
    assertThat(status(post)).isEqualTo("pending_approval");
    assertThat(deliveries(post)).as("nothing goes out before approval").isEmpty();
    var pending = db.read(h -> core.approvals.store.pending(h, owner.workspace().id(), 50));
    assertThat(pending)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.requestId()).isEqualTo(request);
              assertThat(p.authorName()).isEqualTo("Cory");
              assertThat(p.channels()).containsExactly("Main");
              assertThat(p.wishedDueAt()).isEqualTo(wish);
            });
    assertThat(pendingCount()).isEqualTo(1);

    assertThatThrownBy(() -> core.approvals.decide.approve(contributor, request, null, null, ""))
        .isInstanceOf(NotPermitted.class);
    var approved = core.approvals.decide.approve(editor, request, null, null, "Looks good");
    assertThat(approved.dueAt()).isEqualTo(wish);
    assertThat(status(post)).isEqualTo("scheduled");
    assertThat(deliveries(post))
        .singleElement()
        .satisfies(d -> assertThat(millis(d.get("due_at"))).isEqualTo(wish.toEpochMilli()));
    assertThat(notices(post))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.get("kind")).isEqualTo("approved");
              assertThat(n.get("user_id")).isEqualTo(contributor.user().id().value());
            });
    var thread = db.read(h -> core.approvals.store.thread(h, owner.workspace().id(), post));
    assertThat(thread)
        .extracting(
            ApprovalStore.Comment::kind, ApprovalStore.Comment::who, ApprovalStore.Comment::body)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("submitted", "Cory", "For Monday"),
            org.assertj.core.groups.Tuple.tuple("approved", "Edie", "Looks good"));
    assertThat(audit("post.approved")).containsExactly("Edie");
    assertThatThrownBy(() -> core.approvals.decide.approve(editor, request, null, null, ""))
        .isInstanceOf(Conflict.class);
  }

  @Test
  void aWishedTimeThatPassedAsksForANewTime() {
    PostId post = draft(contributor, "Flash sale");
    String request =
        core.approvals.submit.submit(
            contributor, post, clock.instant().plus(Duration.ofMinutes(5)), null, null);
    clock.advance(Duration.ofMinutes(10));
    assertThatThrownBy(() -> core.approvals.decide.approve(editor, request, null, null, ""))
        .isInstanceOf(Invalid.class)
        .satisfies(e -> assertThat(((Invalid) e).field()).isEqualTo("due_at"))
        .hasMessageContaining("has passed");
    assertThat(status(post)).isEqualTo("pending_approval");
    Instant later = clock.instant().plus(Duration.ofHours(1));
    core.approvals.decide.approve(editor, request, later, "Europe/Paris", "");
    assertThat(status(post)).isEqualTo("scheduled");
  }

  @Test
  void aPostSubmittedForTheQueueIsQueuedWhenApproved() {
    core.queue.slots.replace(
        owner,
        channel.id(),
        List.of(Slot.parse("monday", "09:00"), Slot.parse("thursday", "15:00")));
    PostId post = draft(contributor, "Whenever it fits");
    String request = core.approvals.submit.submit(contributor, post, null, null, null);
    var approved = core.approvals.decide.approve(editor, request, null, null, null);
    assertThat(approved.dueAt()).isAfter(clock.instant());
    assertThat(status(post)).isEqualTo("scheduled");
  }

  @Test
  void aRejectionNeedsACommentAndGivesThePostBackToItsAuthor() {
    PostId post = draft(contributor, "Half-baked");
    String request =
        core.approvals.submit.submit(
            contributor, post, clock.instant().plus(Duration.ofHours(1)), null, null);
    assertThatThrownBy(() -> core.approvals.decide.reject(editor, request, " "))
        .isInstanceOf(Invalid.class);
    core.approvals.decide.reject(editor, request, "Add the price");
    assertThat(status(post)).isEqualTo("rejected");
    assertThat(notices(post))
        .singleElement()
        .satisfies(n -> assertThat((String) n.get("message")).contains("Add the price"));
    // The author edits and submits again; the thread keeps the whole review.
    core.drafts.update(
        contributor,
        post,
        new Draft(List.of("Half-baked, now €12"), null, List.of(Draft.Variant.base(channel.id()))));
    String again =
        core.approvals.submit.submit(
            contributor, post, clock.instant().plus(Duration.ofHours(1)), null, "Price added");
    core.approvals.decide.approve(owner, again, null, null, null);
    assertThat(status(post)).isEqualTo("scheduled");
    var kinds =
        db.read(h -> core.approvals.store.thread(h, owner.workspace().id(), post)).stream()
            .map(ApprovalStore.Comment::kind)
            .toList();
    assertThat(kinds).containsExactly("submitted", "rejected", "submitted", "approved");
  }

  @Test
  void editingAWaitingPostWithdrawsItsRequestSoTheOldApprovalCannotApply() {
    PostId post = draft(contributor, "Version one");
    String request =
        core.approvals.submit.submit(
            contributor, post, clock.instant().plus(Duration.ofHours(1)), null, null);
    core.drafts.update(
        contributor,
        post,
        new Draft(List.of("Version two"), null, List.of(Draft.Variant.base(channel.id()))));
    assertThat(status(post)).isEqualTo("draft");
    assertThatThrownBy(() -> core.approvals.decide.approve(editor, request, null, null, ""))
        .isInstanceOf(Conflict.class)
        .hasMessageContaining("edited");
    assertThat(deliveries(post)).isEmpty();
    assertThat(pendingCount()).isZero();
  }

  @Test
  void anEditDuringTheApprovalSchedulesNothing() {
    PostId post = draft(contributor, "Version one");
    String request =
        core.approvals.submit.submit(
            contributor, post, clock.instant().plus(Duration.ofHours(1)), null, null);
    // The editor's approval has checked the request; the author's edit lands before it schedules.
    core.drafts.update(
        contributor,
        post,
        new Draft(List.of("Version two"), null, List.of(Draft.Variant.base(channel.id()))));
    // What DecideApproval does next: schedule, and record the decision in the same transaction.
    Instant due = clock.instant().plus(Duration.ofHours(1));
    assertThatThrownBy(
            () ->
                core.scheduleDraft.schedule(
                    editor,
                    post,
                    due,
                    "UTC",
                    h -> {
                      if (!core.approvals.store.decide(
                          h, request, "approved", editor.user().id().value(), null, due)) {
                        throw new Conflict("withdrawn");
                      }
                    }))
        .isInstanceOf(Conflict.class);
    assertThat(status(post)).isEqualTo("draft");
    assertThat(deliveries(post)).isEmpty();
  }

  @Test
  void rolesAndWorkspacesLimitWhoSubmits() {
    PostId mine = draft(contributor, "Mine");
    PostId editors = draft(editor, "The editor's");
    Instant wish = clock.instant().plus(Duration.ofHours(1));
    assertThatThrownBy(() -> core.approvals.submit.submit(viewer, mine, wish, null, null))
        .isInstanceOf(NotPermitted.class);
    assertThatThrownBy(() -> core.approvals.submit.submit(contributor, editors, wish, null, null))
        .isInstanceOf(NotPermitted.class);
    User stranger = user("s@example.com", "Sam");
    Workspace theirs =
        db.inTransaction(h -> core.createWorkspace.create(h, stranger, "Other", "127.0.0.1"));
    Actor outsider = new Actor(stranger, theirs, Role.OWNER, null);
    assertThatThrownBy(() -> core.approvals.submit.submit(outsider, mine, wish, null, null))
        .isInstanceOf(NotFound.class);
    String request = core.approvals.submit.submit(contributor, mine, wish, null, null);
    assertThatThrownBy(() -> core.approvals.decide.approve(outsider, request, null, null, null))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> core.approvals.submit.submit(contributor, mine, wish, null, null))
        .isInstanceOf(Conflict.class);
  }

  @Test
  void aGuestLinkDecidesOnceForItsPostOnly() {
    PostId post = draft(contributor, "For the client");
    Instant wish = clock.instant().plus(Duration.ofDays(2));
    core.approvals.submit.submit(contributor, post, wish, null, null);
    assertThatThrownBy(() -> core.approvals.guests.create(contributor, post, Duration.ofDays(7)))
        .isInstanceOf(NotPermitted.class);
    var link = core.approvals.guests.create(editor, post, Duration.ofDays(7));
    String stored =
        db.read(
            h ->
                h.createQuery("SELECT token_hash FROM guest_approval_links")
                    .mapTo(String.class)
                    .one());
    assertThat(stored).isNotEqualTo(link.token()).doesNotContain(link.token());

    var view = core.approvals.guests.open(link.token()).orElseThrow();
    assertThat(view.state()).isEqualTo("open");
    assertThat(view.post().id()).isEqualTo(post);
    assertThat(core.approvals.guests.open(link.token() + "x")).isEmpty();

    assertThatThrownBy(() -> core.approvals.guests.decide(link.token(), true, " ", null))
        .isInstanceOf(Invalid.class);
    core.approvals.guests.decide(link.token(), true, "Dana from Northwind", "Go ahead");
    assertThat(status(post)).isEqualTo("scheduled");
    assertThat(core.approvals.guests.open(link.token()).orElseThrow().state()).isEqualTo("used");
    assertThatThrownBy(() -> core.approvals.guests.decide(link.token(), false, "Dana", "No"))
        .isInstanceOf(Conflict.class);
    assertThat(audit("post.approved")).containsExactly("Dana from Northwind (guest)");
    var thread = db.read(h -> core.approvals.store.thread(h, owner.workspace().id(), post));
    assertThat(thread.get(1).who()).isEqualTo("Dana from Northwind (guest)");
  }

  @Test
  void aGuestLinkStopsWorkingWhenItExpiresIsRevokedOrThePostChanged() {
    PostId post = draft(contributor, "Client review");
    Instant wish = clock.instant().plus(Duration.ofDays(10));
    core.approvals.submit.submit(contributor, post, wish, null, null);
    var expiring = core.approvals.guests.create(editor, post, Duration.ofDays(1));
    var revoked = core.approvals.guests.create(editor, post, Duration.ofDays(7));
    var edited = core.approvals.guests.create(editor, post, Duration.ofDays(7));
    core.approvals.guests.revoke(editor, post, revoked.id());
    assertThat(core.approvals.guests.open(revoked.token()).orElseThrow().state())
        .isEqualTo("revoked");
    clock.advance(Duration.ofDays(1).plusSeconds(1));
    assertThat(core.approvals.guests.open(expiring.token()).orElseThrow().state())
        .isEqualTo("expired");
    assertThatThrownBy(() -> core.approvals.guests.decide(expiring.token(), true, "Dana", null))
        .isInstanceOf(Conflict.class)
        .hasMessageContaining("expired");
    assertThat(core.approvals.guests.open(edited.token()).orElseThrow().state()).isEqualTo("open");
    core.drafts.update(
        contributor,
        post,
        new Draft(List.of("Client review, v2"), null, List.of(Draft.Variant.base(channel.id()))));
    var after = core.approvals.guests.open(edited.token()).orElseThrow();
    assertThat(after.state()).isEqualTo("edited");
    assertThat(after.post()).as("nothing of the post is shown").isNull();
    assertThatThrownBy(() -> core.approvals.guests.decide(edited.token(), false, "Dana", "x"))
        .isInstanceOf(Conflict.class);
  }

  @Test
  void aGuestRejectionNeedsACommentAndIsAudited() {
    PostId post = draft(contributor, "Client review");
    core.approvals.submit.submit(
        contributor, post, clock.instant().plus(Duration.ofDays(1)), null, null);
    var link = core.approvals.guests.create(editor, post, Duration.ofDays(7));
    assertThatThrownBy(() -> core.approvals.guests.decide(link.token(), false, "Dana", " "))
        .isInstanceOf(Invalid.class);
    assertThat(core.approvals.guests.open(link.token()).orElseThrow().state()).isEqualTo("open");
    core.approvals.guests.decide(link.token(), false, "Dana", "Wrong price");
    assertThat(status(post)).isEqualTo("rejected");
    assertThat(audit("post.rejected")).containsExactly("Dana (guest)");
  }
}
