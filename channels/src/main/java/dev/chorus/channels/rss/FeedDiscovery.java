package dev.chorus.channels.rss;

import dev.chorus.channels.net.SafeHttp;
import dev.chorus.core.channel.ChannelFailure;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Finds the feed for an address: the address itself, or the feed a web page links to. */
public final class FeedDiscovery {
  /** A feed that was found and read once: its URL and title. */
  public record Found(URI url, String title, int entries) {}

  private final SafeHttp http;

  public FeedDiscovery(SafeHttp http) {
    this.http = http;
  }

  /**
   * @throws ChannelFailure when the address is neither a feed nor a page that links one, saying
   *     which
   */
  public Found discover(String address) {
    URI uri = parse(address);
    SafeHttp.Response r = http.send(HttpRequest.newBuilder(uri).GET().build(), true);
    if (r.status() >= 400) {
      throw new ChannelFailure(uri + " answered HTTP " + r.status(), false, null, r.status(), null);
    }
    if (!FeedParser.looksLikeHtml(r.body(), r.header("Content-Type").orElse(null))) {
      var parsed = FeedParser.parse(r.body(), uri.toString(), Instant.now());
      return new Found(r.uri(), parsed.title(), parsed.items().size());
    }
    Document page = Jsoup.parse(r.text(), r.uri().toString());
    for (Element link : page.select("link[rel~=(?i)alternate][href]")) {
      String type = link.attr("type").toLowerCase(java.util.Locale.ROOT);
      if (type.contains("rss") || type.contains("atom") || type.equals("application/feed+json")) {
        if (type.contains("json")) continue;
        URI feed = parse(link.absUrl("href"));
        SafeHttp.Response fr = http.send(HttpRequest.newBuilder(feed).GET().build(), true);
        if (fr.status() >= 400) {
          throw new ChannelFailure(
              "the page links the feed " + feed + " but it answered HTTP " + fr.status(),
              false,
              null,
              fr.status(),
              null);
        }
        var parsed = FeedParser.parse(fr.body(), feed.toString(), Instant.now());
        return new Found(fr.uri(), parsed.title(), parsed.items().size());
      }
    }
    throw new ChannelFailure(
        uri + " is a web page that links no RSS or Atom feed (no <link rel=\"alternate\">)",
        false,
        null,
        r.status(),
        null);
  }

  private static URI parse(String address) {
    String a = address.strip();
    if (!a.contains("://")) a = "https://" + a;
    try {
      URI u = URI.create(a);
      if (u.getHost() == null) throw new IllegalArgumentException("no host");
      return u;
    } catch (IllegalArgumentException e) {
      throw new ChannelFailure("'" + address + "' is not a web address", false, null, 0, e);
    }
  }
}
