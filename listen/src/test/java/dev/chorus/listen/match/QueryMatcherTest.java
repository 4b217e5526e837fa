package dev.chorus.listen.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorus.listen.query.QueryLimits;
import dev.chorus.listen.query.QueryParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class QueryMatcherTest {

  private final QueryParser parser = new QueryParser(QueryLimits.DEFAULT);
  private final QueryMatcher matcher = new QueryMatcher();

  private boolean matches(String query, Post post) {
    QueryMatcher one = new QueryMatcher();
    one.add("q", parser.parse(query));
    return one.match(post).matches().contains("q");
  }

  private boolean matches(String query, String text) {
    return matches(query, Post.of(text));
  }

  @Test
  void termsIgnoreCaseAndAccents() {
    assertThat(matches("cafe", "Best CAFÉ in town")).isTrue();
    assertThat(matches("café", "best cafe")).isTrue();
    assertThat(matches("cafe", "cafeteria")).isFalse();
  }

  @Test
  void exactWordsKeepCase() {
    assertThat(matches("{Apple}", "Apple shares rose")).isTrue();
    assertThat(matches("{Apple}", "an apple a day")).isFalse();
  }

  @Test
  void phrasesNeedConsecutiveWords() {
    assertThat(matches("\"new phone\"", "my New Phone!")).isTrue();
    assertThat(matches("\"new phone\"", "new shiny phone")).isFalse();
    assertThat(matches("\"new phone\"~1", "new shiny phone")).isTrue();
    assertThat(matches("\"new phone\"~1", "phone is new")).isTrue();
  }

  @Test
  void nearCountsWordsBetweenAndNearFKeepsOrder() {
    assertThat(matches("acme NEAR/2 launch", "acme will soon launch")).isTrue();
    assertThat(matches("acme NEAR/1 launch", "acme will soon launch")).isFalse();
    assertThat(matches("acme NEAR/2 launch", "launch by acme")).isTrue();
    assertThat(matches("acme NEAR/2f launch", "launch by acme")).isFalse();
    assertThat(matches("(acme OR \"acme corp\") NEAR/0f (phone OR tablet)", "Acme Corp tablet"))
        .isTrue();
  }

  @Test
  void booleanOperatorsAndExclusion() {
    assertThat(matches("acme -spam", "acme deals")).isTrue();
    assertThat(matches("acme -spam", "acme spam")).isFalse();
    assertThat(matches("NOT spam", "anything else")).isTrue();
    assertThat(matches("(acme OR beta) AND phone", "beta phone")).isTrue();
  }

  @Test
  void wildcardsMatchInsideAndAtTheEndOfWords() {
    assertThat(matches("ac*e", "ACME rocks")).isTrue();
    assertThat(matches("col?r", "colour colors color")).isTrue();
    assertThat(matches("col?r", "colour")).isFalse();
    assertThat(matches("\"acm* phone\"", "acmecorp phone")).isTrue();
  }

  @Test
  void hashtagsMentionsAndEmoji() {
    assertThat(matches("#acme", "love #Acme")).isTrue();
    assertThat(matches("#acme", "love acme")).isFalse();
    assertThat(matches("acme", "love #Acme")).isTrue();
    assertThat(matches("@acme", "thanks @acme")).isTrue();
    assertThat(matches("@bob@mastodon.social", "cc @bob@mastodon.social")).isTrue();
    assertThat(matches("🚀 acme", "acme 🚀🚀")).isTrue();
    assertThat(matches("👍", "nice 👍🏽")).isTrue();
  }

  @Test
  void chineseAndJapaneseMatchByBigrams() {
    assertThat(matches("东京", "我爱东京塔")).isTrue();
    assertThat(matches("東京都", "東京都庁")).isTrue();
    assertThat(matches("東京都", "京都")).isFalse();
  }

  @Test
  void htmlIsCleanedBeforeMatching() {
    assertThat(matches("\"acme phone\"", "<p>Acme&nbsp;<b>phone</b></p>")).isTrue();
    assertThat(matches("script", "<script>script()</script>hello")).isFalse();
  }

  @Test
  void fieldsMatchTheirOwnValues() {
    Post post =
        Post.of("hello https://blog.acme.com/2026/launch")
            .withTitle("Big Launch")
            .withAuthor("@Acme")
            .withLang("pt-BR")
            .withChannel("Mastodon")
            .withUrl("https://social.example/@acme/1")
            .withAuthorFollowers(1500);
    assertThat(matches("author:acme", post)).isTrue();
    assertThat(matches("lang:pt", post)).isTrue();
    assertThat(matches("lang:pt-br", post)).isTrue();
    assertThat(matches("lang:en", post)).isFalse();
    assertThat(matches("channel:mastodon", post)).isTrue();
    assertThat(matches("site:acme.com", post)).isTrue();
    assertThat(matches("site:blog.acme.com", post)).isTrue();
    assertThat(matches("site:www.acme.com", post)).isFalse();
    assertThat(matches("url:blog.acme.com/2026", post)).isTrue();
    assertThat(matches("url:social.example/@acme", post)).isTrue();
    assertThat(matches("title:launch", post)).isTrue();
    assertThat(matches("title:hello", post)).isFalse();
    assertThat(matches("authorFollowers:[1000 TO 2000]", post)).isTrue();
    assertThat(matches("authorFollowers:[* TO 999]", post)).isFalse();
    assertThat(matches("authorFollowers:[0 TO *]", Post.of("unknown count"))).isFalse();
  }

  @Test
  void queriesAreAddedReplacedAndRemovedOneByOne() {
    matcher.add("a", parser.parse("acme"));
    matcher.add("b", parser.parse("beta"));
    Post post = Post.of("acme and beta");
    assertThat(matcher.match(post).matches()).containsExactly("a", "b");
    matcher.add("a", parser.parse("gamma"));
    assertThat(matcher.match(post).matches()).containsExactly("b");
    assertThat(matcher.remove("b")).isTrue();
    assertThat(matcher.remove("b")).isFalse();
    assertThat(matcher.match(post).matches()).isEmpty();
    assertThat(matcher.size()).isEqualTo(1);
  }

  @Test
  void onlyQueriesAnchoredOnPresentTermsAreEvaluated() {
    for (int i = 0; i < 1000; i++) {
      matcher.add("brand" + i, parser.parse("brand" + i + " AND (phone OR tablet)"));
    }
    matcher.add("not", parser.parse("NOT spam"));
    MatchResult result = matcher.match(Post.of("brand7 phone"));
    assertThat(result.matches()).containsExactly("brand7", "not");
    assertThat(result.evaluated()).isEqualTo(2);
  }

  @Test
  void aQueryOverItsBudgetFailsAloneAndTheOthersStillMatch() {
    QueryMatcher small = new QueryMatcher(1_000);
    small.add("costly", parser.parse("\"the the\" NEAR/3 the"));
    small.add("cheap", parser.parse("acme"));
    MatchResult result = small.match(Post.of("acme " + "the ".repeat(5_000)));
    assertThat(result.matches()).containsExactly("cheap");
    assertThat(result.failures())
        .containsExactly(
            new MatchResult.QueryFailure("costly", "needed more than 1000 steps on this post"));
  }

  @Test
  void explanationsShowWhichClausesMatchedWhere() {
    matcher.add("q", parser.parse("(acme OR beta) NEAR/2 phone -spam"));
    Explanation explanation = matcher.explain("q", Post.of("my Acme phone")).orElseThrow();
    assertThat(explanation.matched()).isTrue();
    assertThat(explanation.render())
        .isEqualTo(
            "✓ (((acme OR beta) NEAR/2 phone) AND NOT spam)\n"
                + "  ✓ ((acme OR beta) NEAR/2 phone)\n"
                + "    ✓ (acme OR beta) @1\n"
                + "      ✓ acme @1\n"
                + "      ✗ beta\n"
                + "    ✓ phone @2\n"
                + "  ✓ NOT spam\n"
                + "    ✗ spam\n");
    Explanation.Hit hit = explanation.children().get(0).children().get(1).hits().get(0);
    assertThat(hit).isEqualTo(new Explanation.Hit(false, 2, 2, 8, 13));
    assertThat(matcher.explain("missing", Post.of("x"))).isEmpty();
  }

  @Test
  void postsOverTheLimitsOrInBadEncodingsAreRejectedWithAReason() {
    assertThatThrownBy(() -> Post.of("x".repeat(Post.MAX_TEXT + 1)))
        .hasMessage("text is 1000001 characters; the limit is 1000000");
    assertThatThrownBy(
            () -> Post.ofBytes(new byte[] {'o', 'k', (byte) 0xC3}, StandardCharsets.UTF_8))
        .hasMessage("text is not valid UTF-8 at byte 2");
    assertThat(
            Post.ofBytes("café".getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1)
                .text())
        .isEqualTo("café");
  }

  @Test
  void aPostAtTheSizeLimitIsMatched() {
    matcher.add("q", parser.parse("needle NEAR/3 haystack"));
    String text = "hay ".repeat(Post.MAX_TEXT / 4 - 10) + "needle in haystack";
    assertThat(matcher.match(Post.of(text)).matches()).containsExactly("q");
  }

  @Test
  void concurrentMatchingGivesTheSameAnswersAsOneThread() throws Exception {
    RandomCorpus corpus = new RandomCorpus(42);
    for (int i = 0; i < 300; i++) {
      try {
        matcher.add("q" + i, parser.parse(corpus.query(3)));
      } catch (IllegalArgumentException e) {
        // skip invalid random queries
      }
    }
    List<Post> posts = new ArrayList<>();
    List<List<String>> expected = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      Post post = corpus.post(30);
      posts.add(post);
      expected.add(matcher.match(post).matches());
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        futures.add(
            pool.submit(
                () -> {
                  for (int round = 0; round < 5; round++) {
                    for (int i = 0; i < posts.size(); i++) {
                      if (!matcher.match(posts.get(i)).matches().equals(expected.get(i))) {
                        return false;
                      }
                    }
                  }
                  return true;
                }));
      }
      // Changes to other queries run concurrently and must not disturb the answers above.
      for (int i = 0; i < 200; i++) {
        matcher.add("extra" + i, parser.parse("zzzunused" + i));
        matcher.remove("extra" + (i / 2));
      }
      for (Future<Boolean> future : futures) {
        assertThat(future.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
