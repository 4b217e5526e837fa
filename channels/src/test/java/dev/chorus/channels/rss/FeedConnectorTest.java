package dev.chorus.channels.rss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorus.channels.net.NetworkPolicy;
import dev.chorus.channels.net.SafeHttp;
import dev.chorus.core.channel.ChannelFailure;
import dev.chorus.core.channel.InboundItem;
import io.javalin.Javalin;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Feeds of every kind, served by a local server. */
class FeedConnectorTest {
  static final String RSS =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0"><channel><title>Northwind blog</title><link>https://northwind.example</link>
      <language>en</language>
      <item><title>Second</title><link>https://northwind.example/2</link><guid>post-2</guid>
        <pubDate>Tue, 17 Nov 2026 10:00:00 GMT</pubDate>
        <description>&lt;p&gt;We &lt;b&gt;love&lt;/b&gt; coffee &amp;amp; cake&lt;script&gt;alert(1)&lt;/script&gt;&lt;/p&gt;</description></item>
      <item><title>First</title><link>https://northwind.example/1</link>
        <pubDate>Mon, 16 Nov 2026 10:00:00 GMT</pubDate><description>Hello</description></item>
      </channel></rss>
      """;
  static final String ATOM =
      """
      <?xml version="1.0" encoding="utf-8"?>
      <feed xmlns="http://www.w3.org/2005/Atom"><title>Forum</title><id>urn:forum</id><updated>2026-11-20T10:00:00Z</updated>
      <entry><title>Is Northwind open on Sunday?</title><id>urn:forum:t1</id><updated>2026-11-20T10:00:00Z</updated>
        <author><name>Ada</name></author><content type="html">Asking for a friend &#x2615;</content></entry>
      </feed>
      """;

  Javalin server;
  String base;
  final AtomicInteger fullDownloads = new AtomicInteger();
  final SafeHttp http = new SafeHttp(NetworkPolicy.loopbackForTests(), "chorus-test");

  @BeforeEach
  void start() {
    server =
        Javalin.create(
                c -> {
                  c.startup.showJavalinBanner = false;
                  c.routes.get(
                      "/feed.xml",
                      ctx -> {
                        if ("\"v1\"".equals(ctx.header("If-None-Match"))) {
                          ctx.status(304);
                          return;
                        }
                        fullDownloads.incrementAndGet();
                        ctx.header("ETag", "\"v1\"").contentType("application/rss+xml").result(RSS);
                      });
                  c.routes.get(
                      "/atom", ctx -> ctx.contentType("application/atom+xml").result(ATOM));
                  c.routes.get(
                      "/blog",
                      ctx ->
                          ctx.html(
                              "<!doctype html><html><head><link rel=\"alternate\" type=\"application/atom+xml\" href=\"/atom\"></head><body>Blog</body></html>"));
                  c.routes.get(
                      "/plain-page",
                      ctx -> ctx.html("<!doctype html><html><body>No feed here</body></html>"));
                  c.routes.get(
                      "/broken",
                      ctx -> ctx.contentType("application/xml").result("<rss><channel><item>"));
                  c.routes.get(
                      "/xxe",
                      ctx ->
                          ctx.contentType("application/xml")
                              .result(
                                  "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss version=\"2.0\"><channel><title>&x;</title></channel></rss>"));
                  c.routes.get(
                      "/huge",
                      ctx -> {
                        ctx.contentType("application/rss+xml");
                        var out = ctx.outputStream();
                        out.write("<rss version=\"2.0\"><channel><title>x</title>".getBytes());
                        byte[] chunk = "<item><title>spam</title></item>".repeat(1000).getBytes();
                        for (int i = 0; i < 400; i++) out.write(chunk);
                        out.write("</channel></rss>".getBytes());
                      });
                  c.routes.get("/gone", ctx -> ctx.status(410));
                })
            .start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + server.port();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private FeedConnector feed(String path) {
    return new FeedConnector(URI.create(base + path), http, Clock.systemUTC());
  }

  @Test
  void entriesComeOldestFirstAsPlainTextWithStableIds() {
    var batch = feed("/feed.xml").readSince(null);
    assertThat(batch.items()).extracting(InboundItem::title).containsExactly("First", "Second");
    InboundItem second = batch.items().get(1);
    assertThat(second.ref().id()).isEqualTo("post-2");
    assertThat(batch.items().get(0).ref().id()).isEqualTo("https://northwind.example/1");
    assertThat(second.text()).isEqualTo("We love coffee & cake");
    assertThat(second.language()).isEqualTo("en");
  }

  @Test
  void anUnchangedFeedCostsOnlyA304() {
    var first = feed("/feed.xml").readSince(null);
    var again = feed("/feed.xml").readSince(first.cursor());
    assertThat(again.items()).isEmpty();
    assertThat(again.cursor()).isEqualTo(first.cursor());
    assertThat(fullDownloads.get()).isEqualTo(1);
  }

  @Test
  void atomFeedsAndTheirAuthorsAreRead() {
    var items = feed("/atom").readSince(null).items();
    assertThat(items)
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.authorName()).isEqualTo("Ada");
              assertThat(i.text()).isEqualTo("Asking for a friend ☕");
              assertThat(i.ref().id()).isEqualTo("urn:forum:t1");
            });
  }

  @Test
  void aWebPageLeadsToTheFeedItLinks() {
    var found = new FeedDiscovery(http).discover(base + "/blog");
    assertThat(found.url().toString()).isEqualTo(base + "/atom");
    assertThat(found.title()).isEqualTo("Forum");
    assertThatThrownBy(() -> new FeedDiscovery(http).discover(base + "/plain-page"))
        .hasMessageContaining("links no RSS or Atom feed");
  }

  @Test
  void badFeedsGetClearReasons() {
    assertThatThrownBy(() -> feed("/plain-page").readSince(null))
        .hasMessageContaining("is a web page, not a feed");
    assertThatThrownBy(() -> feed("/broken").readSince(null))
        .hasMessageContaining("not a readable RSS or Atom feed");
    assertThatThrownBy(() -> feed("/xxe").readSince(null))
        .isInstanceOf(ChannelFailure.class)
        .hasMessageNotContaining("root:");
    assertThatThrownBy(() -> feed("/huge").readSince(null)).hasMessageContaining("more than 10 MB");
    assertThatThrownBy(() -> feed("/gone").readSince(null)).hasMessageContaining("is gone");
  }
}
