/**
 * The matcher: many saved queries against a stream of posts (reverse search), with explanations.
 *
 * <p>Entry point: {@link dev.chorus.listen.match.QueryMatcher}: {@code add(id, query)}, {@code
 * remove(id)}, {@code match(post)} returning a {@link dev.chorus.listen.match.MatchResult}, and
 * {@code explain(id, post)} returning an {@link dev.chorus.listen.match.Explanation}. Posts are
 * {@link dev.chorus.listen.match.Post}s; queries come from {@link
 * dev.chorus.listen.query.QueryParser}.
 *
 * <p>Moving parts, named after the stages of matching (as in Lucene's Monitor): {@code
 * TermDictionary} (query terms to dense ids), {@code ClauseCompiler} (syntax tree to {@code
 * Clause}s and anchor terms), {@code AnchorIndex} (queries by anchor: the presearcher), {@code
 * WildcardIndex} and {@code Glob} (wildcard terms by prefix), {@code PostState} (one thread's
 * working memory: term occurrences of the current post), {@code PositionalClauses} (phrases,
 * proximity, NEAR). {@link dev.chorus.listen.match.ReferenceEvaluator} evaluates the syntax tree
 * directly over a {@link dev.chorus.listen.match.PostView}: the definition the fast path is tested
 * against, and the source of explanations.
 */
package dev.chorus.listen.match;
