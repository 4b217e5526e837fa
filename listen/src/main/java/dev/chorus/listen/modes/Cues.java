package dev.chorus.listen.modes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The words the rules look for, in English, French, German, Spanish, Portuguese, Italian and Dutch,
 * read once from this package's {@code cues.txt} (one phrase a line under a {@code [list]}
 * heading). {@link Phrases} folds them (case and accents) and matches whole words. Each list is
 * described, with examples, in {@code docs/MODES.md}.
 */
final class Cues {
  private static final Map<String, List<String>> LISTS = read("cues.txt");

  /** Openers that make a question without a mark ("how do I pause my subscription"). */
  static final Phrases QUESTION_OPENERS = phrases("question-openers");

  /** Statements that start like a question ("como siempre", "wie immer": as always). */
  static final Phrases NOT_QUESTION_OPENERS = phrases("not-question-openers");

  /** Complaints: something broke, never came, was wrong, costs a refund, nobody answers. */
  static final Phrases COMPLAINT = phrases("complaint");

  /** Praise that uses a complaint word ("never disappoints"): praise, and no complaint. */
  static final Phrases NOT_A_COMPLAINT = phrases("not-a-complaint");

  /** Requests for help: addressed to us, they open a conversation even without a question. */
  static final Phrases REQUEST = phrases("request");

  /** Recommending us to others. */
  static final Phrases RECOMMENDATION = phrases("recommendation");

  /** Praise: liking us a lot. */
  static final Phrases PRAISE = phrases("praise");

  /** Emoji that praise, found anywhere in the text. */
  static final List<String> PRAISE_EMOJI = list("praise-emoji");

  private Cues() {}

  private static Phrases phrases(String name) {
    return new Phrases(list(name).toArray(String[]::new));
  }

  private static List<String> list(String name) {
    List<String> l = LISTS.get(name);
    if (l == null || l.isEmpty()) throw new IllegalStateException("cues.txt has no [" + name + "]");
    return l;
  }

  static Map<String, List<String>> read(String resource) {
    Map<String, List<String>> lists = new LinkedHashMap<>();
    try (InputStream in = Cues.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException(resource + " is missing from the classpath");
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> current = null;
      String line;
      while ((line = r.readLine()) != null) {
        String l = line.strip();
        if (l.isEmpty() || l.startsWith("#")) continue;
        if (l.startsWith("[") && l.endsWith("]")) {
          current = lists.computeIfAbsent(l.substring(1, l.length() - 1), k -> new ArrayList<>());
        } else if (current == null) {
          throw new IllegalStateException(resource + ": a phrase before any [list]: " + l);
        } else {
          current.add(l);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    lists.replaceAll((k, v) -> List.copyOf(v));
    return lists;
  }
}
