package dev.chorus.listen.match;

import java.util.Arrays;

/**
 * Clauses that compare positions: phrases, proximity and NEAR. Each walks the position lists of its
 * terms with monotone cursors, so its cost is linear in the occurrences (NEAR adds a sort).
 */
final class PositionalClauses {

  private PositionalClauses() {}

  /** Terms at consecutive positions. */
  record Phrase(int[] ids) implements Clause.Spanning {
    @Override
    public boolean matches(PostState state) {
      return walk(state, false);
    }

    @Override
    public void spans(PostState state) {
      walk(state, true);
    }

    private boolean walk(PostState state, boolean collect) {
      for (int id : ids) {
        if (!state.has(id)) {
          return false;
        }
      }
      int k = ids.length;
      int base = state.pushCursors(k);
      try {
        for (int j = 1; j < k; j++) {
          state.cursor(base + j, state.firstOccurrence(ids[j]));
        }
        boolean found = false;
        for (int o = state.firstOccurrence(ids[0]); o >= 0; o = state.next(o)) {
          int p = state.position(o);
          boolean all = true;
          for (int j = 1; j < k && all; j++) {
            int c = state.cursor(base + j);
            while (c >= 0 && state.position(c) < p + j) {
              c = state.next(c);
            }
            state.cursor(base + j, c);
            if (c < 0) {
              return found;
            }
            all = state.position(c) == p + j;
          }
          if (all) {
            if (!collect) {
              return true;
            }
            found = true;
            state.pushSpan(p, p + k - 1);
          }
        }
        return found;
      } finally {
        state.popCursors(base);
      }
    }
  }

  /**
   * Some occurrence of each distinct term within {@code width + 1} positions (width = slop + slots
   * - 1). Cursors start at each term's first occurrence; the lowest one advances until the window
   * fits or a list runs out.
   */
  record Proximity(int[] distinctIds, int width) implements Clause {
    @Override
    public boolean matches(PostState state) {
      for (int id : distinctIds) {
        if (!state.has(id)) {
          return false;
        }
      }
      int d = distinctIds.length;
      int base = state.pushCursors(d);
      try {
        for (int j = 0; j < d; j++) {
          state.cursor(base + j, state.firstOccurrence(distinctIds[j]));
        }
        while (true) {
          int lowest = 0;
          int min = Integer.MAX_VALUE;
          int max = Integer.MIN_VALUE;
          for (int j = 0; j < d; j++) {
            int p = state.position(state.cursor(base + j));
            if (p < min) {
              min = p;
              lowest = j;
            }
            max = Math.max(max, p);
          }
          if (max - min <= width) {
            return true;
          }
          int next = state.next(state.cursor(base + lowest));
          if (next < 0) {
            return false;
          }
          state.cursor(base + lowest, next);
        }
      } finally {
        state.popCursors(base);
      }
    }
  }

  /** A span of each side overlapping or at most {@code distance} apart (left first if ordered). */
  record Near(Clause.Spanning left, Clause.Spanning right, int distance, boolean ordered)
      implements Clause {
    @Override
    public boolean matches(PostState state) {
      int a0 = state.spanTop;
      try {
        left.spans(state);
        int a1 = state.spanTop;
        if (a1 == a0) {
          return false;
        }
        right.spans(state);
        int b1 = state.spanTop;
        if (b1 == a1) {
          return false;
        }
        long[] spans = state.spans();
        Arrays.sort(spans, a0, a1);
        Arrays.sort(spans, a1, b1);
        return ordered ? ordered(state, spans, a0, a1, b1) : unordered(state, spans, a0, a1, b1);
      } finally {
        state.spanTop = a0;
      }
    }

    // For each left span ending at e: the first right span starting after e must start within
    // distance + 1 of it.
    private boolean ordered(PostState state, long[] spans, int a0, int a1, int b1) {
      for (int i = a0; i < a1; i++) {
        state.step();
        int end = end(spans[i]);
        int j = firstStartAtLeast(spans, a1, b1, end + 1);
        if (j < b1 && start(spans[j]) - end - 1 <= distance) {
          return true;
        }
      }
      return false;
    }

    // Spans a and b are near iff b.start <= a.end + distance + 1 and b.end >= a.start - distance
    // - 1. Right spans are sorted by start; the running maximum of their ends, pushed after them,
    // answers the second condition for the prefix that meets the first.
    private boolean unordered(PostState state, long[] spans, int a0, int a1, int b1) {
      long max = Long.MIN_VALUE;
      for (int j = a1; j < b1; j++) {
        max = Math.max(max, end(spans[j]));
        state.pushSpan(0, 0);
        state.spans()[state.spanTop - 1] = max;
      }
      long[] all = state.spans();
      int shift = b1 - a1;
      for (int i = a0; i < a1; i++) {
        state.step();
        long a = all[i];
        int limit = firstStartAtLeast(all, a1, b1, end(a) + distance + 2);
        if (limit > a1 && all[limit - 1 + shift] >= (long) start(a) - distance - 1) {
          return true;
        }
      }
      return false;
    }

    private static int firstStartAtLeast(long[] spans, int from, int to, int start) {
      long key = (long) start << 32;
      int lo = from;
      int hi = to;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (spans[mid] < key) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    private static int start(long span) {
      return (int) (span >>> 32);
    }

    private static int end(long span) {
      return (int) span;
    }
  }
}
