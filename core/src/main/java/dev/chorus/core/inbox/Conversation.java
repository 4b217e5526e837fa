package dev.chorus.core.inbox;

import dev.chorus.core.channel.Network;
import java.time.Instant;
import java.util.List;

/**
 * A conversation as the inbox lists it, with the names it shows.
 *
 * @param contactId null when the first item had no author (a feed entry without one)
 * @param contactName the contact's display name or handle, or null
 * @param assigneeId null when unassigned
 * @param sentiment the latest item's VADER compound score, or null
 * @param firstResponseAt when our first reply went out, or null
 */
public record Conversation(
    ConversationId id,
    String channelId,
    String channelName,
    Network network,
    String contactId,
    String contactName,
    String contactHandle,
    Status status,
    String assigneeId,
    String assigneeName,
    String mode,
    boolean question,
    Double sentiment,
    String language,
    String snippet,
    int itemCount,
    Instant firstItemAt,
    Instant lastItemAt,
    Instant firstResponseAt,
    List<String> tags) {
  public Conversation {
    tags = List.copyOf(tags);
  }

  /** This conversation with {@code t} as its tags. */
  public Conversation withTags(List<String> t) {
    return new Conversation(
        id,
        channelId,
        channelName,
        network,
        contactId,
        contactName,
        contactHandle,
        status,
        assigneeId,
        assigneeName,
        mode,
        question,
        sentiment,
        language,
        snippet,
        itemCount,
        firstItemAt,
        lastItemAt,
        firstResponseAt,
        t);
  }

  /** negative, neutral or positive, by VADER's usual thresholds (±0.05). */
  public String sentimentLabel() {
    if (sentiment == null) return "neutral";
    if (sentiment <= -0.05) return "negative";
    if (sentiment >= 0.05) return "positive";
    return "neutral";
  }
}
