package dev.chorus.listen.match;

import java.util.List;
import java.util.Objects;

/**
 * Why a query matched a post or not: one node per clause of the query, with the places in the post
 * where the clause matched.
 *
 * @param clause the clause in query syntax
 * @param matched whether it matched
 * @param hits where it matched (empty for clauses without positions, such as fields and NOT)
 * @param children explanations of the sub-clauses
 */
public record Explanation(
    String clause, boolean matched, List<Hit> hits, List<Explanation> children) {
  public Explanation {
    Objects.requireNonNull(clause, "clause");
    hits = List.copyOf(hits);
    children = List.copyOf(children);
  }

  /**
   * One place where a clause matched.
   *
   * @param inTitle true for the title, false for the text
   * @param firstPosition the first token position
   * @param lastPosition the last token position
   * @param start char offset of the first char in the HTML-cleaned text or title
   * @param end char offset after the last char
   */
  public record Hit(boolean inTitle, int firstPosition, int lastPosition, int start, int end) {}

  /** The explanation as indented lines, for logs and the UI. */
  public String render() {
    StringBuilder out = new StringBuilder();
    render(out, 0);
    return out.toString();
  }

  private void render(StringBuilder out, int depth) {
    out.append("  ".repeat(depth)).append(matched ? "✓ " : "✗ ").append(clause);
    for (Hit hit : hits) {
      out.append(" @")
          .append(hit.inTitle() ? "title:" : "")
          .append(hit.firstPosition())
          .append(hit.lastPosition() == hit.firstPosition() ? "" : "-" + hit.lastPosition());
    }
    out.append('\n');
    for (Explanation child : children) {
      child.render(out, depth + 1);
    }
  }
}
