package dev.chorus.core.account;

import dev.chorus.core.error.Invalid;
import java.util.Locale;
import java.util.regex.Pattern;

/** The rules for emails, names and passwords, each failure naming its field. */
public final class AccountRules {
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");
  public static final int MIN_PASSWORD = 10;
  public static final int MAX_PASSWORD = 256;

  private AccountRules() {}

  /** The email as given, stripped; {@link Invalid} for {@code field} if it is not an address. */
  public static String email(String field, String email) {
    if (email == null || email.isBlank()) throw new Invalid(field, "enter an email address");
    String e = email.strip();
    if (e.length() > 254 || !EMAIL.matcher(e).matches()) {
      throw new Invalid(field, "'" + e + "' is not an email address, such as name@example.com");
    }
    return e;
  }

  /** The key that makes two spellings of one address equal. */
  public static String emailKey(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  public static String displayName(String field, String name) {
    if (name == null || name.isBlank()) throw new Invalid(field, "enter a name");
    String n = name.strip();
    if (n.length() > 100) throw new Invalid(field, "a name is at most 100 characters");
    return n;
  }

  /** Checks a new password: long enough, not too long, not the email. */
  public static String password(String field, String password, String email) {
    if (password == null || password.isEmpty()) throw new Invalid(field, "enter a password");
    int length = password.codePointCount(0, password.length());
    if (length < MIN_PASSWORD) {
      throw new Invalid(field, "a password needs at least " + MIN_PASSWORD + " characters");
    }
    if (length > MAX_PASSWORD) {
      throw new Invalid(field, "a password is at most " + MAX_PASSWORD + " characters");
    }
    if (email != null && password.strip().equalsIgnoreCase(email.strip())) {
      throw new Invalid(field, "the password must not be your email address");
    }
    return password;
  }
}
