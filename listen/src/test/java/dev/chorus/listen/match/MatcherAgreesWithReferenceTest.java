package dev.chorus.listen.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.listen.query.Query;
import dev.chorus.listen.query.QueryLimits;
import dev.chorus.listen.query.QueryParser;
import dev.chorus.listen.query.QuerySyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property: for random queries and random posts, the fast matcher returns exactly the queries that
 * the reference evaluator says match, including after queries are removed and replaced.
 */
class MatcherAgreesWithReferenceTest {

  private final QueryParser parser = new QueryParser(QueryLimits.DEFAULT);

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void fastMatcherAgreesWithTheReferenceOnRandomQueriesAndPosts(long seed) {
    RandomCorpus corpus = new RandomCorpus(seed);
    Map<String, Query> queries = new LinkedHashMap<>();
    int attempts = 0;
    while (queries.size() < 400) {
      attempts++;
      try {
        queries.put("q" + queries.size(), parser.parse(corpus.query(3)));
      } catch (QuerySyntaxException e) {
        // Random text may be invalid (for example too many wildcards); that is the fuzz test's job.
      }
    }
    assertThat(attempts).isLessThan(800);
    QueryMatcher matcher = new QueryMatcher();
    queries.forEach(matcher::add);
    churn(matcher, queries, new Random(seed));

    ReferenceEvaluator reference = new ReferenceEvaluator();
    int matched = 0;
    for (int i = 0; i < 600; i++) {
      Post post = corpus.post(i % 50 == 0 ? 300 : 25);
      PostView view = PostView.of(post);
      List<String> expected = new ArrayList<>();
      queries.forEach(
          (id, query) -> {
            if (reference.matches(query.root(), view)) {
              expected.add(id);
            }
          });
      expected.sort(null);
      MatchResult result = matcher.match(post);
      assertThat(result.failures()).isEmpty();
      assertThat(result.matches()).as("post %s", post).containsExactlyElementsOf(expected);
      matched += expected.size();
    }
    assertThat(matched)
        .as("the corpus must produce matches to be a meaningful test")
        .isGreaterThan(2000);
  }

  // Removes a tenth of the queries, re-adds some under the same id with another query, adds new.
  private void churn(QueryMatcher matcher, Map<String, Query> queries, Random random) {
    List<String> ids = new ArrayList<>(queries.keySet());
    for (int i = 0; i < ids.size() / 10; i++) {
      String id = ids.get(random.nextInt(ids.size()));
      if (queries.remove(id) != null) {
        assertThat(matcher.remove(id)).isTrue();
      }
    }
    for (int i = 0; i < ids.size() / 10; i++) {
      String id = ids.get(random.nextInt(ids.size()));
      Query replacement = queries.getOrDefault(ids.get(random.nextInt(ids.size())), null);
      if (replacement != null) {
        queries.put(id, replacement);
        matcher.add(id, replacement);
      }
    }
    assertThat(matcher.size()).isEqualTo(queries.size());
  }
}
