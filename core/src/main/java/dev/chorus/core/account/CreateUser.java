package dev.chorus.core.account;

import dev.chorus.core.Ids;
import dev.chorus.core.error.Conflict;
import dev.chorus.core.security.PasswordHasher;
import java.time.Clock;
import org.jdbi.v3.core.Handle;

/** Creates an account; the caller's transaction also does whatever made the account necessary. */
public final class CreateUser {
  private final UserStore users;
  private final PasswordHasher hasher;
  private final Ids ids;
  private final Clock clock;

  public CreateUser(UserStore users, PasswordHasher hasher, Ids ids, Clock clock) {
    this.users = users;
    this.hasher = hasher;
    this.ids = ids;
    this.clock = clock;
  }

  /**
   * Validates and stores a new user.
   *
   * @throws dev.chorus.core.error.Invalid naming {@code email}, {@code name} or {@code password}
   * @throws Conflict when the email already has an account
   */
  public User create(Handle h, String email, String name, String password) {
    String e = AccountRules.email("email", email);
    String n = AccountRules.displayName("name", name);
    AccountRules.password("password", password, e);
    if (users.byEmail(h, e).isPresent()) {
      throw new Conflict("an account with the email " + e + " already exists");
    }
    User user = new User(new UserId(ids.next()), e, n, clock.instant());
    users.insert(h, user, hasher.hash(password));
    return user;
  }
}
