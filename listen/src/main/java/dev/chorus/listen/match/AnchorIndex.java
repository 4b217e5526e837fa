package dev.chorus.listen.match;

import java.util.Arrays;

/**
 * Query slots by anchor term id, plus the slots with no anchor (checked on every post). Adding or
 * removing one query touches only the lists of its own anchors.
 *
 * <p>Not thread-safe: writes under the matcher's write lock, reads under its read lock.
 */
final class AnchorIndex {

  private int[][] lists = new int[1024][];
  private int[] sizes = new int[1024];
  private int[] always = new int[16];
  private int alwaysCount;

  void add(int slot, int[] anchors) {
    if (anchors.length == 0) {
      if (alwaysCount == always.length) {
        always = Arrays.copyOf(always, alwaysCount * 2);
      }
      always[alwaysCount++] = slot;
      return;
    }
    for (int id : anchors) {
      if (id >= lists.length) {
        int n = Math.max(id + 1, lists.length * 2);
        lists = Arrays.copyOf(lists, n);
        sizes = Arrays.copyOf(sizes, n);
      }
      int[] list = lists[id];
      if (list == null) {
        list = new int[2];
      } else if (sizes[id] == list.length) {
        list = Arrays.copyOf(list, list.length * 2);
      }
      list[sizes[id]++] = slot;
      lists[id] = list;
    }
  }

  void remove(int slot, int[] anchors) {
    if (anchors.length == 0) {
      alwaysCount = without(always, alwaysCount, slot);
      return;
    }
    for (int id : anchors) {
      sizes[id] = without(lists[id], sizes[id], slot);
    }
  }

  /** Marks every query anchored on a present term, and every query without anchors. */
  void candidates(PostState state) {
    int[] present = state.present;
    for (int i = 0, n = state.presentCount; i < n; i++) {
      int id = present[i];
      if (id < lists.length) {
        int[] list = lists[id];
        if (list != null) {
          for (int k = 0, size = sizes[id]; k < size; k++) {
            state.candidate(list[k]);
          }
        }
      }
    }
    for (int k = 0; k < alwaysCount; k++) {
      state.candidate(always[k]);
    }
  }

  // Removes one occurrence of value (order is not kept); returns the new size.
  private static int without(int[] list, int size, int value) {
    for (int i = 0; i < size; i++) {
      if (list[i] == value) {
        list[i] = list[size - 1];
        return size - 1;
      }
    }
    return size;
  }
}
