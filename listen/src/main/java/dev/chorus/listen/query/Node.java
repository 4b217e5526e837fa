package dev.chorus.listen.query;

import java.util.List;
import java.util.Objects;

/**
 * The syntax tree of a query. Leaves hold folded text ready to compare with analysed posts; {@link
 * #toString()} writes a node back in query syntax.
 */
public sealed interface Node {

  /** Where words are looked for: the post's text or its title. */
  enum Space {
    TEXT,
    TITLE
  }

  /** A field compared as a whole, folded. */
  enum Field {
    AUTHOR,
    LANG,
    CHANNEL,
    /** The host of any URL of the post, or one of its parent domains. */
    SITE
  }

  /** What may stand at one position of a phrase: a term or a wildcard pattern. */
  sealed interface Slot {
    /** The folded text or pattern. */
    String text();
  }

  /** A folded term ({@code acme}, {@code #acme}, {@code @acme}, an emoji, a CJK bigram). */
  record Term(String text) implements Slot {
    public Term {
      nonEmpty(text, "term");
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /** A folded word with {@code *} (any run, possibly empty) and {@code ?} (one code point). */
  record Wildcard(String text) implements Slot {
    public Wildcard {
      nonEmpty(text, "wildcard");
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /** One term or wildcard anywhere in a space. */
  record Single(Space space, Slot slot) implements Node {
    public Single {
      Objects.requireNonNull(space, "space");
      Objects.requireNonNull(slot, "slot");
    }

    @Override
    public String toString() {
      return prefix(space) + slot;
    }
  }

  /** Slots at consecutive positions. */
  record Phrase(Space space, List<Slot> slots) implements Node {
    public Phrase {
      Objects.requireNonNull(space, "space");
      slots = List.copyOf(slots);
      if (slots.size() < 2) {
        throw new IllegalArgumentException("a phrase needs 2 slots but has " + slots.size());
      }
    }

    @Override
    public String toString() {
      return prefix(space) + "\"" + join(slots) + "\"";
    }
  }

  /**
   * Every slot within a window: some occurrence of each, in any order, with {@code (last - first +
   * 1) - slots <= slop}; occurrences may coincide.
   */
  record Proximity(Space space, List<Slot> slots, int slop) implements Node {
    public Proximity {
      Objects.requireNonNull(space, "space");
      slots = List.copyOf(slots);
      if (slots.size() < 2) {
        throw new IllegalArgumentException("a proximity needs 2 slots but has " + slots.size());
      }
      if (slop < 0) {
        throw new IllegalArgumentException("slop is negative: " + slop);
      }
    }

    @Override
    public String toString() {
      return prefix(space) + "\"" + join(slots) + "\"~" + slop;
    }
  }

  /** A word of the text exactly as written: case and accents count. */
  record Exact(String text) implements Node {
    public Exact {
      nonEmpty(text, "exact word");
    }

    @Override
    public String toString() {
      return "{" + text + "}";
    }
  }

  /** A whole field equal to a folded value (for {@link Field#SITE}: a domain suffix). */
  record FieldIs(Field field, String value) implements Node {
    public FieldIs {
      Objects.requireNonNull(field, "field");
      nonEmpty(value, "field value");
    }

    @Override
    public String toString() {
      return field.name().toLowerCase(java.util.Locale.ROOT) + ":\"" + value + "\"";
    }
  }

  /** Any URL of the post, normalised, starts with this prefix. */
  record UrlPrefix(String prefix) implements Node {
    public UrlPrefix {
      nonEmpty(prefix, "url");
    }

    @Override
    public String toString() {
      return "url:\"" + prefix + "\"";
    }
  }

  /** The author's follower count is known and within [min, max]. */
  record Followers(long min, long max) implements Node {
    public Followers {
      if (min < 0 || max < min) {
        throw new IllegalArgumentException("followers range [" + min + ", " + max + "] is empty");
      }
    }

    @Override
    public String toString() {
      return "authorFollowers:[" + min + " TO " + (max == Long.MAX_VALUE ? "*" : max) + "]";
    }
  }

  /**
   * Some span of {@code left} and some span of {@code right} with at most {@code distance}
   * positions between them (overlapping spans count as near); when {@code ordered}, left ends
   * before right starts. Operands are {@link Single}, {@link Phrase} or {@link Or} of those, in
   * {@link Space#TEXT}.
   */
  record Near(Node left, Node right, int distance, boolean ordered) implements Node {
    public Near {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
      if (distance < 0) {
        throw new IllegalArgumentException("distance is negative: " + distance);
      }
    }

    @Override
    public String toString() {
      return "(" + left + " NEAR/" + distance + (ordered ? "f " : " ") + right + ")";
    }
  }

  /** Every child matches. */
  record And(List<Node> children) implements Node {
    public And {
      children = List.copyOf(children);
      if (children.size() < 2) {
        throw new IllegalArgumentException("AND needs 2 children but has " + children.size());
      }
    }

    @Override
    public String toString() {
      return "(" + joinWith(children, " AND ") + ")";
    }
  }

  /** Some child matches. */
  record Or(List<Node> children) implements Node {
    public Or {
      children = List.copyOf(children);
      if (children.size() < 2) {
        throw new IllegalArgumentException("OR needs 2 children but has " + children.size());
      }
    }

    @Override
    public String toString() {
      return "(" + joinWith(children, " OR ") + ")";
    }
  }

  /** The child does not match. */
  record Not(Node child) implements Node {
    public Not {
      Objects.requireNonNull(child, "child");
    }

    @Override
    public String toString() {
      return "NOT " + child;
    }
  }

  private static void nonEmpty(String text, String what) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException(what + " is empty");
    }
  }

  private static String prefix(Space space) {
    return space == Space.TITLE ? "title:" : "";
  }

  private static String join(List<Slot> slots) {
    StringBuilder out = new StringBuilder();
    for (Slot slot : slots) {
      out.append(out.length() == 0 ? "" : " ").append(slot);
    }
    return out.toString();
  }

  private static String joinWith(List<Node> nodes, String separator) {
    StringBuilder out = new StringBuilder();
    for (Node node : nodes) {
      out.append(out.length() == 0 ? "" : separator).append(node);
    }
    return out.toString();
  }
}
