package dev.chorus.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.chorus.channels.alert.SmtpSettings;
import dev.chorus.core.Core;
import dev.chorus.core.account.User;
import dev.chorus.core.alerts.Alert;
import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.ConnectChannel;
import dev.chorus.core.channel.Network;
import dev.chorus.core.listening.SaveQuery;
import dev.chorus.core.listening.SavedQuery;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.workspace.Workspace;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alerts in the product: a spike heard by the real app becomes an alert on the Alerts page and the
 * dashboard, with the unacknowledged count in the navigation; viewers see, editors acknowledge and
 * change rules, admins choose destinations; email is offered only with SMTP settings.
 */
class AlertsAppTest {
  @TempDir Path dir;
  TestApp app;
  GreenMail mail;

  @AfterEach
  void stop() {
    if (app != null) app.close();
    if (mail != null) mail.stop();
  }

  /** A query that has listened for a day, a steady stream, then a burst; evaluated once. */
  static Alert spike(Core core, Actor owner) {
    Channel c =
        core.connectChannel.connect(
            owner,
            new ConnectChannel.Spec(Network.WEBHOOK, "Desk", "webhook:desk", Map.of(), "s", null));
    SavedQuery q =
        core.saveQuery.save(owner, null, new SaveQuery.Draft("Northwind", "northwind", List.of()));
    Instant now = core.clock.instant();
    core.db.inTransaction(
        h -> {
          h.createUpdate("UPDATE saved_queries SET created_at = :at WHERE id = :id")
              .bind("at", now.minus(Duration.ofDays(2)).toEpochMilli())
              .bind("id", q.id())
              .execute();
          int n = 0;
          // One a minute for the last day, then 60 in the last five minutes.
          for (int m = 24 * 60; m > 5; m--) insert(h, owner, c, q, now.minusSeconds(m * 60L), ++n);
          for (int i = 0; i < 60; i++) insert(h, owner, c, q, now.minusSeconds(5 + i * 4L), ++n);
          return null;
        });
    assertThat(core.alerts.evaluate.evaluate().fired()).isEqualTo(1);
    return core.db.read(h -> core.alerts.store.list(h, owner.workspace().id(), false, 1)).get(0);
  }

  private static void insert(
      org.jdbi.v3.core.Handle h, Actor owner, Channel c, SavedQuery q, Instant at, int n) {
    String id = "it-" + n;
    h.createUpdate(
            "INSERT INTO inbound_items (id, workspace_id, channel_id, network, kind, remote_id,"
                + " body, created_at, received_at, sentiment) VALUES (:id, :ws, :ch, 'webhook',"
                + " 'mention', :id, 'northwind', :at, :at, 0.3)")
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

  private Browser as(String email) {
    return new Browser(app.url()).signIn(email, TestApp.PASSWORD);
  }

  @Test
  void viewersSeeAlertsEditorsAcknowledgeAndAdminsChooseDestinations() {
    app = TestApp.start(dir);
    User owner = app.user("owner@example.com");
    Workspace acme = app.workspace(owner, "Acme");
    User editor = app.user("editor@example.com");
    User viewer = app.user("viewer@example.com");
    app.add(acme, editor, Role.EDITOR);
    app.add(acme, viewer, Role.VIEWER);
    Alert alert = spike(app.core(), new Actor(owner, acme, Role.OWNER, null));
    String base = "/w/" + acme.slug();

    Browser v = as("viewer@example.com");
    Document list = v.page(base + "/alerts");
    assertThat(list.select("#alert-" + alert.id()).text())
        .contains("Northwind")
        .contains("items in 15 minutes");
    assertThat(list.select("#alert-" + alert.id() + " button")).isEmpty();
    assertThat(list.select("a.nav-link[href=" + base + "/alerts] .nav-badge").text()).contains("1");
    // The dashboard shows the latest alert.
    assertThat(v.page(base).select("#latest-alert-title").text())
        .contains("Volume spike on Northwind");
    assertThat(v.post(base + "/alerts/" + alert.id() + "/acknowledge").statusCode()).isEqualTo(403);
    // Viewers see the rules but cannot change them, and do not see destinations.
    Document settings = v.page(base + "/alerts/settings");
    assertThat(settings.select("fieldset[disabled]")).isNotEmpty();
    assertThat(settings.select("#dest-title")).isEmpty();

    Browser e = as("editor@example.com");
    e.get(base + "/alerts");
    // Without the CSRF token, nothing changes.
    assertThat(e.postRaw(base + "/alerts/" + alert.id() + "/acknowledge", Map.of()).statusCode())
        .isEqualTo(403);
    HttpResponse<String> ack = e.post(base + "/alerts/" + alert.id() + "/acknowledge");
    assertThat(ack.statusCode()).isEqualTo(302);
    Document after = e.page(base + "/alerts?show=all");
    assertThat(after.select("#alert-" + alert.id()).text())
        .contains("acknowledged by Editor Tester");
    assertThat(after.select("a.nav-link[href=" + base + "/alerts] .nav-badge")).isEmpty();
    assertThat(e.page(base + "/alerts").select(".alert-item")).isEmpty();
    // Editors change rules; a bad value is named.
    String rule = base + "/alerts/rules/" + alert.queryId();
    HttpResponse<String> bad =
        e.post(
            rule,
            "volume",
            "on",
            "window",
            "7",
            "baseline",
            "24",
            "sensitivity",
            "low",
            "min_count",
            "5",
            "cooldown",
            "60");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("choose a window of 5, 15, 30 or 60 minutes");
    e.get(base + "/alerts/settings");
    assertThat(
            e.post(
                    rule,
                    "volume",
                    "on",
                    "window",
                    "30",
                    "baseline",
                    "168",
                    "sensitivity",
                    "low",
                    "min_count",
                    "5",
                    "cooldown",
                    "120")
                .statusCode())
        .isEqualTo(302);
    var saved =
        app.core().db.read(h -> app.core().alerts.store.rule(h, acme.id(), alert.queryId()));
    assertThat(saved.window()).isEqualTo(Duration.ofMinutes(30));
    assertThat(saved.negative()).isFalse();
    assertThat(saved.baseline()).isEqualTo(Duration.ofDays(7));
    // Editors do not choose destinations.
    assertThat(
            e.post(base + "/alerts/destinations/webhook", "url", "https://h.example/x")
                .statusCode())
        .isEqualTo(403);

    Browser o = as("owner@example.com");
    Document ownerSettings = o.page(base + "/alerts/settings");
    assertThat(ownerSettings.select("#dest-title")).isNotEmpty();
    // No SMTP settings: no email option, not even a promise of one.
    assertThat(ownerSettings.select("form[action$=/alerts/destinations/email]")).isEmpty();
    assertThat(ownerSettings.text()).doesNotContainIgnoringCase("coming soon");
    HttpResponse<String> added =
        o.post(
            base + "/alerts/destinations/webhook",
            "url",
            "https://alerts:hunter2@hooks.example/chorus");
    assertThat(added.statusCode()).isEqualTo(200);
    assertThat(added.body()).contains("whsec_").doesNotContain("hunter2");
    // The address is shown without the credentials in it.
    Document withWebhook = o.page(base + "/alerts/settings");
    assertThat(withWebhook.html()).doesNotContain("whsec_").doesNotContain("hunter2");
    assertThat(withWebhook.select("code").text()).contains("https://***@hooks.example/chorus");

    // Another workspace's alert is not found.
    User other = app.user("other@example.com");
    Workspace globex = app.workspace(other, "Globex");
    Browser g = as("other@example.com");
    g.get("/w/" + globex.slug() + "/alerts");
    assertThat(
            g.post("/w/" + globex.slug() + "/alerts/" + alert.id() + "/acknowledge").statusCode())
        .isEqualTo(404);
  }

  @Test
  void withSmtpSettingsAlertsCanBeEmailed() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    app =
        TestApp.startWithSmtp(
            dir,
            new SmtpSettings(
                "127.0.0.1", port, null, null, "chorus@acme.example", SmtpSettings.Tls.NONE));
    User owner = app.user("owner@example.com");
    Workspace acme = app.workspace(owner, "Acme");
    String base = "/w/" + acme.slug();
    Browser o = as("owner@example.com");
    assertThat(o.page(base + "/alerts/settings").select("form[action$=/alerts/destinations/email]"))
        .hasSize(1);
    HttpResponse<String> bad =
        o.post(base + "/alerts/destinations/email", "email", "not an address");
    assertThat(bad.statusCode()).isEqualTo(400);
    o.get(base + "/alerts/settings");
    assertThat(
            o.post(base + "/alerts/destinations/email", "email", "team@acme.example").statusCode())
        .isEqualTo(302);

    Alert alert = spike(app.core(), new Actor(owner, acme, Role.OWNER, null));
    assertThat(app.core().alerts.deliver.deliverDue(10).sent()).isEqualTo(1);
    assertThat(mail.waitForIncomingEmail(5_000, 1)).isTrue();
    var m = mail.getReceivedMessages()[0];
    assertThat(m.getSubject()).startsWith("[Chorus] Volume spike on Northwind");
    assertThat(GreenMailUtil.getBody(m))
        .contains("/w/" + acme.slug() + "/alerts#alert-" + alert.id());
    assertThat(o.page(base + "/alerts").select("#alert-" + alert.id()).text())
        .contains("Email to team@acme.example: sent");
  }
}
