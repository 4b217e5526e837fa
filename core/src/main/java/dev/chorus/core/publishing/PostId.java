package dev.chorus.core.publishing;

/** The id of a post (all its channels' variants). */
public record PostId(String value) {
  public PostId {
    if (value == null || value.isBlank()) throw new IllegalArgumentException("post id is blank");
  }

  @Override
  public String toString() {
    return value;
  }
}
