package dev.chorus.core.channel;

import java.util.List;
import java.util.Objects;

/**
 * A post to send, already tailored to one channel.
 *
 * @param inReplyTo the post this answers, or null for a new post
 * @param contentWarning a content warning (Mastodon spoiler text), or null
 * @param language an ISO 639-1 code, or null to let the network decide
 * @param visibility who may see it; a network that cannot honour it refuses the post rather than
 *     publish it to a wider audience
 */
public record OutgoingPost(
    String text,
    RemoteRef inReplyTo,
    List<Media> media,
    String contentWarning,
    String language,
    Visibility visibility) {
  public OutgoingPost {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(visibility, "visibility");
    media = List.copyOf(media);
  }

  /** A {@link Visibility#PUBLIC public} post. */
  public OutgoingPost(
      String text, RemoteRef inReplyTo, List<Media> media, String contentWarning, String language) {
    this(text, inReplyTo, media, contentWarning, language, Visibility.PUBLIC);
  }

  /** The same post answering {@code parent} (for the next part of a thread). */
  public OutgoingPost replyingTo(RemoteRef parent) {
    return new OutgoingPost(text, parent, media, contentWarning, language, visibility);
  }

  /** An attachment with its alt text. */
  public record Media(byte[] bytes, String mimeType, String altText) {
    public Media {
      Objects.requireNonNull(bytes, "bytes");
      Objects.requireNonNull(mimeType, "mimeType");
    }
  }
}
