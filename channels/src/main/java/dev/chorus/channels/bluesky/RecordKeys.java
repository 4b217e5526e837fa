package dev.chorus.channels.bluesky;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/**
 * Record keys for posts, derived from the publisher's idempotency key so a retry (after a timeout
 * or a crash) addresses the same record instead of making a second post. The key has the TID syntax
 * posts use (13 base32-sortable characters: a 53-bit microsecond timestamp and a 10-bit clock id)
 * with both parts taken from SHA-256 of the idempotency key. The timestamp lands between 2020-01-01
 * and mid-2024 — always in the past, plainly synthetic — so keys never sort ahead of posts made
 * later by other clients; posts are ordered by {@code createdAt}, not by key.
 */
public final class RecordKeys {
  private static final String ALPHABET = "234567abcdefghijklmnopqrstuvwxyz";
  private static final Pattern TID = Pattern.compile("^[234567abcdefghij][2-7a-z]{12}$");

  /** 2020-01-01T00:00:00Z in microseconds since the epoch. */
  private static final long BASE_MICROS = 1_577_836_800_000_000L;

  private RecordKeys() {}

  /** The record key for {@code idempotencyKey}: always the same for the same key. */
  public static String fromIdempotencyKey(String idempotencyKey) {
    if (idempotencyKey == null || idempotencyKey.isBlank()) {
      throw new IllegalArgumentException("idempotencyKey is blank");
    }
    byte[] h = sha256(idempotencyKey.getBytes(StandardCharsets.UTF_8));
    long bits = 0;
    for (int i = 0; i < 8; i++) bits = (bits << 8) | (h[i] & 0xff);
    long offset = bits >>> (64 - 47); // 47 bits: about 4.46 years of microseconds
    long clockId = bits & 0x3ff; // 10 bits
    return tid(((BASE_MICROS + offset) << 10) | clockId);
  }

  /** True when {@code s} has the TID syntax. */
  public static boolean isTid(String s) {
    return s != null && TID.matcher(s).matches();
  }

  /** A TID's 13 characters for a value whose top bit is zero. */
  static String tid(long value) {
    if (value < 0) throw new IllegalArgumentException("a TID's top bit is zero");
    char[] out = new char[13];
    for (int i = 0; i < 13; i++) out[i] = ALPHABET.charAt((int) ((value >>> (60 - 5 * i)) & 31));
    return new String(out);
  }

  private static byte[] sha256(byte[] in) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(in);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
