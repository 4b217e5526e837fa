package dev.chorus.core.publishing.links;

import dev.chorus.core.security.InstanceKey;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Codes of tracked links: ten base62 characters (about 59 bits) of an HMAC, under the instance key,
 * of the idempotency key the post is sent with (the delivery's id, or a thread part's key), the
 * link's position in the text and the link itself. The same delivery always gets the same codes, so
 * a retry after a crash sends the same text under the same idempotency key; without the key nobody
 * can compute or enumerate them. Thread-safe.
 */
public final class LinkCodes {
  public static final int LENGTH = 10;
  private static final Pattern SHAPE = Pattern.compile("[0-9A-Za-z]{" + LENGTH + "}");
  private static final String ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private final InstanceKey key;

  public LinkCodes(InstanceKey key) {
    this.key = Objects.requireNonNull(key, "key");
  }

  /** The code of the {@code position}-th link ({@code url}) of the post sent with this key. */
  public String code(String idempotencyKey, int position, String url) {
    byte[] mac = key.sign("tracked-link", idempotencyKey + "\n" + position + "\n" + url);
    // 8 bytes give 64 bits; ten base62 digits hold 59.5 of them, uniformly enough for a code.
    long v = 0;
    for (int i = 0; i < 8; i++) v = (v << 8) | (mac[i] & 0xff);
    v = v >>> 1; // non-negative
    char[] out = new char[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      out[i] = ALPHABET.charAt((int) (v % 62));
      v /= 62;
    }
    return new String(out);
  }

  /** True when {@code code} could be a code (checked before touching the store). */
  public static boolean wellFormed(String code) {
    return code != null && SHAPE.matcher(code).matches();
  }
}
