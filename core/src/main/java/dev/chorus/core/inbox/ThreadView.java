package dev.chorus.core.inbox;

import dev.chorus.core.channel.Network;
import java.time.Instant;
import java.util.List;

/** A conversation opened: what was said, what we answered, what the team noted, who said it. */
public record ThreadView(
    Conversation conversation,
    List<Item> items,
    List<Reply> replies,
    List<Note> notes,
    ContactCard contact) {
  public ThreadView {
    items = List.copyOf(items);
    replies = List.copyOf(replies);
    notes = List.copyOf(notes);
  }

  /** Something heard, as stored. Every text field is a stranger's. */
  public record Item(
      String id,
      String kind,
      String remoteId,
      String url,
      String authorHandle,
      String authorName,
      String authorUrl,
      String title,
      String text,
      Instant createdAt,
      String language,
      Double sentiment,
      String mode,
      boolean question) {}

  /**
   * One of our replies.
   *
   * @param status sending, sent or failed
   * @param error the network's reason when failed
   */
  public record Reply(
      String id,
      String authorName,
      String body,
      String status,
      String url,
      String error,
      Instant createdAt,
      Instant sentAt) {}

  /** An internal note. */
  public record Note(String id, String authorName, String body, Instant createdAt) {}

  /**
   * The person behind a conversation, across channels and networks.
   *
   * @param others their other conversations in this workspace, newest first
   */
  public record ContactCard(
      String id,
      String displayName,
      List<Handle> handles,
      long itemCount,
      Instant firstSeenAt,
      Instant lastSeenAt,
      List<Conversation> others) {
    public ContactCard {
      handles = List.copyOf(handles);
      others = List.copyOf(others);
    }
  }

  /** A handle of a contact on one network. */
  public record Handle(Network network, String handle, String profileUrl) {}
}
