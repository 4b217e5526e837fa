package dev.chorus.core.token;

import java.time.Instant;

/**
 * An API token as listed; the secret itself is never stored.
 *
 * @param prefix the first characters of the secret, to recognise it
 * @param expiresAt null when it never expires
 * @param lastUsedAt null when never used
 * @param revokedAt null unless revoked
 */
public record ApiToken(
    String id,
    String name,
    String prefix,
    TokenScope scope,
    Instant createdAt,
    Instant expiresAt,
    Instant lastUsedAt,
    Instant revokedAt) {

  /** active, expired or revoked, as of {@code now}. */
  public String status(Instant now) {
    if (revokedAt != null) return "revoked";
    if (expiresAt != null && !now.isBefore(expiresAt)) return "expired";
    return "active";
  }
}
