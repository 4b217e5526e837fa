package dev.chorus.listen.query;

import dev.chorus.listen.query.Node.Slot;
import dev.chorus.listen.query.Node.Space;
import dev.chorus.listen.text.AnalyzedText;
import dev.chorus.listen.text.TextAnalyzer;
import dev.chorus.listen.text.Token;
import dev.chorus.listen.text.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns written words into slots through the posts' own analysis, counting terms and wildcards
 * against the limits. One instance per parse.
 */
final class WordReader {

  private final String query;
  private final QueryLimits limits;
  private int terms;
  private int wildcardWords;

  WordReader(String query, QueryLimits limits) {
    this.query = query;
    this.limits = limits;
  }

  /** A bare word: a term, a wildcard, or a phrase when analysis splits it ("e-mail"). */
  Node word(String raw, int at, Space space) {
    return node(space, slots(raw, at), -1);
  }

  /** The content of "...", with its ~n or -1. */
  Node quoted(String content, int at, int slop, Space space) {
    List<Slot> slots = new ArrayList<>();
    int i = 0;
    while (i < content.length()) {
      if (Character.isWhitespace(content.charAt(i))) {
        i++;
        continue;
      }
      int end = i;
      while (end < content.length() && !Character.isWhitespace(content.charAt(end))) {
        end++;
      }
      slots.addAll(slots(content.substring(i, end), at + 1 + i));
      i = end;
    }
    if (slots.isEmpty()) {
      throw QueryParser.error(
          query, at, "this phrase has nothing to search for", "put words between the quotes");
    }
    return node(space, slots, slop);
  }

  /** The content of {Exact}: one word, kept as written. */
  Node exact(String content, int at) {
    String word = content.strip();
    AnalyzedText analyzed = TextAnalyzer.analyzePlain(word);
    List<Token> tokens = analyzed.tokens();
    if (tokens.size() != 1
        || tokens.get(0).kind() != TokenKind.WORD
        || tokens.get(0).start() != 0
        || tokens.get(0).end() != word.length()) {
      throw QueryParser.error(
          query,
          at,
          "{...} holds exactly one word",
          "as in {Apple}; for several words use a \"phrase\"");
    }
    count(at);
    return new Node.Exact(word);
  }

  /** A field value that is compared as a whole: counted as one term. */
  void countValue(int at) {
    count(at);
  }

  private Node node(Space space, List<Slot> slots, int slop) {
    if (slots.size() == 1) {
      return new Node.Single(space, slots.get(0));
    }
    return slop < 0 ? new Node.Phrase(space, slots) : new Node.Proximity(space, slots, slop);
  }

  private List<Slot> slots(String raw, int at) {
    if (raw.indexOf('*') >= 0 || raw.indexOf('?') >= 0) {
      return List.of(wildcard(raw, at));
    }
    AnalyzedText analyzed = TextAnalyzer.analyzePlain(raw);
    if (!analyzed.urls().isEmpty()) {
      throw QueryParser.error(
          query, at, "a link is not a word", "use url:example.com/page or site:example.com");
    }
    List<Slot> slots = new ArrayList<>();
    List<Token> tokens = analyzed.tokens();
    int k = 0;
    while (k < tokens.size()) {
      Token best = tokens.get(k);
      int position = best.position();
      k++;
      while (k < tokens.size() && tokens.get(k).position() == position) {
        Token other = tokens.get(k++);
        if (better(other, best)) {
          best = other;
        }
      }
      count(at);
      slots.add(new Node.Term(best.text()));
    }
    if (slots.isEmpty()) {
      throw QueryParser.error(
          query, at, "\"" + raw + "\" has no letters, digits or emoji to search for", null);
    }
    return slots;
  }

  // At one position a hashtag or mention is more specific than its bare word; the longest mention
  // (@user@host) is the most specific.
  private static boolean better(Token candidate, Token best) {
    if (best.kind() == TokenKind.WORD) {
      return candidate.kind() != TokenKind.WORD;
    }
    return candidate.kind() != TokenKind.WORD && candidate.text().length() > best.text().length();
  }

  private Slot wildcard(String raw, int at) {
    char first = raw.charAt(0);
    if (first == '#' || first == '@') {
      throw QueryParser.error(
          query,
          at,
          "wildcards are not supported in #hashtags and @mentions",
          "write the whole tag");
    }
    String example = "as in ac*";
    if (first == '*' || first == '?') {
      throw QueryParser.error(
          query,
          at,
          "a word cannot start with a wildcard",
          "write at least " + limits.minWildcardPrefix() + " letters first, " + example);
    }
    StringBuilder pattern = new StringBuilder();
    int wildcards = 0;
    int prefixLength = -1;
    int segmentStart = 0;
    for (int i = 0; i <= raw.length(); i++) {
      char c = i < raw.length() ? raw.charAt(i) : '*';
      if (c != '*' && c != '?') {
        continue;
      }
      if (i > segmentStart) {
        String segment = raw.substring(segmentStart, i);
        String folded = oneWord(segment, at + segmentStart, raw);
        pattern.append(folded);
        if (prefixLength < 0) {
          prefixLength = folded.codePointCount(0, folded.length());
        }
      }
      if (i < raw.length()) {
        wildcards++;
        boolean repeatedStar =
            c == '*' && pattern.length() > 0 && pattern.charAt(pattern.length() - 1) == '*';
        if (!repeatedStar) {
          pattern.append(c);
        }
        if (wildcards > limits.maxWildcardsPerWord()) {
          throw QueryParser.error(
              query,
              at + i,
              "\"" + raw + "\" has more than " + limits.maxWildcardsPerWord() + " wildcards",
              "use fewer * and ?");
        }
      }
      segmentStart = i + 1;
    }
    if (prefixLength < limits.minWildcardPrefix()) {
      throw QueryParser.error(
          query,
          at,
          "a wildcard needs at least " + limits.minWildcardPrefix() + " letters before it",
          example + "; \"" + raw + "\" would match too many words");
    }
    if (++wildcardWords > limits.maxWildcardWords()) {
      throw QueryParser.error(
          query,
          at,
          "the query has more than " + limits.maxWildcardWords() + " words with wildcards",
          "split it into several queries");
    }
    count(at);
    return new Node.Wildcard(pattern.toString());
  }

  private String oneWord(String segment, int at, String raw) {
    List<Token> tokens = TextAnalyzer.analyzePlain(segment).tokens();
    if (tokens.size() != 1
        || tokens.get(0).kind() != TokenKind.WORD
        || tokens.get(0).start() != 0
        || tokens.get(0).end() != segment.length()) {
      throw QueryParser.error(
          query,
          at,
          "a wildcard works inside one word, and \"" + raw + "\" is not one word",
          "remove the punctuation, or put the whole words in a \"phrase\"");
    }
    return tokens.get(0).text();
  }

  private void count(int at) {
    if (++terms > limits.maxTerms()) {
      throw QueryParser.error(
          query,
          at,
          "the query has more than " + limits.maxTerms() + " terms",
          "split it into several queries");
    }
  }
}
