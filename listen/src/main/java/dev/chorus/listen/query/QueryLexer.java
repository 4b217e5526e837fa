package dev.chorus.listen.query;

import java.util.ArrayList;
import java.util.List;

/** Splits query text into lexemes, each with the char index where it starts. */
final class QueryLexer {

  enum Type {
    LPAREN,
    RPAREN,
    LBRACKET,
    RBRACKET,
    AND,
    OR,
    NOT,
    MINUS,
    NEAR,
    FIELD,
    QUOTED,
    EXACT,
    WORD,
    END
  }

  /**
   * One lexeme.
   *
   * @param type what it is
   * @param text the word, phrase content, exact content or lower-case field name
   * @param start char index of its first char
   * @param number NEAR's distance or a phrase's ~n, else -1
   * @param ordered NEAR/nf
   * @param spaced white space precedes it
   */
  record Lexeme(Type type, String text, int start, int number, boolean ordered, boolean spaced) {}

  private final String text;
  private final QueryLimits limits;
  private final List<Lexeme> out = new ArrayList<>();

  private QueryLexer(String text, QueryLimits limits) {
    this.text = text;
    this.limits = limits;
  }

  static List<Lexeme> lex(String text, QueryLimits limits) {
    QueryLexer lexer = new QueryLexer(text, limits);
    lexer.run();
    return lexer.out;
  }

  private void run() {
    int n = text.length();
    int i = 0;
    boolean spaced = true;
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        i++;
        spaced = true;
        continue;
      }
      switch (c) {
        case '(' -> i = single(Type.LPAREN, i, spaced);
        case ')' -> i = single(Type.RPAREN, i, spaced);
        case '[' -> i = single(Type.LBRACKET, i, spaced);
        case ']' -> i = single(Type.RBRACKET, i, spaced);
        case '"', '\u201C', '\u201D' -> i = quoted(i, spaced);
        case '{' -> i = exact(i, spaced);
        case '}' -> throw error(i, "unexpected }", "an exact word is written {Like} this");
        case '-' -> i = minus(i, spaced);
        default -> i = word(i, spaced);
      }
      spaced = false;
    }
    out.add(new Lexeme(Type.END, "", n, -1, false, true));
  }

  private int single(Type type, int at, boolean spaced) {
    out.add(new Lexeme(type, text.substring(at, at + 1), at, -1, false, spaced));
    return at + 1;
  }

  private int quoted(int at, boolean spaced) {
    int close = -1;
    for (int k = at + 1; k < text.length(); k++) {
      char c = text.charAt(k);
      if (c == '"' || c == '\u201C' || c == '\u201D') {
        close = k;
        break;
      }
    }
    if (close < 0) {
      throw error(at, "this phrase has no closing \"", "add \" where the phrase ends");
    }
    int end = close + 1;
    int slop = -1;
    if (end < text.length() && text.charAt(end) == '~') {
      int digits = digitsEnd(end + 1);
      if (digits == end + 1) {
        throw error(end, "~ needs a number", "as in \"a b\"~5");
      }
      slop = number(end + 1, digits, limits.maxDistance(), "~");
      end = digits;
    }
    out.add(new Lexeme(Type.QUOTED, text.substring(at + 1, close), at, slop, false, spaced));
    return end;
  }

  private int exact(int at, boolean spaced) {
    int close = text.indexOf('}', at + 1);
    if (close < 0) {
      throw error(at, "this { has no closing }", "an exact word is written {Like} this");
    }
    out.add(new Lexeme(Type.EXACT, text.substring(at + 1, close), at, -1, false, spaced));
    return close + 1;
  }

  private int minus(int at, boolean spaced) {
    int next = at + 1;
    if (next >= text.length() || Character.isWhitespace(text.charAt(next))) {
      throw error(at, "- must touch the word it excludes", "as in -spam");
    }
    if (!spaced && !out.isEmpty() && out.get(out.size() - 1).type() == Type.FIELD) {
      // author:-x is a value starting with '-', not an exclusion.
      return word(at, false);
    }
    out.add(new Lexeme(Type.MINUS, "-", at, -1, false, spaced));
    return next;
  }

  private int word(int at, boolean spaced) {
    int end = at;
    while (end < text.length()) {
      char c = text.charAt(end);
      if (Character.isWhitespace(c)
          || Character.isSpaceChar(c)
          || "()[]\"{}\u201C\u201D".indexOf(c) >= 0) {
        break;
      }
      end++;
    }
    String word = text.substring(at, end);
    if (!spaced && !out.isEmpty() && out.get(out.size() - 1).type() == Type.FIELD) {
      // A field's value is taken as written: url:https://x is not a field "https".
      out.add(new Lexeme(Type.WORD, word, at, -1, false, false));
      return end;
    }
    switch (word) {
      case "AND" -> out.add(new Lexeme(Type.AND, word, at, -1, false, spaced));
      case "OR" -> out.add(new Lexeme(Type.OR, word, at, -1, false, spaced));
      case "NOT" -> out.add(new Lexeme(Type.NOT, word, at, -1, false, spaced));
      default -> {
        if (word.equals("NEAR") || word.startsWith("NEAR/")) {
          near(word, at, spaced);
          return end;
        }
        int colon = fieldColon(word);
        if (colon > 0 && !word.startsWith("//", colon + 1)) {
          String name = word.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
          out.add(new Lexeme(Type.FIELD, name, at, -1, false, spaced));
          return at + colon + 1;
        }
        int tilde = word.indexOf('~');
        if (tilde >= 0) {
          throw error(
              at + tilde,
              "~n follows a quoted phrase",
              "as in \"a b\"~5 (fuzzy words are not supported)");
        }
        out.add(new Lexeme(Type.WORD, word, at, -1, false, spaced));
      }
    }
    return end;
  }

  private void near(String word, int at, boolean spaced) {
    int digitsStart = at + 5;
    int digits = word.length() > 5 ? digitsEnd(digitsStart) : digitsStart;
    if (word.length() <= 5 || digits == digitsStart) {
      throw error(at, "NEAR needs a number", "as in NEAR/5");
    }
    int wordEnd = at + word.length();
    boolean ordered = false;
    if (digits < wordEnd) {
      char suffix = text.charAt(digits);
      if ((suffix == 'f' || suffix == 'F') && digits + 1 == wordEnd) {
        ordered = true;
      } else {
        throw error(
            digits, "NEAR/n may only be followed by f (for \"in this order\")", "as in NEAR/5f");
      }
    }
    int n = number(digitsStart, digits, limits.maxDistance(), "NEAR");
    out.add(new Lexeme(Type.NEAR, word, at, n, ordered, spaced));
  }

  /** The index of ':' when the word starts with letters then ':', else -1. */
  private static int fieldColon(String word) {
    int i = 0;
    while (i < word.length() && i < 32 && isAsciiLetter(word.charAt(i))) {
      i++;
    }
    return i > 0 && i < word.length() && word.charAt(i) == ':' ? i : -1;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private int digitsEnd(int from) {
    int k = from;
    while (k < text.length() && text.charAt(k) >= '0' && text.charAt(k) <= '9') {
      k++;
    }
    return k;
  }

  private int number(int from, int to, int max, String what) {
    if (to - from > 9 || Integer.parseInt(text.substring(from, to)) > max) {
      throw error(
          from,
          what + " distance " + text.substring(from, to) + " is too large",
          "the limit is " + max);
    }
    return Integer.parseInt(text.substring(from, to));
  }

  private QuerySyntaxException error(int at, String problem, String fix) {
    return QueryParser.error(text, at, problem, fix);
  }
}
