package dev.chorus.web.page;

import java.util.Map;

/**
 * Confirmations shown after a redirect, named by a key in the query string, so no text from the
 * request is ever echoed onto a page.
 */
final class Notices {
  private static final Map<String, String> TEXT =
      Map.ofEntries(
          Map.entry("connected", "Channel connected and read for the first time."),
          Map.entry("query-saved", "Query saved."),
          Map.entry(
              "mastodon-denied",
              "Mastodon said the authorization was denied; nothing was connected."),
          Map.entry("reconnected", "Channel reconnected and read again."),
          Map.entry("query-enabled", "Query enabled: it listens again."),
          Map.entry("query-disabled", "Query disabled: it no longer listens."),
          Map.entry("query-deleted", "Query deleted."),
          Map.entry("alert-acknowledged", "Alert acknowledged."),
          Map.entry("draft-saved", "Draft saved."),
          Map.entry("draft-deleted", "Draft deleted."),
          Map.entry("post-split", "Split into a thread: check each part before scheduling."),
          Map.entry("post-scheduled", "Scheduled on every channel."),
          Map.entry("media-attached", "Image attached."),
          Map.entry("media-removed", "Image removed."),
          Map.entry("alt-saved", "Alt text saved."),
          Map.entry("hashtags-saved", "Hashtag group saved."),
          Map.entry("hashtags-deleted", "Hashtag group deleted."),
          Map.entry("alert-rule-saved", "Alert rule saved: it applies from the next check."),
          Map.entry("alert-destination-added", "Destination added: new alerts go there too."),
          Map.entry("alert-destination-removed", "Destination removed."),
          Map.entry("links-saved", "Link tracking saved: it applies to posts sent from now on."),
          Map.entry(
              "approval-submitted",
              "Submitted for approval: editors see it on their Approvals page."),
          Map.entry("approval-approved", "Approved: the post is scheduled and its author told."),
          Map.entry("approval-rejected", "Sent back to its author with your comment."),
          Map.entry("guest-link-revoked", "Guest link revoked: it no longer works."),
          Map.entry("publish-settings-saved", "Publishing settings saved."),
          Map.entry(
              "problem-retried", "Sending again now. It leaves this list once it is on its way."),
          Map.entry("problem-sent", "The held post is being sent now."),
          Map.entry("problem-discarded", "Discarded: it will not be sent."),
          Map.entry(
              "problem-moved",
              "That post changed in the meantime (it is being sent, or someone handled it);"
                  + " nothing was done."),
          Map.entry("notice-read", "Notice marked read."),
          Map.entry("notices-read", "All notices marked read."),
          Map.entry(
              "sources-saved", "Listening sources saved: new ones are read now, then on schedule."),
          Map.entry("read", "Channel read."),
          Map.entry("read-failed", "Reading the channel failed; the reason is shown below."),
          Map.entry("disconnected", "Channel disconnected. What it heard is kept."),
          Map.entry("role-changed", "Role changed."),
          Map.entry("removed", "Member removed."),
          Map.entry("revoked", "Invitation withdrawn."),
          Map.entry("token-revoked", "Token revoked. It no longer works."),
          Map.entry("password-changed", "Password changed. Your other sessions were signed out."),
          Map.entry("joined", "Welcome! You joined this workspace."),
          Map.entry("created", "Workspace created."));

  private Notices() {}

  /** The text for {@code key}, or null for none or an unknown key. */
  static String text(String key) {
    return key == null ? null : TEXT.get(key);
  }
}
