package dev.chorus.core.channel;

import java.time.Instant;
import java.util.Objects;

/**
 * Something said on a network that Chorus heard: a mention, a reply, a post matching a search, a
 * feed entry. Every text field is a stranger's and untrusted.
 *
 * @param kind mention, reply, reblog, favourite, follow, quote, post or entry
 * @param text plain text (HTML already reduced to text by the connector)
 * @param inReplyTo the post this answers, or null
 * @param language the language the network reports, or null
 */
public record InboundItem(
    Network network,
    String kind,
    RemoteRef ref,
    String authorHandle,
    String authorName,
    String authorUrl,
    String title,
    String text,
    Instant createdAt,
    RemoteRef inReplyTo,
    String language) {
  public InboundItem {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
