package dev.chorus.core.publishing.queue;

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
import dev.chorus.core.channel.InboundItem;
import dev.chorus.core.channel.Network;
import dev.chorus.core.channel.OutgoingPost;
import dev.chorus.core.channel.Publishes;
import dev.chorus.core.channel.RemoteRef;
import dev.chorus.core.error.Conflict;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.error.NotPermitted;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.publishing.PostId;
import dev.chorus.core.publishing.SchedulePost;
import dev.chorus.core.security.InstanceKey;
import dev.chorus.core.store.Database;
import dev.chorus.core.store.DatabaseUrl;
import dev.chorus.core.store.TestDatabases;
import dev.chorus.core.workspace.Workspace;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The queue's contract, on SQLite and PostgreSQL: slots and add to queue (time zones, daylight
 * saving, no two posts in one slot), rescheduling, recurring and evergreen series with their burst
 * guards, CSV import row by row, and feeds that become queued posts exactly once.
 */
abstract class QueueContract {
  // Monday 2026-11-23 08:00 UTC.
  protected final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
  protected Database db;
  protected Core core;
  private Actor owner;
  private final List<InboundItem> feed = new ArrayList<>();

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
            new Net());
    User u =
        db.inTransaction(
            h -> core.createUser.create(h, "o@example.com", "Olu", "correct horse battery"));
    Workspace w = db.inTransaction(h -> core.createWorkspace.create(h, u, "Acme", "127.0.0.1"));
    owner = new Actor(u, w, Role.OWNER, "127.0.0.1");
  }

  @AfterEach
  void close() {
    core.publishScheduler.close();
    core.pipeline.close();
    db.close();
  }

  /** Channels that publish, with Bluesky's and Mastodon's lengths. */
  private static final class Net implements ConnectorFactory {
    @Override
    public Connector open(Channel channel, String secret) {
      return new Publishes() {
        @Override
        public Network network() {
          return channel.network();
        }

        @Override
        public ChannelLimits limits() {
          return channel.network() == Network.BLUESKY
              ? new ChannelLimits(300, true, -1, 4, 1_000_000, 2000)
              : new ChannelLimits(500, false, 23, 4, 16_000_000, 1500);
        }

        @Override
        public RemoteRef publish(OutgoingPost post, String idempotencyKey) {
          return new RemoteRef(idempotencyKey, "https://social.example/" + idempotencyKey, null);
        }
      };
    }
  }

  private Channel channel(Network network, String name) {
    return core.connectChannel.connect(
        owner,
        new ConnectChannel.Spec(
            network, name, "https://social.example/" + name, Map.of(), "{\"token\":\"t\"}", null));
  }

  private static List<SchedulePost.Variant> variants(String text, Channel... cs) {
    List<SchedulePost.Variant> out = new ArrayList<>();
    for (Channel c : cs) out.add(new SchedulePost.Variant(c.id(), text, null));
    return out;
  }

  private Actor as(Role r) {
    return new Actor(owner.user(), owner.workspace(), r, null);
  }

  private List<String> queuedTexts() {
    List<CalendarPosts.Entry> q =
        db.read(h -> core.queue.calendar.queued(h, owner.workspace().id(), 10));
    return q.stream().map(CalendarPosts.Entry::text).toList();
  }

  private List<Map<String, Object>> deliveries(PostId p) {
    return db.read(
        h ->
            h.createQuery("SELECT * FROM deliveries WHERE post_id = :p ORDER BY channel_id")
                .bind("p", p.value())
                .mapToMap()
                .list());
  }

  // --- time zone and slots ---

  @Test
  void theTimeZoneIsAnIanaNameAndDefaultsToUtc() {
    assertThat(core.queue.zones.of(owner.workspace().id()).getId()).isEqualTo("UTC");
    core.queue.zones.change(owner, "Europe/Paris");
    assertThat(core.queue.zones.of(owner.workspace().id())).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThatThrownBy(() -> core.queue.zones.change(owner, "Mars/Olympus"))
        .isInstanceOf(Invalid.class)
        .hasMessageContaining("not a known time zone");
    assertThatThrownBy(() -> core.queue.zones.change(owner, "+02:00"))
        .isInstanceOf(Invalid.class)
        .hasMessageContaining("Europe/Paris");
    assertThatThrownBy(() -> core.queue.zones.change(as(Role.CONTRIBUTOR), "Europe/Paris"))
        .isInstanceOf(NotPermitted.class);
  }

  @Test
  void addToQueueTakesTheNextSlotInTheWorkspacesZoneAndSkipsTakenOnes() {
    core.queue.zones.change(owner, "Europe/Paris");
    Channel main = channel(Network.MASTODON, "Main");
    core.queue.slots.replace(
        owner,
        main.id(),
        List.of(Slot.parse("1", "09:30"), Slot.parse("monday", "08:30"), Slot.parse("3", "12:00")));
    // Monday 08:00 UTC is 09:00 in Paris: 08:30 has passed, 09:30 is next.
    var first = core.queue.addToQueue.add(owner, variants("one", main));
    assertThat(first.dueAt()).isEqualTo(Instant.parse("2026-11-23T08:30:00Z"));
    var second = core.queue.addToQueue.add(owner, variants("two", main));
    assertThat(second.dueAt()).isEqualTo(Instant.parse("2026-11-25T11:00:00Z"));
    // A post scheduled by hand at the next slot takes it too.
    db.inTransaction(
        h ->
            core.schedulePost.schedule(
                h,
                owner.workspace().id(),
                null,
                Instant.parse("2026-11-30T07:30:00Z"),
                variants("by hand", main)));
    var third = core.queue.addToQueue.add(owner, variants("three", main));
    assertThat(third.dueAt()).isEqualTo(Instant.parse("2026-11-30T08:30:00Z"));
    assertThat(queuedTexts()).containsExactly("one", "two", "three");
  }

  @Test
  void channelsQueueAtTheSlotsTheyShare() {
    Channel a = channel(Network.MASTODON, "A");
    Channel b = channel(Network.BLUESKY, "B");
    core.queue.slots.replace(
        owner, a.id(), List.of(Slot.parse("1", "09:00"), Slot.parse("2", "10:00")));
    core.queue.slots.replace(owner, b.id(), List.of(Slot.parse("2", "10:00")));
    var q = core.queue.addToQueue.add(owner, variants("both", a, b));
    assertThat(q.dueAt()).isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
    Channel c = channel(Network.MASTODON, "C");
    assertThatThrownBy(() -> core.queue.addToQueue.add(owner, variants("x", a, c)))
        .isInstanceOf(Invalid.class)
        .hasMessageContaining("share no time slot");
    assertThatThrownBy(() -> core.queue.addToQueue.add(as(Role.CONTRIBUTOR), variants("x", a)))
        .isInstanceOf(NotPermitted.class);
  }

  @Test
  void aSlotInTheSpringForwardGapFallsJustAfterIt() {
    // 2027-03-28: Paris skips from 02:00 to 03:00. It is a Sunday.
    clock.advance(Duration.between(clock.instant(), Instant.parse("2027-03-27T12:00:00Z")));
    core.queue.zones.change(owner, "Europe/Paris");
    Channel main = channel(Network.MASTODON, "Main");
    core.queue.slots.replace(
        owner, main.id(), List.of(new Slot(DayOfWeek.SUNDAY, LocalTime.of(2, 30))));
    var q = core.queue.addToQueue.add(owner, variants("gap", main));
    // 02:30 does not exist that day: it falls at 03:30 CEST (01:30 UTC), once.
    assertThat(q.dueAt()).isEqualTo(Instant.parse("2027-03-28T01:30:00Z"));
    var next = core.queue.addToQueue.add(owner, variants("next", main));
    assertThat(next.dueAt()).isEqualTo(Instant.parse("2027-04-04T00:30:00Z"));
  }

  @Test
  void twoPostsQueuedAtOnceNeverTakeTheSameSlot() throws Exception {
    Channel main = channel(Network.MASTODON, "Main");
    List<Slot> slots = new ArrayList<>();
    for (int d = 1; d <= 7; d++) slots.add(Slot.parse(Integer.toString(d), "09:00"));
    core.queue.slots.replace(owner, main.id(), slots);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<AddToQueue.Queued>> fs = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        int n = i;
        Callable<AddToQueue.Queued> task =
            () -> {
              // The test database waits 500 ms for a busy SQLite writer, then asks to try again.
              while (true) {
                try {
                  return core.queue.addToQueue.add(owner, variants("post " + n, main));
                } catch (dev.chorus.core.error.Unavailable busy) {
                  Thread.sleep(20);
                }
              }
            };
        fs.add(pool.submit(task));
      }
      Set<Instant> due = new HashSet<>();
      for (var f : fs) assertThat(due.add(f.get().dueAt())).isTrue();
      assertThat(due).hasSize(12);
    } finally {
      pool.shutdownNow();
    }
  }

  // --- rescheduling ---

  @Test
  void reschedulingMovesOnlyDeliveriesStillWaiting() {
    Channel a = channel(Network.MASTODON, "A");
    Channel b = channel(Network.BLUESKY, "B");
    Instant due = clock.instant().plus(Duration.ofHours(1));
    PostId p =
        db.inTransaction(
            h ->
                core.schedulePost.schedule(
                    h, owner.workspace().id(), null, due, variants("x", a, b)));
    // B's delivery is being published right now.
    db.inTransaction(
        h ->
            h.createUpdate(
                    "UPDATE deliveries SET status = 'publishing', attempts = 1, lease_owner = 'n1'"
                        + " WHERE post_id = :p AND channel_id = :c")
                .bind("p", p.value())
                .bind("c", b.id().value())
                .execute());
    Instant later = due.plus(Duration.ofDays(2));
    var moved = core.queue.reschedule.reschedule(owner, p, later);
    assertThat(moved.moved()).isEqualTo(1);
    assertThat(moved.stayed()).isEqualTo(1);
    for (var d : deliveries(p)) {
      long expected =
          d.get("channel_id").equals(a.id().value()) ? later.toEpochMilli() : due.toEpochMilli();
      assertThat(((Number) d.get("due_at")).longValue()).isEqualTo(expected);
    }
    assertThat(
            db.read(h -> core.queue.calendar.find(h, owner.workspace().id(), p))
                .orElseThrow()
                .dueAt())
        .isEqualTo(later);
  }

  @Test
  void aTimeInThePastOrAPostAlreadySentCannotBeRescheduled() {
    Channel a = channel(Network.MASTODON, "A");
    PostId p =
        db.inTransaction(
            h ->
                core.schedulePost.schedule(
                    h,
                    owner.workspace().id(),
                    null,
                    clock.instant().plusSeconds(60),
                    variants("x", a)));
    assertThatThrownBy(
            () -> core.queue.reschedule.reschedule(owner, p, clock.instant().minusSeconds(1)))
        .isInstanceOf(Invalid.class)
        .hasMessageContaining("in the past");
    db.inTransaction(
        h ->
            h.createUpdate("UPDATE deliveries SET status = 'published' WHERE post_id = :p")
                .bind("p", p.value())
                .execute());
    assertThatThrownBy(
            () -> core.queue.reschedule.reschedule(owner, p, clock.instant().plusSeconds(600)))
        .isInstanceOf(Conflict.class);
    assertThatThrownBy(
            () ->
                core.queue.reschedule.reschedule(
                    as(Role.CONTRIBUTOR), p, clock.instant().plusSeconds(600)))
        .isInstanceOf(NotPermitted.class);
  }

  // --- series ---

  private String series(
      PostSeries.Kind kind, Repeat repeat, Duration gap, List<String> texts, Channel c) {
    return core.queue.series.create(
        owner, new PostSeries.Spec(kind, "Weekly tip", List.of(c.id()), texts, null, repeat, gap));
  }

  private List<Map<String, Object>> seriesPosts(String series) {
    return db.read(
        h ->
            h.createQuery(
                    "SELECT sp.due_at, p.status, p.body FROM series_posts sp JOIN posts p ON p.id ="
                        + " sp.post_id WHERE sp.series_id = :s ORDER BY sp.due_at")
                .bind("s", series)
                .mapToMap()
                .list());
  }

  @Test
  void aRecurringPostHasAtMostOnePendingOccurrenceAndSkipsThoseMissedDuringDowntime() {
    Channel c = channel(Network.MASTODON, "Main");
    String s =
        series(
            PostSeries.Kind.RECURRING,
            new Repeat(Repeat.Unit.DAY, 1, Set.of(), LocalTime.of(9, 0), LocalDate.of(2026, 11, 1)),
            Duration.ofHours(1),
            List.of("Daily"),
            c);
    assertThat(core.queue.fireSeries.fire()).hasSize(1);
    assertThat(core.queue.fireSeries.fire()).isEmpty();
    assertThat(seriesPosts(s)).hasSize(1);
    assertThat(((Number) seriesPosts(s).get(0).get("due_at")).longValue())
        .isEqualTo(Instant.parse("2026-11-23T09:00:00Z").toEpochMilli());
    // It goes out; then the server is down for ten days.
    db.inTransaction(h -> h.createUpdate("UPDATE posts SET status = 'published'").execute());
    clock.advance(Duration.ofDays(10));
    assertThat(core.queue.fireSeries.fire()).hasSize(1);
    assertThat(core.queue.fireSeries.fire()).isEmpty();
    var all = seriesPosts(s);
    assertThat(all).hasSize(2);
    // Only the next occurrence after now (2026-12-03 08:00), not the nine missed ones.
    assertThat(((Number) all.get(1).get("due_at")).longValue())
        .isEqualTo(Instant.parse("2026-12-03T09:00:00Z").toEpochMilli());
  }

  @Test
  void theMinimumGapHoldsBackAnOccurrenceTooSoonAfterTheLast() {
    Channel c = channel(Network.MASTODON, "Main");
    String s =
        series(
            PostSeries.Kind.RECURRING,
            new Repeat(
                Repeat.Unit.WEEK,
                1,
                Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY),
                LocalTime.of(9, 0),
                LocalDate.of(2026, 11, 1)),
            Duration.ofHours(36),
            List.of("Tip"),
            c);
    core.queue.fireSeries.fire();
    db.inTransaction(h -> h.createUpdate("UPDATE posts SET status = 'published'").execute());
    core.queue.fireSeries.fire();
    var all = seriesPosts(s);
    // Monday 09:00, then not Tuesday 09:00 (24 h later, within the 36 h gap): next Monday.
    assertThat(all)
        .extracting(m -> Instant.ofEpochMilli(((Number) m.get("due_at")).longValue()))
        .containsExactly(
            Instant.parse("2026-11-23T09:00:00Z"), Instant.parse("2026-11-30T09:00:00Z"));
  }

  @Test
  void anEvergreenPoolUsesTheLeastRecentlyUsedTextNext() {
    Channel c = channel(Network.MASTODON, "Main");
    String s =
        series(
            PostSeries.Kind.EVERGREEN,
            new Repeat(
                Repeat.Unit.DAY, 3, Set.of(), LocalTime.of(12, 0), LocalDate.of(2026, 11, 23)),
            Duration.ofHours(12),
            List.of("A", "B"),
            c);
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      core.queue.fireSeries.fire();
      db.inTransaction(h -> h.createUpdate("UPDATE posts SET status = 'published'").execute());
      clock.advance(Duration.ofDays(3));
    }
    for (var m : seriesPosts(s)) bodies.add((String) m.get("body"));
    assertThat(bodies).containsExactly("A", "B", "A");
  }

  @Test
  void aMonthlySeriesKeepsItsDayOfMonth() {
    Repeat r =
        new Repeat(Repeat.Unit.MONTH, 1, Set.of(), LocalTime.of(10, 0), LocalDate.of(2026, 1, 31));
    ZoneId utc = ZoneId.of("UTC");
    assertThat(r.nextAfter(Instant.parse("2026-11-23T08:00:00Z"), utc))
        .contains(Instant.parse("2026-11-30T10:00:00Z"));
    assertThat(r.nextAfter(Instant.parse("2026-12-01T08:00:00Z"), utc))
        .contains(Instant.parse("2026-12-31T10:00:00Z"));
  }

  // --- CSV import ---

  @Test
  void csvImportsTheGoodRowsAndListsEachBadRowWithItsReason() {
    Channel m = channel(Network.MASTODON, "Main");
    Channel b = channel(Network.BLUESKY, "Sky");
    String longText = "x".repeat(301);
    String csv =
        "channels,text,due,time_zone,content_warning\r\n"
            + "Main;Sky,\"Hello, world\nsecond line\",2026-12-01 09:30,Europe/Paris,\r\n"
            + "Sky,"
            + longText
            + ",2026-12-01 09:30,,\r\n"
            + "Nowhere,Hi,2026-12-01 09:30,,\r\n"
            + "Main,Hi,someday,,\r\n"
            + "Main,Hi,2020-01-01 09:30,,\r\n"
            + "Main,Hi,2026-12-01 09:30,Mars/Base,\r\n"
            + "Main,,2026-12-01 09:30,,\r\n"
            + "Main,\"Say \"\"hi\"\"\",2026-12-02T10:00:00Z,,spoilers\r\n";
    var r = core.queue.importPosts.run(owner, csv);
    assertThat(r.imported()).extracting(ImportPosts.Imported::row).containsExactly(2, 9);
    assertThat(r.imported().get(0).dueAt()).isEqualTo(Instant.parse("2026-12-01T08:30:00Z"));
    assertThat(r.errors())
        .extracting(e -> e.row() + " " + e.field())
        .containsExactly("3 text", "4 channels", "5 due", "6 due", "7 time_zone", "8 text");
    assertThat(r.errors().get(0).reason()).contains("too long for Sky: 301").contains("300");
    var second = deliveries(r.imported().get(1).post());
    assertThat(second.get(0).get("body")).isEqualTo("Say \"hi\"");
    assertThat(second.get(0).get("content_warning")).isEqualTo("spoilers");
    assertThat(deliveries(r.imported().get(0).post())).hasSize(2);
    assertThat(deliveries(r.imported().get(0).post()).get(0).get("body"))
        .isEqualTo("Hello, world\nsecond line");
  }

  @Test
  void csvWithoutTheNeededColumnsOrTooLargeIsRefusedWhole() {
    assertThatThrownBy(() -> core.queue.importPosts.run(owner, "text,due\nHi,2026-12-01 09:30\n"))
        .isInstanceOf(Invalid.class)
        .hasMessageContaining("channels");
    String big = "channels,text,due\n" + ("Main,hi,2026-12-01 09:30\n".repeat(50_000));
    assertThatThrownBy(() -> core.queue.importPosts.run(owner, big))
        .isInstanceOf(Invalid.class)
        .hasMessageContaining("1 MB");
    assertThatThrownBy(
            () -> core.queue.importPosts.run(owner, "channels,text,due\nMain,\"open,x\n"))
        .isInstanceOf(Invalid.class)
        .hasMessageContaining("never closes");
  }

  @Test
  void aLocalTimeTheZoneSkipsIsRefused() {
    assertThatThrownBy(() -> ImportPosts.due("2027-03-28 02:30", ZoneId.of("Europe/Paris")))
        .isInstanceOf(Invalid.class)
        .hasMessageContaining("does not exist");
  }

  // --- feeds ---

  private void entry(String id, String title) {
    feed.add(
        new InboundItem(
            Network.RSS,
            "entry",
            new RemoteRef(id, "https://blog.example/" + id, null),
            null,
            null,
            null,
            title,
            title,
            clock.instant(),
            null,
            null));
  }

  @Test
  void aFeedsNewEntriesAreQueuedOnceAndTheFirstPollTakesOnlyTheNewest() {
    Channel c = channel(Network.MASTODON, "Main");
    List<Slot> slots = new ArrayList<>();
    for (int d = 1; d <= 7; d++) slots.add(Slot.parse(Integer.toString(d), "09:00"));
    core.queue.slots.replace(owner, c.id(), slots);
    for (int i = 1; i <= 10; i++) entry("e" + i, "Post " + i);
    core.queue.feeds.create(
        owner,
        new FeedAutomations.Spec(
            "Blog",
            "https://blog.example/feed.xml",
            FeedAutomations.Mode.QUEUE,
            "New: {title} {link}",
            List.of(c.id()),
            2,
            15));
    PollFeedAutomations poll = core.queue.pollFeeds(url -> List.copyOf(feed));
    assertThat(poll.pollDue(10)).isEqualTo(2);
    assertThat(poll.pollDue(10)).isZero(); // not due again for 15 minutes
    clock.advance(Duration.ofMinutes(15));
    assertThat(poll.pollDue(10)).isZero(); // nothing new
    entry("e11", "Post 11");
    clock.advance(Duration.ofMinutes(15));
    assertThat(poll.pollDue(10)).isEqualTo(1);
    assertThat(queuedTexts())
        .containsExactly(
            "New: Post 9 https://blog.example/e9",
            "New: Post 10 https://blog.example/e10",
            "New: Post 11 https://blog.example/e11");
  }

  // --- the composer's drafts ---

  private PostId draft(String text, Channel... cs) {
    List<dev.chorus.core.publishing.Draft.Variant> vs = new ArrayList<>();
    for (Channel c : cs) vs.add(dev.chorus.core.publishing.Draft.Variant.base(c.id()));
    return core.drafts.create(owner, new dev.chorus.core.publishing.Draft(List.of(text), null, vs));
  }

  @Test
  void aDraftIsQueuedAtTheNextFreeSlotThroughTheComposersScheduling() {
    Channel main = channel(Network.MASTODON, "Main");
    core.queue.slots.replace(
        owner, main.id(), List.of(Slot.parse("1", "09:00"), Slot.parse("2", "09:00")));
    PostId d = draft("From the composer", main);
    var q = core.queue.addToQueue.addDraft(owner, d, core.scheduleDraft);
    assertThat(q.dueAt()).isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
    assertThat(deliveries(d)).hasSize(1);
    var second = core.queue.addToQueue.add(owner, variants("next", main));
    assertThat(second.dueAt()).isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
    assertThat(queuedTexts()).containsExactly("From the composer", "next");
    assertThatThrownBy(() -> core.queue.addToQueue.addDraft(owner, d, core.scheduleDraft))
        .isInstanceOf(Conflict.class);
  }

  @Test
  void aDraftTheComposerRefusesReleasesItsSlot() {
    Channel sky = channel(Network.BLUESKY, "Sky");
    core.queue.slots.replace(owner, sky.id(), List.of(Slot.parse("1", "09:00")));
    PostId d = draft("y".repeat(400), sky);
    assertThatThrownBy(() -> core.queue.addToQueue.addDraft(owner, d, core.scheduleDraft))
        .isInstanceOf(Invalid.class);
    assertThat(core.queue.addToQueue.add(owner, variants("fits", sky)).dueAt())
        .isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
  }

  @Test
  void aFeedInDraftModeMakesDraftsForTheComposer() {
    Channel c = channel(Network.MASTODON, "Main");
    entry("d1", "Older");
    entry("d2", "Newest");
    core.queue.feeds.create(
        owner,
        new FeedAutomations.Spec(
            "Blog drafts",
            "https://blog.example/feed.xml",
            FeedAutomations.Mode.DRAFT,
            "{title}",
            List.of(c.id()),
            1,
            60));
    assertThat(core.queue.pollFeeds(url -> List.copyOf(feed)).pollDue(5)).isEqualTo(1);
    var drafts = core.drafts.list(owner, List.of("draft"), 10);
    assertThat(drafts).hasSize(1);
    var detail = core.drafts.find(owner, drafts.get(0).id());
    assertThat(detail.draft().parts()).containsExactly("Newest");
    assertThat(detail.draft().variants()).extracting(v -> v.channel()).containsExactly(c.id());
  }
}
