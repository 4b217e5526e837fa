/**
 * Inbox latency at scale: {@link dev.chorus.bench.inbox.InboxBench} loads a million mentions
 * through the pipeline into SQLite, then times the inbox's list, filter and search queries.
 */
package dev.chorus.bench.inbox;
