package dev.chorus.core.account;

import dev.chorus.core.security.Tokens;
import dev.chorus.core.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Browser sessions. The cookie holds a random secret; the store holds only its SHA-256, so a copy
 * of the database cannot be used to sign in. A session ends after {@link #IDLE} without use or
 * {@link #ABSOLUTE} after it started, whichever comes first. Thread-safe.
 */
public final class Sessions {
  public static final Duration IDLE = Duration.ofDays(14);
  public static final Duration ABSOLUTE = Duration.ofDays(30);
  // Writing last_seen on every request would turn every page view into a write.
  private static final Duration TOUCH_EVERY = Duration.ofMinutes(5);

  /** A live session: whose it is and the hash that names it. */
  public record Session(User user, String idHash) {}

  private record Row(String userId, long lastSeenAt, long expiresAt) {}

  private final Database db;
  private final UserStore users;
  private final Clock clock;

  public Sessions(Database db, UserStore users, Clock clock) {
    this.db = db;
    this.users = users;
    this.clock = clock;
  }

  /** Starts a session for {@code user}; returns the secret for the cookie. */
  public String start(UserId user, String address, String userAgent) {
    String secret = Tokens.random("", 32);
    long now = clock.millis();
    db.inTransaction(
        h ->
            h.createUpdate(
                    "INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, expires_at,"
                        + " ip, user_agent) VALUES (:hash, :user, :now, :now, :exp, :ip, :ua)")
                .bind("hash", Tokens.hash(secret))
                .bind("user", user.value())
                .bind("now", now)
                .bind("exp", now + ABSOLUTE.toMillis())
                .bind("ip", address)
                .bind("ua", userAgent == null ? null : truncate(userAgent, 300))
                .execute());
    return secret;
  }

  /** The live session for a cookie secret, or empty when it is unknown, idle or expired. */
  public Optional<Session> find(String secret) {
    if (secret == null || secret.isBlank() || secret.length() > 200) return Optional.empty();
    String hash = Tokens.hash(secret);
    long now = clock.millis();
    var row =
        db.read(
            h ->
                h.createQuery(
                        "SELECT user_id, last_seen_at, expires_at FROM sessions WHERE id_hash ="
                            + " :hash")
                    .bind("hash", hash)
                    .map(
                        (rs, ctx) ->
                            new Row(
                                rs.getString("user_id"),
                                rs.getLong("last_seen_at"),
                                rs.getLong("expires_at")))
                    .findOne());
    if (row.isEmpty()) return Optional.empty();
    Row r = row.get();
    if (now >= r.expiresAt() || now - r.lastSeenAt() >= IDLE.toMillis()) {
      db.inTransaction(h -> delete(h, hash));
      return Optional.empty();
    }
    if (now - r.lastSeenAt() >= TOUCH_EVERY.toMillis()) {
      db.inTransaction(
          h ->
              h.createUpdate("UPDATE sessions SET last_seen_at = :now WHERE id_hash = :hash")
                  .bind("now", now)
                  .bind("hash", hash)
                  .execute());
    }
    return db.read(h -> users.byId(h, new UserId(r.userId()))).map(u -> new Session(u, hash));
  }

  /** Ends the session named by this cookie secret, if any. */
  public void end(String secret) {
    if (secret == null || secret.isBlank()) return;
    db.inTransaction(h -> delete(h, Tokens.hash(secret)));
  }

  /** Ends every session of {@code user} except {@code keepHash} (null ends them all). */
  public int endOthers(Handle h, UserId user, String keepHash) {
    return h.createUpdate("DELETE FROM sessions WHERE user_id = :user AND id_hash <> :keep")
        .bind("user", user.value())
        .bind("keep", keepHash == null ? "" : keepHash)
        .execute();
  }

  private static int delete(Handle h, String hash) {
    return h.createUpdate("DELETE FROM sessions WHERE id_hash = :hash")
        .bind("hash", hash)
        .execute();
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
