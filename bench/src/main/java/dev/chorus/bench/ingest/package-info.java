/**
 * End-to-end ingest: {@link dev.chorus.bench.ingest.IngestBench} pushes generated mentions through
 * the conversation pipeline into SQLite with 1,000 saved queries, measuring the sustained rate and
 * the heap.
 */
package dev.chorus.bench.ingest;
