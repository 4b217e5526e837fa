package dev.chorus.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chorus.channels.alert.AlertSenders;
import dev.chorus.channels.alert.RecordingWebhookReceiver;
import dev.chorus.channels.net.NetworkPolicy;
import dev.chorus.channels.net.SafeHttp;
import dev.chorus.channels.webhook.ReceiveWebhook;
import dev.chorus.core.Core;
import dev.chorus.core.MutableClock;
import dev.chorus.core.account.SignInThrottle;
import dev.chorus.core.account.User;
import dev.chorus.core.alerts.Alert;
import dev.chorus.core.alerts.Delivery;
import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.ConnectChannel;
import dev.chorus.core.channel.Network;
import dev.chorus.core.listening.SaveQuery;
import dev.chorus.core.listening.SavedQuery;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.security.InstanceKey;
import dev.chorus.core.store.Database;
import dev.chorus.core.store.TestDatabases;
import dev.chorus.core.workspace.Workspace;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An alert's webhook delivery end to end, with the app's real sender and a clock moved by hand: a
 * loopback receiver answers 500, the delivery waits its backoff, then the retry is received with
 * the same delivery id and a valid signature.
 */
class AlertWebhookDeliveryTest {
  @TempDir Path dir;
  final MutableClock clock = MutableClock.atFixedStart();
  final RecordingWebhookReceiver receiver = new RecordingWebhookReceiver();
  Database db;
  Core core;
  Actor owner;

  @BeforeEach
  void open() {
    db = TestDatabases.open(TestDatabases.sqlite(dir));
    SafeHttp http = new SafeHttp(NetworkPolicy.loopbackForTests(), "Chorus/test");
    core =
        new Core(
            db,
            clock,
            SignInThrottle.Limits.defaults(),
            InstanceKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32])),
            (ch, secret) -> {
              throw new UnsupportedOperationException("no network here");
            },
            new AlertSenders(http, null, "https://chorus.example", clock));
    User u =
        db.inTransaction(h -> core.createUser.create(h, "o@example.com", "Owner", "pw-pw-pw-pw"));
    Workspace w = db.inTransaction(h -> core.createWorkspace.create(h, u, "Acme", null));
    owner = new Actor(u, w, Role.OWNER, null);
  }

  @AfterEach
  void close() {
    receiver.close();
    core.pipeline.close();
    db.close();
  }

  @Test
  void aWebhookThatAnswers500GetsTheAlertOnTheRetry() throws Exception {
    var hook = core.alerts.destinations.addWebhook(owner, receiver.uri().toString());
    Channel c =
        core.connectChannel.connect(
            owner,
            new ConnectChannel.Spec(Network.WEBHOOK, "Desk", "webhook:desk", Map.of(), "s", null));
    SavedQuery q = core.saveQuery.save(owner, null, new SaveQuery.Draft("Acme", "acme", List.of()));
    // A steady day, then a burst, stored as heard; the clock at the end of it.
    Instant start = clock.instant();
    db.inTransaction(
        h -> {
          int n = 0;
          for (int m = 0; m < 24 * 60; m++) insert(h, c, q, start.plusSeconds(m * 60L), ++n);
          for (int i = 0; i < 60; i++)
            insert(h, c, q, start.plus(Duration.ofHours(24)).plusSeconds(i), ++n);
          return null;
        });
    clock.advance(Duration.ofHours(24).plusMinutes(2));
    assertThat(core.alerts.evaluate.evaluate().fired()).isEqualTo(1);

    receiver.answer(500);
    assertThat(core.alerts.deliver.deliverDue(10).retrying()).isEqualTo(1);
    Delivery d = delivery();
    assertThat(d.lastError()).contains("answered 500");
    assertThat(d.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(30));
    assertThat(core.alerts.deliver.deliverDue(10).sent()).isZero(); // not due yet

    clock.advance(Duration.ofSeconds(30));
    assertThat(core.alerts.deliver.deliverDue(10).sent()).isEqualTo(1);
    assertThat(delivery().status()).isEqualTo("sent");
    assertThat(delivery().attempts()).isEqualTo(2);

    var received = receiver.received();
    assertThat(received).hasSize(2);
    assertThat(received.get(0).header("X-Chorus-Delivery"))
        .isEqualTo(received.get(1).header("X-Chorus-Delivery"))
        .isEqualTo(d.id());
    var last = received.get(1);
    String ts = last.header("X-Chorus-Timestamp");
    assertThat(last.header("X-Chorus-Signature"))
        .isEqualTo(
            "sha256="
                + HexFormat.of()
                    .formatHex(ReceiveWebhook.hmac(hook.secret(), ts + "." + last.body())));
    var json = new ObjectMapper().readTree(last.body());
    assertThat(json.get("kind").asText()).isEqualTo("volume_spike");
    assertThat(json.at("/scope/name").asText()).isEqualTo("Acme");
  }

  private Delivery delivery() {
    Alert a = db.read(h -> core.alerts.store.list(h, owner.workspace().id(), false, 1)).get(0);
    return db.read(h -> core.alerts.store.deliveries(h, owner.workspace().id(), List.of(a.id())))
        .get(a.id())
        .get(0);
  }

  private void insert(org.jdbi.v3.core.Handle h, Channel c, SavedQuery q, Instant at, int n) {
    String id = "it-" + n;
    h.createUpdate(
            "INSERT INTO inbound_items (id, workspace_id, channel_id, network, kind, remote_id,"
                + " body, created_at, received_at, sentiment) VALUES (:id, :ws, :ch, 'webhook',"
                + " 'mention', :id, 'acme', :at, :at, 0.3)")
        .bind("id", id)
        .bind("ws", owner.workspace().id().value())
        .bind("ch", c.id().value())
        .bind("at", at.toEpochMilli())
        .execute();
    h.createUpdate(
            "INSERT INTO item_matches (item_id, query_id, workspace_id) VALUES (:id, :q, :ws)")
        .bind("id", id)
        .bind("q", q.id())
        .bind("ws", owner.workspace().id().value())
        .execute();
  }
}
