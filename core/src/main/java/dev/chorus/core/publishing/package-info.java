/**
 * Publishing: posts scheduled for channels and the durable scheduler that sends them.
 *
 * <p>Entry points: {@link dev.chorus.core.publishing.SchedulePost} stores a post and one delivery
 * per channel; {@link dev.chorus.core.publishing.PublishScheduler} (started by the app) claims due
 * deliveries under a lease and hands them to {@link dev.chorus.core.publishing.SendDelivery}, which
 * publishes with the delivery's id as the idempotency key and records published, a retry ({@link
 * dev.chorus.core.publishing.Retries}) or a failure with a notice for the author. {@link
 * dev.chorus.core.publishing.Deliveries} is the store. The composer, queue and approvals are to
 * come and build on these.
 */
package dev.chorus.core.publishing;
