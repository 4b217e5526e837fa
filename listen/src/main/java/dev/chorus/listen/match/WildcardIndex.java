package dev.chorus.listen.match;

import java.util.Arrays;

/**
 * The wildcard patterns of one namespace, bucketed by their literal prefix (up to four chars; every
 * pattern has at least two) so that a token is tested only against patterns that share its first
 * chars. Each pattern has a term id; a token that matches adds an occurrence of that id.
 *
 * <p>Not thread-safe: writes under the matcher's write lock, reads under its read lock.
 */
final class WildcardIndex {

  static final int MAX_KEY = 4;

  private long[] keys = new long[64];
  private Entry[][] buckets = new Entry[64][];
  private int used;
  private int patterns;

  /** One pattern: its text, its term id and how many queries use it. */
  private static final class Entry {
    final String pattern;
    final int id;
    int references;

    Entry(String pattern, int id) {
      this.pattern = pattern;
      this.id = id;
    }
  }

  boolean isEmpty() {
    return patterns == 0;
  }

  /** Registers one more use of {@code pattern} with term {@code id}. */
  void add(String pattern, int id) {
    long key = key(pattern);
    Entry[] bucket = bucket(key);
    if (bucket != null) {
      for (Entry entry : bucket) {
        if (entry.id == id) {
          entry.references++;
          return;
        }
      }
    }
    Entry entry = new Entry(pattern, id);
    entry.references = 1;
    Entry[] grown = bucket == null ? new Entry[1] : Arrays.copyOf(bucket, bucket.length + 1);
    grown[grown.length - 1] = entry;
    put(key, grown);
    patterns++;
  }

  /** Drops one use of {@code pattern}; the pattern leaves the index with its last use. */
  void remove(String pattern, int id) {
    long key = key(pattern);
    Entry[] bucket = bucket(key);
    if (bucket == null) {
      return;
    }
    for (int i = 0; i < bucket.length; i++) {
      if (bucket[i].id == id && --bucket[i].references == 0) {
        Entry[] shrunk = new Entry[bucket.length - 1];
        System.arraycopy(bucket, 0, shrunk, 0, i);
        System.arraycopy(bucket, i + 1, shrunk, i, bucket.length - i - 1);
        put(key, shrunk);
        patterns--;
        return;
      }
    }
  }

  /** Adds to {@code state} an occurrence at {@code position} of every pattern the token matches. */
  void match(char[] token, int offset, int length, int position, PostState state) {
    int longest = Math.min(MAX_KEY, length);
    long key = 0;
    for (int k = 0; k < longest; k++) {
      key = (key << 16) | token[offset + k];
      if (k >= 1) {
        Entry[] bucket = bucket(key << (16 * (MAX_KEY - 1 - k)));
        if (bucket != null) {
          for (Entry entry : bucket) {
            if (Glob.matches(entry.pattern, token, offset, length)) {
              state.add(entry.id, position);
            }
          }
        }
      }
    }
  }

  /** Up to four chars of the literal prefix, packed 16 bits each from the top; 0 marks absent. */
  private static long key(String pattern) {
    long key = 0;
    int k = 0;
    while (k < MAX_KEY && k < pattern.length()) {
      char c = pattern.charAt(k);
      if (c == '*' || c == '?') {
        break;
      }
      key = (key << 16) | c;
      k++;
    }
    return key << (16 * (MAX_KEY - k));
  }

  private Entry[] bucket(long key) {
    int mask = keys.length - 1;
    for (int slot = slot(key, mask); ; slot = (slot + 1) & mask) {
      if (buckets[slot] == null && keys[slot] == 0) {
        return null;
      }
      if (keys[slot] == key) {
        return buckets[slot];
      }
    }
  }

  private void put(long key, Entry[] bucket) {
    int mask = keys.length - 1;
    for (int slot = slot(key, mask); ; slot = (slot + 1) & mask) {
      if (keys[slot] == key) {
        buckets[slot] = bucket;
        return;
      }
      if (keys[slot] == 0) {
        keys[slot] = key;
        buckets[slot] = bucket;
        if (++used * 2 > keys.length) {
          grow();
        }
        return;
      }
    }
  }

  private void grow() {
    long[] oldKeys = keys;
    Entry[][] oldBuckets = buckets;
    keys = new long[oldKeys.length * 2];
    buckets = new Entry[oldKeys.length * 2][];
    used = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        put(oldKeys[i], oldBuckets[i]);
      }
    }
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
