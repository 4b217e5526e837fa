package dev.chorus.core.publishing;

import dev.chorus.core.channel.ChannelLimits;
import dev.chorus.core.channel.PostLength;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a text that is too long for one post into a thread for one channel: whole sentences per
 * part, as many as fit; a sentence longer than a post is split between words; a word is never cut
 * (a single word longer than a post stays whole, and validation shows that part too long). Optional
 * "1/3" numbering is counted in the limit. Counting is the channel's ({@link PostLength}).
 */
public final class SplitThread {
  private SplitThread() {}

  /**
   * The parts of {@code text} for a channel with {@code limits}; one part when it fits, none when
   * it is blank.
   *
   * @param numbered appends " k/n" to every part when there is more than one
   */
  public static List<String> split(String text, ChannelLimits limits, boolean numbered) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) return List.of();
    if (PostLength.count(t, limits) <= limits.maxLength()) return List.of(t);
    if (!numbered) return pack(t, limits, 0);
    // The numbering's width depends on how many parts there are: guess one digit, redo if wrong.
    int guess = 9;
    while (true) {
      int reserve = (" " + guess + "/" + guess).length();
      List<String> parts = pack(t, limits, reserve);
      if (String.valueOf(parts.size()).length() <= String.valueOf(guess).length()) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
          out.add(parts.get(i) + " " + (i + 1) + "/" + parts.size());
        }
        return out;
      }
      guess = parts.size();
    }
  }

  private static List<String> pack(String text, ChannelLimits limits, int reserve) {
    int max = limits.maxLength() - reserve;
    List<String> parts = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (String sentence : sentences(text)) {
      if (fits(cur + sentence, limits, max)) {
        cur.append(sentence);
        continue;
      }
      flush(cur, parts);
      if (fits(sentence, limits, max)) {
        cur.append(sentence);
        continue;
      }
      for (String word : sentence.split("(?<=\\s)(?=\\S)")) {
        if (!fits(cur + word, limits, max)) flush(cur, parts);
        cur.append(word);
      }
    }
    flush(cur, parts);
    return parts;
  }

  private static boolean fits(String s, ChannelLimits limits, int max) {
    return PostLength.count(s.strip(), limits) <= max;
  }

  private static void flush(StringBuilder cur, List<String> parts) {
    String s = cur.toString().strip();
    if (!s.isEmpty()) parts.add(s);
    cur.setLength(0);
  }

  /** The sentences of {@code text}, each with the whitespace that follows it. */
  private static List<String> sentences(String text) {
    BreakIterator it = BreakIterator.getSentenceInstance(Locale.ROOT);
    it.setText(text);
    List<String> out = new ArrayList<>();
    int start = it.first();
    for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
      out.add(text.substring(start, end));
    }
    return out;
  }
}
