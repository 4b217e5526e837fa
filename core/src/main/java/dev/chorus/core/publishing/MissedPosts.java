package dev.chorus.core.publishing;

import java.util.Locale;

/** What a workspace wants done with posts that fell due while the server was down. */
public enum MissedPosts {
  /** Send them as soon as the server is back (the default). */
  SEND,
  /** Hold them: they wait, marked "held", until someone sends or reschedules them. */
  HOLD;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static MissedPosts parse(String value) {
    for (MissedPosts m : values()) if (m.key().equals(value)) return m;
    throw new IllegalArgumentException("missed_posts is send or hold, not " + value);
  }
}
