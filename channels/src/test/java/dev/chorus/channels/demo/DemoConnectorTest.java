package dev.chorus.channels.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.ChannelFailure;
import dev.chorus.core.channel.ChannelId;
import dev.chorus.core.channel.InboundItem;
import dev.chorus.core.channel.Network;
import dev.chorus.core.channel.OutgoingPost;
import dev.chorus.core.channel.ReadsMentions.Batch;
import dev.chorus.core.channel.RemoteRef;
import dev.chorus.core.workspace.WorkspaceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoConnectorTest {
  private static final Instant START = Instant.parse("2026-11-30T10:00:00Z");
  private final TestClock clock = new TestClock(START);
  private final DemoNetwork network = new DemoNetwork(clock);

  private static Channel channel(String cursor, Duration history) {
    return new Channel(
        new ChannelId("ch-demo"),
        new WorkspaceId("ws-1"),
        Network.DEMO,
        "Demo network",
        "Northwind Coffee (demo brand)",
        DemoNetwork.settings(1234, START.minus(history), 5),
        cursor,
        START,
        null,
        null,
        null,
        null,
        START,
        null);
  }

  private static long seq(InboundItem i) {
    return Long.parseLong(i.ref().id().substring(3));
  }

  @Test
  void aReadReturnsOnlyWhatWasSaidByNowAndTheNextReadOnlyWhatCameAfter() {
    DemoConnector demo = network.open(channel(null, Duration.ZERO));
    assertThat(demo.network()).isEqualTo(Network.DEMO);
    Batch first = demo.readSince(null);
    // The stream starts now: nothing has been said yet.
    assertThat(first.items()).isEmpty();
    assertThat(first.cursor()).isEqualTo("0");

    List<Long> seen = new ArrayList<>();
    String cursor = first.cursor();
    for (int tick = 0; tick < 720; tick++) {
      clock.advance(Duration.ofSeconds(5));
      Batch b = demo.readSince(cursor);
      for (InboundItem i : b.items()) {
        assertThat(i.createdAt()).isBeforeOrEqualTo(clock.instant());
        assertThat(i.network()).isEqualTo(Network.DEMO);
        assertThat(i.ref().url()).isNull();
        assertThat(i.authorUrl()).isNull();
        seen.add(seq(i));
      }
      cursor = b.cursor();
    }
    // An hour of reads, every five seconds: every position once, in order, none missing.
    assertThat(seen).hasSizeBetween(600, 1800);
    for (int k = 0; k < seen.size(); k++) assertThat(seen.get(k)).isEqualTo(k + 1L);
    assertThat(cursor).isEqualTo(Long.toString(seen.size()));
  }

  @Test
  void aReaderResumesFromAnyCursorWithTheSameItemsAndBacklogsComeInBoundedBatches() {
    DemoConnector demo = network.open(channel(null, Duration.ofHours(2)));
    List<InboundItem> all = new ArrayList<>();
    String cursor = null;
    int reads = 0;
    while (true) {
      Batch b = demo.readSince(cursor);
      assertThat(b.items()).hasSizeLessThanOrEqualTo(DemoConnector.MAX_BATCH);
      reads++;
      if (b.items().isEmpty()) break;
      all.addAll(b.items());
      cursor = b.cursor();
    }
    // Two hours of history: more than one batch, and exactly what was said before now.
    assertThat(reads).isGreaterThan(2);
    assertThat(all.get(all.size() - 1).createdAt()).isBeforeOrEqualTo(START);
    assertThat(all).extracting(DemoConnectorTest::seq).doesNotHaveDuplicates();
    assertThat(seq(all.get(all.size() - 1))).isEqualTo(all.size());

    // A new network (a restarted app) gives the same items from a cursor in the middle.
    DemoConnector again = new DemoNetwork(clock).open(channel("700", Duration.ofHours(2)));
    Batch resumed = again.readSince("700");
    assertThat(resumed.items()).isEqualTo(all.subList(700, Math.min(all.size(), 1200)));
    assertThatThrownBy(() -> again.readSince("seven hundred"))
        .isInstanceOf(ChannelFailure.class)
        .hasMessageContaining("does not understand");
  }

  @Test
  void aReaderFarBehindResumesAtTheStartOfWhatTheNetworkStillKeeps() {
    DemoConnector demo = network.open(channel(null, Duration.ofHours(2)));
    String cursor = demo.readSince(null).cursor();
    // The demo was stopped for two days.
    clock.advance(Duration.ofDays(2));
    Batch back = demo.readSince(cursor);
    Instant cutoff = clock.instant().minus(DemoConnector.RETENTION);
    assertThat(back.items()).isNotEmpty().allMatch(i -> !i.createdAt().isBefore(cutoff));
    assertThat(back.items().get(0).createdAt()).isBefore(cutoff.plusSeconds(60));
    // From there on, positions follow each other again.
    long first = seq(back.items().get(0));
    for (int k = 0; k < back.items().size(); k++) {
      assertThat(seq(back.items().get(k))).isEqualTo(first + k);
    }
    assertThat(demo.readSince(back.cursor()).items().get(0))
        .satisfies(i -> assertThat(seq(i)).isEqualTo(first + back.items().size()));
  }

  @Test
  void aReplyIsRecordedOnceAndThePersonAnsweredOftenSaysThanksInTheThreadLater() {
    DemoConnector demo = network.open(channel(null, Duration.ofHours(2)));
    Batch history = demo.readSince(null);
    String cursor = history.cursor();
    List<InboundItem> asked =
        history.items().stream()
            .filter(i -> i.inReplyTo() == null)
            .filter(i -> i.text().contains("?"))
            .limit(20)
            .toList();
    assertThat(asked).hasSize(20);

    List<RemoteRef> sent = new ArrayList<>();
    for (InboundItem i : asked) {
      OutgoingPost reply =
          new OutgoingPost("Thanks for asking! We open at 7.", i.ref(), List.of(), null, null);
      RemoteRef ref = demo.publish(reply, "reply-" + i.ref().id());
      assertThat(ref.id()).startsWith("dr-");
      assertThat(ref.url()).isNull();
      // The same idempotency key never sends twice.
      assertThat(demo.publish(reply, "reply-" + i.ref().id())).isEqualTo(ref);
      sent.add(ref);
    }
    assertThat(demo.sent()).hasSize(20);
    assertThat(new HashSet<>(sent)).hasSize(20);

    // Nothing answers at once; within two minutes most people have come back, in the thread.
    Batch immediately = demo.readSince(cursor);
    assertThat(immediately.items()).noneMatch(i -> i.ref().id().startsWith("da-"));
    List<InboundItem> answers = new ArrayList<>();
    for (int tick = 0; tick < 24; tick++) {
      clock.advance(Duration.ofSeconds(5));
      Batch b = demo.readSince(cursor);
      b.items().stream().filter(i -> i.ref().id().startsWith("da-")).forEach(answers::add);
      cursor = b.cursor();
    }
    assertThat(answers).hasSizeBetween(8, 20);
    Set<String> sentIds = new HashSet<>();
    sent.forEach(r -> sentIds.add(r.id()));
    for (InboundItem a : answers) {
      assertThat(a.kind()).isEqualTo("reply");
      assertThat(sentIds).contains(a.inReplyTo().id());
      InboundItem original = asked.get(sent.indexOf(new RemoteRef(a.inReplyTo().id(), null, null)));
      assertThat(a.authorHandle()).isEqualTo(original.authorHandle());
      assertThat(a.createdAt()).isAfter(START.plusSeconds(14));
    }
    assertThat(answers).extracting(i -> i.ref().id()).doesNotHaveDuplicates();
    assertThat(cursor).contains("/");

    // After a restart the network has forgotten what was sent, but the stored cursor keeps new
    // answers from being mistaken for old ones.
    DemoNetwork restarted = new DemoNetwork(clock);
    DemoConnector after = restarted.open(channel(cursor, Duration.ofHours(2)));
    InboundItem someone = asked.get(0);
    after.publish(
        new OutgoingPost("Sorry to hear that, DM us.", someone.ref(), List.of(), null, null),
        "after-restart");
    List<InboundItem> later = new ArrayList<>();
    for (int tick = 0; tick < 24; tick++) {
      clock.advance(Duration.ofSeconds(5));
      Batch b = after.readSince(cursor);
      b.items().stream().filter(i -> i.ref().id().startsWith("da-")).forEach(later::add);
      cursor = b.cursor();
    }
    assertThat(later).allMatch(i -> !answers.contains(i));
  }

  @Test
  void theNetworkRefusesEmptyAndOverlongPostsAndRepliesToPostsItNeverHad() {
    DemoConnector demo = network.open(channel(null, Duration.ofHours(1)));
    assertThatThrownBy(
            () -> demo.publish(new OutgoingPost("   ", null, List.of(), null, null), "k1"))
        .isInstanceOf(ChannelFailure.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(
            () ->
                demo.publish(new OutgoingPost("☕".repeat(501), null, List.of(), null, null), "k2"))
        .isInstanceOfSatisfying(
            ChannelFailure.class,
            f -> {
              assertThat(f.getMessage()).contains("at most 500").contains("501");
              assertThat(f.retryable()).isFalse();
            });
    RemoteRef unknown = new RemoteRef("https://elsewhere.example/1", null, null);
    assertThatThrownBy(
            () -> demo.publish(new OutgoingPost("Hi", unknown, List.of(), null, null), "k3"))
        .isInstanceOf(ChannelFailure.class)
        .hasMessageContaining("does not exist");
    // A post not said yet does not exist either.
    RemoteRef future = new RemoteRef("dm-999999", null, null);
    assertThatThrownBy(
            () -> demo.publish(new OutgoingPost("Hi", future, List.of(), null, null), "k4"))
        .isInstanceOf(ChannelFailure.class);
    assertThat(demo.sent()).isEmpty();
    // A new post (not a reply) goes out.
    assertThat(demo.publish(new OutgoingPost("New beans!", null, List.of(), null, null), "k5").id())
        .startsWith("dr-");
  }

  /** A clock the test moves. */
  static final class TestClock extends Clock {
    private volatile Instant now;

    TestClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
