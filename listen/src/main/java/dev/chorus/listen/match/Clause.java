package dev.chorus.listen.match;

/**
 * A compiled query clause, evaluated against the term occurrences of one post in a {@link
 * PostState}. Clauses are immutable and shared by all threads; all per-post state lives in the
 * {@link PostState}.
 */
interface Clause {

  boolean matches(PostState state);

  /** A clause that also yields spans [first, last] of positions, for NEAR. */
  interface Spanning extends Clause {
    /** Pushes every span where the clause matches onto {@code state}'s span stack. */
    void spans(PostState state);
  }

  /** A term (of any namespace, or a wildcard's id) occurs. */
  record Term(int id) implements Spanning {
    @Override
    public boolean matches(PostState state) {
      return state.has(id);
    }

    @Override
    public void spans(PostState state) {
      for (int o = state.firstOccurrence(id); o >= 0; o = state.next(o)) {
        int p = state.position(o);
        state.pushSpan(p, p);
      }
    }
  }

  record And(Clause[] children) implements Clause {
    @Override
    public boolean matches(PostState state) {
      for (Clause child : children) {
        if (!child.matches(state)) {
          return false;
        }
      }
      return true;
    }
  }

  record Or(Clause[] children) implements Clause {
    @Override
    public boolean matches(PostState state) {
      for (Clause child : children) {
        if (child.matches(state)) {
          return true;
        }
      }
      return false;
    }
  }

  /** An OR of spanning clauses: the union of their spans. */
  record SpanOr(Spanning[] children) implements Spanning {
    @Override
    public boolean matches(PostState state) {
      for (Clause child : children) {
        if (child.matches(state)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public void spans(PostState state) {
      for (Spanning child : children) {
        child.spans(state);
      }
    }
  }

  record Not(Clause child) implements Clause {
    @Override
    public boolean matches(PostState state) {
      return !child.matches(state);
    }
  }

  /** Some URL of the post starts with the prefix. */
  record UrlPrefix(String prefix) implements Clause {
    @Override
    public boolean matches(PostState state) {
      for (int i = 0; i < state.urls.size(); i++) {
        if (state.urls.get(i).startsWith(prefix)) {
          return true;
        }
      }
      return false;
    }
  }

  record Followers(long min, long max) implements Clause {
    @Override
    public boolean matches(PostState state) {
      return state.followers >= min && state.followers <= max;
    }
  }
}
