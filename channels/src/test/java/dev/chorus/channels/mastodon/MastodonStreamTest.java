package dev.chorus.channels.mastodon;

import static dev.chorus.channels.mastodon.Fixtures.await;
import static dev.chorus.channels.mastodon.Fixtures.connector;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chorus.core.channel.InboundItem;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The streaming API over WebSocket: live items, reconnection, catching up, stopping. */
class MastodonStreamTest {
  final FakeMastodon fake = new FakeMastodon();
  final MastodonConnector mastodon = connector(fake);
  final List<InboundItem> items = new CopyOnWriteArrayList<>();
  final List<String> cursors = new CopyOnWriteArrayList<>();
  AutoCloseable stream;

  @AfterEach
  void stop() throws Exception {
    if (stream != null) stream.close();
    fake.close();
  }

  @Test
  void notificationsArriveAsTheyHappenWithTheirCursor() {
    fake.addNotification("mention", "old@elsewhere.example", "Said before we listened", null);
    stream = mastodon.stream(null, items::add, cursors::add);
    await("the stream is open", () -> fake.streaming.open() == 1);

    ObjectNode n =
        fake.streaming.pushNotification("mention", "ada@elsewhere.example", "Live!", null);

    await("the mention arrives", () -> items.size() == 1);
    assertThat(items.get(0).text()).isEqualTo("Live!");
    await("its cursor arrives", () -> cursors.contains(n.get("id").asText()));
    assertThat(fake.received("GET", "/api/v1/streaming").get(0).header("Authorization"))
        .isEqualTo("Bearer " + FakeMastodon.TOKEN);
  }

  @Test
  void theStreamReconnectsAfterADrop() {
    stream = mastodon.stream(null, items::add, cursors::add);
    await("the stream is open", () -> fake.streaming.open() == 1);

    fake.streaming.drop();
    await(
        "it reconnects", () -> fake.streaming.connections.get() == 2 && fake.streaming.open() == 1);
    fake.streaming.pushNotification("favourite", "bo@other.example", null, null);

    await("the favourite arrives", () -> items.size() == 1);
    assertThat(items.get(0).kind()).isEqualTo("favourite");
  }

  @Test
  void whatWasSaidWhileDisconnectedIsCaughtUpOnceOnReconnecting() {
    String start =
        fake.addNotification("mention", "old@elsewhere.example", "before", null).get("id").asText();
    stream = mastodon.stream(start, items::add, cursors::add);
    await("the stream is open", () -> fake.streaming.open() == 1);

    fake.streaming.refusing = true;
    fake.streaming.drop();
    await("the stream is down", () -> fake.streaming.open() == 0);
    ObjectNode missed =
        fake.addNotification("mention", "cy@third.example", "While you were away", null);
    fake.streaming.refusing = false;

    await("the missed mention arrives", () -> items.size() == 1);
    await("the stream is back", () -> fake.streaming.open() == 1);
    fake.streaming.pushNotification("mention", "dee@elsewhere.example", "And now live", null);
    await("the live mention arrives", () -> items.size() == 2);

    assertThat(items)
        .extracting(InboundItem::text)
        .containsExactly("While you were away", "And now live");
    assertThat(cursors).contains(missed.get("id").asText());
  }

  @Test
  void closingTheStreamStopsIt() throws Exception {
    stream = mastodon.stream(null, items::add, cursors::add);
    await("the stream is open", () -> fake.streaming.open() == 1);

    stream.close();

    await("the server saw it close", () -> fake.streaming.open() == 0);
    assertThat(fake.streaming.closeCodes).containsExactly(1000);
  }

  @Test
  void aHashtagStreamDeliversNewPublicPosts() {
    stream = mastodon.streamHashtag("#coffee", items::add);
    await("the stream is open", () -> fake.streaming.open() == 1);

    fake.streaming.pushStatus("ada@elsewhere.example", "First cup #coffee");
    fake.streaming.pushStatus("bo@other.example", "Only #tea here");
    fake.streaming.pushStatus("cy@third.example", "Second cup #Coffee");

    await("both coffee posts arrive", () -> items.size() == 2);
    assertThat(items)
        .extracting(InboundItem::text)
        .containsExactly("First cup #coffee", "Second cup #Coffee");
    assertThat(items).extracting(InboundItem::kind).containsOnly("post");
  }
}
