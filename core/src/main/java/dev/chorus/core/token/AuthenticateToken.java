package dev.chorus.core.token;

import dev.chorus.core.account.UserStore;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.MemberStore;
import dev.chorus.core.security.Tokens;
import dev.chorus.core.store.Database;
import dev.chorus.core.workspace.WorkspaceStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Turns a bearer secret into the actor it speaks for. */
public final class AuthenticateToken {
  // Recording last use on every call would make every API read a write.
  private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  /** Who a token speaks for and what it may do. */
  public record Principal(Actor actor, ApiToken token) {}

  private final Database db;
  private final TokenStore tokens;
  private final UserStore users;
  private final WorkspaceStore workspaces;
  private final MemberStore members;
  private final Clock clock;

  public AuthenticateToken(
      Database db,
      TokenStore tokens,
      UserStore users,
      WorkspaceStore workspaces,
      MemberStore members,
      Clock clock) {
    this.db = db;
    this.tokens = tokens;
    this.users = users;
    this.workspaces = workspaces;
    this.members = members;
    this.clock = clock;
  }

  /**
   * The principal for {@code secret}, or empty when the token is unknown, revoked, expired, or its
   * owner is no longer a member of its workspace.
   */
  public Optional<Principal> authenticate(String secret, String ip) {
    if (secret == null || !secret.startsWith("chorus_pat_") || secret.length() > 200) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Optional<Principal> found =
        db.read(
            h ->
                tokens
                    .byHash(h, Tokens.hash(secret))
                    .filter(o -> o.token().status(now).equals("active"))
                    .flatMap(
                        o ->
                            members
                                .roleOf(h, o.workspace(), o.user())
                                .map(
                                    role ->
                                        new Principal(
                                            new Actor(
                                                users.byId(h, o.user()).orElseThrow(),
                                                workspaces.byId(h, o.workspace()).orElseThrow(),
                                                role,
                                                ip),
                                            o.token()))));
    found
        .filter(
            p ->
                p.token().lastUsedAt() == null
                    || Duration.between(p.token().lastUsedAt(), now).compareTo(TOUCH_EVERY) >= 0)
        .ifPresent(
            p ->
                db.inTransaction(
                    h -> {
                      tokens.touch(h, p.token().id(), now);
                      return null;
                    }));
    return found;
  }
}
