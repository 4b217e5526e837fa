package dev.chorus.listen.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The normalised form of a URL, as {@code url:} compares it, and its host with every parent domain,
 * as {@code site:} compares it.
 *
 * <p>Normal form: lower case, without {@code http://} or {@code https://}, without a trailing dot
 * on the host. "https://News.Example.com/A?b" becomes "news.example.com/a?b", whose host is
 * "news.example.com" and whose sites are "news.example.com", "example.com" and "com".
 */
public final class Urls {

  private Urls() {}

  /** The normal form of {@code text[start..end)}. */
  public static String normalize(CharSequence text, int start, int end) {
    String url = text.subSequence(start, end).toString().strip().toLowerCase(Locale.ROOT);
    if (url.startsWith("https://")) {
      url = url.substring(8);
    } else if (url.startsWith("http://")) {
      url = url.substring(7);
    }
    int hostEnd = hostEnd(url);
    if (hostEnd > 0 && url.charAt(hostEnd - 1) == '.') {
      url = url.substring(0, hostEnd - 1) + url.substring(hostEnd);
    }
    return url;
  }

  /** The normal form of a whole string. */
  public static String normalize(String url) {
    return normalize(url, 0, url.length());
  }

  /** The host of a normalised URL (without port). */
  public static String host(String normalized) {
    String host = normalized.substring(0, hostEnd(normalized));
    int colon = host.indexOf(':');
    return colon < 0 ? host : host.substring(0, colon);
  }

  /** The host of a normalised URL and each of its parent domains, longest first. */
  public static List<String> sites(String normalized) {
    String host = host(normalized);
    List<String> sites = new ArrayList<>();
    if (host.isEmpty()) {
      return sites;
    }
    sites.add(host);
    for (int dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1)) {
      if (dot + 1 < host.length()) {
        sites.add(host.substring(dot + 1));
      }
    }
    return sites;
  }

  private static int hostEnd(String url) {
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        return i;
      }
    }
    return url.length();
  }
}
