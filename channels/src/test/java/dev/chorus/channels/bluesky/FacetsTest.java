package dev.chorus.channels.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.channels.bluesky.Facets.Kind;
import dev.chorus.channels.bluesky.Facets.Span;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FacetsTest {
  static String slice(String text, Span s) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    return new String(b, s.byteStart(), s.byteEnd() - s.byteStart(), StandardCharsets.UTF_8);
  }

  @Test
  void offsetsCountUtf8BytesSoAccentsAndEmojiBeforeAFacetShiftIt() {
    String text = "é🎉 https://a.example/x";
    List<Span> spans = Facets.detect(text);
    // "é" is 2 bytes, "🎉" 4 (two UTF-16 chars), the space 1: the link starts at byte 7, char 4.
    assertThat(spans).containsExactly(new Span(7, 7 + 19, Kind.LINK, "https://a.example/x"));
    assertThat(slice(text, spans.get(0))).isEqualTo("https://a.example/x");
  }

  @Test
  void everyKindIsFoundWithItsValueAndTheTextSliceMatches() {
    String text =
        "Ça marche ☕ @Bob.Test, voir www.example.org/page). #café #1 ＃東京 https://x.example/#frag";
    List<Span> spans = Facets.detect(text);
    assertThat(spans)
        .extracting(Span::kind, Span::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Kind.MENTION, "bob.test"),
            org.assertj.core.groups.Tuple.tuple(Kind.LINK, "https://www.example.org/page"),
            org.assertj.core.groups.Tuple.tuple(Kind.TAG, "café"),
            org.assertj.core.groups.Tuple.tuple(Kind.TAG, "東京"),
            org.assertj.core.groups.Tuple.tuple(Kind.LINK, "https://x.example/#frag"));
    assertThat(spans.stream().map(s -> slice(text, s)))
        .containsExactly(
            "@Bob.Test", "www.example.org/page", "#café", "＃東京", "https://x.example/#frag");
  }

  @Test
  void trailingPunctuationAndAnUnbalancedBracketAreNotPartOfALink() {
    String text = "(see https://a.example/wiki/Foo_(bar)) and https://b.example/end.";
    assertThat(Facets.detect(text))
        .extracting(Span::value)
        .containsExactly("https://a.example/wiki/Foo_(bar)", "https://b.example/end");
  }

  @Test
  void emailsNumbersAndBareWordsAreNotFacets() {
    assertThat(Facets.detect("mail me at ann@example.com about #2 or @nodot today #")).isEmpty();
  }

  @Test
  void aMentionThatCannotBeResolvedStaysPlainTextInTheRecord() {
    String text = "hi @known.test and @ghost.test #tag";
    var json = Facets.toJson(Facets.detect(text), h -> Map.of("known.test", "did:plc:abc").get(h));
    assertThat(json).hasSize(2);
    assertThat(json.get(0).path("features").get(0).path("did").asText()).isEqualTo("did:plc:abc");
    assertThat(json.get(0).path("index").path("byteStart").asInt()).isEqualTo(3);
    assertThat(json.get(1).path("features").get(0).path("$type").asText())
        .isEqualTo("app.bsky.richtext.facet#tag");
  }

  @Test
  void aTagLongerThanSixtyFourCharactersIsNotATag() {
    assertThat(Facets.detect("#" + "a".repeat(65))).isEmpty();
    assertThat(Facets.detect("#" + "a".repeat(64))).hasSize(1);
  }
}
