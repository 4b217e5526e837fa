package dev.chorus.channels.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorus.channels.net.NetworkPolicy;
import dev.chorus.channels.net.SafeHttp;
import dev.chorus.core.channel.ChannelFailure;
import dev.chorus.core.channel.OutgoingPost;
import dev.chorus.core.channel.ReadsPostMetrics;
import dev.chorus.core.channel.ReadsProfile;
import dev.chorus.core.channel.RemoteRef;
import dev.chorus.core.channel.Visibility;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Bluesky against the real reference PDS and PLC directory from npm, started on loopback by {@code
 * scripts/interop}. Each run makes fresh accounts, so the tests share them and stay independent.
 */
@Tag("interop")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BlueskyInteropTest {
  static final byte[] PNG =
      Base64.getDecoder()
          .decode(
              "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

  final Clock clock = Clock.systemUTC();
  final SafeHttp http = new SafeHttp(NetworkPolicy.loopbackForTests(), "chorus-interop");
  LocalPds peer;
  BlueskyDirectory directory;
  LocalPds.Account alice;
  LocalPds.Account bob;
  BlueskyConnector asAlice;
  BlueskyConnector asBob;

  @BeforeAll
  void accounts() {
    peer = LocalPds.fromEnvironment();
    // The PDS resolves handles it hosts; the PLC directory serves the DID documents.
    directory = new BlueskyDirectory(http, peer.pds, peer.plc, clock);
    alice = peer.createAccount("alice");
    bob = peer.createAccount("bob");
    asAlice = connect(alice);
    asBob = connect(bob);
  }

  BlueskyConnector connect(LocalPds.Account a) {
    return new BlueskyConnector(
        BlueskySession.signIn(directory, a.handle(), a.password(), clock, c -> {}),
        directory,
        clock);
  }

  static OutgoingPost text(String text) {
    return new OutgoingPost(text, null, List.of(), null, "en");
  }

  JsonNode record(RemoteRef ref) {
    AtUri at = AtUri.parse(ref.id());
    return peer.get(
            "com.atproto.repo.getRecord?repo="
                + at.repo()
                + "&collection="
                + at.collection()
                + "&rkey="
                + at.rkey())
        .path("value");
  }

  @Test
  void connectingFindsThePdsFromTheHandleAndTheDidDocumentAndSignsInWithTheAppPassword() {
    BlueskySession s =
        BlueskySession.signIn(
            directory, "@" + alice.handle().toUpperCase(), alice.password(), clock, c -> {});
    assertThat(s.did()).isEqualTo(alice.did());
    assertThat(s.handle()).isEqualTo(alice.handle());
    // The DID document on the PLC names the PDS by its public host name.
    assertThat(s.pds().getPort()).isEqualTo(peer.pds.getPort());
    assertThat(s.credentials().refreshExpiresAt()).isAfter(clock.instant());
  }

  @Test
  void aWrongAppPasswordIsRefusedWithAMessageSayingWhatToDo() {
    assertThatThrownBy(
            () ->
                BlueskySession.signIn(directory, alice.handle(), "wrong-pass-word", clock, c -> {}))
        .isInstanceOf(ChannelFailure.class)
        .hasMessageContaining("app password was refused")
        .matches(e -> !((ChannelFailure) e).retryable());
  }

  @Test
  void anUnknownHandleIsRefusedAsUnknown() {
    assertThatThrownBy(() -> directory.identify("nobody-here.test"))
        .isInstanceOf(ChannelFailure.class)
        .hasMessageContaining("no Bluesky account has the handle nobody-here.test");
  }

  @Test
  void aPostCarriesLinkMentionAndTagFacetsAtUtf8ByteOffsetsAfterAccentsAndEmoji() {
    String text = "Café ☕ 🎉 merci @" + bob.handle() + " voir https://example.com/a?b=1. #chorus";
    RemoteRef ref = asAlice.publish(text(text), "facets-" + alice.handle());
    JsonNode rec = record(ref);
    assertThat(rec.path("text").asText()).isEqualTo(text);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    List<String> seen = new ArrayList<>();
    for (JsonNode f : rec.path("facets")) {
      int start = f.path("index").path("byteStart").asInt();
      int end = f.path("index").path("byteEnd").asInt();
      JsonNode feature = f.path("features").get(0);
      seen.add(
          new String(bytes, start, end - start, StandardCharsets.UTF_8)
              + " -> "
              + feature.path("$type").asText()
              + " "
              + feature
                  .path("did")
                  .asText(feature.path("uri").asText(feature.path("tag").asText())));
    }
    assertThat(seen)
        .containsExactly(
            "@" + bob.handle() + " -> app.bsky.richtext.facet#mention " + bob.did(),
            "https://example.com/a?b=1 -> app.bsky.richtext.facet#link https://example.com/a?b=1",
            "#chorus -> app.bsky.richtext.facet#tag chorus");
    assertThat(rec.path("langs").get(0).asText()).isEqualTo("en");
  }

  @Test
  void aRetriedPublishWithTheSameIdempotencyKeyLeavesExactlyOneRecord() throws Exception {
    String key = "retry-" + System.nanoTime();
    RemoteRef first = asAlice.publish(text("Exactly once " + key), key);
    RemoteRef again = asAlice.publish(text("Exactly once " + key), key);
    // And two at once, as after a crash with a worker still running.
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<RemoteRef>> racing = new ArrayList<>();
    for (int i = 0; i < 2; i++)
      racing.add(pool.submit(() -> asAlice.publish(text("Exactly once " + key), key)));
    for (Future<RemoteRef> f : racing) assertThat(f.get().id()).isEqualTo(first.id());
    pool.shutdown();
    assertThat(again).isEqualTo(first);
    int copies = 0;
    String cursor = null;
    do {
      JsonNode page =
          peer.get(
              "com.atproto.repo.listRecords?repo="
                  + alice.did()
                  + "&collection=app.bsky.feed.post&limit=100"
                  + (cursor == null ? "" : "&cursor=" + cursor));
      for (JsonNode r : page.path("records")) {
        if (r.path("value").path("text").asText().equals("Exactly once " + key)) copies++;
      }
      cursor = page.path("cursor").asText(null);
    } while (cursor != null);
    assertThat(copies).isEqualTo(1);
    assertThat(AtUri.parse(first.id()).rkey()).isEqualTo(RecordKeys.fromIdempotencyKey(key));
  }

  @Test
  void aReplyToAReplyCarriesTheThreadRootAndItsParentAsStrongRefs() {
    RemoteRef root = asAlice.publish(text("Who wants coffee?"), "root-" + System.nanoTime());
    // Bob answers with a ref as the inbox stores it: no cid, so the connector looks it up.
    RemoteRef bobs =
        asBob.publish(
            new OutgoingPost(
                "Me!", new RemoteRef(root.id(), root.url(), null), List.of(), null, null),
            "bob-reply-" + System.nanoTime());
    RemoteRef alices =
        asAlice.publish(
            new OutgoingPost("Coming up, @" + bob.handle(), bobs, List.of(), null, null),
            "alice-reply-" + System.nanoTime());
    JsonNode reply = record(alices).path("reply");
    assertThat(reply.path("root").path("uri").asText()).isEqualTo(root.id());
    assertThat(reply.path("root").path("cid").asText()).isEqualTo(root.cid());
    assertThat(reply.path("parent").path("uri").asText()).isEqualTo(bobs.id());
    assertThat(reply.path("parent").path("cid").asText()).isEqualTo(bobs.cid());
    JsonNode first = record(bobs).path("reply");
    assertThat(first.path("root").path("uri").asText()).isEqualTo(root.id());
    assertThat(first.path("parent").path("uri").asText()).isEqualTo(root.id());
  }

  @Test
  void aQuotePostEmbedsTheQuotedPostAndCanCarryImagesToo() {
    RemoteRef quoted = asBob.publish(text("Our new roast is out"), "quoted-" + System.nanoTime());
    RemoteRef plain = asAlice.quote(text("Try this"), quoted, "quote-" + System.nanoTime());
    JsonNode embed = record(plain).path("embed");
    assertThat(embed.path("$type").asText()).isEqualTo("app.bsky.embed.record");
    assertThat(embed.path("record").path("uri").asText()).isEqualTo(quoted.id());
    assertThat(embed.path("record").path("cid").asText()).isEqualTo(quoted.cid());

    OutgoingPost withImage =
        new OutgoingPost(
            "Look", null, List.of(new OutgoingPost.Media(PNG, "image/png", "A cup")), null, null);
    JsonNode both =
        record(asAlice.quote(withImage, quoted, "quote-img-" + System.nanoTime())).path("embed");
    assertThat(both.path("$type").asText()).isEqualTo("app.bsky.embed.recordWithMedia");
    assertThat(both.path("record").path("record").path("uri").asText()).isEqualTo(quoted.id());
    assertThat(both.path("media").path("images").get(0).path("alt").asText()).isEqualTo("A cup");
  }

  @Test
  void imagesAreUploadedAsBlobsWithTheirAltText() {
    OutgoingPost post =
        new OutgoingPost(
            "Two cups",
            null,
            List.of(
                new OutgoingPost.Media(PNG, "image/png", "A red cup on a table"),
                new OutgoingPost.Media(PNG, "image/png", null)),
            null,
            null);
    RemoteRef ref = asAlice.publish(post, "images-" + System.nanoTime());
    JsonNode images = record(ref).path("embed").path("images");
    assertThat(images).hasSize(2);
    assertThat(images.get(0).path("alt").asText()).isEqualTo("A red cup on a table");
    assertThat(images.get(1).path("alt").asText()).isEmpty();
    String cid = images.get(0).path("image").path("ref").path("$link").asText();
    assertThat(images.get(0).path("image").path("mimeType").asText()).isEqualTo("image/png");
    // The blob is stored and served by the PDS.
    assertThat(peer.status("com.atproto.sync.getBlob?did=" + alice.did() + "&cid=" + cid))
        .isEqualTo(200);
  }

  @Test
  void aTooLargeImageOrAContentWarningIsRefusedBeforeAnythingIsSent() {
    OutgoingPost big =
        new OutgoingPost(
            "Big",
            null,
            List.of(new OutgoingPost.Media(new byte[1_000_001], "image/png", "x")),
            null,
            null);
    assertThatThrownBy(() -> asAlice.publish(big, "big-" + System.nanoTime()))
        .isInstanceOf(ChannelFailure.class)
        .hasMessageContaining("at most 1000 kB");
    assertThatThrownBy(
            () ->
                asAlice.publish(
                    new OutgoingPost("Spoilers", null, List.of(), "plot", null),
                    "cw-" + System.nanoTime()))
        .isInstanceOf(ChannelFailure.class)
        .hasMessageContaining("content warning");
  }

  @Test
  void aTextOverThreeHundredGraphemesIsRefusedByThePdsWithItsReason() {
    assertThatThrownBy(() -> asAlice.publish(text("é".repeat(301)), "long-" + System.nanoTime()))
        .isInstanceOf(ChannelFailure.class)
        .hasMessageContaining("refused the request")
        .hasMessageContaining("maximum 300")
        .matches(e -> !((ChannelFailure) e).retryable());
  }

  @Test
  void aDeletedPostIsGoneAndDeletingItAgainSucceeds() {
    RemoteRef ref = asAlice.publish(text("Oops, typo"), "delete-" + System.nanoTime());
    asAlice.delete(ref);
    AtUri at = AtUri.parse(ref.id());
    assertThat(
            peer.status(
                "com.atproto.repo.getRecord?repo="
                    + at.repo()
                    + "&collection="
                    + at.collection()
                    + "&rkey="
                    + at.rkey()))
        .isEqualTo(400);
    asAlice.delete(ref);
    assertThatThrownBy(() -> asBob.delete(ref))
        .isInstanceOf(ChannelFailure.class)
        .hasMessageContaining("only this account's own posts");
  }

  @Test
  void withoutAnAppViewNotificationsAndSearchFailClearlyWhileTheMentionIsInTheRepository() {
    RemoteRef mention =
        asAlice.publish(text("Hello @" + bob.handle()), "mention-" + System.nanoTime());
    // Bob's notifications and search need an AppView, which this PDS does not have.
    assertThatThrownBy(() -> asBob.readSince(null))
        .isInstanceOf(ChannelFailure.class)
        .hasMessageContaining("has no AppView")
        .matches(e -> !((ChannelFailure) e).retryable());
    assertThatThrownBy(() -> asBob.search("hello", null))
        .isInstanceOf(ChannelFailure.class)
        .hasMessageContaining("has no AppView");
    // The mention itself is in Alice's repository, addressed to Bob's DID.
    JsonNode facet = record(mention).path("facets").get(0).path("features").get(0);
    assertThat(facet.path("did").asText()).isEqualTo(bob.did());
  }

  @Test
  void withoutAnAppViewTheCountsOfAPostAndTheFollowersFailClearlyWithoutRetry() {
    RemoteRef ref = asAlice.publish(text("Counting on you"), "metrics-" + System.nanoTime());

    ReadsPostMetrics.Outcome outcome = asAlice.metrics(List.of(ref)).get(ref);

    assertThat(outcome.ok()).isFalse();
    assertThat(outcome.failure().getMessage())
        .startsWith("Bluesky, reading the counts of posts: this PDS has no AppView");
    assertThat(outcome.failure().retryable()).isFalse();
    assertThatThrownBy(asAlice::followers)
        .isInstanceOf(ChannelFailure.class)
        .hasMessageContaining("has no AppView")
        .matches(e -> !((ChannelFailure) e).retryable());
  }

  @Test
  void aPostForFollowersOnlyIsRefusedAndNothingIsWritten() {
    String key = "followers-" + System.nanoTime();
    OutgoingPost post =
        new OutgoingPost("Regulars only", null, List.of(), null, null, Visibility.FOLLOWERS_ONLY);

    assertThatThrownBy(() -> asAlice.publish(post, key))
        .isInstanceOf(ChannelFailure.class)
        .hasMessageContaining("every Bluesky post is public");
    JsonNode listed =
        peer.get(
            "com.atproto.repo.listRecords?repo=" + alice.did() + "&collection=app.bsky.feed.post");
    assertThat(listed.path("records").findValuesAsText("uri"))
        .noneMatch(u -> u.endsWith("/" + RecordKeys.fromIdempotencyKey(key)));
  }

  @Test
  void theProfileFallsBackToTheProfileRecordWithoutAnAppView() {
    var value = LocalPds.JSON.createObjectNode();
    value
        .put("$type", "app.bsky.actor.profile")
        .put("displayName", "Bob's Beans")
        .put("description", "Coffee. https://beans.example");
    var body = LocalPds.JSON.createObjectNode();
    body.put("repo", bob.did()).put("collection", "app.bsky.actor.profile").put("rkey", "self");
    body.set("record", value);
    peer.post("com.atproto.repo.putRecord", body.toString(), bob.accessJwt());
    ReadsProfile.Profile p = asBob.profile();
    assertThat(p.handle()).isEqualTo(bob.handle());
    assertThat(p.displayName()).isEqualTo("Bob's Beans");
    assertThat(p.links()).containsExactly("https://beans.example");
    assertThat(p.followers()).isEqualTo(-1);
  }

  @Test
  void anExpiredAccessTokenIsRefreshedAndARevokedRefreshTokenSignsInAgainWithTheAppPassword() {
    BlueskySession.Credentials real = asAlice.session().credentials();
    String expired = fakeJwt(1);
    List<BlueskySession.Credentials> stored = new CopyOnWriteArrayList<>();
    BlueskyConnector refreshed =
        new BlueskyConnector(
            BlueskySession.resume(
                directory,
                new BlueskySession.Credentials(
                    real.handle(),
                    real.did(),
                    real.pds(),
                    real.appPassword(),
                    expired,
                    real.refreshJwt()),
                clock,
                stored::add),
            directory,
            clock);
    assertThat(refreshed.publish(text("after refresh"), "refresh-" + System.nanoTime()).id())
        .startsWith("at://" + alice.did());
    assertThat(stored).hasSize(1);
    assertThat(stored.get(0).accessJwt()).isNotEqualTo(expired);

    // A token the server does not accept (revoked, or signed by another key) and a refresh token it
    // refuses: the app password signs in afresh.
    BlueskyConnector revoked =
        new BlueskyConnector(
            BlueskySession.resume(
                directory,
                new BlueskySession.Credentials(
                    real.handle(),
                    real.did(),
                    real.pds(),
                    real.appPassword(),
                    fakeJwt(4_000_000_000L),
                    "not-a-token"),
                clock,
                stored::add),
            directory,
            clock);
    assertThat(revoked.publish(text("after sign-in"), "resign-" + System.nanoTime()).id())
        .startsWith("at://" + alice.did());
    assertThat(stored).hasSize(2);
  }

  static String fakeJwt(long exp) {
    Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
    return b.encodeToString(
            "{\"typ\":\"at+jwt\",\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + b.encodeToString(
            ("{\"scope\":\"com.atproto.access\",\"exp\":" + exp + "}")
                .getBytes(StandardCharsets.UTF_8))
        + ".c2lnbmF0dXJl";
  }
}
