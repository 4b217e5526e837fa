/**
 * Scheduler dispatch lag: {@link dev.chorus.bench.scheduler.SchedulerBench} schedules 100,000 posts
 * in SQLite due over a window and measures how late each reaches an in-process network.
 */
package dev.chorus.bench.scheduler;
