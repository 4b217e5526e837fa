/**
 * Modes: what an inbound item is to the team. {@link dev.chorus.listen.modes.ModeClassifier}
 * classifies a {@link dev.chorus.listen.modes.ModeInput} (the text, the kind of item, whether it is
 * said to our account, who wrote it, its sentiment) into a {@link
 * dev.chorus.listen.modes.ModeVerdict}: a {@link dev.chorus.listen.modes.Mode} (conversation,
 * advocacy, mention, support), whether it asks a question, and the {@link
 * dev.chorus.listen.modes.Rule} that decided with the words that fired it.
 *
 * <p>Moving parts: {@code CueText} folds the text and keeps its words and sentences; {@code
 * Phrases} finds whole-word cue phrases; {@code Cues} reads the phrase lists for seven languages
 * from {@code cues.txt}. The rules and lists are documented with examples in {@code docs/MODES.md}.
 */
package dev.chorus.listen.modes;
