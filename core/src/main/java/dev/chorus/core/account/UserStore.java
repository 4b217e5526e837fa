package dev.chorus.core.account;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for users. Every method runs on the caller's handle, inside the caller's transaction. */
public final class UserStore {
  static final RowMapper<User> USER =
      (rs, ctx) ->
          new User(
              new UserId(rs.getString("id")),
              rs.getString("email"),
              rs.getString("display_name"),
              Instant.ofEpochMilli(rs.getLong("created_at")));

  public void insert(Handle h, User user, String passwordHash) {
    h.createUpdate(
            "INSERT INTO users (id, email, email_key, display_name, password_hash, created_at,"
                + " password_changed_at) VALUES (:id, :email, :key, :name, :hash, :at, :at)")
        .bind("id", user.id().value())
        .bind("email", user.email())
        .bind("key", AccountRules.emailKey(user.email()))
        .bind("name", user.displayName())
        .bind("hash", passwordHash)
        .bind("at", user.createdAt().toEpochMilli())
        .execute();
  }

  public Optional<User> byId(Handle h, UserId id) {
    return h.createQuery("SELECT * FROM users WHERE id = :id")
        .bind("id", id.value())
        .map(USER)
        .findOne();
  }

  public Optional<User> byEmail(Handle h, String email) {
    return h.createQuery("SELECT * FROM users WHERE email_key = :key")
        .bind("key", AccountRules.emailKey(email))
        .map(USER)
        .findOne();
  }

  public Optional<String> passwordHash(Handle h, UserId id) {
    return h.createQuery("SELECT password_hash FROM users WHERE id = :id")
        .bind("id", id.value())
        .mapTo(String.class)
        .findOne();
  }

  public void updatePassword(Handle h, UserId id, String hash, Instant at) {
    h.createUpdate(
            "UPDATE users SET password_hash = :hash, password_changed_at = :at WHERE id = :id")
        .bind("hash", hash)
        .bind("at", at.toEpochMilli())
        .bind("id", id.value())
        .execute();
  }

  public void rememberWorkspace(Handle h, UserId id, String workspaceId) {
    h.createUpdate("UPDATE users SET last_workspace_id = :ws WHERE id = :id")
        .bind("ws", workspaceId)
        .bind("id", id.value())
        .execute();
  }

  public Optional<String> lastWorkspace(Handle h, UserId id) {
    return h.createQuery("SELECT last_workspace_id FROM users WHERE id = :id")
        .bind("id", id.value())
        .mapTo(String.class)
        .findOne();
  }

  public long count(Handle h) {
    return h.createQuery("SELECT COUNT(*) FROM users").mapTo(Long.class).one();
  }
}
