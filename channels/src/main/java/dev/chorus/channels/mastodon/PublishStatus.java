package dev.chorus.channels.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chorus.core.channel.ChannelFailure;
import dev.chorus.core.channel.ChannelLimits;
import dev.chorus.core.channel.OutgoingPost;
import dev.chorus.core.channel.RemoteRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Posts statuses: attachments first (uploaded through {@code /api/v2/media} and waited for while
 * the instance processes them), then the status with an {@code Idempotency-Key}, which Mastodon
 * keeps for an hour: a repeat within that hour returns the first status instead of making a second.
 */
final class PublishStatus {
  private final MastodonClient api;
  private final Supplier<ChannelLimits> limits;
  private final MastodonTimings timings;

  PublishStatus(MastodonClient api, Supplier<ChannelLimits> limits, MastodonTimings timings) {
    this.api = api;
    this.limits = limits;
    this.timings = timings;
  }

  RemoteRef publish(OutgoingPost post, String idempotencyKey) {
    Objects.requireNonNull(post, "post");
    if (idempotencyKey == null || idempotencyKey.isBlank()) {
      throw new IllegalArgumentException("idempotencyKey is blank");
    }
    checkMedia(post);
    List<String> mediaIds = new ArrayList<>();
    for (OutgoingPost.Media m : post.media()) mediaIds.add(upload(m));
    ObjectNode body = MastodonClient.JSON.createObjectNode();
    body.put("status", post.text());
    body.put("visibility", Visibility.of(post.visibility()).apiValue());
    if (post.language() != null && !post.language().isBlank()) {
      body.put("language", post.language());
    }
    if (post.contentWarning() != null && !post.contentWarning().isBlank()) {
      body.put("spoiler_text", post.contentWarning());
    }
    if (post.inReplyTo() != null) body.put("in_reply_to_id", post.inReplyTo().id());
    if (!mediaIds.isEmpty()) {
      ArrayNode ids = body.putArray("media_ids");
      mediaIds.forEach(ids::add);
    }
    JsonNode status = api.postJson("/api/v1/statuses", body, idempotencyKey, "posting").json();
    if (!status.path("id").isTextual()) {
      throw new ChannelFailure(
          api.host() + " answered the post without a status id", false, null, 200, null);
    }
    return MastodonItems.ref(status);
  }

  /**
   * Posts {@code parts} as a thread: each part answers the one before it (the first answers its own
   * {@code inReplyTo}, if any). Part {@code i} is keyed {@code keyPrefix + "/" + i}, so running the
   * same thread again after a failure completes it without repeating a part.
   */
  List<RemoteRef> publishThread(List<OutgoingPost> parts, String keyPrefix) {
    if (parts.isEmpty()) throw new IllegalArgumentException("a thread needs at least one part");
    if (keyPrefix == null || keyPrefix.isBlank()) {
      throw new IllegalArgumentException("keyPrefix is blank");
    }
    List<RemoteRef> refs = new ArrayList<>();
    RemoteRef previous = null;
    for (int i = 0; i < parts.size(); i++) {
      OutgoingPost p = parts.get(i);
      OutgoingPost part = previous == null ? p : p.replyingTo(previous);
      previous = publish(part, keyPrefix + "/" + i);
      refs.add(previous);
    }
    return refs;
  }

  private void checkMedia(OutgoingPost post) {
    if (post.media().isEmpty()) return;
    ChannelLimits l = limits.get();
    if (post.media().size() > l.maxMedia()) {
      throw new ChannelFailure(
          api.host()
              + " takes at most "
              + l.maxMedia()
              + " attachments per post; this one has "
              + post.media().size(),
          false,
          null,
          0,
          null);
    }
    for (OutgoingPost.Media m : post.media()) {
      String alt = m.altText() == null ? "" : m.altText();
      if (alt.codePointCount(0, alt.length()) > l.maxAltText()) {
        throw new ChannelFailure(
            "alt text is at most " + l.maxAltText() + " characters on " + api.host(),
            false,
            null,
            0,
            null);
      }
      if (m.mimeType().startsWith("image/") && m.bytes().length > l.maxMediaBytes()) {
        throw new ChannelFailure(
            "an image is at most "
                + (l.maxMediaBytes() >> 20)
                + " MB on "
                + api.host()
                + "; this one is "
                + (m.bytes().length >> 20)
                + " MB",
            false,
            null,
            0,
            null);
      }
    }
  }

  /** Uploads one attachment and waits until the instance has processed it; returns its id. */
  private String upload(OutgoingPost.Media m) {
    Map<String, String> fields =
        m.altText() == null || m.altText().isBlank()
            ? Map.of()
            : Map.of("description", m.altText());
    MastodonClient.Reply r =
        api.postFile(
            "/api/v2/media",
            m.bytes(),
            m.mimeType(),
            fileName(m.mimeType()),
            fields,
            "uploading an attachment");
    String id = r.json().path("id").asText("");
    if (id.isEmpty()) {
      throw new ChannelFailure(
          api.host() + " answered the upload without an attachment id", false, null, 200, null);
    }
    // 200 with a url: processed already. 202 (url null): processing in the background.
    boolean ready = r.response().status() == 200 && r.json().path("url").isTextual();
    for (int attempt = 0; !ready; attempt++) {
      if (attempt >= timings.mediaPollAttempts()) {
        throw new ChannelFailure(
            api.host()
                + " is still processing an attachment after "
                + timings.mediaPollAttempts()
                + " checks; try again later",
            true,
            timings.mediaPollInterval().multipliedBy(timings.mediaPollAttempts()),
            0,
            null);
      }
      sleep();
      MastodonClient.Reply check =
          api.get("/api/v1/media/" + MastodonClient.enc(id), "checking an uploaded attachment");
      // 206 Partial Content: still processing. 200 with a url: done.
      ready = check.response().status() == 200 && check.json().path("url").isTextual();
    }
    return id;
  }

  private void sleep() {
    try {
      Thread.sleep(timings.mediaPollInterval().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChannelFailure(
          "interrupted while waiting for " + api.host() + " to process an attachment",
          false,
          null,
          0,
          e);
    }
  }

  private static String fileName(String mimeType) {
    String sub = mimeType.substring(mimeType.indexOf('/') + 1).toLowerCase(Locale.ROOT);
    String ext = sub.replaceAll("[^a-z0-9]", "");
    return "attachment." + (ext.equals("jpeg") ? "jpg" : ext.isEmpty() ? "bin" : ext);
  }
}
