package dev.chorus.core.account;

import java.time.Instant;
import java.util.Objects;

/** A person who signs in. The password hash never leaves the store. */
public record User(UserId id, String email, String displayName, Instant createdAt) {
  public User {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** One or two letters for an avatar. */
  public String initials() {
    String[] words = displayName.strip().split("\\s+");
    String first = words[0].isEmpty() ? "?" : words[0].substring(0, 1);
    String last = words.length > 1 ? words[words.length - 1].substring(0, 1) : "";
    return (first + last).toUpperCase(java.util.Locale.ROOT);
  }
}
