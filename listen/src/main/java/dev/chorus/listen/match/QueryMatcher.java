package dev.chorus.listen.match;

import dev.chorus.listen.query.Query;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Matches posts against many saved queries at once (reverse search).
 *
 * <p>How: every query is compiled into {@link Clause}s over the ids of a shared {@link
 * TermDictionary} and indexed under its anchor terms (see {@link ClauseCompiler}). A post is
 * tokenized once; each token is looked up in the dictionary (and tested against wildcard patterns
 * sharing its first chars), which yields the query terms present with their positions. Only queries
 * anchored on a present term, plus the few without anchors, are evaluated.
 *
 * <p>Contract: {@link #add} and {@link #remove} change one query without touching the others.
 * Matching is safe from any number of threads at once and may run concurrently with changes (a
 * read-write lock; changes wait for matches in progress). Results are deterministic: ids in
 * ascending order. A query that fails on a post (over its work budget) is reported in {@link
 * MatchResult#failures()} and the others are still matched. Each matching thread keeps working
 * memory that grows with the dictionary and the longest post it has seen.
 */
public final class QueryMatcher {

  /** Default work budget of one query on one post, in position steps. */
  public static final long DEFAULT_BUDGET = 10_000_000;

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final TermDictionary dictionary = new TermDictionary();
  private final WildcardIndex textWildcards = new WildcardIndex();
  private final WildcardIndex titleWildcards = new WildcardIndex();
  private final ClauseCompiler compiler =
      new ClauseCompiler(dictionary, textWildcards, titleWildcards);
  private final AnchorIndex anchors = new AnchorIndex();
  private final Map<String, Integer> slotsById = new HashMap<>();
  private final long budget;
  private final ThreadLocal<PostState> states = ThreadLocal.withInitial(PostState::new);

  private Entry[] entries = new Entry[64];
  private int[] freeSlots = new int[16];
  private int freeCount;
  private int slotCount;
  private int exactTerms;

  private record Entry(String id, Query query, ClauseCompiler.Compiled compiled) {}

  /** A matcher with the {@link #DEFAULT_BUDGET}. */
  public QueryMatcher() {
    this(DEFAULT_BUDGET);
  }

  /** A matcher whose queries may each take at most {@code budget} steps on one post. */
  public QueryMatcher(long budget) {
    if (budget < 1) {
      throw new IllegalArgumentException("budget must be at least 1 but was " + budget);
    }
    this.budget = budget;
  }

  /** Adds {@code query} under {@code id}, replacing the query that had this id. */
  public void add(String id, Query query) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(query, "query");
    lock.writeLock().lock();
    try {
      ClauseCompiler.Compiled compiled = compiler.compile(query.root());
      removeLocked(id);
      int slot = freeCount > 0 ? freeSlots[--freeCount] : slotCount++;
      if (slot >= entries.length) {
        entries = Arrays.copyOf(entries, entries.length * 2);
      }
      entries[slot] = new Entry(id, query, compiled);
      slotsById.put(id, slot);
      anchors.add(slot, compiled.anchors());
      exactTerms += compiled.exactTerms();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Removes the query with this id; returns whether there was one. */
  public boolean remove(String id) {
    lock.writeLock().lock();
    try {
      return removeLocked(id);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** The number of queries. */
  public int size() {
    lock.readLock().lock();
    try {
      return slotsById.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The ids of the queries that match {@code post}, and the queries that failed on it. */
  public MatchResult match(Post post) {
    Objects.requireNonNull(post, "post");
    lock.readLock().lock();
    try {
      PostState state = states.get();
      state.reset(dictionary, textWildcards, titleWildcards, exactTerms > 0, slotCount);
      load(state, post);
      anchors.candidates(state);
      List<String> matches = new ArrayList<>();
      List<MatchResult.QueryFailure> failures = null;
      for (int i = 0; i < state.candidateCount; i++) {
        Entry entry = entries[state.candidates[i]];
        try {
          state.startQuery(budget);
          state.spanTop = 0;
          if (entry.compiled().root().matches(state)) {
            matches.add(entry.id());
          }
        } catch (RuntimeException | StackOverflowError e) {
          if (failures == null) {
            failures = new ArrayList<>();
          }
          failures.add(new MatchResult.QueryFailure(entry.id(), reason(e)));
        }
      }
      Collections.sort(matches);
      return new MatchResult(
          matches, failures == null ? List.of() : failures, state.candidateCount);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Why the query {@code id} matches {@code post} or not; empty when there is no such query. */
  public Optional<Explanation> explain(String id, Post post) {
    Query query;
    lock.readLock().lock();
    try {
      Integer slot = slotsById.get(id);
      if (slot == null) {
        return Optional.empty();
      }
      query = entries[slot].query();
    } finally {
      lock.readLock().unlock();
    }
    return Optional.of(new ReferenceEvaluator().explain(query.root(), PostView.of(post)));
  }

  private void load(PostState state, Post post) {
    state.scan(post.text(), false);
    if (!post.title().isEmpty()) {
      state.scan(post.title(), true);
    }
    String url = PostFields.url(post);
    if (!url.isEmpty()) {
      state.addUrl(url);
    }
    if (!post.author().isEmpty()) {
      state.addField(TermDictionary.AUTHOR, PostFields.author(post));
    }
    if (!post.lang().isEmpty()) {
      for (String lang : PostFields.langs(post)) {
        state.addField(TermDictionary.LANG, lang);
      }
    }
    if (!post.channel().isEmpty()) {
      state.addField(TermDictionary.CHANNEL, PostFields.channel(post));
    }
    state.followers = post.authorFollowers();
  }

  private boolean removeLocked(String id) {
    Integer slot = slotsById.remove(id);
    if (slot == null) {
      return false;
    }
    Entry entry = entries[slot];
    anchors.remove(slot, entry.compiled().anchors());
    compiler.release(entry.compiled());
    exactTerms -= entry.compiled().exactTerms();
    entries[slot] = null;
    if (freeCount == freeSlots.length) {
      freeSlots = Arrays.copyOf(freeSlots, freeCount * 2);
    }
    freeSlots[freeCount++] = slot;
    return true;
  }

  private static String reason(Throwable e) {
    if (e instanceof PostState.BudgetExceeded) {
      return e.getMessage();
    }
    if (e instanceof StackOverflowError) {
      return "the query is nested too deeply to evaluate";
    }
    return "internal error: " + e;
  }
}
