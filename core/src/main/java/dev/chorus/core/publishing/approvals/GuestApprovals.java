package dev.chorus.core.publishing.approvals;

import dev.chorus.core.account.User;
import dev.chorus.core.account.UserId;
import dev.chorus.core.account.UserStore;
import dev.chorus.core.audit.AuditLog;
import dev.chorus.core.error.Conflict;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.error.NotFound;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.MemberStore;
import dev.chorus.core.member.Role;
import dev.chorus.core.publishing.Drafts;
import dev.chorus.core.publishing.PostDetail;
import dev.chorus.core.publishing.PostId;
import dev.chorus.core.security.Tokens;
import dev.chorus.core.store.Database;
import dev.chorus.core.workspace.Workspace;
import dev.chorus.core.workspace.WorkspaceStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Approval by a client without an account: an editor makes a link for one waiting post, valid for a
 * few days; the token is shown once and only its SHA-256 is kept. Whoever holds it sees that post's
 * text per channel, nothing else, and approves or rejects it once, under a name they type. A link
 * stops working when it expires, is used or revoked, when the post was edited since (its request
 * withdrawn), or when the editor who made it can no longer approve. Every decision is in the audit
 * log.
 */
public final class GuestApprovals {
  /** The longest a link may live. */
  public static final Duration MAX_VALIDITY = Duration.ofDays(30);

  /** A link just made: {@code token} is shown once. */
  public record Created(String id, String token, Instant expiresAt) {}

  /**
   * What a guest link opens.
   *
   * @param state open (decide now), expired, used, revoked, edited (the post changed since), or
   *     decided (someone decided the request another way)
   * @param post the post, only while {@code state} is open
   */
  public record View(String state, ApprovalStore.GuestLink link, PostDetail post) {
    public boolean open() {
      return state.equals("open");
    }
  }

  private final Database db;
  private final ApprovalStore store;
  private final DecideApproval decide;
  private final Drafts drafts;
  private final UserStore users;
  private final WorkspaceStore workspaces;
  private final MemberStore members;
  private final AuditLog audit;
  private final Supplier<String> ids;
  private final Clock clock;

  public GuestApprovals(
      Database db,
      ApprovalStore store,
      DecideApproval decide,
      Drafts drafts,
      UserStore users,
      WorkspaceStore workspaces,
      MemberStore members,
      AuditLog audit,
      Supplier<String> ids,
      Clock clock) {
    this.db = db;
    this.store = store;
    this.decide = decide;
    this.drafts = drafts;
    this.users = users;
    this.workspaces = workspaces;
    this.members = members;
    this.audit = audit;
    this.ids = ids;
    this.clock = clock;
  }

  /**
   * Makes a link for the waiting post {@code post}, valid for {@code validity} (1 hour to 30 days).
   *
   * @throws Conflict when the post does not wait for approval
   */
  public Created create(Actor actor, PostId post, Duration validity) {
    actor.require(Role.EDITOR, "share approval links");
    if (validity.compareTo(Duration.ofHours(1)) < 0 || validity.compareTo(MAX_VALIDITY) > 0) {
      throw new Invalid("days", "a link is valid for 1 to 30 days");
    }
    Instant now = clock.instant();
    String token = Tokens.random("", 32);
    String id = ids.get();
    Instant expires = now.plus(validity);
    db.inTransaction(
        h -> {
          store
              .post(h, actor.workspace().id(), post)
              .orElseThrow(() -> new NotFound("No such post."));
          ApprovalStore.Request r =
              store
                  .pendingOf(h, actor.workspace().id(), post)
                  .orElseThrow(
                      () -> new Conflict("Only a post waiting for approval can be shared."));
          store.insertGuest(
              h,
              new ApprovalStore.GuestLink(
                  id,
                  actor.workspace().id(),
                  post,
                  r.id(),
                  actor.user().id().value(),
                  now,
                  expires,
                  null,
                  null),
              Tokens.hash(token));
          audit.record(
              h,
              actor.workspace().id(),
              actor.who(),
              "post.guest_link_created",
              post.value(),
              "expires " + expires);
          return null;
        });
    return new Created(id, token, expires);
  }

  /** Revokes a link that was not used yet. */
  public void revoke(Actor actor, PostId post, String linkId) {
    actor.require(Role.EDITOR, "revoke approval links");
    db.inTransaction(
        h -> {
          boolean ours =
              store.guestLinks(h, actor.workspace().id(), post).stream()
                  .anyMatch(g -> g.id().equals(linkId));
          if (!ours) throw new NotFound("No such link.");
          if (store.revokeGuest(h, actor.workspace().id(), linkId, clock.instant())) {
            audit.record(
                h,
                actor.workspace().id(),
                actor.who(),
                "post.guest_link_revoked",
                post.value(),
                null);
          }
          return null;
        });
  }

  /** What {@code token} opens; empty for a token that never existed. */
  public Optional<View> open(String token) {
    if (token == null || token.length() < 20 || token.length() > 100) return Optional.empty();
    return db.read(
        h -> {
          Optional<ApprovalStore.GuestLink> found = store.guestByHash(h, Tokens.hash(token));
          if (found.isEmpty()) return Optional.<View>empty();
          ApprovalStore.GuestLink g = found.get();
          String state = state(h, g);
          PostDetail post =
              state.equals("open")
                  ? drafts.find(h, g.workspaceId(), g.postId()).orElse(null)
                  : null;
          if (post == null && state.equals("open")) state = "edited";
          return Optional.of(new View(state, g, post));
        });
  }

  private String state(org.jdbi.v3.core.Handle h, ApprovalStore.GuestLink g) {
    if (g.revokedAt() != null) return "revoked";
    if (g.usedAt() != null) return "used";
    if (!clock.instant().isBefore(g.expiresAt())) return "expired";
    ApprovalStore.Request r = store.find(h, g.workspaceId(), g.requestId()).orElse(null);
    if (r == null || r.status().equals("withdrawn")) return "edited";
    if (!r.status().equals("pending")) return "decided";
    String status = store.post(h, g.workspaceId(), g.postId()).map(p -> p[0]).orElse("gone");
    if (!status.equals("pending_approval")) return "edited";
    return "open";
  }

  /**
   * The guest's decision through {@code token}: approve, or reject with a comment. The post is
   * scheduled at the author's wished time (or queued) on behalf of the editor who made the link.
   *
   * @throws Invalid on {@code guest_name} when no name is given, on {@code comment} for a rejection
   *     without one
   * @throws Conflict when the link no longer works (its state says why)
   */
  public void decide(String token, boolean approve, String guestName, String comment) {
    String name = guestName == null ? "" : guestName.strip();
    if (name.isEmpty()) throw new Invalid("guest_name", "say who you are");
    if (name.length() > 80) throw new Invalid("guest_name", "a name has at most 80 characters");
    View v = open(token).orElseThrow(() -> new NotFound("No such link."));
    if (!v.open()) throw new Conflict(message(v.state()));
    ApprovalStore.GuestLink g = v.link();
    Actor editor = editor(g);
    if (!approve && (comment == null || comment.isBlank())) {
      throw new Invalid("comment", "say what should change");
    }
    // Spend the link first: two submissions of the same form make one decision.
    boolean spent = db.inTransaction(h -> store.useGuest(h, g.id(), clock.instant()));
    if (!spent) throw new Conflict(message("used"));
    try {
      if (approve) {
        decide.approve(editor, g.requestId(), null, null, comment, name);
      } else {
        decide.reject(editor, g.requestId(), comment, name);
      }
    } catch (RuntimeException e) {
      // Nothing was decided: the link works again.
      db.inTransaction(
          h ->
              h.createUpdate("UPDATE guest_approval_links SET used_at = NULL WHERE id = :id")
                  .bind("id", g.id())
                  .execute());
      throw e;
    }
  }

  /** What a guest is told about a link that no longer works. */
  public static String message(String state) {
    switch (state) {
      case "expired":
        return "This approval link has expired. Ask for a new one.";
      case "used":
        return "This approval link was already used; the decision is recorded.";
      case "revoked":
        return "This approval link was withdrawn by the team.";
      case "edited":
        return "The post was changed after this link was made; ask for a new link to review the"
            + " new version.";
      case "decided":
        return "The team already decided about this post.";
      default:
        return "This approval link cannot be used.";
    }
  }

  /** The editor who made the link, acting for the guest, while they may still approve. */
  private Actor editor(ApprovalStore.GuestLink g) {
    return db.read(
        h -> {
          if (g.createdBy() == null) throw new Conflict(message("revoked"));
          UserId uid = new UserId(g.createdBy());
          User u = users.byId(h, uid).orElseThrow(() -> new Conflict(message("revoked")));
          Workspace w =
              workspaces.byId(h, g.workspaceId()).orElseThrow(() -> new NotFound("No such link."));
          Role role = members.roleOf(h, g.workspaceId(), uid).orElse(null);
          if (role == null || !role.atLeast(Role.EDITOR)) throw new Conflict(message("revoked"));
          return new Actor(u, w, role, null);
        });
  }
}
