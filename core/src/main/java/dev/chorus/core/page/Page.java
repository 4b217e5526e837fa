package dev.chorus.core.page;

import java.util.List;
import java.util.function.Function;

/** One page of results and the cursor for the next page (null on the last page). */
public record Page<T>(List<T> items, String nextCursor) {
  public Page {
    items = List.copyOf(items);
  }

  /**
   * Builds a page from up to {@code limit + 1} rows read in order: the extra row only tells that
   * another page exists.
   */
  public static <T> Page<T> of(List<T> rows, int limit, Function<T, String> idOf) {
    if (rows.size() <= limit) return new Page<>(rows, null);
    List<T> items = rows.subList(0, limit);
    return new Page<>(items, PageRequest.encode(idOf.apply(items.get(limit - 1))));
  }

  public <R> Page<R> map(Function<T, R> f) {
    return new Page<>(items.stream().map(f).toList(), nextCursor);
  }
}
