package dev.chorus.listen.match;

import java.util.List;

/**
 * What matching one post against every query found.
 *
 * @param matches ids of the queries that matched, in ascending order
 * @param failures queries that could not be evaluated on this post; the others were
 * @param evaluated how many queries were evaluated (the rest were ruled out by their anchors)
 */
public record MatchResult(List<String> matches, List<QueryFailure> failures, int evaluated) {
  public MatchResult {
    matches = List.copyOf(matches);
    failures = List.copyOf(failures);
  }

  /**
   * One query that failed on one post.
   *
   * @param queryId the query's id
   * @param reason what went wrong
   */
  public record QueryFailure(String queryId, String reason) {}
}
