package dev.chorus.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.account.User;
import dev.chorus.core.member.Role;
import dev.chorus.core.workspace.Workspace;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inbox pages: the list with its filters in the URL, a conversation with its thread and
 * contact, triage (one and many), notes, canned replies and replies through a real (fake) Mastodon
 * instance, for each role; another workspace's conversation is a 404.
 */
class InboxTest {
  @TempDir Path dir;
  TestApp app;
  InboxFixture inbox;
  User owner;
  Workspace acme;

  @BeforeEach
  void start() {
    app = TestApp.start(dir);
    owner = app.user("owner@example.com");
    acme = app.workspace(owner, "Acme");
    inbox = new InboxFixture(app, owner, acme);
  }

  @AfterEach
  void stop() {
    app.close();
    inbox.close();
  }

  private Browser as(String email, Role role) {
    if (!email.equals("owner@example.com")) app.add(acme, app.user(email), role);
    return new Browser(app.url()).signIn(email, TestApp.PASSWORD);
  }

  private Browser owner() {
    return new Browser(app.url()).signIn("owner@example.com", TestApp.PASSWORD);
  }

  @Test
  void theInboxListsConversationsWithTheirFactsAndEscapesWhatStrangersWrote() {
    inbox.mention("ada@elsewhere.example", "Ada Lovelace", "Is the shop open on Sunday?");
    inbox.mention(
        "mallory@evil.example",
        "<img src=x onerror=alert(1)>",
        "<script>alert('x')</script> your latte is terrible");
    var r = owner().get("/w/acme/inbox");
    assertThat(r.statusCode()).isEqualTo(200);
    Document page = Jsoup.parse(r.body());
    assertThat(page.select("li.conv-row")).hasSize(2);
    assertThat(page.select("script")).allMatch(s -> s.hasAttr("src"));
    assertThat(page.select("img")).isEmpty();
    assertThat(r.body()).contains("&lt;script&gt;alert(").doesNotContain("<script>alert");
    var ada =
        page.select("li.conv-row").stream()
            .filter(li -> li.text().contains("Ada Lovelace"))
            .findFirst()
            .orElseThrow();
    assertThat(ada.select(".conv-handle").text()).isEqualTo("@ada@elsewhere.example");
    assertThat(ada.select(".conv-q")).hasSize(1);
    assertThat(ada.text()).contains("Northwind on Mastodon · Mastodon");
    assertThat(ada.select(".avatar").text()).isEqualTo("AL");
    assertThat(page.select(".inbox-tabs a[data-tab=open] .tab-count").text()).isEqualTo("2");
    assertThat(page.select("a.nav-link[href=/w/acme/inbox] .nav-badge").text()).contains("2");
  }

  @Test
  void filtersLiveInTheUrlAndABadOneIsNamedAndLeftOut() {
    inbox.mention("ada@elsewhere.example", "Ada", "Is the shop open on Sunday?");
    inbox.mention("bob@elsewhere.example", "Bob", "I love the new espresso blend, wonderful!");
    Browser b = owner();
    Document questions = b.page("/w/acme/inbox?question=true");
    assertThat(questions.select("li.conv-row")).hasSize(1);
    assertThat(questions.select("li.conv-row").text()).contains("Ada");
    assertThat(questions.select("input[name=question]").attr("checked")).isNotNull();
    Document search = b.page("/w/acme/inbox?q=espresso");
    assertThat(search.select("li.conv-row")).hasSize(1);
    assertThat(search.select("#inbox-search").val()).isEqualTo("espresso");
    // Each row's link keeps the filters, so opening one keeps the list as it was.
    assertThat(search.select("li.conv-row a.conv-link").attr("href")).endsWith("?q=espresso");
    Document bad = b.page("/w/acme/inbox?from=yesterday&q=espresso");
    assertThat(bad.select(".notice-error").text()).contains("from must be a date");
    assertThat(bad.select("li.conv-row")).hasSize(1);
    Document none = b.page("/w/acme/inbox?status=closed");
    assertThat(none.select("li.conv-empty").text()).contains("No closed conversations");
  }

  @Test
  void theListIsPagedByKeysetAndTheRowsFragmentContinuesIt() {
    for (int i = 0; i < 35; i++)
      inbox.deletedMention("p" + i + "@x.example", "P" + i, "hello " + i);
    Browser b = owner();
    Document first = b.page("/w/acme/inbox");
    assertThat(first.select("li.conv-row")).hasSize(30);
    String more = first.select("a[data-more]").attr("data-more");
    assertThat(more).startsWith("/w/acme/inbox/rows?cursor=");
    Document rest = Jsoup.parse(b.get(more).body());
    assertThat(rest.select("li.conv-row")).hasSize(5);
    assertThat(rest.select("a[data-more]")).isEmpty();
    assertThat(rest.select("li.conv-row").eachAttr("data-id"))
        .doesNotContainAnyElementsOf(first.select("li.conv-row").eachAttr("data-id"));
  }

  @Test
  void aConversationShowsTheThreadTheContactAndHowTheChannelCountsAReply() {
    String id = inbox.mention("ada@elsewhere.example", "Ada", "Do you ship to Norway?");
    Document page = owner().page("/w/acme/inbox/" + id);
    assertThat(page.select("#conv-title").text()).isEqualTo("Ada");
    assertThat(page.select(".timeline .msg-in .msg-text").text())
        .isEqualTo("Do you ship to Norway?");
    assertThat(page.select(".timeline .msg-in a[href]").attr("href"))
        .startsWith("https://elsewhere.example/@ada/");
    assertThat(page.select(".contact .contact-handles").text()).contains("@ada@elsewhere.example");
    assertThat(page.select(".contact-facts").text()).contains("First seen").contains("Messages 1");
    var box = page.selectFirst("#reply-text");
    assertThat(box.hasAttr("disabled")).isFalse();
    assertThat(box.attr("data-max")).isEqualTo("500");
    assertThat(box.attr("data-counting")).isEqualTo("codepoints");
    assertThat(box.attr("data-url-length")).isEqualTo("23");
    assertThat(page.select("li.conv-row.is-active").attr("data-id")).isEqualTo(id);
  }

  @Test
  void anEditorRepliesThroughTheChannelAndTheFirstResponseIsRecorded() {
    String id = inbox.mention("ada@elsewhere.example", "Ada", "Do you ship to Norway?");
    Browser b = owner();
    b.get("/w/acme/inbox/" + id);
    var r = b.post("/w/acme/inbox/" + id + "/reply", "text", "Yes, in 3 days!", "back", "q=norway");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location").orElseThrow())
        .startsWith("/w/acme/inbox/" + id + "?q=norway&notice=reply-sent");
    var sent = inbox.mastodon.received("POST", "/api/v1/statuses");
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).body()).contains("Yes, in 3 days!");
    Document page = b.page("/w/acme/inbox/" + id);
    assertThat(page.select(".timeline .msg-out .msg-text").text()).isEqualTo("Yes, in 3 days!");
    assertThat(page.select(".timeline .msg-out .chip-sent")).hasSize(1);
    assertThat(page.select(".conv-frt").text()).startsWith("First response in");
    assertThat(page.select("#reply-text").text()).isEmpty();
  }

  @Test
  void aReplyTheNetworkRefusesShowsItsReasonAndKeepsTheDraft() {
    String id = inbox.deletedMention("ada@elsewhere.example", "Ada", "Where is my order?");
    Browser b = owner();
    b.get("/w/acme/inbox/" + id);
    var r = b.post("/w/acme/inbox/" + id + "/reply", "text", "Sorry Ada, checking now");
    assertThat(r.statusCode()).isEqualTo(200);
    Document page = Jsoup.parse(r.body());
    assertThat(page.select("#reply-error").text())
        .contains("Not sent")
        .contains("does not appear to exist");
    assertThat(page.select("#reply-text").text()).isEqualTo("Sorry Ada, checking now");
    assertThat(page.select(".timeline .msg-failed .msg-error").text())
        .contains("does not appear to exist");
    // Opened again later, the draft is still in the box.
    assertThat(b.page("/w/acme/inbox/" + id).select("#reply-text").text())
        .isEqualTo("Sorry Ada, checking now");
  }

  @Test
  void aReplyTooLongForTheChannelIsRefusedBeforeAnythingIsSent() {
    String id = inbox.mention("ada@elsewhere.example", "Ada", "Tell me everything");
    Browser b = owner();
    b.get("/w/acme/inbox/" + id);
    String text = "x".repeat(480) + " https://example.com/" + "a".repeat(100);
    // A link counts as 23 on Mastodon: 480 + 1 + 23 = 504 > 500.
    var r = b.post("/w/acme/inbox/" + id + "/reply", "text", text);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(r.body()).select("#reply-error").text()).contains("the reply is 504");
    assertThat(Jsoup.parse(r.body()).select("#reply-text").text()).isEqualTo(text);
    assertThat(inbox.mastodon.received("POST", "/api/v1/statuses")).isEmpty();
  }

  @Test
  void triageNotesAndTagsChangeTheConversationAndKeepTheFilters() {
    String id = inbox.mention("ada@elsewhere.example", "Ada", "My cup leaked");
    Browser b = owner();
    b.get("/w/acme/inbox/" + id);
    String base = "/w/acme/inbox/" + id;
    assertThat(b.post(base + "/assign", "assignee", "me").statusCode()).isEqualTo(302);
    assertThat(b.post(base + "/tags", "tag", "Refund, #bug report").statusCode()).isEqualTo(302);
    assertThat(b.post(base + "/notes", "note", "Customer since 2019 <b>VIP</b>").statusCode())
        .isEqualTo(302);
    var closed = b.post(base + "/status", "status", "closed", "back", "tag=refund&status=open");
    assertThat(closed.headers().firstValue("Location").orElseThrow())
        .startsWith(base + "?status=open&tag=refund&notice=status-closed");
    Document page = b.page(base + "?status=all");
    assertThat(page.select(".conv-status .badge").text()).isEqualTo("Closed");
    assertThat(page.select(".conv-aside .side-value").first().text()).isEqualTo("Owner Tester");
    assertThat(page.select(".tag-list .chip-tag").eachText())
        .containsExactly("#bug-report ×", "#refund ×");
    assertThat(page.select(".msg-note .msg-text").text())
        .isEqualTo("Customer since 2019 <b>VIP</b>");
    assertThat(b.post(base + "/tags/remove", "tag", "refund").statusCode()).isEqualTo(302);
    var badTag = b.post(base + "/tags", "tag", "no spaces!");
    assertThat(badTag.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(badTag.body()).select("#conv-tag-error").text()).contains("a tag is");
    var emptyNote = b.post(base + "/notes", "note", "  ");
    assertThat(emptyNote.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(emptyNote.body()).select("#note-error").text()).contains("empty");
    Document mine = b.page("/w/acme/inbox?status=closed&assignee=me&tag=bug-report");
    assertThat(mine.select("li.conv-row").eachAttr("data-id")).containsExactly(id);
  }

  @Test
  void bulkActionsChangeManyConversationsAtOnce() {
    String a = inbox.mention("ada@elsewhere.example", "Ada", "one");
    String c = inbox.mention("cy@elsewhere.example", "Cy", "two");
    String keep = inbox.mention("dee@elsewhere.example", "Dee", "three");
    Browser b = owner();
    b.get("/w/acme/inbox");
    var r =
        b.postRaw(
            "/w/acme/inbox/bulk",
            Map.of("_csrf", b.csrf(), "action", "close", "ids", a, "back", "q=&status=open"));
    assertThat(r.statusCode()).isEqualTo(302);
    String body = "_csrf=" + b.csrf() + "&action=tag&tag=vip&ids=" + c + "&ids=" + keep;
    var tagged = b.postForm("/w/acme/inbox/bulk", body);
    assertThat(tagged.statusCode()).isEqualTo(302);
    assertThat(tagged.headers().firstValue("Location").orElseThrow())
        .isEqualTo("/w/acme/inbox?notice=bulk-done");
    Document open = b.page("/w/acme/inbox?tag=vip");
    assertThat(open.select("li.conv-row").eachAttr("data-id")).containsExactlyInAnyOrder(c, keep);
    assertThat(b.page("/w/acme/inbox?status=closed").select("li.conv-row").eachAttr("data-id"))
        .containsExactly(a);
    var none = b.post("/w/acme/inbox/bulk", "action", "close");
    assertThat(none.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(none.body()).select(".bulk-error").text())
        .contains("choose at least one conversation");
  }

  @Test
  void formsWithoutTheCsrfTokenAreRefused() {
    String id = inbox.mention("ada@elsewhere.example", "Ada", "hi");
    Browser b = owner();
    b.get("/w/acme/inbox/" + id);
    for (String path : new String[] {"/status", "/assign", "/tags", "/notes", "/reply"}) {
      var r =
          b.postRaw(
              "/w/acme/inbox/" + id + path,
              Map.of("status", "closed", "assignee", "me", "tag", "x", "note", "n", "text", "t"));
      assertThat(r.statusCode()).as(path).isEqualTo(403);
    }
    assertThat(b.postRaw("/w/acme/inbox/bulk", Map.of("ids", id, "action", "close")).statusCode())
        .isEqualTo(403);
    assertThat(inbox.mastodon.received("POST", "/api/v1/statuses")).isEmpty();
  }

  @Test
  void contributorsTriageButSeeWhyTheyCannotReplyAndViewersOnlyRead() {
    String id = inbox.mention("ada@elsewhere.example", "Ada", "Any news?");
    Browser contributor = as("cora@example.com", Role.CONTRIBUTOR);
    Document page = contributor.page("/w/acme/inbox/" + id);
    assertThat(page.selectFirst("#reply-text").hasAttr("disabled")).isTrue();
    assertThat(page.select("#reply-refusal").text()).contains("needs the editor role");
    assertThat(page.select("#note-form")).hasSize(1);
    assertThat(contributor.post("/w/acme/inbox/" + id + "/reply", "text", "hi").statusCode())
        .isEqualTo(403);
    assertThat(contributor.post("/w/acme/inbox/" + id + "/notes", "note", "on it").statusCode())
        .isEqualTo(302);
    Browser viewer = as("vic@example.com", Role.VIEWER);
    Document seen = viewer.page("/w/acme/inbox/" + id);
    assertThat(seen.select("#bulk-form, #note-form, .conv-status form")).isEmpty();
    assertThat(seen.select(".msg-note .msg-text").text()).isEqualTo("on it");
    assertThat(viewer.post("/w/acme/inbox/" + id + "/status", "status", "closed").statusCode())
        .isEqualTo(403);
    assertThat(inbox.mastodon.received("POST", "/api/v1/statuses")).isEmpty();
  }

  @Test
  void editorsKeepCannedRepliesThatTheReplyBoxOffers() {
    String id = inbox.mention("ada@elsewhere.example", "Ada", "When do you open?");
    Browser b = owner();
    b.get("/w/acme/inbox/canned");
    var bad = b.post("/w/acme/inbox/canned", "name", "", "body", "x");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(bad.body()).select("#canned-name-error").text()).contains("name");
    var saved =
        b.post("/w/acme/inbox/canned", "name", "Hours", "body", "We open at 7 <every> day.");
    assertThat(saved.statusCode()).isEqualTo(302);
    Document page = b.page("/w/acme/inbox/" + id);
    assertThat(page.select("#canned-select option[value]").eachAttr("value"))
        .contains("We open at 7 <every> day.");
    String cid =
        b.page("/w/acme/inbox/canned")
            .select("form[action*=/canned/]")
            .attr("action")
            .replaceAll(".*/canned/([^/]+)/delete", "$1");
    assertThat(b.post("/w/acme/inbox/canned/" + cid + "/delete").statusCode()).isEqualTo(302);
    assertThat(b.page("/w/acme/inbox/canned").select(".canned-item")).isEmpty();
    Browser contributor = as("cora@example.com", Role.CONTRIBUTOR);
    assertThat(contributor.get("/w/acme/inbox/canned").statusCode()).isEqualTo(403);
  }

  @Test
  void anotherWorkspacesConversationIsNotFound() {
    String id = inbox.mention("ada@elsewhere.example", "Ada", "secret stuff");
    User outsider = app.user("outsider@example.com");
    app.workspace(outsider, "Other");
    Browser b = new Browser(app.url()).signIn("outsider@example.com", TestApp.PASSWORD);
    assertThat(b.get("/w/other/inbox/" + id).statusCode()).isEqualTo(404);
    assertThat(b.get("/w/other/inbox/" + id + "/live").statusCode()).isEqualTo(404);
    assertThat(b.get("/w/acme/inbox/" + id).statusCode()).isEqualTo(404);
    b.get("/w/other/inbox");
    assertThat(b.post("/w/other/inbox/" + id + "/status", "status", "closed").statusCode())
        .isEqualTo(404);
    assertThat(b.post("/w/other/inbox/" + id + "/notes", "note", "x").statusCode()).isEqualTo(404);
    assertThat(b.post("/w/other/inbox/" + id + "/reply", "text", "x").statusCode()).isEqualTo(404);
    HttpResponse<String> bulk = b.post("/w/other/inbox/bulk", "action", "close", "ids", id);
    assertThat(bulk.statusCode()).isEqualTo(404);
    assertThat(b.page("/w/other/inbox").select("li.conv-row")).isEmpty();
    assertThat(inbox.mastodon.received("POST", "/api/v1/statuses")).isEmpty();
  }

  @Test
  void aDemoChannelsConversationsAreLabelledAsADemoAndRepliesGoIntoTheDemoNetwork() {
    var demo =
        app.core()
            .connectChannel
            .connect(
                new dev.chorus.core.member.Actor(owner, acme, Role.OWNER, null),
                new dev.chorus.core.channel.ConnectChannel.Spec(
                    dev.chorus.core.channel.Network.DEMO,
                    "Northwind demo",
                    "@northwindcoffee on the demo network",
                    dev.chorus.channels.demo.DemoNetwork.settings(
                        7L, java.time.Instant.now().minusSeconds(3600), 5),
                    null,
                    null));
    var item =
        new dev.chorus.core.channel.InboundItem(
            dev.chorus.core.channel.Network.DEMO,
            "mention",
            new dev.chorus.core.channel.RemoteRef("dm-1", null, null),
            "@jo@demo",
            "Jo",
            null,
            null,
            "Is the oat latte back?",
            java.time.Instant.now(),
            null,
            "en");
    app.core()
        .pipeline
        .submit(new dev.chorus.core.pipeline.Heard(demo, "", java.util.List.of(item), null))
        .join();
    Browser b = owner();
    Document list = b.page("/w/acme/inbox");
    var row = list.select("li.conv-row").first();
    assertThat(row.select(".chip-demo").text()).isEqualTo("Demo");
    assertThat(row.text()).contains("Northwind demo · Demo network");
    String id = row.attr("data-id");
    Document page = b.page("/w/acme/inbox/" + id);
    assertThat(page.select(".conv-sub .chip-demo").text()).isEqualTo("Demo");
    var r = b.post("/w/acme/inbox/" + id + "/reply", "text", "Yes, since Monday!");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    assertThat(b.page("/w/acme/inbox/" + id).select(".msg-out .chip-sent")).hasSize(1);
  }
}
