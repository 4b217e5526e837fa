/**
 * MatcherBench: Chorus's {@link dev.chorus.listen.match.QueryMatcher} side by side with Lucene
 * Monitor 9.11.1 in one JVM, on the same posts (the VADER tweets plus generated brand posts) and
 * the same query sets (1k, 10k and 100k realistic queries and an adversarial set of common words):
 * throughput on one thread, agreement post by post, compile time and heap per query.
 *
 * <p>Moving parts: {@code BenchPosts} (tweets read at run time, never copied into the product, and
 * seeded generated posts), {@code QuerySets} (seeded query text of realistic shapes), {@code
 * LuceneQueries} (a Chorus syntax tree as the equivalent Lucene query: spans for NEAR and
 * proximity), {@code LuceneDocuments} (a post as a Lucene document carrying Chorus's own tokens, so
 * that both sides see identical terms and positions), {@code MatcherBench} (the run and the
 * report).
 */
package dev.chorus.bench.matcher;
