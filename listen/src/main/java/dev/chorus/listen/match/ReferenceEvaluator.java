package dev.chorus.listen.match;

import dev.chorus.listen.query.Node;
import dev.chorus.listen.query.Node.Slot;
import dev.chorus.listen.query.Node.Space;
import dev.chorus.listen.text.AnalyzedText;
import dev.chorus.listen.text.Token;
import dev.chorus.listen.text.TokenKind;
import dev.chorus.listen.text.Urls;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Evaluates a syntax tree against an analysed post by the plain definition of each operator, with
 * no index and no cleverness: the yardstick the fast {@link QueryMatcher} is tested against, and
 * the source of {@link Explanation}s.
 *
 * <p>Definitions: a span is a run of positions [first, last]. A slot matches a token whose folded
 * text equals the term or matches the wildcard ({@code *} any run of code points, {@code ?} one). A
 * phrase matches slots at consecutive positions. {@code "..."~n} matches when some occurrence of
 * each slot lies in a window with {@code (last - first + 1) - slots <= n}. NEAR/n matches a span of
 * each side that overlap or have at most n positions between them; NEAR/nf also needs the left span
 * to end before the right one starts.
 *
 * <p>Not thread-safe (it caches wildcard patterns); cheap to create.
 */
public final class ReferenceEvaluator {

  private final Map<String, Pattern> patterns = new HashMap<>();

  /** Whether {@code node} matches {@code post}. */
  public boolean matches(Node node, PostView post) {
    return explain(node, post).matched();
  }

  /** The explanation of {@code node} on {@code post}, clause by clause. */
  public Explanation explain(Node node, PostView post) {
    if (node instanceof Node.And and) {
      List<Explanation> children = new ArrayList<>();
      boolean all = true;
      for (Node child : and.children()) {
        Explanation e = explain(child, post);
        children.add(e);
        all &= e.matched();
      }
      return new Explanation(node.toString(), all, List.of(), children);
    }
    if (node instanceof Node.Or or) {
      List<Explanation> children = new ArrayList<>();
      boolean any = false;
      for (Node child : or.children()) {
        Explanation e = explain(child, post);
        children.add(e);
        any |= e.matched();
      }
      return new Explanation(node.toString(), any, spanHits(node, post), children);
    }
    if (node instanceof Node.Not not) {
      Explanation child = explain(not.child(), post);
      return new Explanation(node.toString(), !child.matched(), List.of(), List.of(child));
    }
    if (node instanceof Node.Near near) {
      boolean matched = near(spans(near.left(), post), spans(near.right(), post), near);
      return new Explanation(
          node.toString(),
          matched,
          List.of(),
          List.of(explain(near.left(), post), explain(near.right(), post)));
    }
    if (node instanceof Node.Single || node instanceof Node.Phrase) {
      List<Explanation.Hit> hits = spanHits(node, post);
      return new Explanation(node.toString(), !hits.isEmpty(), hits, List.of());
    }
    if (node instanceof Node.Proximity proximity) {
      return new Explanation(node.toString(), proximity(proximity, post), List.of(), List.of());
    }
    if (node instanceof Node.Exact exact) {
      List<Explanation.Hit> hits = new ArrayList<>();
      for (Token token : post.text().tokens()) {
        if (token.kind() == TokenKind.WORD && token.raw().equals(exact.text())) {
          hits.add(
              new Explanation.Hit(
                  false, token.position(), token.position(), token.start(), token.end()));
        }
      }
      return new Explanation(node.toString(), !hits.isEmpty(), hits, List.of());
    }
    return new Explanation(node.toString(), field(node, post), List.of(), List.of());
  }

  private boolean field(Node node, PostView post) {
    if (node instanceof Node.FieldIs is) {
      return switch (is.field()) {
        case AUTHOR -> post.author().equals(is.value());
        case LANG -> post.langs().contains(is.value());
        case CHANNEL -> post.channel().equals(is.value());
        case SITE -> post.urls().stream().anyMatch(url -> Urls.sites(url).contains(is.value()));
      };
    }
    if (node instanceof Node.UrlPrefix prefix) {
      return post.urls().stream().anyMatch(url -> url.startsWith(prefix.prefix()));
    }
    if (node instanceof Node.Followers range) {
      return post.followers() >= range.min() && post.followers() <= range.max();
    }
    throw new IllegalArgumentException("unknown node " + node);
  }

  /** Spans [first, last] of a Single, Phrase or Or of those. */
  private List<int[]> spans(Node node, PostView post) {
    List<int[]> spans = new ArrayList<>();
    if (node instanceof Node.Single single) {
      for (int p : positions(single.slot(), tokens(single.space(), post))) {
        spans.add(new int[] {p, p});
      }
    } else if (node instanceof Node.Phrase phrase) {
      List<Token> tokens = tokens(phrase.space(), post);
      List<TreeSet<Integer>> positions = new ArrayList<>();
      for (Slot slot : phrase.slots()) {
        positions.add(positions(slot, tokens));
      }
      for (int start : positions.get(0)) {
        boolean all = true;
        for (int k = 1; k < positions.size() && all; k++) {
          all = positions.get(k).contains(start + k);
        }
        if (all) {
          spans.add(new int[] {start, start + positions.size() - 1});
        }
      }
    } else if (node instanceof Node.Or or) {
      for (Node child : or.children()) {
        spans.addAll(spans(child, post));
      }
    }
    return spans;
  }

  private List<Explanation.Hit> spanHits(Node node, PostView post) {
    boolean title =
        node instanceof Node.Single s && s.space() == Space.TITLE
            || node instanceof Node.Phrase p && p.space() == Space.TITLE;
    AnalyzedText text = title ? post.title() : post.text();
    List<Explanation.Hit> hits = new ArrayList<>();
    for (int[] span : spans(node, post)) {
      hits.add(
          new Explanation.Hit(
              title, span[0], span[1], startOf(text, span[0]), endOf(text, span[1])));
    }
    return hits;
  }

  private static boolean near(List<int[]> left, List<int[]> right, Node.Near near) {
    for (int[] a : left) {
      for (int[] b : right) {
        if (near.ordered()) {
          if (a[1] < b[0] && b[0] - a[1] - 1 <= near.distance()) {
            return true;
          }
        } else {
          boolean overlap = a[0] <= b[1] && b[0] <= a[1];
          int gap = a[1] < b[0] ? b[0] - a[1] - 1 : a[0] - b[1] - 1;
          if (overlap || gap <= near.distance()) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private boolean proximity(Node.Proximity proximity, PostView post) {
    List<Token> tokens = tokens(proximity.space(), post);
    List<TreeSet<Integer>> positions = new ArrayList<>();
    TreeSet<Integer> starts = new TreeSet<>();
    for (Slot slot : proximity.slots()) {
      TreeSet<Integer> set = positions(slot, tokens);
      positions.add(set);
      starts.addAll(set);
    }
    int width = proximity.slop() + proximity.slots().size() - 1;
    for (int start : starts) {
      boolean all = true;
      for (TreeSet<Integer> set : positions) {
        Integer next = set.ceiling(start);
        all &= next != null && next - start <= width;
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  private TreeSet<Integer> positions(Slot slot, List<Token> tokens) {
    TreeSet<Integer> positions = new TreeSet<>();
    for (Token token : tokens) {
      boolean matches =
          slot instanceof Node.Term
              ? token.text().equals(slot.text())
              : pattern(slot.text()).matcher(token.text()).matches();
      if (matches) {
        positions.add(token.position());
      }
    }
    return positions;
  }

  private Pattern pattern(String wildcard) {
    return patterns.computeIfAbsent(
        wildcard,
        w -> {
          StringBuilder regex = new StringBuilder();
          StringBuilder literal = new StringBuilder();
          for (char c : w.toCharArray()) {
            if (c == '*' || c == '?') {
              if (literal.length() > 0) {
                regex.append(Pattern.quote(literal.toString()));
                literal.setLength(0);
              }
              regex.append(c == '*' ? ".*" : ".");
            } else {
              literal.append(c);
            }
          }
          if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
          }
          return Pattern.compile(regex.toString(), Pattern.DOTALL);
        });
  }

  private static List<Token> tokens(Space space, PostView post) {
    return space == Space.TITLE ? post.title().tokens() : post.text().tokens();
  }

  private static int startOf(AnalyzedText text, int position) {
    for (Token token : text.tokens()) {
      if (token.position() == position) {
        return token.start();
      }
    }
    return 0;
  }

  private static int endOf(AnalyzedText text, int position) {
    int end = 0;
    for (Token token : text.tokens()) {
      if (token.position() == position) {
        end = Math.max(end, token.end());
      }
    }
    return end;
  }
}
