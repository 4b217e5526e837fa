package dev.chorus.web.page;

import java.util.Map;

/**
 * Confirmations shown after a redirect, named by a key in the query string, so no text from the
 * request is ever echoed onto a page.
 */
final class Notices {
  private static final Map<String, String> TEXT =
      Map.of(
          "role-changed", "Role changed.",
          "removed", "Member removed.",
          "revoked", "Invitation withdrawn.",
          "token-revoked", "Token revoked. It no longer works.",
          "password-changed", "Password changed. Your other sessions were signed out.",
          "joined", "Welcome! You joined this workspace.",
          "created", "Workspace created.");

  private Notices() {}

  /** The text for {@code key}, or null for none or an unknown key. */
  static String text(String key) {
    return key == null ? null : TEXT.get(key);
  }
}
