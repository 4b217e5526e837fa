package dev.chorus.core.publishing.links;

import java.util.List;
import java.util.Locale;

/**
 * Tells people from machines among those who follow a tracked link, by what they send: no user
 * agent, a HEAD request (a checker, not a reader), or a user agent of a crawler, a link previewer
 * (every Mastodon instance that sees a post fetches its links for the preview card) or an HTTP
 * library. A machine's visit is counted as a bot hit, never as a click. Pure.
 */
public final class Visitors {
  // Lower-case fragments of user agents that are not a person following a link.
  private static final List<String> MACHINES =
      List.of(
          "bot",
          "crawler",
          "spider",
          "slurp",
          "mastodon/",
          "pleroma",
          "akkoma",
          "misskey",
          "gotosocial",
          "http.rb",
          "cardyb",
          "facebookexternalhit",
          "facebookcatalog",
          "twitterbot",
          "whatsapp",
          "skypeuripreview",
          "embedly",
          "iframely",
          "preview",
          "curl",
          "wget",
          "python-requests",
          "python-urllib",
          "aiohttp",
          "go-http-client",
          "okhttp",
          "java/",
          "java-http-client",
          "httpclient",
          "http-client",
          "node-fetch",
          "axios",
          "undici",
          "libwww",
          "scrapy",
          "headlesschrome",
          "phantomjs",
          "lighthouse",
          "feedfetcher");

  private Visitors() {}

  /** True when a request with this method and user agent (null when absent) is a machine's. */
  public static boolean isMachine(String method, String userAgent) {
    if (method != null && method.equalsIgnoreCase("HEAD")) return true;
    if (userAgent == null || userAgent.isBlank()) return true;
    String ua = userAgent.toLowerCase(Locale.ROOT);
    for (String m : MACHINES) if (ua.contains(m)) return true;
    return false;
  }
}
