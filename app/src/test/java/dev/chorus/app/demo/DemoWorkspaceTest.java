package dev.chorus.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.app.App;
import dev.chorus.app.Browser;
import dev.chorus.app.Config;
import dev.chorus.app.TestApp;
import dev.chorus.channels.net.NetworkPolicy;
import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.ChannelId;
import dev.chorus.core.channel.Connector;
import dev.chorus.core.channel.Network;
import dev.chorus.core.channel.OutgoingPost;
import dev.chorus.core.channel.Publishes;
import dev.chorus.core.channel.ReadsMentions;
import dev.chorus.core.channel.RemoteRef;
import dev.chorus.core.workspace.WorkspaceId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoWorkspaceTest {
  @TempDir Path dir;

  @Test
  void theDemoIsCreatedOnceAndItsRandomLoginWorks() throws Exception {
    try (TestApp app = TestApp.start(dir)) {
      var first = new DemoWorkspace(app.core(), dir).ensure();
      var again = new DemoWorkspace(app.core(), dir).ensure();
      assertThat(again).isEqualTo(first);
      assertThat(first.password()).hasSizeGreaterThanOrEqualTo(16);
      assertThat(
              PosixFilePermissions.toString(
                  Files.getPosixFilePermissions(dir.resolve("demo-login.txt"))))
          .isEqualTo("rw-------");
      Browser b = new Browser(app.url()).signIn(first.email(), first.password());
      var members = b.get("/w/" + first.workspaceSlug() + "/members");
      assertThat(members.statusCode()).isEqualTo(200);
      assertThat(members.body()).contains("Ana Ortiz").contains("sam@agency.example");
      assertThat(b.get("/w/harbor-books-client").statusCode()).isEqualTo(200);
      assertThat(b.get("/w/" + first.workspaceSlug() + "/queries").body())
          .contains("Northwind mentions")
          .contains("Oat latte feedback")
          .contains("Orders and shipping problems");
      String channels = b.get("/w/" + first.workspaceSlug() + "/channels").body();
      assertThat(channels).contains("Demo network").contains("simulated");
      assertThat(channels).doesNotContain("<script>");
    }
  }

  @Test
  void theDemoChannelOpensWithTwoHoursOfItsAudienceMatchedByTheQueriesThenGoesLive()
      throws Exception {
    // As ./chorus demo does: the demo is made before the server and its scheduler start.
    Config config =
        Config.defaults(dir)
            .withHost("127.0.0.1")
            .withPort(0)
            .withNetwork(NetworkPolicy.loopbackForTests());
    try (App app = App.create(config)) {
      Instant before = Instant.now();
      new DemoWorkspace(app.core(), dir).ensure();
      var core = app.core();
      Channel demo =
          core.db.read(
              h -> {
                var row =
                    h.createQuery("SELECT id, workspace_id FROM channels WHERE network = 'demo'")
                        .mapToMap()
                        .one();
                return core.channels
                    .find(
                        h,
                        new WorkspaceId((String) row.get("workspace_id")),
                        new ChannelId((String) row.get("id")))
                    .orElseThrow();
              });
      assertThat(demo.network()).isEqualTo(Network.DEMO);
      assertThat(demo.name()).isEqualTo(DemoWorkspace.CHANNEL_NAME);
      // Read every few seconds, not every quarter of an hour.
      assertThat(demo.pollInterval()).isEqualTo(Duration.ofSeconds(5));
      assertThat(demo.nextPollAt()).isBefore(Instant.now().plusSeconds(10));
      assertThat(demo.lastError()).isNull();

      int items = count(core, "SELECT COUNT(*) FROM inbound_items WHERE channel_id = :c", demo);
      // Two hours at one post every two to six seconds.
      assertThat(items).isBetween(1200, 3600);
      long oldest =
          core.db.read(
              h ->
                  h.createQuery("SELECT MIN(created_at) FROM inbound_items WHERE channel_id = :c")
                      .bind("c", demo.id().value())
                      .mapTo(Long.class)
                      .one());
      assertThat(Instant.ofEpochMilli(oldest))
          .isAfter(before.minus(Duration.ofHours(2)).minusSeconds(5))
          .isBefore(before.minus(Duration.ofMinutes(110)));

      // Every saved query hears something; the brand's query leaves the other Northwinds out.
      for (String query :
          List.of("Northwind mentions", "Oat latte feedback", "Orders and shipping problems")) {
        assertThat(matches(core, query)).as(query).isNotEmpty();
      }
      List<String> brand = matches(core, "Northwind mentions");
      assertThat(brand.size()).isGreaterThan(items / 2);
      assertThat(brand)
          .noneMatch(t -> t.contains("Traders") || t.contains("ferry") || t.contains("SQL"));
      assertThat(matches(core, "Oat latte feedback"))
          .allMatch(t -> t.matches("(?is).*(oat latte|avoine|hafer latte|avena|aveia|オーツラテ).*"));

      // The pipeline identified the languages itself; the hostile strings are stored as text.
      List<String> languages =
          core.db.read(
              h ->
                  h.createQuery(
                          "SELECT DISTINCT detected_language FROM inbound_items WHERE channel_id"
                              + " = :c")
                      .bind("c", demo.id().value())
                      .mapTo(String.class)
                      .list());
      assertThat(languages).contains("en", "fr", "de", "es", "pt", "ja");
      assertThat(
              count(
                  core,
                  "SELECT COUNT(*) FROM inbound_items WHERE channel_id = :c AND body LIKE '%<script>%'",
                  demo))
          .isPositive();

      // The channel answers as a demo network: it reads and it publishes.
      Connector connector = core.connectors.open(demo, null);
      assertThat(connector).isInstanceOf(ReadsMentions.class).isInstanceOf(Publishes.class);
      String question =
          core.db.read(
              h ->
                  h.createQuery(
                          "SELECT remote_id FROM inbound_items WHERE channel_id = :c AND body LIKE"
                              + " '%?%' AND in_reply_to IS NULL ORDER BY id DESC LIMIT 1")
                      .bind("c", demo.id().value())
                      .mapTo(String.class)
                      .one());
      RemoteRef sent =
          ((Publishes) connector)
              .publish(
                  new OutgoingPost(
                      "Thanks for asking! We open at 7.",
                      new RemoteRef(question, null, null),
                      List.of(),
                      null,
                      null),
                  "demo-test-reply");
      assertThat(sent.id()).startsWith("dr-");
      assertThat(sent.url()).isNull();

      // Live: the app's scheduler keeps reading while the audience keeps talking.
      app.start();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (count(core, "SELECT COUNT(*) FROM inbound_items WHERE channel_id = :c", demo) == items
          && System.nanoTime() < deadline) {
        Thread.sleep(250);
      }
      assertThat(count(core, "SELECT COUNT(*) FROM inbound_items WHERE channel_id = :c", demo))
          .isGreaterThan(items);
    }
  }

  private static int count(dev.chorus.core.Core core, String sql, Channel c) {
    return core.db.read(
        h -> h.createQuery(sql).bind("c", c.id().value()).mapTo(Integer.class).one());
  }

  private static List<String> matches(dev.chorus.core.Core core, String query) {
    return core.db.read(
        h ->
            h.createQuery(
                    "SELECT i.body FROM inbound_items i JOIN item_matches m ON m.item_id = i.id"
                        + " JOIN saved_queries q ON q.id = m.query_id WHERE q.name = :q")
                .bind("q", query)
                .mapTo(String.class)
                .list());
  }

  @Test
  void afterThePasswordChangesTheDemoNoLongerPrintsTheOldOne() {
    try (TestApp app = TestApp.start(dir)) {
      var login = new DemoWorkspace(app.core(), dir).ensure();
      var user = app.core().db.read(h -> app.core().users.byEmail(h, login.email())).orElseThrow();
      app.core().changePassword.change(user, login.password(), "my own new password", null);
      assertThat(new DemoWorkspace(app.core(), dir).ensure().password()).isNull();
    }
  }
}
