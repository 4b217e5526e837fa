package dev.chorus.core.account;

import dev.chorus.core.error.Invalid;
import dev.chorus.core.security.PasswordHasher;
import dev.chorus.core.store.Database;

/** Checks an email and password, under throttling. */
public final class SignIn {
  // A hash to verify against when the email is unknown, so both cases take the same time.
  private final String decoyHash;
  private final Database db;
  private final UserStore users;
  private final PasswordHasher hasher;
  private final SignInThrottle throttle;

  public SignIn(Database db, UserStore users, PasswordHasher hasher, SignInThrottle throttle) {
    this.db = db;
    this.users = users;
    this.hasher = hasher;
    this.throttle = throttle;
    this.decoyHash = hasher.hash("decoy password that matches no account");
  }

  /**
   * Returns the user whose credentials these are.
   *
   * @throws Invalid on field {@code password} for a wrong email or password (the same message for
   *     both, so the form does not reveal which accounts exist)
   * @throws dev.chorus.core.error.TooManyAttempts when the account or address must wait
   */
  public User signIn(String email, String password, String address) {
    if (email == null || email.isBlank()) throw new Invalid("email", "enter your email address");
    if (password == null || password.isEmpty())
      throw new Invalid("password", "enter your password");
    String key = AccountRules.emailKey(email);
    throttle.check(key, address);
    var user = db.read(h -> users.byEmail(h, email));
    String hash = user.flatMap(u -> db.read(h -> users.passwordHash(h, u.id()))).orElse(decoyHash);
    boolean ok = hasher.verify(password, hash) && user.isPresent();
    if (!ok) {
      throttle.recordFailure(key, address);
      throw new Invalid("password", "the email or password is not right");
    }
    throttle.recordSuccess(key);
    return user.get();
  }
}
