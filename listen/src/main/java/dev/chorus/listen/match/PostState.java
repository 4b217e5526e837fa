package dev.chorus.listen.match;

import dev.chorus.listen.text.HtmlText;
import dev.chorus.listen.text.TokenKind;
import dev.chorus.listen.text.TokenSink;
import dev.chorus.listen.text.Tokenizer;
import dev.chorus.listen.text.Urls;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One thread's working memory for matching posts: which query terms occur in the current post and
 * at which positions, which queries are candidates, and stacks for positional clauses. Reused from
 * post to post: presence is stamped with a post counter ("epoch") instead of being cleared, so
 * starting a post costs nothing, and arrays only grow.
 *
 * <p>Positions of one term are a linked list in text order: {@code first[id]} is its first
 * occurrence, {@code occNext[o]} the next, {@code occPos[o]} the position.
 */
final class PostState implements TokenSink {

  private final Tokenizer tokenizer = new Tokenizer();
  private TermDictionary dictionary;
  private WildcardIndex textWildcards;
  private WildcardIndex titleWildcards;
  private boolean exactTerms;

  private int epoch;
  private int[] seen = new int[0];
  private int[] first = new int[0];
  private int[] last = new int[0];
  private int[] occPos = new int[256];
  private int[] occNext = new int[256];
  private int occCount;
  int[] present = new int[64];
  int presentCount;

  private int[] queryStamp = new int[0];
  int[] candidates = new int[64];
  int candidateCount;

  private long[] spans = new long[64];
  int spanTop;
  private int[] cursors = new int[32];
  private int cursorTop;

  final List<String> urls = new ArrayList<>();
  long followers;
  private boolean inTitle;
  private CharSequence current;

  private long steps;
  private long budget;

  /** Starts a new post. */
  void reset(
      TermDictionary dictionary,
      WildcardIndex textWildcards,
      WildcardIndex titleWildcards,
      boolean exactTerms,
      int querySlots) {
    this.dictionary = dictionary;
    this.textWildcards = textWildcards;
    this.titleWildcards = titleWildcards;
    this.exactTerms = exactTerms;
    if (seen.length < dictionary.size()) {
      int n = Math.max(dictionary.size(), seen.length * 2);
      seen = Arrays.copyOf(seen, n);
      first = Arrays.copyOf(first, n);
      last = Arrays.copyOf(last, n);
    }
    if (queryStamp.length < querySlots) {
      queryStamp = Arrays.copyOf(queryStamp, Math.max(querySlots, queryStamp.length * 2));
    }
    if (++epoch == Integer.MAX_VALUE) {
      Arrays.fill(seen, 0);
      Arrays.fill(queryStamp, 0);
      epoch = 1;
    }
    occCount = 0;
    presentCount = 0;
    candidateCount = 0;
    spanTop = 0;
    cursorTop = 0;
    urls.clear();
    followers = -1;
  }

  /** Tokenizes the text (HTML cleaned) or title of the post into term occurrences. */
  void scan(String text, boolean title) {
    String plain = HtmlText.toPlainText(text);
    inTitle = title;
    current = plain;
    tokenizer.scan(plain, this);
    current = null;
  }

  @Override
  public void token(
      TokenKind kind, char[] folded, int offset, int length, int position, int start, int end) {
    if (inTitle) {
      add(dictionary.find(TermDictionary.TITLE, folded, offset, length), position);
      if (!titleWildcards.isEmpty()) {
        titleWildcards.match(folded, offset, length, position, this);
      }
      return;
    }
    add(dictionary.find(TermDictionary.TEXT, folded, offset, length), position);
    if (exactTerms && kind == TokenKind.WORD) {
      add(dictionary.find(TermDictionary.EXACT, current, start, end), position);
    }
    if (!textWildcards.isEmpty()) {
      textWildcards.match(folded, offset, length, position, this);
    }
  }

  @Override
  public void url(CharSequence text, int start, int end) {
    addUrl(Urls.normalize(text, start, end));
  }

  void addUrl(String normalized) {
    urls.add(normalized);
    for (String site : Urls.sites(normalized)) {
      add(dictionary.find(TermDictionary.SITE, site, 0, site.length()), 0);
    }
  }

  /** Adds a whole-field value. */
  void addField(char namespace, String value) {
    if (!value.isEmpty()) {
      add(dictionary.find(namespace, value, 0, value.length()), 0);
    }
  }

  /** Adds an occurrence of term {@code id} (ignored when -1) at {@code position}. */
  void add(int id, int position) {
    if (id < 0) {
      return;
    }
    if (occCount == occPos.length) {
      occPos = Arrays.copyOf(occPos, occCount * 2);
      occNext = Arrays.copyOf(occNext, occCount * 2);
    }
    int occ = occCount++;
    occPos[occ] = position;
    occNext[occ] = -1;
    if (seen[id] != epoch) {
      seen[id] = epoch;
      first[id] = occ;
      if (presentCount == present.length) {
        present = Arrays.copyOf(present, presentCount * 2);
      }
      present[presentCount++] = id;
    } else {
      occNext[last[id]] = occ;
    }
    last[id] = occ;
  }

  /** Marks query slot {@code slot} as a candidate once per post. */
  void candidate(int slot) {
    if (queryStamp[slot] != epoch) {
      queryStamp[slot] = epoch;
      if (candidateCount == candidates.length) {
        candidates = Arrays.copyOf(candidates, candidateCount * 2);
      }
      candidates[candidateCount++] = slot;
    }
  }

  boolean has(int id) {
    return seen[id] == epoch;
  }

  /** The first occurrence of a present term, or -1 when absent. */
  int firstOccurrence(int id) {
    return seen[id] == epoch ? first[id] : -1;
  }

  int position(int occurrence) {
    return occPos[occurrence];
  }

  int next(int occurrence) {
    step();
    return occNext[occurrence];
  }

  // Work budget: one step per occurrence visited, so a query's cost on a post is bounded.

  void startQuery(long budget) {
    this.budget = budget;
    this.steps = 0;
  }

  void step() {
    if (++steps > budget) {
      throw new BudgetExceeded(budget);
    }
  }

  /** Thrown when one query needs more than its work budget on one post. */
  static final class BudgetExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BudgetExceeded(long budget) {
      super("needed more than " + budget + " steps on this post", null, false, false);
    }
  }

  // Stacks for positional clauses; each caller restores the top it started from.

  int pushCursors(int count) {
    int base = cursorTop;
    cursorTop += count;
    if (cursorTop > cursors.length) {
      cursors = Arrays.copyOf(cursors, Math.max(cursorTop, cursors.length * 2));
    }
    return base;
  }

  void popCursors(int base) {
    cursorTop = base;
  }

  int cursor(int index) {
    return cursors[index];
  }

  void cursor(int index, int value) {
    cursors[index] = value;
  }

  void pushSpan(int start, int end) {
    if (spanTop == spans.length) {
      spans = Arrays.copyOf(spans, spanTop * 2);
    }
    spans[spanTop++] = ((long) start << 32) | end;
  }

  long[] spans() {
    return spans;
  }
}
