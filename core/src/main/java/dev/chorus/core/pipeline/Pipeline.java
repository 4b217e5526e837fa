package dev.chorus.core.pipeline;

import java.util.concurrent.CompletableFuture;

/**
 * Takes what sources heard to the store and the inbox. Implementations keep memory bounded: {@link
 * #submit} blocks while the pipeline is full, which slows the sources down (backpressure) instead
 * of queueing without end. Batches are stored in the order they were submitted.
 */
public interface Pipeline extends AutoCloseable {
  /**
   * Hands over a batch; the future completes once its items and cursor are stored (or fails when
   * the store is unavailable, in which case neither is, and the source reads the batch again).
   */
  CompletableFuture<Ingested> submit(Heard heard);

  /** Stores what was submitted, then stops. */
  @Override
  void close();
}
