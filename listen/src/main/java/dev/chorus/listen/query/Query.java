package dev.chorus.listen.query;

import java.util.Objects;

/**
 * A parsed query.
 *
 * @param text the query as the user wrote it
 * @param root its syntax tree
 */
public record Query(String text, Node root) {
  public Query {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(root, "root");
  }
}
