package dev.chorus.channels.alert;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where alert email goes out: an SMTP server chosen by the operator. Read from the environment,
 * either as one URL, {@code CHORUS_SMTP_URL=smtp://user:password@host:587?from=alerts@example.com}
 * ({@code smtps://} for TLS from the start, {@code ?tls=none} for a local relay without TLS), or as
 * {@code CHORUS_SMTP_HOST}, {@code _PORT}, {@code _USER}, {@code _PASSWORD}, {@code _FROM} and
 * {@code _TLS} (starttls, ssl or none). Without a host there is no email: the option is not shown.
 *
 * @param user null for a relay without login
 * @param password null for a relay without login; never printed
 */
public record SmtpSettings(
    String host, int port, String user, String password, String from, Tls tls) {
  /** How the connection is protected. */
  public enum Tls {
    /** Plain connection upgraded with STARTTLS, which is required. */
    STARTTLS,
    /** TLS from the first byte (port 465). */
    SSL,
    /** No TLS: only for a relay on the same host or in tests. */
    NONE
  }

  public SmtpSettings {
    if (host == null || host.isBlank()) throw new IllegalArgumentException("SMTP host is blank");
    if (port < 1 || port > 65535) throw new IllegalArgumentException("SMTP port must be 1-65535");
    if (from == null || !from.contains("@"))
      throw new IllegalArgumentException(
          "SMTP needs a sender address: set CHORUS_SMTP_FROM (or ?from= in CHORUS_SMTP_URL)");
    Objects.requireNonNull(tls, "tls");
  }

  /** The settings in {@code env}, or empty when no SMTP server is configured. */
  public static Optional<SmtpSettings> fromEnv(Map<String, String> env) {
    String url = env.get("CHORUS_SMTP_URL");
    if (url != null && !url.isBlank()) return Optional.of(fromUrl(url.strip()));
    String host = env.get("CHORUS_SMTP_HOST");
    if (host == null || host.isBlank()) return Optional.empty();
    Tls tls = tls(env.getOrDefault("CHORUS_SMTP_TLS", "starttls"));
    int port =
        env.containsKey("CHORUS_SMTP_PORT")
            ? parsePort(env.get("CHORUS_SMTP_PORT"))
            : tls == Tls.SSL ? 465 : 587;
    return Optional.of(
        new SmtpSettings(
            host.strip(),
            port,
            blankToNull(env.get("CHORUS_SMTP_USER")),
            blankToNull(env.get("CHORUS_SMTP_PASSWORD")),
            env.get("CHORUS_SMTP_FROM"),
            tls));
  }

  static SmtpSettings fromUrl(String url) {
    URI u;
    try {
      u = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("CHORUS_SMTP_URL is not a URL such as smtp://host:587");
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("smtp") && !scheme.equals("smtps"))
      throw new IllegalArgumentException("CHORUS_SMTP_URL must start with smtp:// or smtps://");
    Map<String, String> q = query(u.getRawQuery());
    Tls tls = scheme.equals("smtps") ? Tls.SSL : tls(q.getOrDefault("tls", "starttls"));
    String user = null;
    String password = null;
    if (u.getRawUserInfo() != null) {
      String[] parts = u.getRawUserInfo().split(":", 2);
      user = decode(parts[0]);
      password = parts.length > 1 ? decode(parts[1]) : null;
    }
    int port = u.getPort() > 0 ? u.getPort() : tls == Tls.SSL ? 465 : 587;
    return new SmtpSettings(u.getHost(), port, user, password, q.get("from"), tls);
  }

  @Override
  public String toString() {
    return "SmtpSettings[" + host + ":" + port + ", user=" + user + ", tls=" + tls + "]";
  }

  private static Tls tls(String v) {
    return switch (v.strip().toLowerCase(Locale.ROOT)) {
      case "starttls" -> Tls.STARTTLS;
      case "ssl", "tls" -> Tls.SSL;
      case "none" -> Tls.NONE;
      default -> throw new IllegalArgumentException("SMTP TLS must be starttls, ssl or none");
    };
  }

  private static int parsePort(String v) {
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("CHORUS_SMTP_PORT must be a number, not " + v);
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new java.util.HashMap<>();
    if (raw == null) return out;
    for (String pair : raw.split("&")) {
      int i = pair.indexOf('=');
      if (i > 0) out.put(decode(pair.substring(0, i)), decode(pair.substring(i + 1)));
    }
    return out;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
