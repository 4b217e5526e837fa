package dev.chorus.listen.modes;

import dev.chorus.listen.text.Folding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A list of cue phrases found in a {@link CueText}. Phrases are written as people write them and
 * folded once here (lower case, no accents: "déçu" finds "decu" and "DÉÇU"); a phrase ending in
 * {@code *} matches any word that starts with its last word ("recommend*" finds "recommended"); a
 * phrase with an apostrophe also matches without it ("doesn't" finds "doesnt"). Phrases are indexed
 * by their first word, so a text is matched in one pass over its words whatever the length of the
 * list. Immutable.
 */
final class Phrases {
  private final String[] needles;
  private final String[] shown;

  /** Phrase indexes by first word, for every phrase but single-word prefixes. */
  private final Map<String, int[]> byFirstWord = new HashMap<>();

  /** Single-word prefix phrases ("refund*"): their indexes. */
  private final int[] prefixes;

  Phrases(String... phrases) {
    Set<String> all = new LinkedHashSet<>();
    for (String p : phrases) {
      String folded = CueText.words(Folding.fold(CueText.apostrophes(p)));
      if (folded.isBlank()) throw new IllegalArgumentException("empty cue '" + p + "'");
      all.add(folded + (p.endsWith("*") ? "*" : ""));
      if (folded.contains("'")) all.add(folded.replace("'", "") + (p.endsWith("*") ? "*" : ""));
    }
    List<String> list = new ArrayList<>(all);
    needles = new String[list.size()];
    shown = new String[list.size()];
    Map<String, List<Integer>> index = new HashMap<>();
    List<Integer> prefixList = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String p = list.get(i);
      boolean prefix = p.endsWith("*");
      String words = prefix ? p.substring(0, p.length() - 1) : p;
      shown[i] = words;
      needles[i] = " " + words + (prefix ? "" : " ");
      int space = words.indexOf(' ');
      if (prefix && space < 0) prefixList.add(i);
      else
        index
            .computeIfAbsent(space < 0 ? words : words.substring(0, space), k -> new ArrayList<>())
            .add(i);
    }
    index.forEach((k, v) -> byFirstWord.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    prefixes = prefixList.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The phrase found in {@code text} that comes first in the list, or null. */
  String find(CueText text) {
    String padded = text.padded();
    int best = Integer.MAX_VALUE;
    int start = 1;
    while (start < padded.length()) {
      int end = padded.indexOf(' ', start);
      if (end < 0) break;
      best = Math.min(best, at(padded, start, end, best));
      start = end + 1;
    }
    return best == Integer.MAX_VALUE ? null : shown[best];
  }

  /** The phrase that {@code sentence} (padded words) starts with and comes first in the list. */
  String opens(String sentence) {
    int end = sentence.indexOf(' ', 1);
    if (end < 0) return null;
    int best = at(sentence, 1, end, Integer.MAX_VALUE);
    return best == Integer.MAX_VALUE ? null : shown[best];
  }

  /** The smallest index below {@code best} of a phrase starting at the word [start, end). */
  private int at(String padded, int start, int end, int best) {
    int[] candidates = byFirstWord.get(padded.substring(start, end));
    if (candidates != null) {
      for (int i : candidates) {
        if (i >= best) break;
        if (padded.startsWith(needles[i], start - 1)) best = i;
      }
    }
    for (int i : prefixes) {
      if (i >= best) break;
      if (padded.startsWith(needles[i], start - 1)) best = i;
    }
    return best;
  }

  int size() {
    return needles.length;
  }
}
