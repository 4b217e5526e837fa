/**
 * The sentiment benchmark: Chorus's VADER scorer against vaderSentiment's recorded output on the
 * VADER evaluation sets (agreement, 3-class F1 of both against human ratings) and its throughput on
 * tweets plus generated posts. {@link dev.chorus.bench.sentiment.SentimentBench} is the entry
 * point; the evaluation data is read from {@code shared/data/vader} beside the repository and is
 * never part of the product.
 */
package dev.chorus.bench.sentiment;
