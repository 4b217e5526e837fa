/**
 * Language identification libraries compared on the same short posts: accuracy, speed, load time
 * and memory. {@link dev.chorus.bench.language.LanguageBench} is the entry point; the posts are in
 * {@code posts.tsv} beside it (written by the team, 15 languages).
 */
package dev.chorus.bench.language;
