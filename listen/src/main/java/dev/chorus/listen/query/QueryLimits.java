package dev.chorus.listen.query;

/**
 * Bounds on one query, each reported by its own error.
 *
 * @param maxLength characters in the query text
 * @param maxDepth nesting of brackets and NOTs
 * @param maxTerms terms, phrase words and field values
 * @param maxWildcardWords words with a wildcard
 * @param maxWildcardsPerWord {@code *} and {@code ?} in one word
 * @param minWildcardPrefix letters before a word's first wildcard ("ac*" needs 2)
 * @param maxDistance the largest n of NEAR/n and "..."~n
 */
public record QueryLimits(
    int maxLength,
    int maxDepth,
    int maxTerms,
    int maxWildcardWords,
    int maxWildcardsPerWord,
    int minWildcardPrefix,
    int maxDistance) {

  /**
   * 4,096 characters, depth 32, 256 terms, 16 wildcard words of at most 4 wildcards after 2
   * letters, distance 100.
   */
  public static final QueryLimits DEFAULT = new QueryLimits(4096, 32, 256, 16, 4, 2, 100);

  public QueryLimits {
    positive("maxLength", maxLength);
    positive("maxDepth", maxDepth);
    positive("maxTerms", maxTerms);
    positive("maxWildcardWords", maxWildcardWords);
    positive("maxWildcardsPerWord", maxWildcardsPerWord);
    positive("minWildcardPrefix", minWildcardPrefix);
    if (maxDistance < 0) {
      throw new IllegalArgumentException("maxDistance is negative: " + maxDistance);
    }
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1 but was " + value);
    }
  }
}
