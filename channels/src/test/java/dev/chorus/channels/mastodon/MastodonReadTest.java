package dev.chorus.channels.mastodon;

import static dev.chorus.channels.mastodon.Fixtures.connector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chorus.core.channel.ChannelLimits;
import dev.chorus.core.channel.InboundItem;
import dev.chorus.core.channel.ReadsMentions;
import dev.chorus.core.channel.ReadsProfile;
import dev.chorus.core.error.Invalid;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Notifications, hashtag timelines, search, the profile and the instance's limits. */
class MastodonReadTest {
  final FakeMastodon fake = new FakeMastodon();
  final MastodonConnector mastodon = connector(fake);

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void notificationsArePagedOldestFirstFromTheCursor() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      ids.add(
          fake.addNotification("mention", "ada@elsewhere.example", "Mention " + i, null)
              .get("id")
              .asText());
    }

    ReadsMentions.Batch batch = mastodon.readSince(ids.get(9));

    assertThat(batch.items())
        .extracting(InboundItem::text)
        .containsExactlyElementsOf(
            java.util.stream.IntStream.range(10, 100).mapToObj(i -> "Mention " + i).toList());
    assertThat(batch.cursor()).isEqualTo(ids.get(99));
    // Three pages of up to 40 after the cursor, each from the Link header's prev, then an empty
    // one.
    List<FakeMastodon.Received> calls = fake.received("GET", "/api/v1/notifications");
    assertThat(calls).hasSize(4);
    assertThat(calls.get(0).query()).contains("min_id=" + ids.get(9));
    assertThat(calls.get(1).query()).contains("min_id=" + ids.get(49));
    assertThat(calls.get(2).query()).contains("min_id=" + ids.get(89));
    assertThat(calls.get(3).query()).contains("min_id=" + ids.get(99));

    ReadsMentions.Batch nothingNew = mastodon.readSince(batch.cursor());
    assertThat(nothingNew.items()).isEmpty();
    assertThat(nothingNew.cursor()).isEqualTo(ids.get(99));
  }

  @Test
  void theFirstReadTakesOnlyTheNewestPage() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      ids.add(
          fake.addNotification("mention", "ada@elsewhere.example", "m" + i, null)
              .get("id")
              .asText());
    }

    ReadsMentions.Batch batch = mastodon.readSince(null);

    assertThat(batch.items()).hasSize(40);
    assertThat(batch.items().get(0).text()).isEqualTo("m10");
    assertThat(batch.items().get(39).text()).isEqualTo("m49");
    assertThat(batch.cursor()).isEqualTo(ids.get(49));
    assertThat(fake.received("GET", "/api/v1/notifications")).hasSize(1);
  }

  @Test
  void everyKindOfNotificationBecomesAnItem() {
    ObjectNode ours = fake.addStatus("chorus", "Our autumn blend is here", null);
    String oursId = ours.get("id").asText();
    fake.addNotification(
        "mention",
        "ada@elsewhere.example",
        "Hey @chorus, great coffee https://ada.example/review",
        null);
    ObjectNode reply = fake.addNotification("mention", "bo@other.example", "Bought a bag!", oursId);
    fake.addNotification("quote", "cy@third.example", "This blend is lovely", null);
    ObjectNode boost = fake.addNotification("reblog", "dee@elsewhere.example", null, oursId);
    fake.addNotification("favourite", "eve", null, oursId);
    fake.addNotification("follow", "finn@other.example", null, null);
    fake.addNotification("poll", "gus@other.example", null, oursId);

    List<InboundItem> items = mastodon.readSince(null).items();

    assertThat(items)
        .extracting(InboundItem::kind)
        .containsExactly("mention", "reply", "quote", "reblog", "favourite", "follow");
    InboundItem mention = items.get(0);
    assertThat(mention.text()).isEqualTo("Hey @chorus, great coffee https://ada.example/review");
    assertThat(mention.authorHandle()).isEqualTo("@ada@elsewhere.example");
    assertThat(mention.authorName()).isEqualTo("Ada");
    assertThat(mention.authorUrl()).isEqualTo("https://elsewhere.example/@ada");
    InboundItem answer = items.get(1);
    assertThat(answer.ref().id()).isEqualTo(reply.get("status").get("id").asText());
    assertThat(answer.inReplyTo().id()).isEqualTo(oursId);
    InboundItem boosted = items.get(3);
    assertThat(boosted.ref().id()).isEqualTo("notification:" + boost.get("id").asText());
    assertThat(boosted.inReplyTo().id()).isEqualTo(oursId);
    assertThat(boosted.title()).isEqualTo("Boosted your post");
    // A local account's handle names the instance.
    assertThat(items.get(4).authorHandle()).isEqualTo("@eve@127.0.0.1");
    assertThat(items.get(5).title()).isEqualTo("Followed you");
  }

  @Test
  void aContentWarningIsTheTitleAndTheLanguageIsKept() {
    ObjectNode n = fake.addNotification("mention", "ada@elsewhere.example", "Spoilers ahead", null);
    ((ObjectNode) n.get("status")).put("spoiler_text", "film plot");
    ((ObjectNode) n.get("status")).put("language", "de");

    InboundItem item = mastodon.readSince(null).items().get(0);

    assertThat(item.title()).isEqualTo("film plot");
    assertThat(item.language()).isEqualTo("de");
  }

  @Test
  void htmlIsReducedToPlainTextAndNothingRuns() {
    String html =
        "<p>Hi <span class=\"h-card\"><a href=\"https://h.example/@bo\" class=\"u-url mention\">@<span>bo</span></a></span>"
            + " <script>alert(1)</script><a href=\"https://x.example/abc\"><span class=\"invisible\">https://</span>"
            + "<span class=\"\">x.example/abc</span></a> &amp; more</p><p>line one<br>line two</p>"
            + "<p><img src=x onerror=alert(2)>end</p>";

    assertThat(MastodonItems.plain(html))
        .isEqualTo("Hi @bo https://x.example/abc & more\n\nline one\nline two\n\nend");
  }

  @Test
  void aHashtagTimelineIsAListeningSourceReadForward() {
    fake.addStatus("ada@elsewhere.example", "Morning #Coffee", null);
    fake.addStatus("bo@other.example", "Tea is fine too #tea", null);
    ReadsMentions.Batch first = mastodon.readHashtag("#coffee", null);
    fake.addStatus("cy@third.example", "Second cup #coffee", null);

    ReadsMentions.Batch next = mastodon.readHashtag("coffee", first.cursor());

    assertThat(first.items()).extracting(InboundItem::text).containsExactly("Morning #Coffee");
    assertThat(first.items().get(0).kind()).isEqualTo("post");
    assertThat(next.items()).extracting(InboundItem::text).containsExactly("Second cup #coffee");
    assertThatThrownBy(() -> mastodon.readHashtag("not a tag", null))
        .isInstanceOf(Invalid.class)
        .hasMessageContaining("letters, digits and _");
  }

  @Test
  void searchIsAListeningSourceReadForward() {
    fake.addStatus("ada@elsewhere.example", "Where can I get oat milk flat whites?", null);
    fake.addStatus("bo@other.example", "Nothing to see", null);
    ReadsMentions.Batch first = mastodon.search("oat milk", null);
    ObjectNode later = fake.addStatus("cy@third.example", "Oat milk is back in stock", null);

    ReadsMentions.Batch next = mastodon.search("oat milk", first.cursor());

    assertThat(first.items())
        .extracting(InboundItem::text)
        .containsExactly("Where can I get oat milk flat whites?");
    assertThat(next.items())
        .extracting(i -> i.ref().id())
        .containsExactly(later.get("id").asText());
    assertThat(fake.received("GET", "/api/v2/search").get(0).query()).contains("type=statuses");
  }

  @Test
  void theProfileIsRead() {
    ReadsProfile.Profile p = mastodon.profile();

    assertThat(p.handle()).isEqualTo("@chorus@127.0.0.1");
    assertThat(p.displayName()).isEqualTo("Chorus");
    assertThat(p.bio()).isEqualTo("Coffee for everyone. northwind.example #coffee");
    assertThat(p.links())
        .containsExactly(
            "https://127.0.0.1/@chorus",
            "https://northwind.example",
            "https://shop.northwind.example");
    assertThat(p.avatarUrl()).isEqualTo("https://127.0.0.1/avatars/chorus.png");
    assertThat(p.followers()).isEqualTo(42);
  }

  @Test
  void theInstanceLimitIsRead() {
    fake.maxCharacters = 11_000;
    fake.maxMedia = 8;
    fake.imageSizeLimit = 8L << 20;
    fake.descriptionLimit = 1000;

    ChannelLimits limits = mastodon.limits();

    assertThat(limits).isEqualTo(new ChannelLimits(11_000, false, 23, 8, 8L << 20, 1000));
    mastodon.limits();
    assertThat(fake.received("GET", "/api/v2/instance")).hasSize(1);
  }

  @Test
  void whileTheInstanceCannotBeAskedTheLimitsAreMastodonsDefaultsAndItIsAskedAgain() {
    fake.maxCharacters = 1_000;
    fake.failNext(500, 1);

    assertThat(mastodon.limits()).isEqualTo(MastodonConnector.DEFAULT_LIMITS);
    assertThat(mastodon.limits().maxLength()).isEqualTo(1_000);
  }
}
