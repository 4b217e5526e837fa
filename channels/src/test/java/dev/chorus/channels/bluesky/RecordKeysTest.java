package dev.chorus.channels.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordKeysTest {
  static final String ALPHABET = "234567abcdefghijklmnopqrstuvwxyz";

  static Instant timestampOf(String tid) {
    long v = 0;
    for (char c : tid.toCharArray()) v = (v << 5) | ALPHABET.indexOf(c);
    return Instant.EPOCH.plusNanos((v >>> 10) * 1000);
  }

  @Test
  void theSameIdempotencyKeyAlwaysGivesTheSameRecordKey() {
    assertThat(RecordKeys.fromIdempotencyKey("post-42:channel-7"))
        .isEqualTo(RecordKeys.fromIdempotencyKey("post-42:channel-7"))
        .isNotEqualTo(RecordKeys.fromIdempotencyKey("post-42:channel-8"));
  }

  @Test
  void recordKeysHaveTheTidSyntaxAndATimestampInThePast() {
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String k = RecordKeys.fromIdempotencyKey("key-" + i);
      assertThat(RecordKeys.isTid(k)).as(k).isTrue();
      assertThat(timestampOf(k))
          .isAfterOrEqualTo(Instant.parse("2020-01-01T00:00:00Z"))
          .isBefore(Instant.parse("2024-07-01T00:00:00Z"));
      keys.add(k);
    }
    assertThat(keys).hasSize(10_000);
  }

  @Test
  void tidsEncodeSixtyThreeBitsInThirteenSortableCharacters() {
    assertThat(RecordKeys.tid(0)).isEqualTo("2222222222222");
    assertThat(RecordKeys.tid(Long.MAX_VALUE)).isEqualTo("bzzzzzzzzzzzz");
    assertThat(RecordKeys.tid(1000).compareTo(RecordKeys.tid(1001))).isNegative();
  }

  @Test
  void aBlankIdempotencyKeyIsRefused() {
    assertThatThrownBy(() -> RecordKeys.fromIdempotencyKey(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("idempotencyKey is blank");
  }
}
