package dev.chorus.channels.bluesky;

import dev.chorus.core.channel.ChannelFailure;
import java.util.Objects;

/**
 * The address of a record: {@code at://<did>/<collection>/<rkey>}.
 *
 * @param repo the DID of the repository
 */
public record AtUri(String repo, String collection, String rkey) {
  public AtUri {
    Objects.requireNonNull(repo, "repo");
    Objects.requireNonNull(collection, "collection");
    Objects.requireNonNull(rkey, "rkey");
  }

  /**
   * @throws ChannelFailure when {@code uri} is not the AT URI of a record in a DID's repository
   */
  public static AtUri parse(String uri) {
    if (uri != null && uri.startsWith("at://")) {
      String[] parts = uri.substring(5).split("/");
      if (parts.length == 3
          && BlueskyDirectory.isDid(parts[0])
          && !parts[1].isEmpty()
          && !parts[2].isEmpty()) {
        return new AtUri(parts[0], parts[1], parts[2]);
      }
    }
    throw new ChannelFailure(
        "Bluesky: '" + uri + "' is not the address of a Bluesky post (at://did/collection/rkey)",
        false,
        null,
        0,
        null);
  }

  /** The post's page on bsky.app (by DID, which survives handle changes). */
  public String webUrl() {
    return "https://bsky.app/profile/" + repo + "/post/" + rkey;
  }

  @Override
  public String toString() {
    return "at://" + repo + "/" + collection + "/" + rkey;
  }
}
