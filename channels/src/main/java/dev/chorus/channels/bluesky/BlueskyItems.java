package dev.chorus.channels.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorus.core.channel.InboundItem;
import dev.chorus.core.channel.Network;
import dev.chorus.core.channel.RemoteRef;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Turns what Bluesky sends (notifications, post views, raw post records) into inbound items. */
final class BlueskyItems {
  private BlueskyItems() {}

  /**
   * A notification of {@code app.bsky.notification.listNotifications}, or null for reasons Chorus
   * does not keep (starter packs, verification, likes of reposts, …).
   */
  static InboundItem fromNotification(JsonNode n) {
    String kind =
        switch (n.path("reason").asText()) {
          case "mention" -> "mention";
          case "reply" -> "reply";
          case "quote" -> "quote";
          case "repost" -> "reblog";
          case "like" -> "favourite";
          case "follow" -> "follow";
          default -> null;
        };
    if (kind == null || !n.path("uri").isTextual()) return null;
    JsonNode record = n.path("record");
    JsonNode author = n.path("author");
    Instant at =
        instant(
            record.path("createdAt").asText(null),
            instant(n.path("indexedAt").asText(null), Instant.EPOCH));
    RemoteRef inReplyTo = null;
    if (kind.equals("reply")) inReplyTo = strongRef(record.path("reply").path("parent"));
    else if (n.path("reasonSubject").isTextual()) {
      inReplyTo =
          new RemoteRef(
              n.get("reasonSubject").asText(), webUrl(n.get("reasonSubject").asText()), null);
    }
    String uri = n.get("uri").asText();
    return new InboundItem(
        Network.BLUESKY,
        kind,
        new RemoteRef(
            uri,
            kind.equals("follow") ? profileUrl(author) : webUrl(uri),
            n.path("cid").asText(null)),
        author.path("handle").asText(author.path("did").asText(null)),
        blankToNull(author.path("displayName").asText(null)),
        profileUrl(author),
        null,
        record.path("text").asText(""),
        at,
        inReplyTo,
        firstLang(record));
  }

  /** A post view (search results, feeds). */
  static InboundItem fromPostView(JsonNode p, String kind) {
    JsonNode record = p.path("record");
    JsonNode author = p.path("author");
    String uri = p.path("uri").asText();
    return new InboundItem(
        Network.BLUESKY,
        kind,
        new RemoteRef(uri, webUrl(uri), p.path("cid").asText(null)),
        author.path("handle").asText(author.path("did").asText(null)),
        blankToNull(author.path("displayName").asText(null)),
        profileUrl(author),
        null,
        record.path("text").asText(""),
        instant(
            record.path("createdAt").asText(null),
            instant(p.path("indexedAt").asText(null), Instant.EPOCH)),
        strongRef(record.path("reply").path("parent")),
        firstLang(record));
  }

  /** A post record as a firehose carries it: only the author's DID is known. */
  static InboundItem fromRecord(String did, String uri, String cid, JsonNode record, Instant seen) {
    RemoteRef parent = strongRef(record.path("reply").path("parent"));
    return new InboundItem(
        Network.BLUESKY,
        parent == null ? "post" : "reply",
        new RemoteRef(uri, webUrl(uri), cid),
        did,
        null,
        "https://bsky.app/profile/" + did,
        null,
        record.path("text").asText(""),
        instant(record.path("createdAt").asText(null), seen),
        parent,
        firstLang(record));
  }

  /** A {@code com.atproto.repo.strongRef} as a remote ref, or null when absent. */
  static RemoteRef strongRef(JsonNode ref) {
    if (!ref.path("uri").isTextual()) return null;
    String uri = ref.get("uri").asText();
    return new RemoteRef(uri, webUrl(uri), ref.path("cid").asText(null));
  }

  static Instant instant(String iso, Instant otherwise) {
    if (iso == null) return otherwise;
    try {
      return OffsetDateTime.parse(iso).toInstant();
    } catch (DateTimeParseException e) {
      return otherwise;
    }
  }

  private static String webUrl(String uri) {
    try {
      AtUri at = AtUri.parse(uri);
      return at.collection().equals("app.bsky.feed.post") ? at.webUrl() : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String profileUrl(JsonNode author) {
    String who = author.path("handle").asText(author.path("did").asText(""));
    return who.isEmpty() ? null : "https://bsky.app/profile/" + who;
  }

  private static String firstLang(JsonNode record) {
    JsonNode langs = record.path("langs");
    return langs.isArray() && !langs.isEmpty() && langs.get(0).isTextual()
        ? langs.get(0).asText()
        : null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
