package dev.chorus.core.account;

/** The id of a user. */
public record UserId(String value) {
  public UserId {
    if (value == null || value.isBlank()) throw new IllegalArgumentException("user id is blank");
  }

  @Override
  public String toString() {
    return value;
  }
}
