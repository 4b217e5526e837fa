/**
 * Sentiment of social text: a rule-based valence scorer that reproduces VADER (Hutto &amp; Gilbert,
 * ICWSM 2014) exactly, including its quirks, so that its scores can be checked against the
 * reference implementation.
 *
 * <p>Entry point: {@link dev.chorus.listen.sentiment.SentimentScorer#score(CharSequence)}, built
 * once with {@code new SentimentScorer(VaderLexicon.bundled())} and shared; it returns a {@link
 * dev.chorus.listen.sentiment.SentimentScore} (neg/neu/pos proportions and a compound in [-1, 1])
 * whose {@link dev.chorus.listen.sentiment.Polarity} uses VADER's usual thresholds of ±0.05.
 *
 * <p>Moving parts, in the order a text goes through them: {@code SentiText} (emoji to words,
 * whitespace tokens, punctuation stripped unless the token is an emoticon, ALL-CAPS differential),
 * {@code WordValence} (lexicon value of each token adjusted by "no", capitals, boosters and
 * dampeners up to three words back, negations, special idioms and "least"), {@code Aggregation}
 * ("but" contrast, ! and ? emphasis, normalisation and proportions). {@code VaderRules} holds
 * VADER's word lists and constants; {@link dev.chorus.listen.sentiment.VaderLexicon} the word and
 * emoji lexicons, loaded from this package's classpath resources (MIT, see NOTICE).
 */
package dev.chorus.listen.sentiment;
