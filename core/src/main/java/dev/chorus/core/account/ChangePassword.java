package dev.chorus.core.account;

import dev.chorus.core.error.Invalid;
import dev.chorus.core.security.PasswordHasher;
import dev.chorus.core.store.Database;
import java.time.Clock;

/** Changes a user's password and signs out their other sessions. */
public final class ChangePassword {
  private final Database db;
  private final UserStore users;
  private final Sessions sessions;
  private final PasswordHasher hasher;
  private final Clock clock;

  public ChangePassword(
      Database db, UserStore users, Sessions sessions, PasswordHasher hasher, Clock clock) {
    this.db = db;
    this.users = users;
    this.sessions = sessions;
    this.hasher = hasher;
    this.clock = clock;
  }

  /**
   * @param keepSessionHash the session making the change, which stays signed in; null for none
   * @throws Invalid naming {@code current_password} or {@code new_password}
   */
  public void change(User user, String current, String next, String keepSessionHash) {
    if (current == null || current.isEmpty()) {
      throw new Invalid("current_password", "enter your current password");
    }
    AccountRules.password("new_password", next, user.email());
    String stored = db.read(h -> users.passwordHash(h, user.id())).orElseThrow();
    if (!hasher.verify(current, stored)) {
      throw new Invalid("current_password", "the current password is not right");
    }
    if (current.equals(next)) {
      throw new Invalid("new_password", "the new password is the same as the current one");
    }
    String hash = hasher.hash(next);
    db.inTransaction(
        h -> {
          users.updatePassword(h, user.id(), hash, clock.instant());
          sessions.endOthers(h, user.id(), keepSessionHash);
          return null;
        });
  }
}
