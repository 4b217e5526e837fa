package dev.chorus.listen.modes;

import dev.chorus.listen.text.Folding;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A list of cue phrases found in a {@link CueText}. Phrases are written as people write them and
 * folded once here (lower case, no accents: "déçu" finds "decu" and "DÉÇU"); a phrase ending in
 * {@code *} matches any word that starts with its last word ("recommend*" finds "recommended"); a
 * phrase with an apostrophe also matches without it ("doesn't" finds "doesnt"). Immutable.
 */
final class Phrases {
  private final String[] needles;
  private final boolean[] prefix;
  private final String[] shown;

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
    prefix = new boolean[list.size()];
    shown = new String[list.size()];
    for (int i = 0; i < list.size(); i++) {
      String p = list.get(i);
      prefix[i] = p.endsWith("*");
      String words = prefix[i] ? p.substring(0, p.length() - 1) : p;
      shown[i] = words;
      needles[i] = " " + words + (prefix[i] ? "" : " ");
    }
  }

  /** The first phrase found in {@code text} (in the list's order), or null. */
  String find(CueText text) {
    String padded = text.padded();
    for (int i = 0; i < needles.length; i++) {
      if (padded.contains(needles[i])) return shown[i];
    }
    return null;
  }

  /** The first phrase that {@code sentence} (padded words) starts with, or null. */
  String opens(String sentence) {
    for (int i = 0; i < needles.length; i++) {
      if (sentence.startsWith(needles[i])) return shown[i];
    }
    return null;
  }

  int size() {
    return needles.length;
  }
}
