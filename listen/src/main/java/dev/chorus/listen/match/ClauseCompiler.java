package dev.chorus.listen.match;

import dev.chorus.listen.query.Node;
import dev.chorus.listen.query.Node.Slot;
import dev.chorus.listen.query.Node.Space;
import dev.chorus.listen.text.Urls;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Compiles a syntax tree into {@link Clause}s over term ids and chooses its anchors: a small set of
 * terms at least one of which occurs in every post the query matches (the presearcher idea of
 * Lucene's Monitor). A term anchors itself; a phrase, proximity or NEAR is anchored by its rarest
 * looking term; AND by its cheapest anchored child; OR by the union of its children's anchors. NOT,
 * follower ranges, and OR with such a child have no anchors: those queries are checked on every
 * post.
 *
 * <p>Cost of an anchor set, lower is better: the sum over its terms of a guess at how common the
 * term is (short words and a list of very common words cost more; an author costs least; lang and
 * channel values cost most).
 */
final class ClauseCompiler {

  /** A compiled query: its clause, its anchors (empty: check always), its wildcards. */
  record Compiled(Clause root, int[] anchors, List<String> wildcards, int exactTerms) {}

  private record Anchors(int[] ids, int cost) {}

  private record Part(Clause clause, Anchors anchors) {}

  private final TermDictionary dictionary;
  private final WildcardIndex textWildcards;
  private final WildcardIndex titleWildcards;
  private List<String> wildcards;
  private int exactTerms;

  ClauseCompiler(
      TermDictionary dictionary, WildcardIndex textWildcards, WildcardIndex titleWildcards) {
    this.dictionary = dictionary;
    this.textWildcards = textWildcards;
    this.titleWildcards = titleWildcards;
  }

  /** Compiles {@code root}, registering its wildcard patterns (undo with {@link #release}). */
  Compiled compile(Node root) {
    wildcards = new ArrayList<>();
    exactTerms = 0;
    Part part = part(root);
    int[] anchors = part.anchors() == null ? new int[0] : part.anchors().ids();
    return new Compiled(part.clause(), anchors, List.copyOf(wildcards), exactTerms);
  }

  /** Unregisters the wildcards of a compiled query. */
  void release(Compiled compiled) {
    for (String key : compiled.wildcards()) {
      char namespace = key.charAt(0);
      String pattern = key.substring(1);
      int id = dictionary.intern(namespace, pattern);
      (namespace == TermDictionary.TEXT_WILDCARD ? textWildcards : titleWildcards)
          .remove(pattern, id);
    }
  }

  private Part part(Node node) {
    if (node instanceof Node.Single single) {
      int id = slot(single.space(), single.slot());
      return new Part(new Clause.Term(id), one(id, cost(single.slot())));
    }
    if (node instanceof Node.Phrase phrase) {
      int[] ids = slots(phrase.space(), phrase.slots());
      return new Part(new PositionalClauses.Phrase(ids), rarest(ids, phrase.slots()));
    }
    if (node instanceof Node.Proximity proximity) {
      int[] ids = slots(proximity.space(), proximity.slots());
      int[] distinct = Arrays.stream(ids).distinct().toArray();
      int width = proximity.slop() + proximity.slots().size() - 1;
      return new Part(
          new PositionalClauses.Proximity(distinct, width), rarest(ids, proximity.slots()));
    }
    if (node instanceof Node.Exact exact) {
      exactTerms++;
      int id = dictionary.intern(TermDictionary.EXACT, exact.text());
      return new Part(new Clause.Term(id), one(id, 3));
    }
    if (node instanceof Node.FieldIs is) {
      return field(is);
    }
    if (node instanceof Node.UrlPrefix url) {
      String host = Urls.host(url.prefix());
      Anchors anchors =
          host.length() < url.prefix().length() && !host.isEmpty()
              ? one(dictionary.intern(TermDictionary.SITE, host), 3)
              : null;
      return new Part(new Clause.UrlPrefix(url.prefix()), anchors);
    }
    if (node instanceof Node.Followers range) {
      return new Part(new Clause.Followers(range.min(), range.max()), null);
    }
    if (node instanceof Node.Near near) {
      Part left = part(near.left());
      Part right = part(near.right());
      Clause clause =
          new PositionalClauses.Near(
              spanning(left.clause()), spanning(right.clause()), near.distance(), near.ordered());
      return new Part(clause, cheaper(left.anchors(), right.anchors()));
    }
    if (node instanceof Node.And and) {
      List<Part> parts = new ArrayList<>();
      Anchors best = null;
      for (Node child : and.children()) {
        Part part = part(child);
        parts.add(part);
        best = cheaper(best, part.anchors());
      }
      parts.sort(Comparator.comparingInt(p -> rank(p.clause())));
      return new Part(
          new Clause.And(parts.stream().map(Part::clause).toArray(Clause[]::new)), best);
    }
    if (node instanceof Node.Or or) {
      List<Part> parts = new ArrayList<>();
      for (Node child : or.children()) {
        parts.add(part(child));
      }
      boolean spanning = parts.stream().allMatch(p -> p.clause() instanceof Clause.Spanning);
      Clause clause =
          spanning
              ? new Clause.SpanOr(
                  parts.stream()
                      .map(p -> (Clause.Spanning) p.clause())
                      .toArray(Clause.Spanning[]::new))
              : new Clause.Or(parts.stream().map(Part::clause).toArray(Clause[]::new));
      return new Part(clause, union(parts));
    }
    if (node instanceof Node.Not not) {
      return new Part(new Clause.Not(part(not.child()).clause()), null);
    }
    throw new IllegalArgumentException("cannot compile " + node);
  }

  private Part field(Node.FieldIs is) {
    char namespace;
    int cost;
    switch (is.field()) {
      case AUTHOR -> {
        namespace = TermDictionary.AUTHOR;
        cost = 1;
      }
      case LANG -> {
        namespace = TermDictionary.LANG;
        cost = 60;
      }
      case CHANNEL -> {
        namespace = TermDictionary.CHANNEL;
        cost = 60;
      }
      default -> {
        namespace = TermDictionary.SITE;
        cost = 3;
      }
    }
    int id = dictionary.intern(namespace, is.value());
    return new Part(new Clause.Term(id), one(id, cost));
  }

  private static Clause.Spanning spanning(Clause clause) {
    if (clause instanceof Clause.Spanning spanning) {
      return spanning;
    }
    throw new IllegalArgumentException("NEAR operand is not positional: " + clause);
  }

  private int[] slots(Space space, List<Slot> slots) {
    int[] ids = new int[slots.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = slot(space, slots.get(i));
    }
    return ids;
  }

  private int slot(Space space, Slot slot) {
    boolean title = space == Space.TITLE;
    if (slot instanceof Node.Wildcard) {
      char namespace = title ? TermDictionary.TITLE_WILDCARD : TermDictionary.TEXT_WILDCARD;
      int id = dictionary.intern(namespace, slot.text());
      (title ? titleWildcards : textWildcards).add(slot.text(), id);
      wildcards.add(namespace + slot.text());
      return id;
    }
    return dictionary.intern(title ? TermDictionary.TITLE : TermDictionary.TEXT, slot.text());
  }

  private static Anchors one(int id, int cost) {
    return new Anchors(new int[] {id}, cost);
  }

  private static Anchors rarest(int[] ids, List<Slot> slots) {
    int best = 0;
    for (int i = 1; i < ids.length; i++) {
      if (cost(slots.get(i)) < cost(slots.get(best))) {
        best = i;
      }
    }
    return one(ids[best], cost(slots.get(best)));
  }

  private static Anchors cheaper(Anchors a, Anchors b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return b.cost() < a.cost() ? b : a;
  }

  private static Anchors union(List<Part> parts) {
    Set<Integer> ids = new LinkedHashSet<>();
    int cost = 0;
    for (Part part : parts) {
      if (part.anchors() == null) {
        return null;
      }
      for (int id : part.anchors().ids()) {
        ids.add(id);
      }
      cost += part.anchors().cost();
    }
    return new Anchors(ids.stream().mapToInt(Integer::intValue).toArray(), cost);
  }

  private static int cost(Slot slot) {
    if (slot instanceof Node.Wildcard) {
      // A long literal prefix ("zenat*") is as selective as a word; a short one ("ab*") is not.
      int prefix = 0;
      String pattern = slot.text();
      while (prefix < pattern.length()
          && pattern.charAt(prefix) != '*'
          && pattern.charAt(prefix) != '?') {
        prefix++;
      }
      return Math.max(3, 16 - 2 * prefix);
    }
    String text = slot.text();
    if (CommonWords.contains(text)) {
      return 50;
    }
    return Math.max(2, 12 - text.length());
  }

  // Cheap checks first in an AND: terms, then fields, then positional clauses, then NOT.
  private static int rank(Clause clause) {
    if (clause instanceof Clause.Term) {
      return 0;
    }
    if (clause instanceof Clause.Followers || clause instanceof Clause.UrlPrefix) {
      return 1;
    }
    if (clause instanceof Clause.Not) {
      return 3;
    }
    return 2;
  }
}
