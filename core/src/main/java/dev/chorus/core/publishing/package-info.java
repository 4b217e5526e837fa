/**
 * Publishing: posts scheduled for channels and the durable scheduler that sends them.
 *
 * <p>Entry points: {@link dev.chorus.core.publishing.SchedulePost} stores a post and one delivery
 * per channel; {@link dev.chorus.core.publishing.PublishScheduler} (started by the app) claims due
 * deliveries under a lease and hands them to {@link dev.chorus.core.publishing.SendDelivery}, which
 * publishes with the delivery's id as the idempotency key and records published, a retry ({@link
 * dev.chorus.core.publishing.Retries}) or a failure with a notice for the author. {@link
 * dev.chorus.core.publishing.Deliveries} is the store.
 *
 * <p>The composer: {@link dev.chorus.core.publishing.Drafts} saves a {@link
 * dev.chorus.core.publishing.Draft} (base text and thread parts, content warning, a variant per
 * channel, base or tailored) before any delivery exists; {@link
 * dev.chorus.core.publishing.PostMedia} keeps its images (bytes in the database) with alt text;
 * {@link dev.chorus.core.publishing.ValidatePost} counts each part the network's way and checks
 * attachments ({@link dev.chorus.core.publishing.MediaRules}); {@link
 * dev.chorus.core.publishing.ScheduleDraft} turns the variants that pass into deliveries that carry
 * their thread ({@link dev.chorus.core.publishing.DeliveryParts}), holding back the ones that do
 * not. {@link dev.chorus.core.publishing.SplitThread} splits at sentence boundaries; {@link
 * dev.chorus.core.publishing.HashtagGroups} keeps named sets of hashtags.
 */
package dev.chorus.core.publishing;
