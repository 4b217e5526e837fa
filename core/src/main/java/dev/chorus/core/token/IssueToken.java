package dev.chorus.core.token;

import dev.chorus.core.Ids;
import dev.chorus.core.audit.AuditLog;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.member.Actor;
import dev.chorus.core.security.Tokens;
import dev.chorus.core.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Issues a personal access token for the actor in the actor's workspace. */
public final class IssueToken {
  /** The token as listed and its secret, which is shown only now. */
  public record Issued(ApiToken token, String secret) {}

  private final Database db;
  private final TokenStore tokens;
  private final AuditLog audit;
  private final Ids ids;
  private final Clock clock;

  public IssueToken(Database db, TokenStore tokens, AuditLog audit, Ids ids, Clock clock) {
    this.db = db;
    this.tokens = tokens;
    this.audit = audit;
    this.ids = ids;
    this.clock = clock;
  }

  /**
   * @param expiresInDays 0 for a token that never expires, else 1 to 366
   * @throws Invalid naming {@code name} or {@code expires_in_days}
   */
  public Issued issue(Actor actor, String name, TokenScope scope, int expiresInDays) {
    if (name == null || name.isBlank()) throw new Invalid("name", "give the token a name");
    String n = name.strip();
    if (n.length() > 80) throw new Invalid("name", "a token name is at most 80 characters");
    if (expiresInDays < 0 || expiresInDays > 366) {
      throw new Invalid("expires_in_days", "expiry must be between 1 and 366 days, or 0 for never");
    }
    String secret = Tokens.random("chorus_pat_", 32);
    Instant now = clock.instant();
    ApiToken t =
        new ApiToken(
            ids.next(),
            n,
            secret.substring(0, 15),
            scope,
            now,
            expiresInDays == 0 ? null : now.plus(Duration.ofDays(expiresInDays)),
            null,
            null);
    db.inTransaction(
        h -> {
          tokens.insert(h, t, actor.workspace().id(), actor.user().id(), Tokens.hash(secret));
          audit.record(
              h, actor.workspace().id(), actor.who(), "token.created", n, "scope " + scope.key());
          return null;
        });
    return new Issued(t, secret);
  }
}
