package dev.chorus.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorus.core.Core;
import dev.chorus.core.MutableClock;
import dev.chorus.core.account.SignInThrottle;
import dev.chorus.core.account.User;
import dev.chorus.core.audit.AuditEntry;
import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.ChannelStore;
import dev.chorus.core.channel.ConnectChannel;
import dev.chorus.core.channel.Network;
import dev.chorus.core.channel.Source;
import dev.chorus.core.error.Conflict;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.error.NotFound;
import dev.chorus.core.error.NotPermitted;
import dev.chorus.core.listening.SaveQuery;
import dev.chorus.core.listening.SavedQuery;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.page.Page;
import dev.chorus.core.page.PageRequest;
import dev.chorus.core.security.InstanceKey;
import dev.chorus.core.token.ApiToken;
import dev.chorus.core.token.TokenScope;
import dev.chorus.core.workspace.Workspace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store's contract, run once per database: {@code SqliteStoreTest} and {@code
 * PostgresStoreTest} each supply a fresh, migrated database per test.
 */
abstract class StoreContract {
  protected final MutableClock clock = MutableClock.atFixedStart();
  protected Database db;
  protected final FakeFeeds feeds = new FakeFeeds();
  protected Core core;

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
            feeds);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private <T> T q(org.jdbi.v3.core.HandleCallback<T, RuntimeException> work) {
    return db.read(work);
  }

  private User user(String email) {
    return db.inTransaction(
        h -> core.createUser.create(h, email, "User " + email, "correct horse battery"));
  }

  private Actor owner(String email, String workspace) {
    User u = user(email);
    Workspace w = db.inTransaction(h -> core.createWorkspace.create(h, u, workspace, "127.0.0.1"));
    return new Actor(u, w, Role.OWNER, "127.0.0.1");
  }

  private Actor join(Actor inviter, String email, Role role) {
    var issued = core.inviteMember.invite(inviter, email, role);
    User u = user(email);
    db.inTransaction(h -> core.acceptInvitation.accept(h, issued.secret(), u, null));
    return new Actor(u, inviter.workspace(), role, null);
  }

  @Test
  void migrationsApplyOnceAndReportTheirVersion() {
    assertThat(db.migrate()).isZero();
    assertThat(db.currentVersion()).isEqualTo(db.latestKnownVersion());
    db.ping();
  }

  @Test
  void emailsAreUniqueWhateverTheirCase() {
    user("Ada@Example.com");
    assertThatThrownBy(() -> user("ada@example.COM")).isInstanceOf(Conflict.class);
    Optional<User> found = q(h -> core.users.byEmail(h, "ADA@example.com"));
    assertThat(found).isPresent();
  }

  @Test
  void badAccountInputNamesTheField() {
    assertThatThrownBy(
            () -> db.inTransaction(h -> core.createUser.create(h, "nope", "N", "long enough pw")))
        .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.field()).isEqualTo("email"));
    assertThatThrownBy(
            () -> db.inTransaction(h -> core.createUser.create(h, "a@b.co", "N", "short")))
        .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.field()).isEqualTo("password"));
  }

  @Test
  void workspaceSlugsAreUniqueAndTheCreatorIsOwner() {
    Actor a = owner("a@example.com", "Café Nord");
    Actor b = owner("b@example.com", "Cafe Nord");
    assertThat(a.workspace().slug()).isEqualTo("cafe-nord");
    assertThat(b.workspace().slug()).isEqualTo("cafe-nord-2");
    Optional<Role> role = q(h -> core.members.roleOf(h, a.workspace().id(), a.user().id()));
    assertThat(role).contains(Role.OWNER);
  }

  @Test
  void aWorkspaceIsNotFoundForSomeoneOutsideIt() {
    Actor a = owner("a@example.com", "Alpha");
    Actor b = owner("b@example.com", "Beta");
    assertThatThrownBy(() -> core.access.enter(b.user(), a.workspace().slug(), null))
        .isInstanceOf(NotFound.class);
    assertThat(core.access.enter(a.user(), "alpha", null).role()).isEqualTo(Role.OWNER);
  }

  @Test
  void anInvitationJoinsOnceAndThenStopsWorking() {
    Actor a = owner("a@example.com", "Alpha");
    var issued = core.inviteMember.invite(a, "new@example.com", Role.EDITOR);
    User n = user("new@example.com");
    db.inTransaction(h -> core.acceptInvitation.accept(h, issued.secret(), n, null));
    assertThat(core.access.enter(n, "alpha", null).role()).isEqualTo(Role.EDITOR);
    assertThatThrownBy(() -> db.inTransaction(h -> core.acceptInvitation.find(h, issued.secret())))
        .isInstanceOf(NotFound.class)
        .hasMessageContaining("already been used");
  }

  @Test
  void anInvitationExpiresAfterSevenDays() {
    Actor a = owner("a@example.com", "Alpha");
    var issued = core.inviteMember.invite(a, "late@example.com", Role.VIEWER);
    clock.advance(Duration.ofDays(7));
    assertThatThrownBy(() -> db.read(h -> core.acceptInvitation.find(h, issued.secret())))
        .isInstanceOf(NotFound.class)
        .hasMessageContaining("expired");
  }

  @Test
  void onlyAdminsInviteAndOnlyOwnersInviteOwners() {
    Actor owner = owner("a@example.com", "Alpha");
    Actor editor = join(owner, "e@example.com", Role.EDITOR);
    Actor admin = join(owner, "ad@example.com", Role.ADMIN);
    assertThatThrownBy(() -> core.inviteMember.invite(editor, "x@example.com", Role.VIEWER))
        .isInstanceOf(NotPermitted.class);
    assertThatThrownBy(() -> core.inviteMember.invite(admin, "x@example.com", Role.OWNER))
        .isInstanceOf(NotPermitted.class);
    assertThat(core.inviteMember.invite(admin, "x@example.com", Role.ADMIN).invitation().role())
        .isEqualTo(Role.ADMIN);
  }

  @Test
  void theLastOwnerCanBeNeitherDemotedNorRemoved() {
    Actor owner = owner("a@example.com", "Alpha");
    assertThatThrownBy(() -> core.changeRole.change(owner, owner.user().id(), Role.ADMIN))
        .isInstanceOf(Conflict.class);
    assertThatThrownBy(() -> core.removeMember.remove(owner, owner.user().id()))
        .isInstanceOf(Conflict.class);
    Actor second = join(owner, "b@example.com", Role.ADMIN);
    core.changeRole.change(owner, second.user().id(), Role.OWNER);
    core.changeRole.change(owner, owner.user().id(), Role.EDITOR);
    int owners = q(h -> core.members.owners(h, owner.workspace().id()));
    assertThat(owners).isEqualTo(1);
  }

  @Test
  void anotherWorkspacesInvitationIsNotFound() {
    Actor a = owner("a@example.com", "Alpha");
    Actor b = owner("b@example.com", "Beta");
    var issued = core.inviteMember.invite(a, "x@example.com", Role.VIEWER);
    assertThatThrownBy(() -> core.revokeInvitation.revoke(b, issued.invitation().id()))
        .isInstanceOf(NotFound.class);
    assertThat(core.revokeInvitation.revoke(a, issued.invitation().id()).revokedAt()).isNotNull();
  }

  @Test
  void tokensAuthenticateUntilRevokedOrExpiredOrTheirOwnerLeaves() {
    Actor owner = owner("a@example.com", "Alpha");
    Actor editor = join(owner, "e@example.com", Role.EDITOR);
    var t1 = core.issueToken.issue(editor, "ci", TokenScope.WRITE, 0);
    var t2 = core.issueToken.issue(editor, "short", TokenScope.READ, 1);
    assertThat(core.authenticateToken.authenticate(t1.secret(), null))
        .hasValueSatisfying(p -> assertThat(p.actor().role()).isEqualTo(Role.EDITOR));
    List<ApiToken> listed =
        q(h -> core.tokens.list(h, editor.workspace().id(), editor.user().id()));
    assertThat(listed).anySatisfy(t -> assertThat(t.lastUsedAt()).isNotNull());
    clock.advance(Duration.ofDays(1));
    assertThat(core.authenticateToken.authenticate(t2.secret(), null)).isEmpty();
    core.removeMember.remove(owner, editor.user().id());
    assertThat(core.authenticateToken.authenticate(t1.secret(), null)).isEmpty();
    assertThat(core.authenticateToken.authenticate("chorus_pat_forged", null)).isEmpty();
  }

  @Test
  void theAuditLogPagesNewestFirstWithoutGapsOrRepeats() {
    Actor owner = owner("a@example.com", "Alpha");
    for (int i = 0; i < 7; i++)
      core.inviteMember.invite(owner, "p" + i + "@example.com", Role.VIEWER);
    List<AuditEntry> all = new ArrayList<>();
    PageRequest req = PageRequest.first(3);
    while (true) {
      Page<AuditEntry> page = core.audit.page(owner.workspace().id(), req);
      all.addAll(page.items());
      if (page.nextCursor() == null) break;
      req = PageRequest.parse(page.nextCursor(), "3");
    }
    assertThat(all).hasSize(8);
    assertThat(all.get(0).target()).isEqualTo("p6@example.com");
    assertThat(all.get(7).action()).isEqualTo("workspace.created");
    assertThat(all).extracting(AuditEntry::id).doesNotHaveDuplicates();
  }

  @Test
  void sessionsEndWhenIdleOrSignedOutOrThePasswordChanges() {
    User u = user("a@example.com");
    String s1 = core.sessions.start(u.id(), "127.0.0.1", "test");
    String s2 = core.sessions.start(u.id(), "127.0.0.1", "test");
    var kept = core.sessions.find(s1).orElseThrow();
    core.changePassword.change(u, "correct horse battery", "another long password", kept.idHash());
    assertThat(core.sessions.find(s1)).isPresent();
    assertThat(core.sessions.find(s2)).isEmpty();
    core.sessions.end(s1);
    assertThat(core.sessions.find(s1)).isEmpty();
    String s3 = core.sessions.start(u.id(), null, null);
    clock.advance(Duration.ofDays(15));
    assertThat(core.sessions.find(s3)).isEmpty();
  }

  @Test
  void setupCreatesTheOwnerOnceAndAFailedSetupWritesNothing() {
    String secret = core.setupLink.issueIfNeeded().orElseThrow();
    assertThatThrownBy(
            () ->
                core.completeSetup.complete(secret, "o@example.com", "Olga", "short", "Acme", null))
        .isInstanceOf(Invalid.class);
    long users = q(h -> core.users.count(h));
    assertThat(users).isZero();
    assertThatThrownBy(
            () ->
                core.completeSetup.complete(
                    secret, "o@example.com", "Olga", "a long enough password", " ", null))
        .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.field()).isEqualTo("workspace"));
    var done =
        core.completeSetup.complete(
            secret, "o@example.com", "Olga", "a long enough password", "Acme", null);
    assertThat(done.workspace().slug()).isEqualTo("acme");
    assertThat(core.setupLink.issueIfNeeded()).isEmpty();
    assertThatThrownBy(
            () ->
                core.completeSetup.complete(
                    secret, "p@example.com", "P", "a long enough password", "B", null))
        .isInstanceOf(NotFound.class);
  }

  private Channel connectFeed(Actor admin, String secret) {
    return core.connectChannel.connect(
        admin,
        new ConnectChannel.Spec(
            Network.RSS, "Blog", "https://example.com/feed.xml", Map.of(), secret, null));
  }

  @Test
  void aChannelsCredentialsAreStoredSealedAndOpenOnlyForItsConnector() {
    Actor owner = owner("a@example.com", "Alpha");
    Channel c = connectFeed(owner, "{\"password\":\"hunter2-app-pw\"}");
    String stored = q(h -> core.channels.sealedSecret(h, c.id()).orElseThrow());
    assertThat(stored).startsWith("v1.").doesNotContain("hunter2");
    core.pollChannel.poll(c);
    assertThat(feeds.secretsSeen).containsExactly("{\"password\":\"hunter2-app-pw\"}");
  }

  @Test
  void pollingStoresEachItemOnceAndAdvancesTheCursorWithIt() {
    Actor owner = owner("a@example.com", "Alpha");
    Channel c = connectFeed(owner, null);
    feeds.add("1", "first");
    feeds.add("2", "second");
    assertThat(core.pollChannel.poll(c).added()).isEqualTo(2);
    feeds.add("3", "third");
    Channel after = q(h -> core.channels.find(h, owner.workspace().id(), c.id()).orElseThrow());
    assertThat(after.cursor()).isEqualTo("read-2");
    assertThat(after.health()).isEqualTo("connected");
    assertThat(core.pollChannel.poll(after).added()).isEqualTo(1);
    List<ChannelStore.StoredItem> items =
        q(h -> core.channels.items(h, owner.workspace().id(), c.id(), null, 10));
    assertThat(items)
        .extracting(i -> i.item().text())
        .containsExactlyInAnyOrder("first", "second", "third");
  }

  @Test
  void aFailedReadIsRecordedOnTheChannelAndLosesNothing() {
    Actor owner = owner("a@example.com", "Alpha");
    Channel c = connectFeed(owner, null);
    feeds.add("1", "first");
    core.pollChannel.poll(c);
    feeds.failure = "example.com answered 503";
    var result = core.pollChannel.poll(c);
    assertThat(result.error()).isEqualTo("example.com answered 503");
    Channel after = q(h -> core.channels.find(h, owner.workspace().id(), c.id()).orElseThrow());
    assertThat(after.health()).isEqualTo("failing");
    assertThat(after.lastError()).isEqualTo("example.com answered 503");
    assertThat(after.cursor()).isEqualTo("read-1");
    int stored = q(h -> core.channels.items(h, owner.workspace().id(), c.id(), null, 10)).size();
    assertThat(stored).isEqualTo(1);
  }

  @Test
  void disconnectingDeletesTheCredentialsAndAnotherWorkspaceCannotSeeTheChannel() {
    Actor a = owner("a@example.com", "Alpha");
    Actor b = owner("b@example.com", "Beta");
    Channel c = connectFeed(a, "{\"token\":\"t\"}");
    assertThatThrownBy(() -> core.disconnectChannel.disconnect(b, c.id()))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> connectFeed(a, null)).isInstanceOf(Conflict.class);
    Channel gone = core.disconnectChannel.disconnect(a, c.id());
    assertThat(gone.health()).isEqualTo("disconnected");
    Optional<String> secret = q(h -> core.channels.sealedSecret(h, c.id()));
    assertThat(secret).isEmpty();
    assertThat(core.pollDueChannels.pollDue(10)).isZero();
  }

  @Test
  void aSavedQueryIsCheckedByTheParserAndItsErrorNamesTheColumn() {
    Actor owner = owner("a@example.com", "Alpha");
    assertThatThrownBy(
            () ->
                core.saveQuery.save(
                    owner,
                    null,
                    new SaveQuery.Draft("Brand", "northwind NEAR/x coffee", List.of())))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> {
              assertThat(e.field()).isEqualTo("query");
              assertThat(e.getMessage()).startsWith("column ");
            });
    SavedQuery q =
        core.saveQuery.save(
            owner,
            null,
            new SaveQuery.Draft("Brand", "\"northwind coffee\" OR #northwind", List.of()));
    SavedQuery off = core.saveQuery.setEnabled(owner, q.id(), false);
    assertThat(off.enabled()).isFalse();
    SavedQuery changed =
        core.saveQuery.save(
            owner, q.id(), new SaveQuery.Draft("Brand (all)", "northwind", List.of()));
    assertThat(changed.enabled()).isFalse();
    List<SavedQuery> listed = q(h -> core.queries.list(h, owner.workspace().id()));
    assertThat(listed).extracting(SavedQuery::name).containsExactly("Brand (all)");
  }

  @Test
  void anotherWorkspacesQueryAndChannelsAreNotFound() {
    Actor a = owner("a@example.com", "Alpha");
    Actor b = owner("b@example.com", "Beta");
    Channel feed = connectFeed(a, null);
    SavedQuery q =
        core.saveQuery.save(
            a, null, new SaveQuery.Draft("Q", "coffee", List.of(feed.id().value())));
    assertThatThrownBy(() -> core.saveQuery.delete(b, q.id())).isInstanceOf(NotFound.class);
    assertThatThrownBy(
            () ->
                core.saveQuery.save(
                    b, null, new SaveQuery.Draft("Q", "coffee", List.of(feed.id().value()))))
        .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.field()).isEqualTo("sources"));
    core.saveQuery.delete(a, q.id());
    List<SavedQuery> left = q(h -> core.queries.list(h, a.workspace().id()));
    assertThat(left).isEmpty();
  }

  @Test
  void aPreviewCountsWhatTheQueryWouldHaveMatchedAmongRecentItems() {
    Actor owner = owner("a@example.com", "Alpha");
    Channel c = connectFeed(owner, null);
    feeds.add("1", "Northwind Coffee opens a second shop");
    feeds.add("2", "The weather is nice");
    feeds.add("3", "Is #northwind open on Sunday?");
    core.pollChannel.poll(c);
    var preview =
        core.previewQuery.preview(owner, "northwind", List.of(), java.time.Duration.ofDays(30));
    assertThat(preview.scanned()).isEqualTo(3);
    assertThat(preview.matched()).isEqualTo(2);
    assertThat(preview.samples())
        .extracting(s -> s.item().ref().id())
        .containsExactlyInAnyOrder("1", "3");
    var onlyOther =
        core.previewQuery.preview(
            owner, "northwind", List.of("other"), java.time.Duration.ofDays(30));
    assertThat(onlyOther.scanned()).isZero();
  }

  @Test
  void itemsArriveWithLanguageSentimentAndTheSavedQueriesTheyMatch() {
    Actor owner = owner("a@example.com", "Alpha");
    Channel c = connectFeed(owner, null);
    SavedQuery brand =
        core.saveQuery.save(owner, null, new SaveQuery.Draft("Brand", "northwind", List.of()));
    SavedQuery elsewhere =
        core.saveQuery.save(
            owner,
            null,
            new SaveQuery.Draft(
                "Other channel", "northwind", List.of(connectFeed2(owner).id().value())));
    feeds.add("1", "I absolutely love Northwind Coffee, the best latte in town!");
    feeds.add("2", "Northwind est vraiment horrible, je suis très déçu du service");
    feeds.add("3", "Nothing to see here");
    core.pollChannel.poll(c);
    List<ChannelStore.StoredItem> items =
        q(h -> core.channels.items(h, owner.workspace().id(), c.id(), null, 10));
    var byId = new java.util.HashMap<String, ChannelStore.StoredItem>();
    items.forEach(i -> byId.put(i.item().ref().id(), i));
    assertThat(byId.get("1").sentiment()).isGreaterThan(0.5);
    assertThat(byId.get("2").language()).isEqualTo("en"); // the feed says en; its word is kept
    List<String> matched =
        q(
            h ->
                h.createQuery(
                        "SELECT i.remote_id FROM item_matches m JOIN inbound_items i ON i.id = m.item_id WHERE m.query_id = :q ORDER BY i.remote_id")
                    .bind("q", brand.id())
                    .mapTo(String.class)
                    .list());
    assertThat(matched).containsExactly("1", "2");
    int otherMatches =
        q(
            h ->
                h.createQuery("SELECT COUNT(*) FROM item_matches WHERE query_id = :q")
                    .bind("q", elsewhere.id())
                    .mapTo(Integer.class)
                    .one());
    assertThat(otherMatches).isZero();

    core.saveQuery.setEnabled(owner, brand.id(), false);
    feeds.add("4", "Northwind again");
    core.pollChannel.poll(
        q(h -> core.channels.find(h, owner.workspace().id(), c.id()).orElseThrow()));
    int after =
        q(
            h ->
                h.createQuery("SELECT COUNT(*) FROM item_matches WHERE query_id = :q")
                    .bind("q", brand.id())
                    .mapTo(Integer.class)
                    .one());
    assertThat(after).isEqualTo(2);
  }

  @Test
  void eachSourceKeepsItsOwnCursorAndHealthAndForgetsThemWhenRemoved() {
    Actor owner = owner("a@example.com", "Alpha");
    Channel c = connectFeed(owner, null);
    Source tag = Source.hashtag("coffee");
    Source search = Source.search("oat latte");
    db.inTransaction(
        h -> {
          core.sources.advance(h, c.id(), tag, "110", clock.instant());
          core.sources.advance(h, c.id(), search, "90", clock.instant());
          core.sources.advance(h, c.id(), tag, "120", clock.instant());
          core.sources.failed(h, c.id(), search, "Mastodon answered 404", clock.instant());
          core.sources.advance(h, c.id(), Source.MENTIONS, "m-7", clock.instant());
          return null;
        });
    assertThat(cursorOf(c, tag)).isEqualTo("120");
    assertThat(cursorOf(c, search)).isEqualTo("90");
    assertThat(cursorOf(c, Source.MENTIONS)).isEqualTo("m-7");
    Channel read = q(h -> core.channels.find(h, owner.workspace().id(), c.id())).orElseThrow();
    assertThat(read.cursor()).isEqualTo("m-7");
    var states = q(h -> core.sources.list(h, c.id()));
    assertThat(states)
        .extracting(st -> st.source().key())
        .containsExactly("hashtag:coffee", "search:oat latte");
    assertThat(states.get(1).lastError()).isEqualTo("Mastodon answered 404");
    assertThat(states.get(0).lastError()).isNull();

    // A success clears the error and keeps the cursor when none is given.
    db.inTransaction(
        h -> {
          core.sources.succeeded(h, c.id(), search, clock.instant());
          core.sources.keepOnly(h, c.id(), List.of(Source.MENTIONS, search));
          return null;
        });
    String error = q(h -> core.sources.find(h, c.id(), search)).orElseThrow().lastError();
    assertThat(error).isNull();
    assertThat(cursorOf(c, search)).isEqualTo("90");
    assertThat(cursorOf(c, tag)).isNull();
  }

  private String cursorOf(Channel c, Source s) {
    return q(h -> core.sources.cursor(h, c.id(), s));
  }

  private Channel connectFeed2(Actor admin) {
    return core.connectChannel.connect(
        admin,
        new ConnectChannel.Spec(
            Network.RSS, "Other", "https://example.org/feed.xml", Map.of(), null, null));
  }
}
