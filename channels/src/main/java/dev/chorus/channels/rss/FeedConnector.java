package dev.chorus.channels.rss;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chorus.channels.net.SafeHttp;
import dev.chorus.core.channel.ChannelFailure;
import dev.chorus.core.channel.ChannelLimits;
import dev.chorus.core.channel.Network;
import dev.chorus.core.channel.ReadsMentions;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;

/**
 * Reads one feed. The cursor holds the validators of the last answer (ETag, Last-Modified) so an
 * unchanged feed costs a 304; every read returns all entries and the store keeps only new ones.
 */
public final class FeedConnector implements ReadsMentions {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final URI url;
  private final SafeHttp http;
  private final Clock clock;

  public FeedConnector(URI url, SafeHttp http, Clock clock) {
    this.url = url;
    this.http = http;
    this.clock = clock;
  }

  @Override
  public Network network() {
    return Network.RSS;
  }

  @Override
  public ChannelLimits limits() {
    // Feeds are read, not written; the limits only serve previews.
    return new ChannelLimits(100_000, false, -1, 0, 0, 0);
  }

  @Override
  public Batch readSince(String cursor) {
    String etag = null;
    String modified = null;
    if (cursor != null) {
      try {
        var node = JSON.readTree(cursor);
        etag = node.path("etag").isTextual() ? node.get("etag").asText() : null;
        modified = node.path("modified").isTextual() ? node.get("modified").asText() : null;
      } catch (java.io.IOException e) {
        // An unreadable cursor only costs one full download.
      }
    }
    HttpRequest.Builder b =
        HttpRequest.newBuilder(url)
            .GET()
            .header(
                "Accept",
                "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1");
    if (etag != null) b.header("If-None-Match", etag);
    if (modified != null) b.header("If-Modified-Since", modified);
    SafeHttp.Response r = http.send(b.build(), true);
    if (r.status() == 304) return new Batch(java.util.List.of(), cursor);
    if (r.status() == 404 || r.status() == 410) {
      throw new ChannelFailure(
          url + " is gone (HTTP " + r.status() + "): check the feed address",
          false,
          null,
          r.status(),
          null);
    }
    if (r.status() >= 400) {
      throw new ChannelFailure(
          url + " answered HTTP " + r.status(),
          r.status() >= 500 || r.status() == 429,
          null,
          r.status(),
          null);
    }
    if (FeedParser.looksLikeHtml(r.body(), r.header("Content-Type").orElse(null))) {
      throw new ChannelFailure(
          url
              + " is a web page, not a feed: connect it again and Chorus will look for the feed it links to",
          false,
          null,
          r.status(),
          null);
    }
    FeedParser.Parsed parsed = FeedParser.parse(r.body(), url.toString(), clock.instant());
    ObjectNode next = JSON.createObjectNode();
    r.header("ETag").ifPresent(v -> next.put("etag", v));
    r.header("Last-Modified").ifPresent(v -> next.put("modified", v));
    return new Batch(parsed.items(), next.isEmpty() ? null : next.toString());
  }
}
