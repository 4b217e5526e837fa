/**
 * The path of a mention from a source to the inbox: {@link dev.chorus.core.pipeline.Pipeline} takes
 * what a source {@link dev.chorus.core.pipeline.Heard} and runs the stages named after what they
 * do: {@link dev.chorus.core.pipeline.Normalise} (clean the text, quarantine the unusable), {@link
 * dev.chorus.core.pipeline.Dedupe} (drop what is already stored), annotate (language, saved query
 * matches, sentiment, mode), then {@link dev.chorus.core.pipeline.StoreHeard} (contact,
 * conversation, item, cursor, in one transaction) and {@link dev.chorus.core.pipeline.InboxEvents}
 * (live updates). {@link dev.chorus.core.pipeline.InProcessPipeline} runs them on bounded queues in
 * this JVM; a Kafka implementation takes the same {@code Heard} batches.
 */
package dev.chorus.core.pipeline;
