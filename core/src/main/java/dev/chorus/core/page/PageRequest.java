package dev.chorus.core.page;

import dev.chorus.core.error.Invalid;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Which page to read: after the row named by {@code after} (null for the first page), at most
 * {@code limit} rows.
 */
public record PageRequest(String after, int limit) {
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 200;

  public PageRequest {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new Invalid("limit", "limit must be between 1 and " + MAX_LIMIT);
    }
  }

  public static PageRequest first(int limit) {
    return new PageRequest(null, limit);
  }

  /** Reads a client's {@code cursor} and {@code limit} parameters; null means "not given". */
  public static PageRequest parse(String cursor, String limit) {
    int n = DEFAULT_LIMIT;
    if (limit != null && !limit.isBlank()) {
      try {
        n = Integer.parseInt(limit.strip());
      } catch (NumberFormatException e) {
        throw new Invalid("limit", "limit must be a whole number, such as 50");
      }
    }
    return new PageRequest(decode(cursor), n);
  }

  static String encode(String id) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("v1:" + id).getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String cursor) {
    if (cursor == null || cursor.isBlank()) return null;
    try {
      String s = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
      if (!s.startsWith("v1:") || s.length() > 100) throw new IllegalArgumentException();
      return s.substring(3);
    } catch (IllegalArgumentException e) {
      throw new Invalid("cursor", "the cursor is not one this server gave out");
    }
  }
}
