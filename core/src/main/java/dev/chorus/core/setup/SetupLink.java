package dev.chorus.core.setup;

import dev.chorus.core.account.UserStore;
import dev.chorus.core.security.Tokens;
import dev.chorus.core.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Issues the one-time setup secret while the instance has no users. */
public final class SetupLink {
  public static final Duration VALID_FOR = Duration.ofHours(24);
  private final Database db;
  private final UserStore users;
  private final Clock clock;

  public SetupLink(Database db, UserStore users, Clock clock) {
    this.db = db;
    this.users = users;
    this.clock = clock;
  }

  /**
   * A new setup secret when no user exists yet, else empty. Earlier unused secrets stop working, so
   * only the link printed last is valid.
   */
  public Optional<String> issueIfNeeded() {
    return db.inTransaction(
        h -> {
          if (users.count(h) > 0) return Optional.<String>empty();
          String secret = Tokens.random("setup_", 24);
          long now = clock.millis();
          h.createUpdate("DELETE FROM setup_tokens WHERE used_at IS NULL").execute();
          h.createUpdate(
                  "INSERT INTO setup_tokens (token_hash, created_at, expires_at) VALUES (:hash,"
                      + " :now, :exp)")
              .bind("hash", Tokens.hash(secret))
              .bind("now", now)
              .bind("exp", now + VALID_FOR.toMillis())
              .execute();
          return Optional.of(secret);
        });
  }

  /** True when the instance still needs its first account. */
  public boolean needed() {
    return db.read(h -> users.count(h) == 0);
  }
}
