/**
 * Tracked links: links in sent posts go through {@code /l/{code}} on the Chorus host, carry UTM
 * parameters to their target, and are counted per day without storing anything about the visitor.
 *
 * <p>Entry points: {@link dev.chorus.core.publishing.links.WrapLinks} (the {@link
 * dev.chorus.core.publishing.LinkRewriter} that {@code SendDelivery} applies before publishing),
 * {@link dev.chorus.core.publishing.links.FollowLink} (the redirect's lookup and count), {@link
 * dev.chorus.core.publishing.links.LinkStats} (per post, per channel, per workspace) and {@link
 * dev.chorus.core.publishing.links.ChangeLinkSettings}. Moving parts: {@link
 * dev.chorus.core.publishing.links.LinkText} finds links, {@link
 * dev.chorus.core.publishing.links.LinkCodes} derives codes from the delivery, {@link
 * dev.chorus.core.publishing.links.Utm} adds parameters, {@link
 * dev.chorus.core.publishing.links.Visitors} tells machines from people, {@link
 * dev.chorus.core.publishing.links.LinkStore} is the store (V12).
 */
package dev.chorus.core.publishing.links;
