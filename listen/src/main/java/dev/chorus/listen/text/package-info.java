/**
 * Text analysis shared by queries and posts, so that a query word and a post word meet as the same
 * term.
 *
 * <p>Entry points: {@link dev.chorus.listen.text.TextAnalyzer#analyze(String)} (a list of {@link
 * dev.chorus.listen.text.Token}s and the URLs found, for the reference evaluator, explanations and
 * query parsing) and {@link dev.chorus.listen.text.Tokenizer#scan(CharSequence, TokenSink)} (the
 * same tokens streamed into a sink without allocating, for the matcher's hot path).
 *
 * <p>Moving parts, in the order text goes through them: {@link dev.chorus.listen.text.HtmlText}
 * (known tags stripped, entities decoded), {@link dev.chorus.listen.text.Tokenizer} (Unicode word
 * runs, CJK bigrams, #hashtags, @mentions, URLs, emoji clusters), {@link
 * dev.chorus.listen.text.Folding} (case and accent folding), {@link dev.chorus.listen.text.Urls} (a
 * URL's normalised form and host suffixes for {@code site:} and {@code url:}).
 */
package dev.chorus.listen.text;
