package dev.chorus.core.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorus.core.Core;
import dev.chorus.core.MutableClock;
import dev.chorus.core.account.SignInThrottle;
import dev.chorus.core.account.User;
import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.ConnectChannel;
import dev.chorus.core.channel.Network;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.error.NotFound;
import dev.chorus.core.error.NotPermitted;
import dev.chorus.core.listening.SaveQuery;
import dev.chorus.core.listening.SavedQuery;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Alert evaluation over the store, run on SQLite and PostgreSQL with a clock moved by hand: a
 * steady stream is quiet, a spike is one alert, the cool-down holds, a follow-up comes after it,
 * deliveries are queued, retried and their failures kept.
 */
abstract class AlertsContract {
  protected final MutableClock clock = MutableClock.atFixedStart();
  protected Database db;
  protected Core core;
  private final List<AlertSender.Message> sent = new CopyOnWriteArrayList<>();
  private final List<DeliveryFailure> failures = new ArrayList<>();
  private Actor owner;
  private Channel channel;
  private SavedQuery query;
  private int seq;

  protected abstract DatabaseUrl freshDatabase();

  /** Records what it was asked to send; fails with the queued failures first. */
  private final class RecordingSender implements AlertSender {
    @Override
    public Set<DestinationKind> kinds() {
      return Set.of(DestinationKind.WEBHOOK);
    }

    @Override
    public void send(Message m) {
      synchronized (failures) {
        if (!failures.isEmpty()) throw failures.remove(0);
      }
      sent.add(m);
    }
  }

  @BeforeEach
  void open() {
    db = TestDatabases.open(freshDatabase());
    core =
        new Core(
            db,
            clock,
            SignInThrottle.Limits.defaults(),
            InstanceKey.fromBase64(java.util.Base64.getEncoder().encodeToString(new byte[32])),
            (c, s) -> {
              throw new UnsupportedOperationException("no network here");
            },
            new RecordingSender());
    User u =
        db.inTransaction(h -> core.createUser.create(h, "o@example.com", "Owner", "pw-pw-pw-pw"));
    Workspace w = db.inTransaction(h -> core.createWorkspace.create(h, u, "Acme", "127.0.0.1"));
    owner = new Actor(u, w, Role.OWNER, "127.0.0.1");
    channel =
        core.connectChannel.connect(
            owner,
            new ConnectChannel.Spec(
                Network.WEBHOOK, "Hook", "webhook:hook", Map.of(), "whsec_x", null));
    query = core.saveQuery.save(owner, null, new SaveQuery.Draft("Acme", "acme", List.of()));
  }

  @AfterEach
  void close() {
    core.pipeline.close();
    db.close();
  }

  /** Stores {@code n} items matching the query, received now, {@code negative} of them negative. */
  private void hear(int n, int negative) {
    Instant now = clock.instant();
    db.inTransaction(
        h -> {
          for (int i = 0; i < n; i++) insert(h, now, i < negative);
          return null;
        });
  }

  private void insert(org.jdbi.v3.core.Handle h, Instant at, boolean negative) {
    String id = String.format("item-%08d", ++seq);
    h.createUpdate(
            "INSERT INTO inbound_items (id, workspace_id, channel_id, network, kind, remote_id,"
                + " body, created_at, received_at, sentiment) VALUES (:id, :ws, :ch, 'webhook',"
                + " 'mention', :id, 'acme', :at, :at, :s)")
        .bind("id", id)
        .bind("ws", owner.workspace().id().value())
        .bind("ch", channel.id().value())
        .bind("at", at.toEpochMilli())
        .bind("s", negative ? -0.6 : 0.4)
        .execute();
    h.createUpdate(
            "INSERT INTO item_matches (item_id, query_id, workspace_id) VALUES (:id, :q, :ws)")
        .bind("id", id)
        .bind("q", query.id())
        .bind("ws", owner.workspace().id().value())
        .execute();
  }

  /**
   * A steady day: every minute, one item (every tenth negative), evaluated every 15 minutes. The
   * day is stored at once; an evaluation counts only what was received before its clock.
   */
  private int steadyDay() {
    Instant start = clock.instant();
    db.inTransaction(
        h -> {
          for (int m = 0; m < 24 * 60; m++) {
            insert(h, start.plus(Duration.ofMinutes(m)), m % 10 == 0);
          }
          return null;
        });
    int fired = 0;
    for (int m = 0; m < 24 * 4; m++) {
      clock.advance(Duration.ofMinutes(15));
      fired += core.alerts.evaluate.evaluate().fired();
    }
    return fired;
  }

  private List<Alert> alerts() {
    return db.read(h -> core.alerts.store.list(h, owner.workspace().id(), false, 100));
  }

  @Test
  void aSteadyDayIsQuietAndAFiveFoldSpikeIsOneAlert() {
    assertThat(steadyDay()).isZero();
    // Five times the usual rate for 40 minutes: one alert, however often it is evaluated.
    int fired = 0;
    for (int m = 0; m < 40; m++) {
      hear(5, 0);
      clock.advance(Duration.ofMinutes(1));
      fired += core.alerts.evaluate.evaluate().fired();
    }
    assertThat(fired).isEqualTo(1);
    Alert a = alerts().get(0);
    assertThat(a.kind()).isEqualTo(AlertKind.VOLUME_SPIKE);
    assertThat(a.queryId()).isEqualTo(query.id());
    assertThat(a.scopeName()).isEqualTo("Acme");
    assertThat(a.followUp()).isFalse();
    assertThat(a.baselineMean()).isCloseTo(15.0, org.assertj.core.data.Offset.offset(0.5));
    assertThat(a.windowCount()).isGreaterThanOrEqualTo(30);
    assertThat(a.detail()).contains("\"sensitivity\":\"medium\"").contains("\"score\"");
    assertThat(a.acknowledged()).isFalse();
  }

  @Test
  void aSpikeThatGoesOnPastTheCoolDownGetsOneFollowUp() {
    steadyDay();
    List<Boolean> followUps = new ArrayList<>();
    for (int m = 0; m < 75; m++) {
      hear(5, 0);
      clock.advance(Duration.ofMinutes(1));
      core.alerts.evaluate.evaluate();
    }
    for (Alert a : alerts()) followUps.add(a.followUp());
    assertThat(followUps).containsExactly(true, false);
    Alert followUp = alerts().get(0);
    assertThat(followUp.headline()).startsWith("Still going: Volume spike on Acme");
    assertThat(Duration.between(alerts().get(1).firedAt(), followUp.firedAt()))
        .isEqualTo(Duration.ofHours(1));
  }

  @Test
  void aNegativeSurgeIsAnAlert() {
    steadyDay();
    int fired = 0;
    // The usual volume, but nearly everything negative.
    for (int m = 0; m < 15; m++) {
      hear(1, 1);
      clock.advance(Duration.ofMinutes(1));
      fired += core.alerts.evaluate.evaluate().fired();
    }
    assertThat(fired).isEqualTo(1);
    Alert a = alerts().get(0);
    assertThat(a.kind()).isEqualTo(AlertKind.NEGATIVE_SURGE);
    assertThat(a.share()).isGreaterThan(0.3);
    assertThat(a.baselineShare()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(0.02));
  }

  @Test
  void aBrandNewQueryDoesNotAlertOnItsFirstItems() {
    for (int m = 0; m < 30; m++) {
      hear(5, 5);
      clock.advance(Duration.ofMinutes(1));
      assertThat(core.alerts.evaluate.evaluate().fired()).isZero();
    }
  }

  @Test
  void aDisabledRuleNeverFires() {
    AlertRule d = AlertRule.defaults();
    core.alerts.changeRule.change(
        owner,
        query.id(),
        new AlertRule(false, false, d.window(), d.baseline(), d.sensitivity(), 10, d.coolDown()));
    steadyDay();
    for (int m = 0; m < 20; m++) {
      hear(10, 10);
      clock.advance(Duration.ofMinutes(1));
      assertThat(core.alerts.evaluate.evaluate().fired()).isZero();
    }
    assertThat(db.read(h -> core.alerts.store.rule(h, owner.workspace().id(), query.id())).volume())
        .isFalse();
  }

  @Test
  void deliveriesAreQueuedRetriedWithBackoffAndFailuresKept() {
    var hook = core.alerts.destinations.addWebhook(owner, "https://hooks.example/chorus");
    assertThat(hook.secret()).startsWith("whsec_");
    steadyDay();
    failures.add(new DeliveryFailure("hooks.example answered 503", true));
    for (int m = 0; m < 20 && alerts().isEmpty(); m++) {
      hear(5, 0);
      clock.advance(Duration.ofMinutes(1));
      core.alerts.evaluate.evaluate();
    }
    Alert a = alerts().get(0);
    DeliverAlerts.Round first = core.alerts.deliver.deliverDue(10);
    assertThat(first.retrying()).isEqualTo(1);
    Delivery d = deliveries(a).get(0);
    assertThat(d.pending()).isTrue();
    assertThat(d.lastError()).contains("503");
    assertThat(d.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(30));
    // Not due yet.
    assertThat(core.alerts.deliver.deliverDue(10).sent()).isZero();
    clock.advance(Duration.ofSeconds(30));
    assertThat(core.alerts.deliver.deliverDue(10).sent()).isEqualTo(1);
    assertThat(sent).hasSize(1);
    AlertSender.Message m = sent.get(0);
    assertThat(m.secret()).isEqualTo(hook.secret());
    assertThat(m.deliveryId()).isEqualTo(d.id());
    assertThat(m.attempt()).isEqualTo(2);
    assertThat(deliveries(a).get(0).status()).isEqualTo("sent");
    // The secret is sealed at rest.
    String sealed =
        db.read(h -> core.alerts.store.sealedSecret(h, hook.destination().id())).orElseThrow();
    assertThat(sealed).doesNotContain(hook.secret());
  }

  @Test
  void aFailureThatWillNotPassFailsTheDeliveryAtOnce() {
    core.alerts.destinations.addWebhook(owner, "https://hooks.example/chorus");
    steadyDay();
    failures.add(new DeliveryFailure("hooks.example answered 404", false));
    for (int m = 0; m < 20 && alerts().isEmpty(); m++) {
      hear(5, 0);
      clock.advance(Duration.ofMinutes(1));
      core.alerts.evaluate.evaluate();
    }
    assertThat(core.alerts.deliver.deliverDue(10).failed()).isEqualTo(1);
    Delivery d = deliveries(alerts().get(0)).get(0);
    assertThat(d.failed()).isTrue();
    assertThat(d.lastError()).isEqualTo("hooks.example answered 404");
  }

  @Test
  void acknowledgingNeedsAnEditorAndIsPerWorkspace() {
    steadyDay();
    for (int m = 0; m < 20 && alerts().isEmpty(); m++) {
      hear(5, 0);
      clock.advance(Duration.ofMinutes(1));
      core.alerts.evaluate.evaluate();
    }
    Alert a = alerts().get(0);
    Actor viewer = new Actor(owner.user(), owner.workspace(), Role.VIEWER, null);
    assertThatThrownBy(() -> core.alerts.acknowledge.acknowledge(viewer, a.id()))
        .isInstanceOf(NotPermitted.class);
    assertThatThrownBy(() -> core.alerts.acknowledge.acknowledge(owner, "nope"))
        .isInstanceOf(NotFound.class);
    assertThat(unacknowledged()).isEqualTo(1);
    core.alerts.acknowledge.acknowledge(owner, a.id());
    Alert after = alerts().get(0);
    assertThat(after.acknowledgedBy()).isEqualTo(owner.user().id().value());
    assertThat(after.acknowledgedByName()).isEqualTo("Owner");
    assertThat(unacknowledged()).isZero();
  }

  @Test
  void alertsArePagedNewestFirstThroughEqualFiringTimesAndFilteredByAcknowledgement() {
    Instant now = clock.instant();
    db.inTransaction(
        h -> {
          // b and c fired in the same millisecond: the id breaks the tie.
          core.alerts.store.insert(h, stored("a", now.minusSeconds(300)));
          core.alerts.store.insert(h, stored("b", now.minusSeconds(60)));
          core.alerts.store.insert(h, stored("c", now.minusSeconds(60)));
          core.alerts.store.insert(h, stored("d", now));
          core.alerts.store.insert(h, stored("e", now.minusSeconds(120)));
          return null;
        });
    core.alerts.acknowledge.acknowledge(owner, "c");
    assertThat(pages(false)).containsExactly("d", "c", "b", "e", "a");
    assertThat(pages(true)).containsExactly("d", "b", "e", "a");
    assertThatThrownBy(
            () ->
                db.read(
                    h ->
                        core.alerts.store.page(
                            h,
                            owner.workspace().id(),
                            false,
                            new dev.chorus.core.page.PageRequest("not-a-time:x", 2))))
        .isInstanceOf(Invalid.class)
        .hasMessageContaining("cursor");
  }

  private List<String> pages(boolean unacknowledgedOnly) {
    List<String> ids = new ArrayList<>();
    String cursor = null;
    do {
      String after = cursor;
      var page =
          db.read(
              h ->
                  core.alerts.store.page(
                      h,
                      owner.workspace().id(),
                      unacknowledgedOnly,
                      dev.chorus.core.page.PageRequest.parse(after, "2")));
      page.items().forEach(a -> ids.add(a.id()));
      assertThat(page.items().size()).isLessThanOrEqualTo(2);
      cursor = page.nextCursor();
    } while (cursor != null);
    return ids;
  }

  private Alert stored(String id, Instant firedAt) {
    return new Alert(
        id,
        owner.workspace().id(),
        query.id(),
        query.id(),
        query.name(),
        AlertKind.VOLUME_SPIKE,
        false,
        firedAt,
        firedAt,
        firedAt.minus(Duration.ofMinutes(15)),
        firedAt,
        40,
        0,
        10,
        3,
        0.1,
        5,
        "{}",
        null,
        null,
        null);
  }

  @Test
  void emailIsRefusedWhenTheServerCannotSendIt() {
    assertThatThrownBy(() -> core.alerts.destinations.addEmail(owner, "team@example.com"))
        .isInstanceOf(Invalid.class)
        .hasMessageContaining("SMTP");
    assertThatThrownBy(() -> core.alerts.destinations.addWebhook(owner, "ftp://x"))
        .isInstanceOf(Invalid.class);
  }

  private int unacknowledged() {
    return db.read(h -> core.alerts.store.unacknowledged(h, owner.workspace().id()));
  }

  private List<Delivery> deliveries(Alert a) {
    return db.read(
        h ->
            core.alerts
                .store
                .deliveries(h, owner.workspace().id(), List.of(a.id()))
                .getOrDefault(a.id(), List.of()));
  }
}
