/** Benchmarks and side-by-side comparisons; run through {@code scripts/bench}. */
package dev.chorus.bench;
