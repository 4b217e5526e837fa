package dev.chorus.channels.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chorus.core.channel.ChannelFailure;
import dev.chorus.core.channel.ChannelLimits;
import dev.chorus.core.channel.OutgoingPost;
import dev.chorus.core.channel.RemoteRef;
import dev.chorus.core.channel.Visibility;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes a post record: facets, reply refs, images and quotes, under a record key derived from the
 * idempotency key. Steps: look for the record at that key (a retry finds it and stops) → check the
 * post → upload images → build the record → createRecord with the key → on failure, look again (a
 * concurrent or half-finished attempt may have written it).
 */
final class PublishPost {
  static final String POST = "app.bsky.feed.post";
  private static final Set<String> IMAGE_TYPES =
      Set.of("image/jpeg", "image/png", "image/webp", "image/gif");

  private final BlueskySession session;
  private final BlueskyDirectory directory;
  private final ChannelLimits limits;
  private final Clock clock;

  PublishPost(
      BlueskySession session, BlueskyDirectory directory, ChannelLimits limits, Clock clock) {
    this.session = session;
    this.directory = directory;
    this.limits = limits;
    this.clock = clock;
  }

  RemoteRef publish(OutgoingPost post, String idempotencyKey, RemoteRef quoted) {
    if (post.visibility() != Visibility.PUBLIC) {
      // Every Bluesky post is public: publishing it would show it to more people than meant.
      throw refuse(
          "every Bluesky post is public; it cannot be published as "
              + post.visibility().key()
              + " (publish it as public, or leave Bluesky out)");
    }
    String rkey = RecordKeys.fromIdempotencyKey(idempotencyKey);
    RemoteRef existing = find(rkey);
    if (existing != null) return existing;
    check(post);
    ObjectNode record = record(post, quoted);
    ObjectNode body = Xrpc.JSON.createObjectNode();
    body.put("repo", session.did()).put("collection", POST).put("rkey", rkey);
    body.set("record", record);
    Xrpc.Reply r = session.post("com.atproto.repo.createRecord", body, "publishing the post");
    if (!r.ok()) {
      // The PDS answers a second create at the same key with a 500: the post is already there.
      RemoteRef raced = find(rkey);
      if (raced != null) return raced;
      r.orThrow("publishing the post");
    }
    String uri = r.json().path("uri").asText();
    return new RemoteRef(uri, AtUri.parse(uri).webUrl(), r.json().path("cid").asText(null));
  }

  void delete(RemoteRef ref) {
    AtUri at = AtUri.parse(ref.id());
    if (!at.repo().equals(session.did())) {
      throw new ChannelFailure(
          "Bluesky: only this account's own posts can be deleted, not " + ref.id(),
          false,
          null,
          0,
          null);
    }
    ObjectNode body = Xrpc.JSON.createObjectNode();
    body.put("repo", at.repo()).put("collection", at.collection()).put("rkey", at.rkey());
    session
        .post("com.atproto.repo.deleteRecord", body, "deleting the post")
        .orThrow("deleting the post");
  }

  /** The post already at {@code rkey} in this account's repository, or null. */
  private RemoteRef find(String rkey) {
    Xrpc.Reply r =
        session.get(
            "com.atproto.repo.getRecord",
            Map.of("repo", session.did(), "collection", POST, "rkey", rkey),
            "checking whether the post was already published");
    if (r.ok()) {
      String uri = r.json().path("uri").asText();
      return new RemoteRef(uri, AtUri.parse(uri).webUrl(), r.json().path("cid").asText(null));
    }
    if ("RecordNotFound".equals(r.error())) return null;
    throw r.failure("checking whether the post was already published");
  }

  private void check(OutgoingPost post) {
    if (post.contentWarning() != null && !post.contentWarning().isBlank()) {
      // Bluesky has only fixed labels on media, no free-text warning: dropping it would publish
      // something the author meant to hide, so the composer must adapt the post first.
      throw refuse("Bluesky has no free-text content warning; remove it from the Bluesky version");
    }
    if (post.text().isBlank() && post.media().isEmpty()) {
      throw refuse("the post is empty");
    }
    if (post.text().getBytes(StandardCharsets.UTF_8).length > 3000) {
      throw refuse("the text is longer than Bluesky's 3000 bytes");
    }
    if (post.media().size() > limits.maxMedia()) {
      throw refuse("a Bluesky post holds at most " + limits.maxMedia() + " images");
    }
    for (int i = 0; i < post.media().size(); i++) {
      OutgoingPost.Media m = post.media().get(i);
      String type = m.mimeType().toLowerCase(Locale.ROOT);
      if (!IMAGE_TYPES.contains(type)) {
        throw refuse(
            "attachment "
                + (i + 1)
                + " is "
                + m.mimeType()
                + "; Bluesky takes JPEG, PNG, WebP or GIF images");
      }
      if (m.bytes().length > limits.maxMediaBytes()) {
        throw refuse(
            "image "
                + (i + 1)
                + " is "
                + m.bytes().length / 1000
                + " kB; Bluesky takes at most "
                + limits.maxMediaBytes() / 1000
                + " kB");
      }
    }
  }

  private ObjectNode record(OutgoingPost post, RemoteRef quoted) {
    ObjectNode rec = Xrpc.JSON.createObjectNode();
    rec.put("$type", POST);
    rec.put("text", post.text());
    rec.put("createdAt", clock.instant().truncatedTo(ChronoUnit.MILLIS).toString());
    if (post.language() != null && !post.language().isBlank()) {
      rec.putArray("langs").add(post.language());
    }
    ArrayNode facets = Facets.toJson(Facets.detect(post.text()), mentions());
    if (!facets.isEmpty()) rec.set("facets", facets);
    if (post.inReplyTo() != null) {
      ObjectNode parent = strongRef(post.inReplyTo());
      JsonNode root = fetch(post.inReplyTo().id()).path("value").path("reply").path("root");
      ObjectNode reply = rec.putObject("reply");
      reply.set(
          "root", root.path("uri").isTextual() && root.path("cid").isTextual() ? root : parent);
      reply.set("parent", parent);
    }
    ObjectNode images = images(post.media());
    if (quoted != null) {
      ObjectNode quote = Xrpc.JSON.createObjectNode();
      quote.put("$type", "app.bsky.embed.record");
      quote.set("record", strongRef(quoted));
      if (images == null) {
        rec.set("embed", quote);
      } else {
        ObjectNode both = rec.putObject("embed");
        both.put("$type", "app.bsky.embed.recordWithMedia");
        both.set("record", quote);
        both.set("media", images);
      }
    } else if (images != null) {
      rec.set("embed", images);
    }
    return rec;
  }

  private ObjectNode images(List<OutgoingPost.Media> media) {
    if (media.isEmpty()) return null;
    ObjectNode embed = Xrpc.JSON.createObjectNode();
    embed.put("$type", "app.bsky.embed.images");
    ArrayNode list = embed.putArray("images");
    for (OutgoingPost.Media m : media) {
      JsonNode blob =
          session
              .upload(
                  "com.atproto.repo.uploadBlob",
                  m.bytes(),
                  m.mimeType().toLowerCase(Locale.ROOT),
                  "uploading an image")
              .orThrow("uploading an image")
              .path("blob");
      if (!blob.isObject()) throw BlueskyErrors.malformed("uploading an image", 200);
      ObjectNode image = list.addObject();
      image.set("image", blob);
      // The lexicon requires alt; an empty one says "no description" honestly.
      image.put("alt", m.altText() == null ? "" : m.altText());
    }
    return embed;
  }

  /** Resolves mentioned handles once per post; an unknown handle stays plain text. */
  private java.util.function.Function<String, String> mentions() {
    Map<String, String> seen = new HashMap<>();
    return handle ->
        seen.computeIfAbsent(
            handle,
            h -> {
              try {
                return directory.resolveHandle(h);
              } catch (ChannelFailure e) {
                if (e.retryable()) throw e;
                return null;
              }
            });
  }

  private ObjectNode strongRef(RemoteRef ref) {
    String cid = ref.cid();
    if (cid == null) cid = fetch(ref.id()).path("cid").asText(null);
    if (cid == null) throw BlueskyErrors.malformed("reading " + ref.id(), 200);
    ObjectNode n = Xrpc.JSON.createObjectNode();
    n.put("uri", AtUri.parse(ref.id()).toString()).put("cid", cid);
    return n;
  }

  /** A record from its own repository's PDS (which may not be ours). */
  private JsonNode fetch(String uri) {
    AtUri at = AtUri.parse(uri);
    URI pds = at.repo().equals(session.did()) ? session.pds() : directory.pds(at.repo());
    return session
        .xrpc()
        .get(
            pds,
            "com.atproto.repo.getRecord",
            Map.of("repo", at.repo(), "collection", at.collection(), "rkey", at.rkey()),
            null,
            "reading the post " + uri)
        .orThrow("reading the post " + uri);
  }

  private static ChannelFailure refuse(String why) {
    return new ChannelFailure("Bluesky: " + why, false, null, 0, null);
  }
}
