package dev.chorus.core.pipeline;

import dev.chorus.core.channel.InboundItem;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The first stage: makes a heard item's text safe to store and analyse (NFC, no control characters,
 * Windows line ends folded, author fields capped) or refuses it with a reason: empty, oversized,
 * binary or wrongly encoded. A refused item is quarantined, never dropped silently.
 */
public final class Normalise {
  /** The longest text kept, in UTF-16 units: a long blog entry, far beyond any post. */
  public static final int MAX_TEXT = 50_000;

  private static final int MAX_FIELD = 300;
  private static final int MAX_TITLE = 1_000;

  /** The outcome for one item: a cleaned item, or the reason it was refused. */
  public record Outcome(InboundItem item, String refusal) {
    public boolean refused() {
      return refusal != null;
    }
  }

  public Outcome normalise(InboundItem i) {
    String text = i.text();
    String title = i.title();
    if (text.length() > MAX_TEXT) {
      return refuse(
          String.format(
              Locale.ROOT, "oversized: %,d characters, the limit is %,d", text.length(), MAX_TEXT));
    }
    String encoding = encodingProblem(text);
    if (encoding == null && title != null) encoding = encodingProblem(title);
    if (encoding != null) return refuse(encoding);
    String binary = binaryProblem(text);
    if (binary != null) return refuse(binary);
    String cleanText = clean(text, MAX_TEXT);
    String cleanTitle = title == null ? null : emptyToNull(clean(title, MAX_TITLE));
    if (cleanText.isEmpty() && cleanTitle == null) return refuse("empty: the item has no text");
    return new Outcome(
        new InboundItem(
            i.network(),
            i.kind(),
            i.ref(),
            field(i.authorHandle()),
            field(i.authorName()),
            field(i.authorUrl()),
            cleanTitle,
            cleanText,
            i.createdAt(),
            i.inReplyTo(),
            i.language() == null ? null : field(i.language().toLowerCase(Locale.ROOT))),
        null);
  }

  private static Outcome refuse(String reason) {
    return new Outcome(null, reason);
  }

  /**
   * Unpaired surrogates or many U+FFFD replacement characters: text decoded with the wrong charset.
   */
  private static String encodingProblem(String s) {
    int replacements = 0;
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (Character.isHighSurrogate(c)) {
        if (k + 1 < s.length() && Character.isLowSurrogate(s.charAt(k + 1))) {
          k++;
          continue;
        }
        return "wrongly encoded: an unpaired surrogate at character " + (k + 1);
      }
      if (Character.isLowSurrogate(c)) {
        return "wrongly encoded: an unpaired surrogate at character " + (k + 1);
      }
      if (c == '\uFFFD') replacements++;
    }
    if (replacements >= 4 || (replacements > 0 && replacements * 20 >= s.length())) {
      return "wrongly encoded: "
          + replacements
          + " replacement characters (U+FFFD) in "
          + s.length()
          + " characters";
    }
    return null;
  }

  /** NUL bytes, or more than one character in ten a control character: not text. */
  private static String binaryProblem(String s) {
    int controls = 0;
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == 0) return "binary: a NUL character at character " + (k + 1);
      if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') controls++;
    }
    if (controls > 0 && controls * 10 > s.length()) {
      return "binary: " + controls + " control characters in " + s.length() + " characters";
    }
    return null;
  }

  private static String clean(String s, int max) {
    String n =
        Normalizer.normalize(s.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFC);
    StringBuilder b = new StringBuilder(n.length());
    for (int k = 0; k < n.length(); k++) {
      char c = n.charAt(k);
      if (Character.isISOControl(c) && c != '\n' && c != '\t') continue;
      b.append(c);
    }
    String out = b.toString().strip();
    return out.length() > max ? cut(out, max) : out;
  }

  private static String field(String s) {
    if (s == null) return null;
    return emptyToNull(clean(s, MAX_FIELD));
  }

  private static String cut(String s, int max) {
    int end = max;
    if (Character.isLowSurrogate(s.charAt(end)) && Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }

  private static String emptyToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
