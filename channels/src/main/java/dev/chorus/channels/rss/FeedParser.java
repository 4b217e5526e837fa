package dev.chorus.channels.rss;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.chorus.core.channel.ChannelFailure;
import dev.chorus.core.channel.InboundItem;
import dev.chorus.core.channel.Network;
import dev.chorus.core.channel.RemoteRef;
import dev.chorus.core.security.Tokens;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.jsoup.Jsoup;

/** Turns feed bytes into items: plain text, oldest first, each with a stable id. */
final class FeedParser {
  private static final int MAX_TEXT = 20_000;

  private FeedParser() {}

  /** The feed's title and its entries. */
  record Parsed(String title, List<InboundItem> items) {}

  static boolean looksLikeHtml(byte[] body, String contentType) {
    String head =
        new String(body, 0, Math.min(body.length, 512), java.nio.charset.StandardCharsets.UTF_8)
            .stripLeading()
            .toLowerCase(java.util.Locale.ROOT);
    return (contentType != null
            && contentType.toLowerCase(java.util.Locale.ROOT).contains("text/html"))
        || head.startsWith("<!doctype html")
        || head.startsWith("<html");
  }

  static Parsed parse(byte[] body, String url, Instant now) {
    SyndFeed feed;
    try {
      SyndFeedInput input = new SyndFeedInput();
      // No DOCTYPE: no external entities, no entity expansion bombs.
      input.setAllowDoctypes(false);
      feed = input.build(new XmlReader(new ByteArrayInputStream(body)));
    } catch (FeedException | IOException | IllegalArgumentException e) {
      throw new ChannelFailure(
          url + " is not a readable RSS or Atom feed: " + firstLine(e.getMessage()),
          false,
          null,
          0,
          e);
    }
    List<InboundItem> items = new ArrayList<>();
    for (SyndEntry e : feed.getEntries()) {
      String link = e.getLink();
      String id = e.getUri() != null && !e.getUri().isBlank() ? e.getUri() : link;
      String title = text(e.getTitle());
      String html =
          e.getContents().isEmpty()
              ? (e.getDescription() == null ? "" : e.getDescription().getValue())
              : e.getContents().stream()
                  .map(SyndContent::getValue)
                  .reduce("", (a, b) -> a + "\n" + b);
      String body1 = text(html);
      if (id == null || id.isBlank()) id = "sha256:" + Tokens.hash(title + "\n" + body1);
      Date when = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
      items.add(
          new InboundItem(
              Network.RSS,
              "entry",
              new RemoteRef(id, link, null),
              e.getAuthor() == null || e.getAuthor().isBlank() ? null : text(e.getAuthor()),
              e.getAuthor() == null || e.getAuthor().isBlank() ? null : text(e.getAuthor()),
              null,
              title,
              truncate(body1.isBlank() ? title : body1),
              when == null ? now : when.toInstant(),
              null,
              feed.getLanguage()));
    }
    items.sort(Comparator.comparing(InboundItem::createdAt));
    return new Parsed(text(feed.getTitle()), items);
  }

  /**
   * HTML (or plain text with entities) to plain text; untrusted, so nothing of the markup stays.
   */
  static String text(String html) {
    if (html == null) return "";
    return Jsoup.parse(html).text().strip();
  }

  private static String truncate(String s) {
    return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT) + "…";
  }

  private static String firstLine(String s) {
    if (s == null) return "the XML is malformed";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
