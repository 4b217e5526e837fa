package dev.chorus.listen.text;

/**
 * Splits a text into tokens and streams them into a {@link TokenSink}, without allocating once its
 * buffer has grown to the longest word seen.
 *
 * <p>Rules, in the order they are tried at each code point:
 *
 * <ol>
 *   <li>{@code #} or {@code @} not preceded by a word character and followed by one starts a
 *       hashtag or mention. A hashtag gives {@code #tag} and the word {@code tag} at one position.
 *       A mention is {@code @user}, or a domain handle {@code @alice.bsky.social}, optionally
 *       followed by {@code @host} (fediverse); it gives {@code @user}, the word {@code user} (when
 *       it is one word) and {@code @user@host}, at one position.
 *   <li>{@code http://}, {@code https://} or {@code www.} not preceded by a word character starts a
 *       URL, which runs to white space or {@code < > "} and loses trailing punctuation. A URL is
 *       reported to {@link TokenSink#url} and takes no position; its words are not tokens.
 *   <li>A run of word characters (letters, digits, marks, connector punctuation such as {@code _})
 *       is a word. Anything else (spaces, punctuation, apostrophes, dots) separates words, so
 *       "don't" is "don" "t" and "acme.com" is "acme" "com".
 *   <li>Han, Hiragana and Katakana runs become overlapping bigrams ("東京都" is "東京" "京都"); a single
 *       such character is a unigram. Other scripts without spaces (Thai, Khmer, ...) stay one word
 *       per run.
 *   <li>An emoji, with its variation selectors and skin-tone modifiers dropped and ZWJ sequences
 *       and flag pairs kept together, is one token.
 * </ol>
 *
 * <p>Not thread-safe: one instance per thread.
 */
public final class Tokenizer {

  private static final int MAX_HOST = 253;
  private char[] buffer = new char[64];
  // The next free position after a CJK run (set by cjk(), read right after it).
  private int lastPosition;

  /**
   * Streams the tokens of {@code text} into {@code sink}.
   *
   * @return the number of positions used
   */
  public int scan(CharSequence text, TokenSink sink) {
    int position = 0;
    int n = text.length();
    boolean afterWord = false;
    int i = 0;
    while (i < n) {
      int cp = Character.codePointAt(text, i);
      if ((cp == '#' || cp == '@') && !afterWord && i + 1 < n) {
        int next = Character.codePointAt(text, i + 1);
        if (CharClass.isWordChar(next)) {
          int end = cp == '#' ? hashtag(text, i, position, sink) : mention(text, i, position, sink);
          if (end > 0) {
            position++;
            i = end;
            afterWord = true;
            continue;
          }
        }
      }
      if (!afterWord && (cp == 'h' || cp == 'H' || cp == 'w' || cp == 'W')) {
        int end = url(text, i);
        if (end > 0) {
          sink.url(text, i, end);
          i = end;
          continue;
        }
      }
      if (CharClass.isWordChar(cp)) {
        if (CharClass.isCjk(cp)) {
          i = cjk(text, i, position, sink);
          position = lastPosition;
        } else {
          int end = wordEnd(text, i, false);
          int length = fold(text, i, end, 0);
          if (length > 0) {
            sink.token(TokenKind.WORD, buffer, 0, length, position++, i, end);
          }
          i = end;
        }
        afterWord = true;
        continue;
      }
      afterWord = false;
      if (CharClass.isEmojiStart(cp)) {
        int end = emoji(text, i);
        int length = fold(text, i, end, 0);
        if (length > 0) {
          sink.token(TokenKind.EMOJI, buffer, 0, length, position++, i, end);
        }
        i = end;
        continue;
      }
      i += Character.charCount(cp);
    }
    return position;
  }

  private int hashtag(CharSequence text, int at, int position, TokenSink sink) {
    int end = wordEnd(text, at + 1, true);
    ensure(1);
    buffer[0] = '#';
    int length = fold(text, at + 1, end, 1);
    if (length == 1) {
      return -1;
    }
    sink.token(TokenKind.HASHTAG, buffer, 0, length, position, at, end);
    if (!containsCjk(text, at + 1, end)) {
      sink.token(TokenKind.WORD, buffer, 1, length - 1, position, at + 1, end);
    }
    return end;
  }

  private int mention(CharSequence text, int at, int position, TokenSink sink) {
    int userEnd = handleEnd(text, at + 1, true);
    ensure(1);
    buffer[0] = '@';
    int length = fold(text, at + 1, userEnd, 1);
    if (length == 1) {
      return -1;
    }
    sink.token(TokenKind.MENTION, buffer, 0, length, position, at, userEnd);
    if (wordEnd(text, at + 1, false) == userEnd) {
      sink.token(TokenKind.WORD, buffer, 1, length - 1, position, at + 1, userEnd);
    }
    int end = userEnd;
    if (userEnd + 1 < text.length() && text.charAt(userEnd) == '@') {
      int hostEnd = handleEnd(text, userEnd + 1, false);
      if (hostEnd > userEnd + 1
          && hostEnd - userEnd <= MAX_HOST
          && contains(text, userEnd + 1, hostEnd, '.')) {
        int full = fold(text, userEnd, hostEnd, length);
        sink.token(TokenKind.MENTION, buffer, 0, full, position, at, hostEnd);
        end = hostEnd;
      }
    }
    return end;
  }

  /** End of a user name or host: word characters, dots and hyphens, without trailing . or -. */
  private static int handleEnd(CharSequence text, int from, boolean user) {
    int i = from;
    int n = text.length();
    while (i < n) {
      int cp = Character.codePointAt(text, i);
      boolean ok = user ? CharClass.isWordChar(cp) : Character.isLetterOrDigit(cp);
      if (!ok && cp != '.' && cp != '-') {
        break;
      }
      i += Character.charCount(cp);
    }
    while (i > from && (text.charAt(i - 1) == '.' || text.charAt(i - 1) == '-')) {
      i--;
    }
    return i;
  }

  private static int url(CharSequence text, int at) {
    int hostStart;
    if (startsWith(text, at, "https://")) {
      hostStart = at + 8;
    } else if (startsWith(text, at, "http://")) {
      hostStart = at + 7;
    } else if (startsWith(text, at, "www.")) {
      hostStart = at + 4;
    } else {
      return -1;
    }
    if (hostStart >= text.length()
        || !Character.isLetterOrDigit(Character.codePointAt(text, hostStart))) {
      return -1;
    }
    int end = hostStart;
    boolean paren = false;
    while (end < text.length()) {
      char c = text.charAt(end);
      if (Character.isWhitespace(c)
          || Character.isSpaceChar(c)
          || c == '<'
          || c == '>'
          || c == '"'
          || c < 0x20) {
        break;
      }
      paren |= c == '(';
      end++;
    }
    while (end > hostStart && isTrailingPunctuation(text.charAt(end - 1), paren)) {
      end--;
    }
    return end;
  }

  private static boolean isTrailingPunctuation(char c, boolean paren) {
    return c == '.'
        || c == ','
        || c == ';'
        || c == ':'
        || c == '!'
        || c == '?'
        || c == '\''
        || c == ']'
        || (c == ')' && !paren)
        || c == '\u2019'
        || c == '\u201D';
  }

  private static boolean startsWith(CharSequence text, int at, String prefix) {
    if (at + prefix.length() > text.length()) {
      return false;
    }
    for (int k = 0; k < prefix.length(); k++) {
      char c = text.charAt(at + k);
      if (c != prefix.charAt(k) && Character.toLowerCase(c) != prefix.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private int cjk(CharSequence text, int at, int position, TokenSink sink) {
    int n = text.length();
    int first = at;
    int second = at + Character.charCount(Character.codePointAt(text, at));
    int pos = position;
    if (second >= n || !CharClass.isCjk(Character.codePointAt(text, second))) {
      int length = fold(text, first, second, 0);
      sink.token(TokenKind.WORD, buffer, 0, length, pos++, first, second);
      lastPosition = pos;
      return second;
    }
    while (second < n) {
      int cp = Character.codePointAt(text, second);
      if (!CharClass.isCjk(cp)) {
        break;
      }
      int end = second + Character.charCount(cp);
      int length = fold(text, first, end, 0);
      sink.token(TokenKind.WORD, buffer, 0, length, pos++, first, end);
      first = second;
      second = end;
    }
    lastPosition = pos;
    return second;
  }

  private static int emoji(CharSequence text, int at) {
    int n = text.length();
    int cp = Character.codePointAt(text, at);
    int i = at + Character.charCount(cp);
    boolean flag = CharClass.isRegionalIndicator(cp);
    if (flag && i < n && CharClass.isRegionalIndicator(Character.codePointAt(text, i))) {
      return i + 2;
    }
    while (i < n) {
      int next = Character.codePointAt(text, i);
      if (CharClass.isEmojiModifier(next)) {
        i += Character.charCount(next);
      } else if (next == 0x200D
          && i + 1 < n
          && CharClass.isEmojiStart(Character.codePointAt(text, i + 1))) {
        i += 1 + Character.charCount(Character.codePointAt(text, i + 1));
      } else {
        break;
      }
    }
    return i;
  }

  private static int wordEnd(CharSequence text, int from, boolean allowCjk) {
    int i = from;
    int n = text.length();
    while (i < n) {
      int cp = Character.codePointAt(text, i);
      if (!CharClass.isWordChar(cp) || (!allowCjk && CharClass.isCjk(cp))) {
        break;
      }
      i += Character.charCount(cp);
    }
    return i;
  }

  private static boolean containsCjk(CharSequence text, int from, int to) {
    for (int i = from; i < to; ) {
      int cp = Character.codePointAt(text, i);
      if (CharClass.isCjk(cp)) {
        return true;
      }
      i += Character.charCount(cp);
    }
    return false;
  }

  private static boolean contains(CharSequence text, int from, int to, char c) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == c) {
        return true;
      }
    }
    return false;
  }

  /** Folds {@code text[from..to)} into the buffer at {@code at}; returns the new length. */
  private int fold(CharSequence text, int from, int to, int at) {
    ensure(at + (to - from) * 3 + 4);
    int length = at;
    for (int i = from; i < to; ) {
      int cp = Character.codePointAt(text, i);
      i += Character.charCount(cp);
      if (cp == 0x200D) {
        buffer[length++] = (char) cp;
      } else if (!CharClass.isEmojiModifier(cp)) {
        length = Folding.foldCodePoint(cp, buffer, length);
      }
    }
    return length;
  }

  private void ensure(int capacity) {
    if (buffer.length < capacity) {
      buffer = java.util.Arrays.copyOf(buffer, Math.max(capacity, buffer.length * 2));
    }
  }
}
