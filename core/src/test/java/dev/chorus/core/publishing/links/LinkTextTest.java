package dev.chorus.core.publishing.links;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.security.InstanceKey;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pure parts of tracked links: finding links, UTM merging, codes and the bot filter. */
class LinkTextTest {
  @Test
  void linksAreFoundWithoutTheSentencesPunctuation() {
    var found =
        LinkText.find(
            "New roast! https://shop.example/beans?x=1. (See https://blog.example/a_(b)) and"
                + " http://old.example, not ftp://files.example or javascript:alert(1)");
    assertThat(found)
        .extracting(LinkText.Found::url)
        .containsExactly(
            "https://shop.example/beans?x=1", "https://blog.example/a_(b)", "http://old.example");
    var f = found.get(0);
    assertThat(
            "New roast! https://shop.example/beans?x=1. (See https://blog.example/a_(b))"
                .substring(f.start(), f.end()))
        .isEqualTo(f.url());
  }

  @Test
  void theHostOfALinkNamesItsPortOnlyWhenItIsNotTheSchemesOwn() {
    assertThat(LinkText.host("https://Chorus.Example.com/l/x")).isEqualTo("chorus.example.com");
    assertThat(LinkText.host("https://chorus.example.com:443/")).isEqualTo("chorus.example.com");
    assertThat(LinkText.host("http://localhost:8080/a")).isEqualTo("localhost:8080");
    assertThat(LinkText.host("javascript:alert(1)")).isNull();
    assertThat(LinkText.host("https:///nohost")).isNull();
  }

  @Test
  void utmParametersAreAddedWithoutReplacingThoseAlreadyThere() {
    Utm utm = new Utm("mastodon", "social", "spring sale", "01POST");
    assertThat(utm.addTo("https://shop.example/beans"))
        .isEqualTo(
            "https://shop.example/beans?utm_source=mastodon&utm_medium=social"
                + "&utm_campaign=spring+sale&utm_content=01POST");
    assertThat(utm.addTo("https://shop.example/b?utm_source=newsletter&id=3#reviews"))
        .isEqualTo(
            "https://shop.example/b?utm_source=newsletter&id=3&utm_medium=social"
                + "&utm_campaign=spring+sale&utm_content=01POST#reviews");
    assertThat(utm.addTo("https://shop.example/b?"))
        .isEqualTo(
            "https://shop.example/b?utm_source=mastodon&utm_medium=social"
                + "&utm_campaign=spring+sale&utm_content=01POST");
    assertThat(
            utm.addTo("https://x.example/?UTM_SOURCE=a&utm_medium=b&utm_campaign=c&utm_content=d"))
        .isEqualTo("https://x.example/?UTM_SOURCE=a&utm_medium=b&utm_campaign=c&utm_content=d");
  }

  @Test
  void codesAreDeterministicPerKeyPositionAndLinkAndDifferUnderAnotherInstanceKey() {
    LinkCodes codes = new LinkCodes(key(1));
    String a = codes.code("01DELIVERY", 0, "https://shop.example/");
    assertThat(a).hasSize(10).matches("[0-9A-Za-z]{10}");
    assertThat(LinkCodes.wellFormed(a)).isTrue();
    assertThat(codes.code("01DELIVERY", 0, "https://shop.example/")).isEqualTo(a);
    assertThat(codes.code("01DELIVERY", 1, "https://shop.example/")).isNotEqualTo(a);
    assertThat(codes.code("01DELIVERY", 0, "https://shop.example/other")).isNotEqualTo(a);
    assertThat(codes.code("01DELIVERZ", 0, "https://shop.example/")).isNotEqualTo(a);
    assertThat(new LinkCodes(key(2)).code("01DELIVERY", 0, "https://shop.example/"))
        .isNotEqualTo(a);
    Set<String> many = new HashSet<>();
    for (int i = 0; i < 10_000; i++) many.add(codes.code("d" + i, 0, "https://x.example/"));
    assertThat(many).hasSize(10_000);
    assertThat(LinkCodes.wellFormed("short")).isFalse();
    assertThat(LinkCodes.wellFormed("../../etc1")).isFalse();
    assertThat(LinkCodes.wellFormed(null)).isFalse();
  }

  @Test
  void crawlersPreviewersLibrariesHeadRequestsAndMissingAgentsAreMachines() {
    String firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    String iphone =
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like"
            + " Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
    assertThat(Visitors.isMachine("GET", firefox)).isFalse();
    assertThat(Visitors.isMachine("GET", iphone)).isFalse();
    assertThat(Visitors.isMachine("HEAD", firefox)).isTrue();
    assertThat(Visitors.isMachine("GET", null)).isTrue();
    assertThat(Visitors.isMachine("GET", " ")).isTrue();
    for (String ua :
        new String[] {
          "http.rb/5.1.1 (Mastodon/4.2.10; +https://mastodon.social/) Bot",
          "Mastodon/4.3.0 (http.rb/5.2.0; +https://example.social/)",
          "Mozilla/5.0 (compatible; Bluesky Cardyb/1.1; +mailto:support@bsky.app)",
          "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
          "Twitterbot/1.0",
          "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
          "Mozilla/5.0 (compatible; SemrushCrawler)",
          "Baiduspider",
          "curl/8.5.0",
          "python-requests/2.31.0",
          "Go-http-client/2.0",
          "Java-http-client/17.0.12",
          "Apache-HttpClient/4.5.14 (Java/17.0.12)",
          "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
          "WhatsApp/2.23.20.0"
        }) {
      assertThat(Visitors.isMachine("GET", ua)).as(ua).isTrue();
    }
  }

  private static InstanceKey key(int b) {
    byte[] k = new byte[32];
    k[0] = (byte) b;
    return InstanceKey.fromBase64(Base64.getEncoder().encodeToString(k));
  }
}
