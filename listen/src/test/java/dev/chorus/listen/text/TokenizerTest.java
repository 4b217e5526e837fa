package dev.chorus.listen.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

  private static List<String> texts(String text) {
    return TextAnalyzer.analyze(text).tokens().stream().map(Token::text).toList();
  }

  private static List<Integer> positions(String text) {
    return TextAnalyzer.analyze(text).tokens().stream().map(Token::position).toList();
  }

  @Test
  void wordsAreFoldedForCaseAndAccents() {
    assertThat(texts("Café CAFÉ cafe\u0301 Ærø Straße İstanbul"))
        .containsExactly("cafe", "cafe", "cafe", "aero", "strasse", "istanbul");
  }

  @Test
  void punctuationAndApostrophesSeparateWords() {
    assertThat(texts("don't stop: acme.com, foo_bar!"))
        .containsExactly("don", "t", "stop", "acme", "com", "foo_bar");
  }

  @Test
  void hashtagGivesTheTagAndItsWordAtOnePosition() {
    assertThat(texts("Love #Acme now")).containsExactly("love", "#acme", "acme", "now");
    assertThat(positions("Love #Acme now")).containsExactly(0, 1, 1, 2);
  }

  @Test
  void hashInsideAWordIsNotAHashtag() {
    assertThat(texts("C# rocks")).containsExactly("c", "rocks");
  }

  @Test
  void mentionsIncludeDomainHandlesAndFediverseHosts() {
    assertThat(texts("@Acme hi")).containsExactly("@acme", "acme", "hi");
    assertThat(texts("@alice.bsky.social hi")).containsExactly("@alice.bsky.social", "hi");
    assertThat(texts("@bob@mastodon.social."))
        .containsExactly("@bob", "bob", "@bob@mastodon.social");
  }

  @Test
  void anEmailAddressIsWordsNotAMention() {
    assertThat(texts("bob@example.com")).containsExactly("bob", "example", "com");
  }

  @Test
  void urlsTakeNoPositionAndAreNormalised() {
    AnalyzedText analyzed =
        TextAnalyzer.analyze("see https://News.Example.com/A?b=1, then www.acme.io/x.");
    assertThat(analyzed.tokens().stream().map(Token::text)).containsExactly("see", "then");
    assertThat(analyzed.urls()).containsExactly("news.example.com/a?b=1", "www.acme.io/x");
    assertThat(Urls.sites("news.example.com/a"))
        .containsExactly("news.example.com", "example.com", "com");
  }

  @Test
  void emojiAreTokensWithoutSkinTonesOrVariationSelectors() {
    assertThat(texts("great👍🏽 ❤️ 👨‍👩‍👧 🇫🇷"))
        .containsExactly("great", "👍", "❤", "👨\u200D👩\u200D👧", "🇫🇷");
  }

  @Test
  void chineseAndJapaneseBecomeBigrams() {
    assertThat(texts("東京都 iPhone发布")).containsExactly("東京", "京都", "iphone", "发布");
    assertThat(texts("猫")).containsExactly("猫");
  }

  @Test
  void htmlTagsAreStrippedAndEntitiesDecoded() {
    assertThat(
            HtmlText.toPlainText(
                "<p>Hi&nbsp;<b>Ac</b>me &amp; co&#x2019;s <script>x()</script>end</p>"))
        .isEqualTo(" Hi\u00A0Acme & co’s  end ");
    assertThat(HtmlText.toPlainText("I <3 you & a < b")).isEqualTo("I <3 you & a < b");
    assertThat(HtmlText.toPlainText("&lt;b&gt;not a tag")).isEqualTo("<b>not a tag");
  }

  @Test
  void oddTextNeverBreaksTheTokenizer() {
    assertThat(texts("\uD800 lone \uDC00 surrogates\u0000 and \u0301 marks"))
        .containsExactly("lone", "surrogates", "and", "marks");
    assertThat(texts("#\u0301 @ # http:// www.")).containsExactly("http", "www");
  }

  @Test
  void fullWidthLettersFoldToAscii() {
    assertThat(Folding.fold("ＡＣＭＥ")).isEqualTo("acme");
  }
}
