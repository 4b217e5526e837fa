package dev.chorus.core;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * Makes ids that sort by creation time: 48 bits of epoch milliseconds then 80 random bits, in 26
 * characters of Crockford base32 (the ULID layout). Thread-safe. Ids made in the same millisecond
 * by one generator still increase, so a cursor over ids never skips a row.
 */
public final class Ids {
  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private long lastMillis = -1;
  private long hi; // upper 16 of the 80 random bits
  private long lo; // lower 64 of the 80 random bits

  public Ids(Clock clock) {
    this.clock = clock;
  }

  /** A new id, greater than every id this generator made before. */
  public synchronized String next() {
    long now = clock.millis();
    if (now > lastMillis) {
      lastMillis = now;
      hi = random.nextInt(1 << 16);
      lo = random.nextLong();
    } else {
      // Same (or earlier) millisecond: count up from the previous random part.
      lo++;
      if (lo == 0) hi = (hi + 1) & 0xffff;
    }
    char[] out = new char[26];
    long time = lastMillis;
    for (int i = 9; i >= 0; i--) {
      out[i] = ALPHABET[(int) (time & 31)];
      time >>>= 5;
    }
    // 80 random bits -> 16 characters; take 5 bits at a time from the low end.
    long l = lo;
    long h = hi;
    for (int i = 25; i >= 10; i--) {
      out[i] = ALPHABET[(int) (l & 31)];
      l = (l >>> 5) | ((h & 31) << 59);
      h >>>= 5;
    }
    return new String(out);
  }
}
