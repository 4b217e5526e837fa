package dev.chorus.listen.match;

import java.util.Arrays;

/**
 * Every term of every compiled query, each with a dense int id, looked up from a post's token
 * buffer without allocating. A term lives in a namespace (text, title, exact word, a field, or a
 * wildcard pattern), so "acme" in the text and "acme" as an author are different ids.
 *
 * <p>Ids are never reused: a term whose queries are removed keeps its id (a few dozen bytes) for
 * the life of the matcher. Not thread-safe: writes happen under the matcher's write lock, reads
 * under its read lock.
 */
final class TermDictionary {

  static final char TEXT = 'T';
  static final char TITLE = 'H';
  static final char EXACT = 'E';
  static final char AUTHOR = 'A';
  static final char LANG = 'L';
  static final char CHANNEL = 'C';
  static final char SITE = 'S';
  static final char TEXT_WILDCARD = 'w';
  static final char TITLE_WILDCARD = 'h';

  private int[] table = new int[1024]; // id + 1; 0 = empty
  private String[] keys = new String[512]; // namespace char + text
  private int[] hashes = new int[512];
  private int size;

  int size() {
    return size;
  }

  /** The id of the term, created if new. */
  int intern(char namespace, String text) {
    int hash = hash(namespace, text, 0, text.length());
    int mask = table.length - 1;
    for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
      int entry = table[slot];
      if (entry == 0) {
        return add(slot, namespace, text, hash);
      }
      int id = entry - 1;
      if (hashes[id] == hash && equals(keys[id], namespace, text, 0, text.length())) {
        return id;
      }
    }
  }

  /** The id of the term in {@code chars[offset..offset+length)}, or -1. */
  int find(char namespace, char[] chars, int offset, int length) {
    int hash = namespace;
    for (int i = offset, end = offset + length; i < end; i++) {
      hash = 31 * hash + chars[i];
    }
    hash = mix(hash);
    int mask = table.length - 1;
    for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
      int entry = table[slot];
      if (entry == 0) {
        return -1;
      }
      int id = entry - 1;
      if (hashes[id] == hash) {
        String key = keys[id];
        if (key.length() == length + 1 && key.charAt(0) == namespace) {
          boolean same = true;
          for (int i = 0; i < length && same; i++) {
            same = key.charAt(i + 1) == chars[offset + i];
          }
          if (same) {
            return id;
          }
        }
      }
    }
  }

  /** The id of the term in {@code text[start..end)}, or -1. */
  int find(char namespace, CharSequence text, int start, int end) {
    int hash = hash(namespace, text, start, end);
    int mask = table.length - 1;
    for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
      int entry = table[slot];
      if (entry == 0) {
        return -1;
      }
      int id = entry - 1;
      if (hashes[id] == hash && equals(keys[id], namespace, text, start, end)) {
        return id;
      }
    }
  }

  /** The term's text without its namespace. */
  String text(int id) {
    return keys[id].substring(1);
  }

  private int add(int slot, char namespace, String text, int hash) {
    int id = size++;
    if (id == keys.length) {
      keys = Arrays.copyOf(keys, id * 2);
      hashes = Arrays.copyOf(hashes, id * 2);
    }
    keys[id] = namespace + text;
    hashes[id] = hash;
    table[slot] = id + 1;
    if (size * 2 > table.length) {
      rehash();
    }
    return id;
  }

  private void rehash() {
    int[] bigger = new int[table.length * 2];
    int mask = bigger.length - 1;
    for (int id = 0; id < size; id++) {
      int slot = hashes[id] & mask;
      while (bigger[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      bigger[slot] = id + 1;
    }
    table = bigger;
  }

  private static int hash(char namespace, CharSequence text, int start, int end) {
    int hash = namespace;
    for (int i = start; i < end; i++) {
      hash = 31 * hash + text.charAt(i);
    }
    return mix(hash);
  }

  private static int mix(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  private static boolean equals(String key, char namespace, CharSequence text, int start, int end) {
    if (key.length() != end - start + 1 || key.charAt(0) != namespace) {
      return false;
    }
    for (int i = start; i < end; i++) {
      if (key.charAt(i - start + 1) != text.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
