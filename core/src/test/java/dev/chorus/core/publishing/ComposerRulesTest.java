package dev.chorus.core.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorus.core.MutableClock;
import dev.chorus.core.channel.ChannelLimits;
import dev.chorus.core.channel.Network;
import dev.chorus.core.channel.PostLength;
import dev.chorus.core.error.Invalid;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Counting, due times and attachment rules of the composer. */
class ComposerRulesTest {
  private static final ChannelLimits MASTODON =
      new ChannelLimits(500, false, 23, 4, 16L << 20, 1500);
  private static final ChannelLimits BLUESKY = new ChannelLimits(300, true, -1, 4, 1_000_000, 2000);

  @Test
  void aZwjFamilyIsOneGraphemeOnBlueskyAndSevenCodePointsOnMastodon() {
    String family = "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66";
    assertThat(PostLength.count(family, BLUESKY)).isEqualTo(1);
    assertThat(PostLength.count(family, MASTODON)).isEqualTo(7);
  }

  @Test
  void aFlagIsOneGraphemeOfTwoRegionalIndicators() {
    String france = "\uD83C\uDDEB\uD83C\uDDF7";
    assertThat(PostLength.count(france, BLUESKY)).isEqualTo(1);
    assertThat(PostLength.count(france, MASTODON)).isEqualTo(2);
  }

  @Test
  void aCombiningAccentJoinsItsLetter() {
    String cafe = "cafe\u0301"; // e + combining acute
    assertThat(PostLength.count(cafe, BLUESKY)).isEqualTo(4);
    assertThat(PostLength.count(cafe, MASTODON)).isEqualTo(5);
  }

  @Test
  void aLinkCountsTwentyThreeOnMastodonAndAsWrittenOnBluesky() {
    String text = "See https://example.com/a/very/long/path/indeed?x=1";
    assertThat(PostLength.count(text, MASTODON)).isEqualTo(4 + 23);
    assertThat(PostLength.count(text, BLUESKY)).isEqualTo(text.length());
  }

  private final MutableClock clock = MutableClock.atFixedStart();

  @Test
  void aLocalTimeIsReadInItsZone() {
    Instant now = clock.instant();
    java.time.LocalDateTime inParis =
        java.time.LocalDateTime.ofInstant(
                now.plus(Duration.ofDays(1)), java.time.ZoneId.of("Europe/Paris"))
            .withSecond(0)
            .withNano(0);
    Instant due = DueTime.parse(inParis.toString(), "Europe/Paris", clock);
    assertThat(due).isEqualTo(inParis.atZone(java.time.ZoneId.of("Europe/Paris")).toInstant());
  }

  @Test
  void aTimeInThePastIsRefusedWithWhy() {
    String yesterday =
        java.time.LocalDateTime.ofInstant(
                clock.instant().minus(Duration.ofDays(1)), java.time.ZoneOffset.UTC)
            .withNano(0)
            .toString();
    assertThatThrownBy(() -> DueTime.parse(yesterday, "UTC", clock))
        .isInstanceOf(Invalid.class)
        .hasMessageContaining("in the past")
        .satisfies(e -> assertThat(((Invalid) e).field()).isEqualTo("due_at"));
  }

  @Test
  void anUnknownZoneIsRefusedWithWhy() {
    assertThatThrownBy(() -> DueTime.parse("2099-01-01T09:00", "Mars/Olympus_Mons", clock))
        .isInstanceOf(Invalid.class)
        .hasMessageContaining("'Mars/Olympus_Mons' is not a time zone")
        .satisfies(e -> assertThat(((Invalid) e).field()).isEqualTo("time_zone"));
  }

  @Test
  void aMalformedTimeIsRefusedWithAnExample() {
    assertThatThrownBy(() -> DueTime.parse("tomorrow at nine", "UTC", clock))
        .isInstanceOf(Invalid.class)
        .hasMessageContaining("like 2026-12-01T09:30");
  }

  @Test
  void aBlankZoneMeansUtc() {
    assertThat(DueTime.zone(" ").getId()).isEqualTo("UTC");
  }

  @Test
  void blueskyRefusesAnImageOverAMillionBytesNamingTheLimit() {
    assertThat(MediaRules.refusal(Network.BLUESKY, BLUESKY, "image/jpeg", 1_000_001, 0))
        .isEqualTo("Bluesky takes images up to 1,000,000 bytes; this one is 1,000,001 bytes");
    assertThat(MediaRules.refusal(Network.BLUESKY, BLUESKY, "image/jpeg", 1_000_000, 0)).isNull();
  }

  @Test
  void anUnsupportedTypeIsRefusedNamingWhatIsTaken() {
    assertThat(MediaRules.refusal(Network.BLUESKY, BLUESKY, "image/tiff", 10, 0))
        .isEqualTo("Bluesky takes JPEG, PNG, WEBP, GIF images, not image/tiff");
    assertThat(MediaRules.refusal(Network.MASTODON, MASTODON, "video/mp4", 10, 0))
        .startsWith("Mastodon takes JPEG");
  }

  @Test
  void mastodonTakesSixteenMegabytesAndAtMostFourImages() {
    assertThat(MediaRules.refusal(Network.MASTODON, MASTODON, "image/png", 16L << 20, 3)).isNull();
    assertThat(MediaRules.refusal(Network.MASTODON, MASTODON, "image/png", (16L << 20) + 1, 0))
        .contains("up to 16 MB");
    assertThat(MediaRules.refusal(Network.MASTODON, MASTODON, "image/png", 10, 4))
        .isEqualTo("Mastodon takes at most 4 images per post");
  }

  @Test
  void onlyImageTypesSomeNetworkTakesAreStoredAtAll() {
    assertThat(MediaRules.anyTakes("image/PNG")).isTrue();
    assertThat(MediaRules.anyTakes("text/html")).isFalse();
    assertThat(MediaRules.anyTakes(null)).isFalse();
  }

  @Test
  void aNetworkWithoutAttachmentsRefusesThem() {
    assertThat(
            MediaRules.refusal(
                Network.WEBHOOK, new ChannelLimits(20_000, false, -1, 0, 0, 0), "image/png", 1, 0))
        .isEqualTo("Inbound webhook channels take no attachments");
  }

  @Test
  void hashtagsAreParsedWithOrWithoutTheirHashAndDuplicatesDropped() {
    assertThat(HashtagGroups.parse("#chorus, release  #chorus Été_2026"))
        .containsExactly("#chorus", "#release", "#Été_2026");
    assertThatThrownBy(() -> HashtagGroups.parse("#ok not-a-tag"))
        .isInstanceOf(Invalid.class)
        .hasMessageContaining("'not-a-tag' is not a hashtag");
  }
}
