package dev.chorus.listen.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.listen.match.Post;
import dev.chorus.listen.match.QueryMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A million random and mutated query strings: each one parses or fails with a {@link
 * QuerySyntaxException} that names a column inside the text; nothing else escapes. Every hundredth
 * parsed query is also compiled into a matcher and run against a post. The timeout is a guard
 * against hangs, not a speed claim.
 */
class QueryParserFuzzTest {

  private static final String[] PIECES = {
    " ",
    " ",
    " ",
    "a",
    "ab",
    "acme",
    "Café",
    "(",
    ")",
    "\"",
    "{",
    "}",
    "[",
    "]",
    "*",
    "?",
    "~",
    "~3",
    ":",
    "-",
    "#",
    "@",
    "/",
    "NEAR/",
    "NEAR/3",
    "NEAR/2f",
    "NEAR",
    "AND",
    "OR",
    "NOT",
    "TO",
    "author:",
    "lang:",
    "site:",
    "url:",
    "title:",
    "channel:",
    "authorFollowers:",
    "foo:",
    "http://",
    "1000",
    "🚀",
    "👍🏽",
    "東京",
    "\u0301",
    "\uD800",
    "\uDC00",
    "\u0000",
    "\t",
    "&amp;",
    "<b>",
    "a*a*a*a*b",
    "ab*",
    "x?",
    "e-mail",
    ".",
    ",",
    "'",
    "\u200D",
    "NOT NOT",
    "((",
    "))"
  };

  private static final String[] SEEDS = {
    "acme AND (phone OR tablet) -spam",
    "\"acme phone\"~3 NEAR/5 launch",
    "ac* NEAR/2f (\"new model\" OR x2)",
    "author:@acme lang:en site:acme.com url:acme.com/blog title:\"big launch\"",
    "authorFollowers:[1000 TO *] #acme OR @acme@mastodon.social 🚀 {Acme}",
    "a*a*a*a*b",
    "aa*a*a*a*b",
    "((((((((((((((((((((((((((((((((((((((((a))))))))))))))))))))))))))))))))))))))",
    "NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT a"
  };

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void aMillionRandomAndMutatedQueriesEachParseOrFailWithAColumn() {
    QueryParser parser = new QueryParser(QueryLimits.DEFAULT);
    QueryMatcher matcher = new QueryMatcher();
    Post post =
        Post.of(
                "Acme launches the new phone 🚀 #acme @acme https://acme.com/blog/x café ab abab aab")
            .withTitle("big launch")
            .withAuthor("acme")
            .withLang("en")
            .withAuthorFollowers(5000);
    Random random = new Random(20261122);
    List<String> parsed = new ArrayList<>();
    int errors = 0;
    for (int i = 0; i < 1_000_000; i++) {
      String text =
          i % 2 == 0
              ? randomText(random)
              : mutate(
                  random,
                  i % 10 == 1 && !parsed.isEmpty()
                      ? parsed.get(random.nextInt(parsed.size()))
                      : SEEDS[random.nextInt(SEEDS.length)]);
      try {
        Query query = parser.parse(text);
        if (parsed.size() < 10_000) {
          parsed.add(text);
        }
        if (i % 100 == 0) {
          matcher.add("q" + (i % 5000), query);
        }
      } catch (QuerySyntaxException e) {
        errors++;
        assertThat(e.column()).as(text).isBetween(1, text.codePointCount(0, text.length()) + 1);
        assertThat(e.problem()).as(text).isNotBlank();
      }
    }
    assertThat(matcher.match(post).failures()).isEmpty();
    assertThat(parsed).as("some fuzzed queries must parse").hasSizeGreaterThan(1000);
    assertThat(errors).as("some fuzzed queries must fail").isGreaterThan(100_000);
  }

  @Test
  void pathologicalQueriesAreAnsweredQuickly() {
    QueryParser parser = new QueryParser(QueryLimits.DEFAULT);
    QueryMatcher matcher = new QueryMatcher();
    matcher.add("w", parser.parse("aa*a*a*a*b"));
    String post = "a".repeat(50_000) + " " + "aa".repeat(20_000) + "c";
    assertThat(matcher.match(Post.of(post)).matches()).isEmpty();
    assertThat(matcher.match(Post.of("aaaaab")).matches()).containsExactly("w");
  }

  private static String randomText(Random random) {
    StringBuilder text = new StringBuilder();
    int pieces = random.nextInt(random.nextInt(10) == 0 ? 200 : 16);
    for (int i = 0; i < pieces; i++) {
      text.append(PIECES[random.nextInt(PIECES.length)]);
    }
    if (random.nextInt(2000) == 0) {
      text.append("(".repeat(random.nextInt(10_000)));
    }
    return text.toString();
  }

  private static String mutate(Random random, String seed) {
    StringBuilder text = new StringBuilder(seed);
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits; e++) {
      int at = text.length() == 0 ? 0 : random.nextInt(text.length() + 1);
      switch (random.nextInt(4)) {
        case 0 -> text.insert(at, PIECES[random.nextInt(PIECES.length)]);
        case 1 -> {
          if (at < text.length()) {
            text.deleteCharAt(at);
          }
        }
        case 2 -> text.insert(at, (char) random.nextInt(0x3000));
        default -> {
          if (at < text.length()) {
            text.setCharAt(at, PIECES[random.nextInt(PIECES.length)].charAt(0));
          }
        }
      }
    }
    return text.toString();
  }
}
