package dev.chorus.core.pipeline;

/**
 * What the pipeline did with one {@link Heard} batch.
 *
 * @param added items new to the store
 * @param duplicates items already stored (a replay, or the same item twice in a batch)
 * @param quarantined items refused, each kept with its reason
 */
public record Ingested(int added, int duplicates, int quarantined) {}
