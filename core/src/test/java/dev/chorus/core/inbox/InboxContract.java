package dev.chorus.core.inbox;

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
import dev.chorus.core.channel.InboundItem;
import dev.chorus.core.channel.Network;
import dev.chorus.core.channel.OutgoingPost;
import dev.chorus.core.channel.Publishes;
import dev.chorus.core.channel.RemoteRef;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.error.NotFound;
import dev.chorus.core.error.NotPermitted;
import dev.chorus.core.listening.SaveQuery;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.page.Page;
import dev.chorus.core.page.PageRequest;
import dev.chorus.core.pipeline.Annotated;
import dev.chorus.core.pipeline.Heard;
import dev.chorus.core.pipeline.Ingested;
import dev.chorus.core.pipeline.StoreHeard;
import dev.chorus.core.security.InstanceKey;
import dev.chorus.core.store.Database;
import dev.chorus.core.store.DatabaseUrl;
import dev.chorus.core.store.TestDatabases;
import dev.chorus.core.workspace.Workspace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conversation loop's contract, run on SQLite and PostgreSQL: items through the pipeline become
 * contacts and threaded conversations; the inbox lists, filters and searches them; triage, notes
 * and replies change them.
 */
abstract class InboxContract {
  protected final MutableClock clock = MutableClock.atFixedStart();
  protected Database db;
  protected Core core;
  protected final Network network = Network.MASTODON;

  /** What the fake network was asked to publish, and whether it refuses. */
  protected final List<OutgoingPost> published = new CopyOnWriteArrayList<>();

  protected String refusal;

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
            new ReplyingNetwork());
  }

  @AfterEach
  void close() {
    core.pipeline.close();
    db.close();
  }

  /** A network that takes replies (or refuses them with {@link #refusal}) and counts 50 chars. */
  private final class ReplyingNetwork implements ConnectorFactory {
    @Override
    public Connector open(Channel channel, String secret) {
      return new Publishes() {
        @Override
        public Network network() {
          return network;
        }

        @Override
        public ChannelLimits limits() {
          return new ChannelLimits(50, false, 23, 0, 0, 0);
        }

        @Override
        public RemoteRef publish(OutgoingPost post, String idempotencyKey) {
          if (refusal != null) throw new ChannelFailure(refusal, false, null, 422, null);
          published.add(post);
          return new RemoteRef("ours-" + published.size(), "https://social.example/ours", null);
        }
      };
    }
  }

  private Actor owner;

  protected Actor owner() {
    if (owner == null) owner = member("o@example.com", "Acme", Role.OWNER);
    return owner;
  }

  private Actor member(String email, String workspace, Role role) {
    User u =
        db.inTransaction(
            h -> core.createUser.create(h, email, "User " + email, "correct horse battery"));
    Workspace w = db.inTransaction(h -> core.createWorkspace.create(h, u, workspace, "127.0.0.1"));
    return new Actor(u, w, role, "127.0.0.1");
  }

  private Actor join(Actor owner, String email, Role role) {
    User u =
        db.inTransaction(
            h -> core.createUser.create(h, email, "User " + email, "correct horse battery"));
    db.inTransaction(
        h ->
            h.createUpdate(
                    "INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES (:w,"
                        + " :u, :r, 0)")
                .bind("w", owner.workspace().id().value())
                .bind("u", u.id().value())
                .bind("r", role.key())
                .execute());
    return new Actor(u, owner.workspace(), role, "127.0.0.1");
  }

  protected Channel channel(Actor a, String name) {
    return core.connectChannel.connect(
        a,
        new ConnectChannel.Spec(
            network, name, "https://social.example/" + name, Map.of(), "{\"token\":\"t\"}", null));
  }

  private static int seq;

  private InboundItem item(String id, String author, String text, String inReplyTo, String kind) {
    return item(
        id,
        author,
        text,
        inReplyTo,
        kind,
        Instant.parse("2026-11-20T10:00:00Z").plusSeconds(++seq));
  }

  private InboundItem item(
      String id, String author, String text, String inReplyTo, String kind, Instant at) {
    return new InboundItem(
        Network.MASTODON,
        kind,
        new RemoteRef(id, "https://social.example/@" + author + "/" + id, null),
        author + "@social.example",
        author.substring(0, 1).toUpperCase() + author.substring(1),
        "https://social.example/@" + author,
        null,
        text,
        at,
        inReplyTo == null ? null : new RemoteRef(inReplyTo, null, null),
        "en");
  }

  protected InboundItem mention(String id, String author, String text) {
    return item(id, author, text, null, "mention");
  }

  protected Ingested ingest(Channel c, InboundItem... items) {
    return core.pipeline.submit(new Heard(c, "", List.of(items), "cursor-" + items.length)).join();
  }

  private Page<Conversation> list(Actor a, Map<String, String> filter) {
    Map<String, String> p = new HashMap<>(filter);
    p.putIfAbsent("status", "all");
    return db.read(
        h ->
            core.conversations.list(
                h,
                a.workspace().id(),
                InboxFilter.parse(p, a.user().id().value()),
                PageRequest.first(50)));
  }

  private List<String> snippets(Actor a, Map<String, String> filter) {
    return list(a, filter).items().stream().map(Conversation::snippet).toList();
  }

  /** Every page of {@code filter}, {@code size} at a time, following the cursors. */
  protected List<String> pagedSnippets(Actor a, Map<String, String> filter, int size) {
    Map<String, String> p = new HashMap<>(filter);
    p.putIfAbsent("status", "all");
    InboxFilter f = InboxFilter.parse(p, a.user().id().value());
    List<String> seen = new ArrayList<>();
    PageRequest page = PageRequest.first(size);
    while (true) {
      PageRequest at = page;
      Page<Conversation> got = db.read(h -> core.conversations.list(h, a.workspace().id(), f, at));
      got.items().forEach(k -> seen.add(k.snippet()));
      if (got.nextCursor() == null) return seen;
      assertThat(seen).as("pages that never end").hasSizeLessThan(1_000);
      page = PageRequest.parse(got.nextCursor(), String.valueOf(size));
    }
  }

  /** The tag and query rows' copies of last_item_at all equal their conversation's. */
  private void assertCopiesAreTrue() {
    long stale =
        db.read(
            h ->
                h.createQuery(
                        "SELECT (SELECT COUNT(*) FROM conversation_tags t JOIN conversations c ON"
                            + " c.id = t.conversation_id WHERE t.last_item_at <> c.last_item_at)"
                            + " + (SELECT COUNT(*) FROM conversation_queries cq JOIN"
                            + " conversations c ON c.id = cq.conversation_id WHERE"
                            + " cq.last_item_at <> c.last_item_at)")
                    .mapTo(Long.class)
                    .one());
    assertThat(stale).as("tag and query rows whose last_item_at is stale").isZero();
  }

  protected List<ConversationId> allIds(Actor a) {
    return list(a, Map.of()).items().stream().map(Conversation::id).toList();
  }

  protected String savedQuery(Actor a, String text) {
    return core.saveQuery.save(a, null, new SaveQuery.Draft(text, text, List.of())).id();
  }

  @Test
  void itemsBecomeConversationsWithOneContactPerPersonAcrossChannels() {
    Channel one = channel(owner(), "Main");
    Channel two = channel(owner(), "Support");
    Ingested r = ingest(one, mention("1", "ada", "Does the grinder ship to Norway?"));
    assertThat(r).isEqualTo(new Ingested(1, 0, 0));
    ingest(two, mention("2", "Ada", "Also, is there a warranty?"));
    List<Conversation> all = list(owner(), Map.of()).items();
    assertThat(all).hasSize(2);
    assertThat(all).extracting(Conversation::contactId).containsOnly(all.get(0).contactId());
    ConversationId first = all.get(1).id();
    ThreadView t =
        db.read(h -> core.conversations.thread(h, owner().workspace().id(), first)).orElseThrow();
    assertThat(t.contact().itemCount()).isEqualTo(2);
    assertThat(t.contact().others())
        .extracting(Conversation::channelName)
        .containsExactly("Support");
    assertThat(t.conversation().question()).isTrue();
    assertThat(t.conversation().mode()).isEqualTo("conversation");
    Channel stored =
        db.read(h -> core.channels.find(h, owner().workspace().id(), one.id())).orElseThrow();
    assertThat(stored.cursor()).isEqualTo("cursor-1");
  }

  @Test
  void repliesJoinTheirThreadWhicheverArrivesFirst() {
    Channel c = channel(owner(), "Main");
    // The answer arrives before the post it answers: both end in one conversation.
    ingest(c, item("11", "bob", "me too, same problem", "10", "mention"));
    ingest(c, mention("10", "cy", "the app crashes on login"));
    ingest(c, item("12", "cy", "still broken today", "11", "reply"));
    List<Conversation> all = list(owner(), Map.of()).items();
    assertThat(all).hasSize(1);
    assertThat(all.get(0).itemCount()).isEqualTo(3);
    assertThat(all.get(0).snippet()).isEqualTo("still broken today");
  }

  @Test
  void whatTheWriterLearntInARolledBackTransactionIsForgotten() {
    Channel c = channel(owner(), "Main");
    StoreHeard store = new StoreHeard(core.ids::next, !db.url().isSqlite());
    Annotated first =
        new Annotated(
            mention("20", "rita", "is anyone there?"), "en", 0, List.of(), "mention", true);
    // The contact, the conversation and the item are written, then the transaction fails.
    assertThatThrownBy(
            () ->
                db.inTransaction(
                    h -> {
                      store.store(h, c, List.of(first), clock.instant(), new HashSet<>());
                      throw new IllegalStateException("the cursor could not be stored");
                    }))
        .hasMessageContaining("cursor");
    // Rita again, answering that same post: nothing from the failed transaction may be reused.
    Annotated again =
        new Annotated(
            item("21", "rita", "hello?", "20", "reply"), "en", 0, List.of(), "mention", false);
    Set<String> touched = new HashSet<>();
    int added = db.inTransaction(h -> store.store(h, c, List.of(again), clock.instant(), touched));
    assertThat(added).isEqualTo(1);
    long contacts =
        db.read(h -> h.createQuery("SELECT COUNT(*) FROM contacts").mapTo(Long.class).one());
    assertThat(contacts).isEqualTo(1);
    assertThat(touched).hasSize(1);
    // And what a committed transaction learnt is used: the same thread, the same contact.
    Annotated third =
        new Annotated(
            item("22", "rita", "found it", "21", "reply"), "en", 0, List.of(), "mention", false);
    Set<String> touchedAgain = new HashSet<>();
    db.inTransaction(h -> store.store(h, c, List.of(third), clock.instant(), touchedAgain));
    assertThat(touchedAgain).isEqualTo(touched);
    long stillOne =
        db.read(h -> h.createQuery("SELECT COUNT(*) FROM contacts").mapTo(Long.class).one());
    assertThat(stillOne).isEqualTo(1);
  }

  @Test
  void aReplayStoresNothingTwiceAndACommittedCursorMovesWithTheItems() {
    Channel c = channel(owner(), "Main");
    InboundItem a = mention("1", "ada", "hello");
    InboundItem b = mention("2", "bob", "hi");
    assertThat(ingest(c, a, b, a)).isEqualTo(new Ingested(2, 1, 0));
    assertThat(ingest(c, a, b)).isEqualTo(new Ingested(0, 2, 0));
    assertThat(list(owner(), Map.of()).items()).hasSize(2);
    long contacts =
        db
            .read(
                h ->
                    h.createQuery("SELECT item_count FROM contacts ORDER BY id")
                        .mapTo(Long.class)
                        .list())
            .stream()
            .mapToLong(Long::longValue)
            .sum();
    assertThat(contacts).isEqualTo(2);
  }

  @Test
  void unusableItemsAreQuarantinedWithTheirReasonAndTheRestFlows() {
    Channel c = channel(owner(), "Main");
    Ingested r =
        ingest(
            c,
            mention("1", "ada", "   "),
            mention("2", "bob", "x".repeat(60_000)),
            mention("3", "cy", "bin\u0000ary"),
            mention("4", "dee", "caf\uFFFD \uFFFD\uFFFD\uFFFD broken"),
            mention("5", "eve", "a fine post\r\nwith a Windows line end"));
    assertThat(r).isEqualTo(new Ingested(1, 0, 4));
    List<String> reasons =
        db.read(
            h ->
                h.createQuery("SELECT reason FROM quarantined_items ORDER BY remote_id")
                    .mapTo(String.class)
                    .list());
    assertThat(reasons)
        .satisfiesExactly(
            e -> assertThat(e).startsWith("empty"),
            o -> assertThat(o).isEqualTo("oversized: 60,000 characters, the limit is 50,000"),
            b -> assertThat(b).startsWith("binary: a NUL character at character 4"),
            w -> assertThat(w).startsWith("wrongly encoded: 4 replacement characters"));
    assertThat(snippets(owner(), Map.of())).containsExactly("a fine post with a Windows line end");
  }

  @Test
  void theInboxFiltersByEveryFacetAndSearchesText() {
    Actor o = owner();
    Channel c = channel(o, "Main");
    Channel other = channel(o, "Other");
    ingest(c, mention("1", "ada", "Where is my order? It has been weeks."));
    ingest(c, mention("2", "bob", "I love the new Café blend, wonderful"));
    ingest(other, mention("3", "cy", "terrible service, awful and rude"));
    ingest(c, item("4", "dee", "everyone should try this roaster", null, "reblog"));
    List<Conversation> all = list(o, Map.of()).items();
    Map<String, ConversationId> byStart = new HashMap<>();
    for (Conversation k : all) byStart.put(k.snippet().substring(0, 5), k.id());
    Actor editor = join(o, "e@example.com", Role.EDITOR);
    core.triage.apply(
        o,
        List.of(byStart.get("Where")),
        TriageConversations.Change.assign(editor.user().id().value()));
    core.triage.apply(
        o,
        List.of(byStart.get("Where"), byStart.get("terri")),
        TriageConversations.Change.tag("Needs Refund"));
    core.triage.apply(
        o, List.of(byStart.get("I lov")), TriageConversations.Change.status(Status.CLOSED));

    assertThat(snippets(editor, Map.of("assignee", "me")))
        .singleElement()
        .asString()
        .startsWith("Where");
    assertThat(snippets(o, Map.of("assignee", "none"))).hasSize(3);
    assertThat(snippets(o, Map.of("tag", "needs-refund"))).hasSize(2);
    assertThat(snippets(o, Map.of("status", "closed")))
        .singleElement()
        .asString()
        .startsWith("I love");
    assertThat(snippets(o, Map.of("status", "open"))).hasSize(3);
    assertThat(snippets(o, Map.of("sentiment", "negative")))
        .singleElement()
        .asString()
        .startsWith("terrible");
    assertThat(snippets(o, Map.of("sentiment", "positive")))
        .extracting(s -> s.substring(0, 5))
        .contains("I lov");
    assertThat(snippets(o, Map.of("channel", other.id().value())))
        .singleElement()
        .asString()
        .startsWith("terrible");
    assertThat(snippets(o, Map.of("question", "true")))
        .singleElement()
        .asString()
        .startsWith("Where");
    // A reshare and public praise are advocacy; a question and a complaint to us, conversations.
    assertThat(snippets(o, Map.of("mode", "advocacy")))
        .extracting(k -> k.substring(0, 5))
        .containsExactlyInAnyOrder("every", "I lov");
    assertThat(snippets(o, Map.of("mode", "conversation")))
        .extracting(k -> k.substring(0, 5))
        .containsExactlyInAnyOrder("Where", "terri");
    assertThat(snippets(o, Map.of("language", "en"))).hasSize(4);
    assertThat(snippets(o, Map.of("from", "2026-11-21"))).isEmpty();
    assertThat(snippets(o, Map.of("from", "2026-11-20", "to", "2026-11-20"))).hasSize(4);
    // Search: all words, case and accents folded, prefix on the last word; operators are text.
    assertThat(snippets(o, Map.of("q", "cafe BLEND")))
        .singleElement()
        .asString()
        .startsWith("I love");
    assertThat(snippets(o, Map.of("q", "roast"))).singleElement().asString().startsWith("everyone");
    assertThat(snippets(o, Map.of("q", "order weeks"))).hasSize(1);
    // A joined word is its parts, each required (the index keeps no positions for phrases).
    assertThat(snippets(o, Map.of("q", "café-blend")))
        .singleElement()
        .asString()
        .startsWith("I love");
    assertThat(snippets(o, Map.of("q", "\"order\" weeks*"))).hasSize(1);
    assertThat(snippets(o, Map.of("q", "order OR NEAR( * -weeks ) 'x' \\ :*"))).isEmpty();
    assertThat(snippets(o, Map.of("q", "order nothing-like-this"))).isEmpty();
    assertThatThrownBy(() -> list(o, Map.of("sentiment", "angry")))
        .isInstanceOf(Invalid.class)
        .hasMessageContaining("negative, neutral or positive");
  }

  @Test
  void pagesFollowLatestActivity() {
    Channel c = channel(owner(), "Main");
    for (int k = 0; k < 7; k++) ingest(c, mention("p" + k, "u" + k, "post " + k));
    Page<Conversation> first =
        db.read(
            h ->
                core.conversations.list(
                    h, owner().workspace().id(), InboxFilter.open(), PageRequest.first(3)));
    assertThat(first.items())
        .extracting(Conversation::snippet)
        .containsExactly("post 6", "post 5", "post 4");
    List<String> seen = new ArrayList<>();
    String cursor = first.nextCursor();
    while (cursor != null) {
      String at = cursor;
      Page<Conversation> p =
          db.read(
              h ->
                  core.conversations.list(
                      h, owner().workspace().id(), InboxFilter.open(), PageRequest.parse(at, "3")));
      p.items().forEach(k -> seen.add(k.snippet()));
      cursor = p.nextCursor();
    }
    assertThat(seen).containsExactly("post 3", "post 2", "post 1", "post 0");
  }

  @Test
  void aTaggedConversationThatHearsANewerItemMovesToTheTopOfItsTagAndQuery() {
    Actor o = owner();
    Channel c = channel(o, "Main");
    String coffee = savedQuery(o, "coffee");
    ingest(c, mention("1", "ada", "coffee one"));
    ingest(c, mention("2", "bob", "coffee two"));
    ingest(c, mention("3", "cy", "coffee three"));
    ingest(c, mention("4", "dee", "tea four"));
    core.triage.apply(o, allIds(o), TriageConversations.Change.tag("vip"));
    assertThat(snippets(o, Map.of("tag", "vip")))
        .containsExactly("tea four", "coffee three", "coffee two", "coffee one");
    assertThat(snippets(o, Map.of("query", coffee)))
        .containsExactly("coffee three", "coffee two", "coffee one");

    // Ada speaks again: her conversation is the newest, in the tag and in the query.
    ingest(c, item("5", "ada", "and another thing", "1", "reply"));
    assertThat(snippets(o, Map.of("tag", "vip")))
        .containsExactly("and another thing", "tea four", "coffee three", "coffee two");
    assertThat(snippets(o, Map.of("query", coffee)))
        .containsExactly("and another thing", "coffee three", "coffee two");
    assertThat(snippets(o, Map.of("tag", "vip", "query", coffee, "status", "open")))
        .containsExactly("and another thing", "coffee three", "coffee two");

    // Heard late, older than the conversations' latest: Bob's stays where it is, and Dee's joins
    // the query as of its latest item, not as of the late one.
    Instant early = Instant.parse("2026-11-01T00:00:00Z");
    ingest(c, item("6", "bob", "an old coffee answer", "2", "reply", early));
    ingest(c, item("7", "dee", "coffee, said late", "4", "reply", early));
    assertThat(snippets(o, Map.of("tag", "vip")))
        .containsExactly("and another thing", "tea four", "coffee three", "coffee two");
    assertThat(pagedSnippets(o, Map.of("query", coffee), 1))
        .containsExactly("and another thing", "tea four", "coffee three", "coffee two");
    assertCopiesAreTrue();
  }

  @Test
  void pagingThroughATagOrAQueryReturnsEveryConversationOnceInRecencyOrder() {
    Actor o = owner();
    Channel c = channel(o, "Main");
    String coffee = savedQuery(o, "coffee");
    // Three conversations per second: within a second, the id breaks the tie, as in the inbox.
    Instant base = Instant.parse("2026-11-19T08:00:00Z");
    for (int k = 0; k < 12; k++) {
      String text = (k % 3 == 1 ? "tea " : "coffee ") + k;
      ingest(c, item("m" + k, "u" + k, text, null, "mention", base.plusSeconds(k / 3)));
    }
    List<Conversation> everything = list(o, Map.of()).items();
    List<ConversationId> tagged =
        everything.stream().filter(k -> !k.snippet().endsWith(" 4")).map(Conversation::id).toList();
    core.triage.apply(o, tagged, TriageConversations.Change.tag("vip"));
    // Replies move a few conversations up, some within the same second as others.
    ingest(c, item("r0", "u0", "coffee 0, again", "m0", "reply", base.plusSeconds(3)));
    ingest(c, item("r7", "u7", "tea 7, again", "m7", "reply", base.plusSeconds(9)));
    List<String> all = pagedSnippets(o, Map.of(), 50);
    assertThat(all).hasSize(12).startsWith("tea 7, again");

    List<String> byTag = all.stream().filter(k -> !k.equals("tea 4")).toList();
    List<String> byQuery = all.stream().filter(k -> k.startsWith("coffee")).toList();
    List<String> both = byQuery.stream().filter(byTag::contains).toList();
    assertThat(byTag).hasSize(11);
    assertThat(byQuery).hasSize(8);
    for (int size : new int[] {1, 2, 3, 5, 50}) {
      assertThat(pagedSnippets(o, Map.of("tag", "vip"), size)).containsExactlyElementsOf(byTag);
      assertThat(pagedSnippets(o, Map.of("query", coffee), size))
          .containsExactlyElementsOf(byQuery);
      assertThat(pagedSnippets(o, Map.of("tag", "vip", "query", coffee), size))
          .containsExactlyElementsOf(both);
    }
    // Other facets still apply beside the driving one.
    core.triage.apply(
        o, List.of(everything.get(0).id()), TriageConversations.Change.status(Status.CLOSED));
    String closed = everything.get(0).snippet();
    assertThat(pagedSnippets(o, Map.of("tag", "vip", "status", "open"), 2))
        .containsExactlyElementsOf(byTag.stream().filter(k -> !k.equals(closed)).toList());
    assertCopiesAreTrue();
  }

  @Test
  void anUntaggedConversationRetaggedLaterTakesItsPlaceAsOfThen() {
    Actor o = owner();
    Channel c = channel(o, "Main");
    ingest(c, mention("1", "ada", "first"));
    ingest(c, mention("2", "bob", "second"));
    List<ConversationId> ids = allIds(o);
    ConversationId ada = ids.get(1);
    core.triage.apply(o, ids, TriageConversations.Change.tag("vip"));
    core.triage.apply(o, List.of(ada), TriageConversations.Change.untag("vip"));
    assertThat(snippets(o, Map.of("tag", "vip"))).containsExactly("second");
    // Ada speaks while untagged; tagged again, her conversation comes first.
    ingest(c, item("3", "ada", "first, again", "1", "reply"));
    assertThat(snippets(o, Map.of("tag", "vip"))).containsExactly("second");
    core.triage.apply(o, List.of(ada), TriageConversations.Change.tag("vip"));
    assertThat(pagedSnippets(o, Map.of("tag", "vip"), 1)).containsExactly("first, again", "second");
    // Tagging what is already tagged changes nothing.
    core.triage.apply(o, ids, TriageConversations.Change.tag("vip"));
    assertThat(pagedSnippets(o, Map.of("tag", "vip"), 1)).containsExactly("first, again", "second");
    assertCopiesAreTrue();
  }

  @Test
  void triageIsForMembersOfTheWorkspaceWithTheRole() {
    Actor o = owner();
    Channel c = channel(o, "Main");
    ingest(c, mention("1", "ada", "hello?"));
    ConversationId id = list(o, Map.of()).items().get(0).id();
    Actor viewer = join(o, "v@example.com", Role.VIEWER);
    Actor stranger = member("s@example.com", "Elsewhere", Role.OWNER);
    assertThatThrownBy(
            () ->
                core.triage.apply(
                    viewer, List.of(id), TriageConversations.Change.status(Status.CLOSED)))
        .isInstanceOf(NotPermitted.class);
    assertThatThrownBy(
            () ->
                core.triage.apply(
                    stranger, List.of(id), TriageConversations.Change.status(Status.CLOSED)))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(
            () ->
                core.triage.apply(
                    o,
                    List.of(id),
                    TriageConversations.Change.assign(stranger.user().id().value())))
        .isInstanceOf(Invalid.class)
        .hasMessageContaining("not a member");
    assertThatThrownBy(
            () -> core.triage.apply(o, List.of(id), TriageConversations.Change.tag("no spaces!")))
        .isInstanceOf(Invalid.class);
    assertThatThrownBy(() -> core.addNote.add(stranger, id, "hi")).isInstanceOf(NotFound.class);
    core.addNote.add(o, id, "Called her back <b>today</b>");
    ThreadView t = db.read(h -> core.conversations.thread(h, o.workspace().id(), id)).orElseThrow();
    assertThat(t.notes())
        .extracting(ThreadView.Note::body)
        .containsExactly("Called her back <b>today</b>");
    Optional<ThreadView> foreign =
        db.read(h -> core.conversations.thread(h, stranger.workspace().id(), id));
    assertThat(foreign).isEmpty();
  }

  @Test
  void aNewMessageReopensAClosedConversation() {
    Actor o = owner();
    Channel c = channel(o, "Main");
    ingest(c, mention("1", "ada", "the order is late"));
    ConversationId id = list(o, Map.of()).items().get(0).id();
    core.triage.apply(o, List.of(id), TriageConversations.Change.status(Status.CLOSED));
    ingest(c, item("2", "ada", "still late!", "1", "reply"));
    assertThat(list(o, Map.of()).items().get(0).status()).isEqualTo(Status.OPEN);
  }

  @Test
  void aReplyGoesThroughTheChannelAndTheirAnswerJoinsTheThread() {
    Actor o = owner();
    Channel c = channel(o, "Main");
    ingest(c, mention("1", "ada", "is the shop open on Sunday?"));
    ConversationId id = list(o, Map.of()).items().get(0).id();
    Set<String> changed = new java.util.HashSet<>();
    core.inboxEvents.listen((ws, ids) -> changed.addAll(ids));
    clock.advance(java.time.Duration.ofMinutes(7));
    ReplyToConversation.Result r = core.replyToConversation.reply(o, id, "Yes, 10 to 4!");
    assertThat(r.status()).isEqualTo("sent");
    assertThat(published)
        .singleElement()
        .satisfies(p -> assertThat(p.inReplyTo().id()).isEqualTo("1"));
    assertThat(changed).contains(id.value());
    ingest(c, item("2", "ada", "thanks!", "ours-1", "reply"));
    ThreadView t = db.read(h -> core.conversations.thread(h, o.workspace().id(), id)).orElseThrow();
    assertThat(t.items())
        .extracting(ThreadView.Item::text)
        .containsExactly("is the shop open on Sunday?", "thanks!");
    assertThat(t.replies()).extracting(ThreadView.Reply::status).containsExactly("sent");
    assertThat(t.conversation().firstResponseAt()).isNotNull();
    assertThat(
            java.time.Duration.between(
                t.conversation().firstItemAt(), t.conversation().firstResponseAt()))
        .isGreaterThan(java.time.Duration.ofMinutes(6));
  }

  @Test
  void aRefusedReplyKeepsTheDraftWithTheNetworksReason() {
    Actor o = owner();
    Channel c = channel(o, "Main");
    ingest(c, mention("1", "ada", "hello"));
    ConversationId id = list(o, Map.of()).items().get(0).id();
    assertThatThrownBy(() -> core.replyToConversation.reply(o, id, "x".repeat(51)))
        .isInstanceOf(Invalid.class)
        .hasMessageContaining("51 characters")
        .hasMessageContaining("allows 50");
    // A link counts as 23 whatever its length, as Mastodon counts it.
    refusal = "Validation failed: the post you replied to was deleted";
    ReplyToConversation.Result r =
        core.replyToConversation.reply(o, id, "see https://example.com/" + "a".repeat(80));
    assertThat(r.status()).isEqualTo("failed");
    assertThat(r.error()).contains("was deleted");
    ThreadView t = db.read(h -> core.conversations.thread(h, o.workspace().id(), id)).orElseThrow();
    assertThat(t.replies())
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.status()).isEqualTo("failed");
              assertThat(x.body()).startsWith("see https://example.com/");
              assertThat(x.error()).contains("was deleted");
            });
    assertThat(t.conversation().firstResponseAt()).isNull();
    Actor contributor = join(o, "c@example.com", Role.CONTRIBUTOR);
    assertThatThrownBy(() -> core.replyToConversation.reply(contributor, id, "hi"))
        .isInstanceOf(NotPermitted.class);
  }

  @Test
  void cannedRepliesAreSavedPerWorkspace() {
    Actor o = owner();
    core.cannedReplies.save(o, "Shipping", "We ship within 2 days.");
    assertThat(core.cannedReplies.list(o.workspace().id()))
        .extracting(CannedReplies.Canned::name)
        .containsExactly("Shipping");
    Actor stranger = member("s@example.com", "Elsewhere", Role.OWNER);
    String id = core.cannedReplies.list(o.workspace().id()).get(0).id();
    assertThatThrownBy(() -> core.cannedReplies.delete(stranger, id)).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> core.cannedReplies.save(o, " ", "x")).isInstanceOf(Invalid.class);
    core.cannedReplies.delete(o, id);
    assertThat(core.cannedReplies.list(o.workspace().id())).isEmpty();
  }
}
