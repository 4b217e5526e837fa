package dev.chorus.listen.text;

import java.text.Normalizer;

/**
 * Case and accent folding, one code point at a time, so that "Café", "CAFE" and "cafe\u0301" all
 * become "cafe".
 *
 * <p>Rules: lower case by {@link Character#toLowerCase(int)}; Latin and Greek letters lose their
 * diacritics (from their canonical decomposition); ß→ss, æ→ae, œ→oe, ø→o, đ/ð→d, ł→l, þ→th, ı→i,
 * ς→σ; full-width ASCII becomes ASCII; combining diacritical marks (U+0300–U+036F), variation
 * selectors and the keycap mark are dropped. Other scripts (Cyrillic, Arabic, CJK, ...) are only
 * lower-cased: their diacritics can be distinct letters.
 *
 * <p>Stateless and thread-safe.
 */
public final class Folding {

  private static final int TABLE_END = 0x2000;
  // For code points below TABLE_END: null = fold by toLowerCase only; "" = drop; else replacement.
  private static final String[] TABLE = buildTable();

  private Folding() {}

  /** The folded form of a whole string. */
  public static String fold(CharSequence text) {
    char[] out = new char[Math.max(16, text.length() * 2)];
    int length = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = Character.codePointAt(text, i);
      i += Character.charCount(cp);
      if (length + 4 > out.length) {
        out = java.util.Arrays.copyOf(out, out.length * 2);
      }
      length = foldCodePoint(cp, out, length);
    }
    return new String(out, 0, length);
  }

  /**
   * Appends the folding of one code point to {@code out} at {@code at}; returns the new length. The
   * caller guarantees room for four chars.
   */
  public static int foldCodePoint(int cp, char[] out, int at) {
    if (cp < 0x80) {
      out[at] = (char) (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
      return at + 1;
    }
    if (cp < TABLE_END) {
      String mapped = TABLE[cp];
      if (mapped != null) {
        for (int k = 0; k < mapped.length(); k++) {
          out[at++] = mapped.charAt(k);
        }
        return at;
      }
    } else if (isDropped(cp)) {
      return at;
    } else if (cp >= 0xFF01 && cp <= 0xFF5E) {
      return foldCodePoint(cp - 0xFEE0, out, at);
    }
    return at + Character.toChars(Character.toLowerCase(cp), out, at);
  }

  private static boolean isDropped(int cp) {
    return (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0x20E3 || (cp >= 0xE0100 && cp <= 0xE01EF);
  }

  private static String[] buildTable() {
    String[] table = new String[TABLE_END];
    for (int cp = 0x80; cp < TABLE_END; cp++) {
      if (cp >= 0x300 && cp <= 0x36F) {
        table[cp] = "";
      } else if (Character.isLetter(cp) && isLatinOrGreek(cp)) {
        table[cp] = stripMarks(Character.toLowerCase(cp));
      }
    }
    String[][] special = {
      {"ß", "ss"}, {"ẞ", "ss"}, {"æ", "ae"}, {"Æ", "ae"}, {"œ", "oe"}, {"Œ", "oe"}, {"ø", "o"},
      {"Ø", "o"}, {"đ", "d"}, {"Đ", "d"}, {"ð", "d"}, {"Ð", "d"}, {"ł", "l"}, {"Ł", "l"},
      {"þ", "th"}, {"Þ", "th"}, {"ı", "i"}, {"İ", "i"}, {"ς", "σ"}, {"ħ", "h"}, {"Ħ", "h"}
    };
    for (String[] pair : special) {
      table[pair[0].codePointAt(0)] = pair[1];
    }
    return table;
  }

  private static boolean isLatinOrGreek(int cp) {
    return (cp >= 0xC0 && cp <= 0x24F)
        || (cp >= 0x370 && cp <= 0x3FF)
        || (cp >= 0x1E00 && cp <= 0x1FFF);
  }

  private static String stripMarks(int lowerCp) {
    String decomposed =
        Normalizer.normalize(new String(Character.toChars(lowerCp)), Normalizer.Form.NFD);
    StringBuilder base = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      if (c < 0x300 || c > 0x36F) {
        base.append(c);
      }
    }
    return base.length() == 0 ? "" : base.toString();
  }
}
