package dev.chorus.core.token;

import dev.chorus.core.audit.AuditLog;
import dev.chorus.core.error.NotFound;
import dev.chorus.core.member.Actor;
import dev.chorus.core.store.Database;
import java.time.Clock;

/** Revokes one of the actor's own tokens in the actor's workspace. */
public final class RevokeToken {
  private final Database db;
  private final TokenStore tokens;
  private final AuditLog audit;
  private final Clock clock;

  public RevokeToken(Database db, TokenStore tokens, AuditLog audit, Clock clock) {
    this.db = db;
    this.tokens = tokens;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * @throws NotFound when the actor has no such token in this workspace
   */
  public ApiToken revoke(Actor actor, String tokenId) {
    return db.inTransaction(
        h -> {
          var ws = actor.workspace().id();
          ApiToken t =
              tokens
                  .find(h, ws, actor.user().id(), tokenId)
                  .orElseThrow(() -> new NotFound("You have no such token in this workspace."));
          tokens.revoke(h, t.id(), clock.instant());
          audit.record(h, ws, actor.who(), "token.revoked", t.name(), null);
          return tokens.find(h, ws, actor.user().id(), tokenId).orElseThrow();
        });
  }
}
