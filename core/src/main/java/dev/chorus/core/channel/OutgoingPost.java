package dev.chorus.core.channel;

import java.util.List;
import java.util.Objects;

/**
 * A post to send, already tailored to one channel.
 *
 * @param inReplyTo the post this answers, or null for a new post
 * @param contentWarning a content warning (Mastodon spoiler text), or null
 * @param language an ISO 639-1 code, or null to let the network decide
 */
public record OutgoingPost(
    String text, RemoteRef inReplyTo, List<Media> media, String contentWarning, String language) {
  public OutgoingPost {
    Objects.requireNonNull(text, "text");
    media = List.copyOf(media);
  }

  /** An attachment with its alt text. */
  public record Media(byte[] bytes, String mimeType, String altText) {
    public Media {
      Objects.requireNonNull(bytes, "bytes");
      Objects.requireNonNull(mimeType, "mimeType");
    }
  }
}
