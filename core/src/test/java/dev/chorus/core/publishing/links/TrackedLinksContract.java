package dev.chorus.core.publishing.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorus.core.Core;
import dev.chorus.core.MutableClock;
import dev.chorus.core.account.SignInThrottle;
import dev.chorus.core.account.User;
import dev.chorus.core.alerts.AlertSender;
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
import dev.chorus.core.error.NotFound;
import dev.chorus.core.error.NotPermitted;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.publishing.Delivery;
import dev.chorus.core.publishing.PostId;
import dev.chorus.core.publishing.SchedulePost;
import dev.chorus.core.security.InstanceKey;
import dev.chorus.core.store.Database;
import dev.chorus.core.store.DatabaseUrl;
import dev.chorus.core.store.TestDatabases;
import dev.chorus.core.workspace.Workspace;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tracked links on SQLite and PostgreSQL: links in a sent post become /l/{code} with UTM targets,
 * the same on every attempt; visits are counted per day as clicks or bot hits; the workspace can
 * turn tracking off; Bluesky's counting keeps the post within its limit.
 */
abstract class TrackedLinksContract {
  static final String HOST = "https://chorus.example.com";
  static final Pattern WRAPPED = Pattern.compile(Pattern.quote(HOST) + "/l/([0-9A-Za-z]{10})");
  static final String FIREFOX =
      "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

  protected final MutableClock clock = MutableClock.atFixedStart();
  protected Database db;
  protected Core core;
  private final List<String[]> calls = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<ChannelFailure> failures = new ConcurrentLinkedQueue<>();
  private Actor owner;

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
            new FakeNetwork(),
            AlertSender.NONE,
            () -> HOST + "/");
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

  /** Mastodon counts a link as 23 of 500; Bluesky counts 300 graphemes as written. */
  private final class FakeNetwork implements ConnectorFactory {
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
              : new ChannelLimits(500, false, 23, 4, 16L << 20, 1500);
        }

        @Override
        public RemoteRef publish(OutgoingPost post, String idempotencyKey) {
          calls.add(new String[] {idempotencyKey, post.text()});
          ChannelFailure f = failures.poll();
          if (f != null) throw f;
          return new RemoteRef("r-" + idempotencyKey, null, null);
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

  private PostId schedule(String text, Channel c) {
    return db.inTransaction(
        h ->
            core.schedulePost.schedule(
                h,
                owner.workspace().id(),
                owner.user().id().value(),
                clock.instant(),
                List.of(new SchedulePost.Variant(c.id(), text, null))));
  }

  private int n;

  private void sendDue() {
    var now = clock.instant();
    List<Delivery> claimed =
        db.inTransaction(
            h -> core.deliveries.claim(h, now, 10, "test:" + ++n, now.plus(Duration.ofMinutes(2))));
    for (Delivery d : claimed) core.sendDelivery.send(d);
  }

  private List<Map<String, Object>> links() {
    return db.read(
        h -> h.createQuery("SELECT * FROM tracked_links ORDER BY position").mapToMap().list());
  }

  private static List<String> codes(String text) {
    Matcher m = WRAPPED.matcher(text);
    List<String> out = new java.util.ArrayList<>();
    while (m.find()) out.add(m.group(1));
    return out;
  }

  @Test
  void linksInASentPostGoThroughTheChorusHostWithUtmAndTheSameTextOnEveryAttempt() {
    Channel masto = channel(Network.MASTODON, "Main");
    PostId post =
        schedule(
            "Fresh roast: https://shop.example/beans?utm_source=newsletter. Settings at"
                + " https://chorus.example.com/w/acme",
            masto);
    failures.add(new ChannelFailure("Service Unavailable", true, null, 503, null));
    sendDue();
    clock.advance(Duration.ofMinutes(1));
    sendDue();
    assertThat(calls).hasSize(2);
    assertThat(calls.get(1)[0]).isEqualTo(calls.get(0)[0]);
    assertThat(calls.get(1)[1]).isEqualTo(calls.get(0)[1]);
    String sent = calls.get(0)[1];
    List<String> codes = codes(sent);
    assertThat(codes).hasSize(1);
    assertThat(sent)
        .isEqualTo(
            "Fresh roast: "
                + HOST
                + "/l/"
                + codes.get(0)
                + ". Settings at https://chorus.example.com/w/acme");
    List<Map<String, Object>> rows = links();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get("code")).isEqualTo(codes.get(0));
    assertThat(rows.get(0).get("post_id")).isEqualTo(post.value());
    assertThat(rows.get(0).get("channel_id")).isEqualTo(masto.id().value());
    assertThat(rows.get(0).get("original_url"))
        .isEqualTo("https://shop.example/beans?utm_source=newsletter");
    assertThat(rows.get(0).get("target_url"))
        .isEqualTo(
            "https://shop.example/beans?utm_source=newsletter&utm_medium=social"
                + "&utm_campaign=chorus&utm_content="
                + post.value());
  }

  @Test
  void visitsAreCountedPerDayAsClicksOrBotHitsAndUnknownCodesLeadNowhere() {
    Channel masto = channel(Network.MASTODON, "Main");
    Channel sky = channel(Network.BLUESKY, "Sky");
    PostId post = schedule("Beans https://shop.example/a and https://shop.example/b", masto);
    PostId other = schedule("Beans https://shop.example/a", sky);
    sendDue();
    List<String> mastoCodes = codes(calls.get(0)[1]);
    List<String> skyCodes = codes(calls.get(1)[1]);
    assertThat(mastoCodes).hasSize(2).doesNotHaveDuplicates();
    assertThat(skyCodes).hasSize(1).doesNotContainAnyElementsOf(mastoCodes);

    String a = mastoCodes.get(0);
    assertThat(core.links.follow.follow(a, "GET", FIREFOX))
        .contains(
            "https://shop.example/a?utm_source=mastodon&utm_medium=social&utm_campaign=chorus"
                + "&utm_content="
                + post.value());
    core.links.follow.follow(a, "GET", FIREFOX);
    core.links.follow.follow(a, "GET", "Mastodon/4.3.0 (http.rb/5.2.0; +https://x.social/)");
    core.links.follow.follow(a, "HEAD", FIREFOX);
    core.links.follow.follow(skyCodes.get(0), "GET", FIREFOX);
    clock.advance(Duration.ofDays(1));
    core.links.follow.follow(a, "GET", FIREFOX);
    assertThat(core.links.follow.follow("AAAAAAAAAA", "GET", FIREFOX)).isEmpty();
    assertThat(core.links.follow.follow("../../etc", "GET", FIREFOX)).isEmpty();

    List<Map<String, Object>> days =
        db.read(
            h ->
                h.createQuery(
                        "SELECT day, clicks, bot_hits FROM link_clicks WHERE code = :c ORDER BY day")
                    .bind("c", a)
                    .mapToMap()
                    .list());
    assertThat(days).hasSize(2);
    assertThat(((Number) days.get(0).get("clicks")).longValue()).isEqualTo(2);
    assertThat(((Number) days.get(0).get("bot_hits")).longValue()).isEqualTo(2);
    assertThat(((Number) days.get(1).get("clicks")).longValue()).isEqualTo(1);
    // Counters only: the table has no room for who visited.
    assertThat(days.get(0).keySet()).containsExactlyInAnyOrder("day", "clicks", "bot_hits");

    var ofPost = core.links.stats.ofPost(owner.workspace().id(), post);
    assertThat(ofPost.clicks()).isEqualTo(3);
    assertThat(ofPost.botHits()).isEqualTo(2);
    assertThat(ofPost.links()).hasSize(2);
    assertThat(ofPost.links().get(0).clicks()).isEqualTo(3);
    assertThat(ofPost.links().get(1).clicks()).isZero();
    assertThat(ofPost.byChannel()).hasSize(1);
    assertThat(ofPost.byChannel().get(0).links()).isEqualTo(2);
    assertThat(ofPost.byChannel().get(0).clicks()).isEqualTo(3);

    var ws = core.links.stats.ofWorkspace(owner.workspace().id(), 30);
    assertThat(ws.clicks()).isEqualTo(4);
    assertThat(ws.top()).extracting(LinkStore.LinkCount::code).containsExactly(a, skyCodes.get(0));
    assertThat(ws.byChannel())
        .extracting(LinkStore.ChannelCount::channelName, LinkStore.ChannelCount::clicks)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Main", 3L),
            org.assertj.core.groups.Tuple.tuple("Sky", 1L));
    // Only today's click is within a window of one day.
    assertThat(core.links.stats.ofWorkspace(owner.workspace().id(), 1).clicks()).isEqualTo(1);
    assertThat(other).isNotNull();
  }

  @Test
  void aWorkspaceThatTurnedTrackingOffSendsLinksAsWrittenAndTheCampaignIsItsOwn() {
    Channel masto = channel(Network.MASTODON, "Main");
    core.links.changeSettings.change(owner, new LinkSettings(false, "chorus"));
    schedule("Beans https://shop.example/a", masto);
    sendDue();
    assertThat(calls.get(0)[1]).isEqualTo("Beans https://shop.example/a");
    assertThat(links()).isEmpty();

    core.links.changeSettings.change(owner, new LinkSettings(true, "spring-sale"));
    PostId post = schedule("Beans https://shop.example/a", masto);
    clock.advance(Duration.ofSeconds(1));
    sendDue();
    assertThat(links())
        .singleElement()
        .extracting(r -> r.get("target_url"))
        .isEqualTo(
            "https://shop.example/a?utm_source=mastodon&utm_medium=social"
                + "&utm_campaign=spring-sale&utm_content="
                + post.value());
    Map<String, Object> audit =
        db.read(
            h ->
                h.createQuery(
                        "SELECT * FROM audit_log WHERE action = 'links.settings_changed' ORDER BY"
                            + " at DESC, id DESC")
                    .mapToMap()
                    .list()
                    .get(0));
    assertThat(audit.get("detail")).isEqualTo("tracking on, utm_campaign spring-sale");
  }

  @Test
  void onlyAdminsChangeLinkSettings() {
    User ed =
        db.inTransaction(h -> core.createUser.create(h, "e@example.com", "Ed", "correct horse b"));
    Actor editor = new Actor(ed, owner.workspace(), Role.EDITOR, null);
    assertThatThrownBy(
            () -> core.links.changeSettings.change(editor, new LinkSettings(false, "chorus")))
        .isInstanceOf(NotPermitted.class);
  }

  @Test
  void onBlueskyALinkIsWrappedOnlyWhileTheTextStillFitsItsLimit() {
    Channel sky = channel(Network.BLUESKY, "Sky");
    // 230 graphemes, then two short links: wrapping the first (15 -> 39) fits in 300, the second
    // would not, so it goes out as written.
    String text = "☕".repeat(230) + " https://a.co/x https://b.co/y";
    assertThat(dev.chorus.core.channel.PostLength.graphemes(text)).isEqualTo(260);
    schedule(text, sky);
    sendDue();
    String sent = calls.get(0)[1];
    assertThat(codes(sent)).hasSize(1);
    assertThat(sent).endsWith(" https://b.co/y").doesNotContain("https://a.co/x");
    assertThat(dev.chorus.core.channel.PostLength.graphemes(sent)).isLessThanOrEqualTo(300);
    assertThat(links())
        .singleElement()
        .extracting(r -> r.get("original_url"))
        .isEqualTo("https://a.co/x");
  }

  @Test
  void onMastodonEveryLinkIsWrappedSinceEachCountsAs23Anyway() {
    Channel masto = channel(Network.MASTODON, "Main");
    String text = "x".repeat(440) + " https://a.co/x https://b.co/y";
    schedule(text, masto);
    sendDue();
    assertThat(codes(calls.get(0)[1])).hasSize(2);
  }

  @Test
  void anotherWorkspacesPostHasNoClicksToShow() {
    Channel masto = channel(Network.MASTODON, "Main");
    PostId post = schedule("Beans https://shop.example/a", masto);
    User stranger =
        db.inTransaction(h -> core.createUser.create(h, "s@example.com", "Sam", "correct horse b"));
    Workspace theirs =
        db.inTransaction(h -> core.createWorkspace.create(h, stranger, "Other", "127.0.0.1"));
    assertThatThrownBy(() -> core.links.stats.ofPost(theirs.id(), post))
        .isInstanceOf(NotFound.class);
  }
}
