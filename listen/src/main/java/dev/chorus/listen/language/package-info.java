/**
 * Language identification for posts.
 *
 * <p>Entry point: {@link dev.chorus.listen.language.LanguageIdentifier#identify(CharSequence)},
 * returning a {@link dev.chorus.listen.language.LanguageGuess} (ISO 639-1 code and confidence, or
 * {@code "und"} when the text has too few letters). The implementation is {@link
 * dev.chorus.listen.language.OpenNlpLanguageIdentifier} (Apache Tika's OpenNLP model), built once
 * by the composition root and shared; the interface lets it be swapped. {@link
 * dev.chorus.listen.language.LanguageEvidence} strips what is not evidence of a language (links,
 * mentions, digits, emoji) before any library sees the text. The choice of library and its
 * measurements are in docs/DECISIONS.md and docs/PERFORMANCE.md.
 */
package dev.chorus.listen.language;
