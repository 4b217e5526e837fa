package dev.chorus.web.api;

import dev.chorus.core.account.User;
import dev.chorus.core.audit.AuditEntry;
import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.ChannelStore;
import dev.chorus.core.listening.SavedQuery;
import dev.chorus.core.member.Invitation;
import dev.chorus.core.member.Member;
import dev.chorus.core.token.ApiToken;
import dev.chorus.core.workspace.Workspace;
import java.time.Instant;
import java.util.List;

/** The API's JSON shapes. Kept apart from the domain so the API changes only on purpose. */
public final class Dto {
  private Dto() {}

  public record UserJson(String id, String email, String displayName, Instant createdAt) {
    static UserJson of(User u) {
      return new UserJson(u.id().value(), u.email(), u.displayName(), u.createdAt());
    }
  }

  public record WorkspaceJson(String id, String slug, String name, Instant createdAt) {
    static WorkspaceJson of(Workspace w) {
      return new WorkspaceJson(w.id().value(), w.slug(), w.name(), w.createdAt());
    }
  }

  public record TokenJson(
      String id,
      String name,
      String prefix,
      String scope,
      String status,
      Instant createdAt,
      @Nullable Instant expiresAt,
      @Nullable Instant lastUsedAt,
      @Nullable Instant revokedAt) {
    static TokenJson of(ApiToken t, Instant now) {
      return new TokenJson(
          t.id(),
          t.name(),
          t.prefix(),
          t.scope().key(),
          t.status(now),
          t.createdAt(),
          t.expiresAt(),
          t.lastUsedAt(),
          t.revokedAt());
    }
  }

  public record MeJson(UserJson user, WorkspaceJson workspace, String role, TokenJson token) {}

  public record MemberJson(UserJson user, String role, Instant joinedAt) {
    static MemberJson of(Member m) {
      return new MemberJson(UserJson.of(m.user()), m.role().key(), m.joinedAt());
    }
  }

  public record InvitationJson(
      String id,
      String email,
      String role,
      String status,
      @Nullable String invitedBy,
      Instant createdAt,
      Instant expiresAt) {
    static InvitationJson of(Invitation i, Instant now) {
      return new InvitationJson(
          i.id(),
          i.email(),
          i.role().key(),
          i.status(now),
          i.invitedBy(),
          i.createdAt(),
          i.expiresAt());
    }
  }

  /** A new invitation and its link, shown only now. */
  public record InvitationCreated(InvitationJson invitation, String url) {}

  public record AuditEntryJson(
      String id,
      @Nullable String actorUserId,
      String actor,
      String action,
      @Nullable String target,
      @Nullable String detail,
      @Nullable String ip,
      Instant at) {
    static AuditEntryJson of(AuditEntry e) {
      return new AuditEntryJson(
          e.id(),
          e.actorUserId(),
          e.actorLabel(),
          e.action(),
          e.target(),
          e.detail(),
          e.ip(),
          e.at());
    }
  }

  /** A new token and its secret, shown only now. */
  public record TokenCreated(TokenJson token, String secret) {}

  /** A page of items and the cursor for the next page (null on the last). */
  public record PageJson<T>(List<T> items, @Nullable String nextCursor) {}

  // Requests.

  public record InviteRequest(String email, String role) {}

  public record RoleRequest(String role) {}

  public record TokenRequest(String name, String scope, @Nullable Integer expiresInDays) {}

  public record WorkspaceRequest(String name) {}

  public record ChannelJson(
      String id,
      String network,
      String name,
      String address,
      String health,
      int intervalMinutes,
      Instant createdAt,
      @Nullable Instant lastReadAt,
      @Nullable String lastError,
      @Nullable Instant lastErrorAt,
      @Nullable Instant nextReadAt,
      @Nullable Instant disconnectedAt,
      @Nullable Instant tokenExpiresAt) {
    static ChannelJson of(Channel c) {
      return new ChannelJson(
          c.id().value(),
          c.network().key(),
          c.name(),
          c.address(),
          c.health(),
          c.intervalMinutes(),
          c.createdAt(),
          c.lastSuccessAt(),
          c.lastError(),
          c.lastErrorAt(),
          c.nextPollAt(),
          c.disconnectedAt(),
          c.tokenExpiresAt());
    }
  }

  public record ItemJson(
      String id,
      String kind,
      String remoteId,
      @Nullable String url,
      @Nullable String authorHandle,
      @Nullable String authorName,
      @Nullable String title,
      String text,
      @Nullable String language,
      Instant createdAt,
      Instant receivedAt) {
    static ItemJson of(ChannelStore.StoredItem s) {
      var i = s.item();
      return new ItemJson(
          s.id(),
          i.kind(),
          i.ref().id(),
          i.ref().url(),
          i.authorHandle(),
          i.authorName(),
          i.title(),
          i.text(),
          i.language(),
          i.createdAt(),
          s.receivedAt());
    }
  }

  /** What one read did. */
  public record ReadJson(int added, @Nullable String error, ChannelJson channel) {}

  /**
   * What a channel listens to besides its mentions.
   *
   * @param hashtags Mastodon only, without '#'
   * @param live Mastodon only: stream mentions and hashtags as they happen
   * @param firehose Bluesky only: the firehose, kept only where a saved query matches
   */
  public record SourcesRequest(
      @Nullable List<String> hashtags,
      @Nullable List<String> searches,
      @Nullable Boolean live,
      @Nullable Boolean firehose) {}

  /** A channel's sources and each one's health. */
  public record SourcesJson(
      List<String> hashtags,
      List<String> searches,
      boolean live,
      boolean firehose,
      List<SourceJson> sources) {}

  /**
   * One source: {@code name} as stored ({@code mentions}, {@code hashtag:coffee}, {@code search:oat
   * latte}, {@code firehose}).
   */
  public record SourceJson(
      String name,
      String kind,
      String label,
      boolean streaming,
      @Nullable Instant lastReadAt,
      @Nullable String lastError,
      @Nullable Instant lastErrorAt) {}

  public record FeedRequest(
      String address, @Nullable String name, @Nullable Integer intervalMinutes) {}

  /** A Bluesky account to connect; the app password is never part of an answer. */
  public record BlueskyRequest(String handle, String appPassword, @Nullable String name) {}

  public record WebhookRequest(String name) {}

  /** A new webhook: where to send and the signing secret, shown only now. */
  public record WebhookCreated(ChannelJson channel, String url, String secret) {}

  /** What a delivery did. */
  public record WebhookReceipt(int accepted, int duplicates, int quarantined) {}

  /** One pushed item, as documented (the body may also be {@code {"items": [...]}}). */
  public record WebhookDelivery(
      String id,
      String text,
      @Nullable String url,
      @Nullable String title,
      @Nullable String createdAt,
      @Nullable String language,
      @Nullable WebhookAuthor author) {}

  public record WebhookAuthor(
      @Nullable String handle, @Nullable String name, @Nullable String url) {}

  public record QueryJson(
      String id,
      String name,
      String query,
      List<String> sources,
      boolean enabled,
      Instant createdAt,
      Instant updatedAt) {
    static QueryJson of(SavedQuery q) {
      return new QueryJson(
          q.id(), q.name(), q.text(), q.sources(), q.enabled(), q.createdAt(), q.updatedAt());
    }
  }

  public record QueryRequest(String name, String query, @Nullable List<String> sources) {}

  public record QueryPatch(
      @Nullable String name,
      @Nullable String query,
      @Nullable List<String> sources,
      @Nullable Boolean enabled) {}

  public record CheckRequest(
      String query, @Nullable List<String> sources, @Nullable Integer days) {}

  /** A query's problem: the parser's message and, when it has one, the 1-based column. */
  public record CheckError(String message, @Nullable Integer column) {}

  public record PreviewJson(int matched, int scanned, int days, List<ItemJson> samples) {}

  /** The answer of a check: valid with a preview, or not with the error. */
  public record CheckJson(
      boolean valid, @Nullable CheckError error, @Nullable PreviewJson preview) {}

  /** A reconnected channel; a webhook's new signing secret is shown only here. */
  public record ReconnectJson(ChannelJson channel, @Nullable String secret) {}
}
