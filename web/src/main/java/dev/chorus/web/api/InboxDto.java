package dev.chorus.web.api;

import dev.chorus.core.inbox.Conversation;
import dev.chorus.core.inbox.ReplyToConversation;
import dev.chorus.core.inbox.ThreadView;
import java.time.Instant;
import java.util.List;

/** The inbox's JSON shapes (see {@link Dto} for the rest of the API). */
public final class InboxDto {
  private InboxDto() {}

  public record ConversationJson(
      String id,
      String status,
      String channelId,
      String channelName,
      String network,
      boolean demo,
      @Nullable String contactId,
      @Nullable String contactName,
      @Nullable String contactHandle,
      @Nullable String assigneeId,
      @Nullable String assigneeName,
      String mode,
      boolean question,
      @Nullable Double sentiment,
      String sentimentLabel,
      @Nullable String language,
      String snippet,
      int itemCount,
      Instant firstItemAt,
      Instant lastItemAt,
      @Nullable Instant firstResponseAt,
      List<String> tags) {
    static ConversationJson of(Conversation c) {
      return new ConversationJson(
          c.id().value(),
          c.status().key(),
          c.channelId(),
          c.channelName(),
          c.network().key(),
          c.network().isDemo(),
          c.contactId(),
          c.contactName(),
          c.contactHandle(),
          c.assigneeId(),
          c.assigneeName(),
          c.mode() == null ? "mention" : c.mode(),
          c.question(),
          c.sentiment(),
          c.sentimentLabel(),
          c.language(),
          c.snippet() == null ? "" : c.snippet(),
          c.itemCount(),
          c.firstItemAt(),
          c.lastItemAt(),
          c.firstResponseAt(),
          c.tags());
    }
  }

  public record ThreadItemJson(
      String id,
      String kind,
      String remoteId,
      @Nullable String url,
      @Nullable String authorHandle,
      @Nullable String authorName,
      @Nullable String title,
      String text,
      Instant createdAt,
      @Nullable String language,
      @Nullable Double sentiment,
      @Nullable String mode,
      boolean question) {
    static ThreadItemJson of(ThreadView.Item i) {
      return new ThreadItemJson(
          i.id(),
          i.kind(),
          i.remoteId(),
          i.url(),
          i.authorHandle(),
          i.authorName(),
          i.title(),
          i.text(),
          i.createdAt(),
          i.language(),
          i.sentiment(),
          i.mode(),
          i.question());
    }
  }

  public record ReplyJson(
      String id,
      @Nullable String authorName,
      String text,
      String status,
      @Nullable String url,
      @Nullable String error,
      Instant createdAt,
      @Nullable Instant sentAt) {
    static ReplyJson of(ThreadView.Reply r) {
      return new ReplyJson(
          r.id(),
          r.authorName(),
          r.body(),
          r.status(),
          r.url(),
          r.error(),
          r.createdAt(),
          r.sentAt());
    }
  }

  public record NoteJson(String id, @Nullable String authorName, String text, Instant createdAt) {
    static NoteJson of(ThreadView.Note n) {
      return new NoteJson(n.id(), n.authorName(), n.body(), n.createdAt());
    }
  }

  public record HandleJson(String network, String handle, @Nullable String profileUrl) {}

  public record ContactJson(
      String id,
      @Nullable String displayName,
      List<HandleJson> handles,
      long itemCount,
      Instant firstSeenAt,
      Instant lastSeenAt,
      List<ConversationJson> otherConversations) {
    static ContactJson of(ThreadView.ContactCard c) {
      return new ContactJson(
          c.id(),
          c.displayName(),
          c.handles().stream()
              .map(h -> new HandleJson(h.network().key(), h.handle(), h.profileUrl()))
              .toList(),
          c.itemCount(),
          c.firstSeenAt(),
          c.lastSeenAt(),
          c.others().stream().map(ConversationJson::of).toList());
    }
  }

  /** A conversation opened: what was said, what we answered, the notes, who said it. */
  public record ThreadJson(
      ConversationJson conversation,
      List<ThreadItemJson> items,
      List<ReplyJson> replies,
      List<NoteJson> notes,
      @Nullable ContactJson contact,
      @Nullable Integer replyMaxLength,
      @Nullable String replyCounting,
      @Nullable String replyRefusal) {
    static ThreadJson of(ThreadView t, ReplyToConversation.ReplyBox box) {
      return new ThreadJson(
          ConversationJson.of(t.conversation()),
          t.items().stream().map(ThreadItemJson::of).toList(),
          t.replies().stream().map(ReplyJson::of).toList(),
          t.notes().stream().map(NoteJson::of).toList(),
          t.contact() == null ? null : ContactJson.of(t.contact()),
          box.limits() == null ? null : box.limits().maxLength(),
          box.limits() == null
              ? null
              : box.limits().countsGraphemes()
                  ? "graphemes"
                  : "characters, links as " + box.limits().urlLength(),
          box.refusal());
    }
  }

  /** What to change; absent fields stay as they are. {@code assignee} is a user id or "none". */
  public record TriageRequest(
      @Nullable String status,
      @Nullable String assignee,
      @Nullable List<String> addTags,
      @Nullable List<String> removeTags) {}

  public record BulkTriageRequest(
      List<String> ids,
      @Nullable String status,
      @Nullable String assignee,
      @Nullable List<String> addTags,
      @Nullable List<String> removeTags) {}

  public record BulkTriageJson(int changed) {}

  public record NoteRequest(String text) {}

  public record ReplyRequest(String text) {}

  /** The outcome of a reply: {@code sent}, or {@code failed} with the network's reason. */
  public record ReplyResult(
      String id, String status, @Nullable String url, @Nullable String error) {}
}
