package dev.chorus.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.chorus.app.InboxFixture;
import dev.chorus.app.TestApp;
import dev.chorus.core.account.User;
import dev.chorus.core.channel.InboundItem;
import dev.chorus.core.channel.Network;
import dev.chorus.core.channel.RemoteRef;
import dev.chorus.core.member.Role;
import dev.chorus.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The inbox in a real browser (Debian's chromium driven by Playwright): a conversation triaged end
 * to end with keyboard shortcuts, live updates without a reload, the shortcuts dialog, and a corpus
 * of XSS payloads that must never run. Screenshots at 1366×768 and 390×844 go to {@code
 * app/target/screenshots}. Part of the browser suite ({@code -Dsurefire.groups=browser}).
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboxBrowserTest {
  private static final Path SHOTS = Paths.get("target", "screenshots");

  /** Classic payloads, each as a stranger's text, name, title or link. */
  static final List<String> XSS =
      List.of(
          "<script>window.__pwned=1;alert('script')</script>",
          "<img src=x onerror=\"window.__pwned=1;alert('img')\" id=pwn1>",
          "<svg onload=alert('svg') id=pwn2><circle r=5></circle></svg>",
          "<a href=\"javascript:alert('link')\" id=pwn3>click me</a>",
          "\"><script>alert('attr-breakout')</script>",
          "' onmouseover='alert(1)' data-x='",
          "'><img src=x onerror=alert('single') id=pwn4>",
          "</textarea><script>alert('textarea')</script>",
          "</title><script>alert('title')</script>",
          "<iframe src=\"javascript:alert('iframe')\" id=pwn5></iframe>",
          "<body onload=alert('body')>",
          "<details open ontoggle=alert('details') id=pwn6>x</details>",
          "<input autofocus onfocus=alert('focus') id=pwn7>",
          "<math><mtext><table><mglyph><style><img src=x onerror=alert('mxss')>",
          "<scr<script>ipt>alert('nested')</scr</script>ipt>",
          "<style>*{display:none}</style><b id=pwn8>bold</b>",
          "{{constructor.constructor('alert(1)')()}}",
          "javascript:alert('bare')");

  TestApp app;
  InboxFixture inbox;
  Playwright playwright;
  Browser chromium;
  final List<String> dialogs = new CopyOnWriteArrayList<>();
  final List<String> consoleErrors = new CopyOnWriteArrayList<>();

  @BeforeAll
  void start() throws Exception {
    Files.createDirectories(SHOTS);
    app = TestApp.start(Files.createTempDirectory("chorus-inbox-browser"));
    User owner = app.user("olga@northwind.example");
    Workspace ws = app.workspace(owner, "Northwind Coffee");
    app.add(ws, app.user("ben@northwind.example"), Role.EDITOR);
    inbox = new InboxFixture(app, owner, ws);
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    String exe = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
    chromium =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(Paths.get(exe))
                    .setHeadless(true)
                    .setArgs(
                        List.of(
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-quic",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--no-first-run")));
  }

  @AfterAll
  void stop() {
    if (chromium != null) chromium.close();
    if (playwright != null) playwright.close();
    if (app != null) app.close();
    if (inbox != null) inbox.close();
  }

  private Page signedIn(int width, int height) {
    BrowserContext ctx =
        chromium.newContext(new Browser.NewContextOptions().setViewportSize(width, height));
    Page page = ctx.newPage();
    page.onDialog(
        d -> {
          dialogs.add(d.type() + ": " + d.message());
          d.dismiss();
        });
    page.onConsoleMessage(
        m -> {
          // Forms re-rendered with an error answer 400 on purpose; chromium logs that.
          if (m.type().equals("error") && !m.text().contains("status of 400")) {
            consoleErrors.add(m.text());
          }
        });
    page.navigate(app.url() + "/signin");
    page.fill("input[name=email]", "olga@northwind.example");
    page.fill("input[name=password]", TestApp.PASSWORD);
    page.click("form[action='/signin'] button[type=submit]");
    page.waitForURL("**/w/northwind-coffee");
    return page;
  }

  private void shot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")));
  }

  @Test
  void aConversationIsTriagedEndToEndWithKeyboardShortcutsAndUpdatesLive() {
    inbox.mention(
        "ada@fosstodon.example",
        "Ada Lovelace",
        "@northwind is the oat latte back? It was my favourite and I can't find it anywhere.");
    inbox.mention(
        "marco@mastodon.example",
        "Marco Rossi",
        "Ordered beans last week, still nothing. Where is my order?");
    inbox.mention(
        "lea@social.example",
        "Léa Martin",
        "Just had the best flat white at Northwind downtown. Go there!");
    inbox.mention("sam@hachyderm.example", "Sam", "Does Northwind ship to Norway?");
    String marco = inbox.conversationOf(lastStatusBy("marco"));

    Page page = signedIn(1366, 768);
    page.navigate(app.url() + "/w/northwind-coffee/inbox");
    page.waitForSelector("#inbox[data-live-state=connected]");
    shot(page, "20-inbox-1366");

    // Filter: questions about an order, with the search box reached by its shortcut.
    page.keyboard().press("/");
    assertThat(page.evaluate("document.activeElement.id")).isEqualTo("inbox-search");
    page.keyboard().type("order");
    page.keyboard().press("Enter");
    page.waitForURL("**/inbox?status=open&q=order");
    assertThat(page.locator("li.conv-row").count()).isEqualTo(1);

    // j moves to the first row, o opens it.
    page.keyboard().press("j");
    page.keyboard().press("o");
    page.waitForURL("**/inbox/" + marco + "?status=open&q=order");
    assertThat(page.textContent("#conv-title")).isEqualTo("Marco Rossi");

    // a assigns it to me.
    page.keyboard().press("a");
    page.waitForURL("**notice=assigned**");
    assertThat(page.textContent(".conv-aside .side-value")).contains("Olga");

    // t goes to the tag field.
    page.keyboard().press("t");
    page.keyboard().type("shipping");
    page.keyboard().press("Enter");
    page.waitForURL("**notice=tagged**");
    assertThat(page.textContent(".tag-list")).contains("#shipping");

    // r goes to the reply box; the counter counts as Mastodon does (a link is 23).
    page.keyboard().press("r");
    assertThat(page.evaluate("document.activeElement.id")).isEqualTo("reply-text");
    page.keyboard()
        .type("Sorry Marco! It ships today: https://northwind.example/orders/12345678901234567890");
    assertThat(page.textContent("#reply-count")).startsWith("52 / 500");
    page.click("#reply-form button[type=submit]");
    page.waitForURL("**notice=reply-sent**");
    assertThat(inbox.mastodon.received("POST", "/api/v1/statuses")).hasSize(1);
    assertThat(page.textContent(".conv-frt")).contains("First response in");
    shot(page, "21-conversation-1366");

    // Live: a new mention appears in the list and the open conversation is not reloaded.
    page.navigate(app.url() + "/w/northwind-coffee/inbox/" + marco);
    page.waitForSelector("#inbox[data-live-state=connected]");
    page.evaluate("window.__sameDocument = true");
    // n opens the note box; what is typed there survives the live update.
    page.keyboard().press("n");
    page.keyboard().type("Half-typed note");
    page.locator("#note-text").blur();
    int open = Integer.parseInt(page.textContent(".inbox-tabs [data-tab=open] .tab-count"));
    inbox.mention("nia@mas.example", "Nia", "Are you hiring baristas?");
    page.waitForSelector("li.conv-row:has-text('Nia')");
    assertThat(page.evaluate("window.__sameDocument")).isEqualTo(true);
    assertThat(page.inputValue("#note-text")).isEqualTo("Half-typed note");
    assertThat(page.textContent(".inbox-tabs [data-tab=open] .tab-count"))
        .isEqualTo(Integer.toString(open + 1));

    // ? shows every shortcut in a dialog that keeps the focus and closes on Escape.
    page.keyboard().press("?");
    assertThat(page.isVisible("#shortcuts")).isTrue();
    shot(page, "22-shortcuts-1366");
    for (int i = 0; i < 4; i++) page.keyboard().press("Tab");
    assertThat(
            page.evaluate("document.getElementById('shortcuts').contains(document.activeElement)"))
        .isEqualTo(true);
    page.keyboard().press("Escape");
    assertThat(page.isVisible("#shortcuts")).isFalse();

    // e closes it.
    page.keyboard().press("e");
    page.waitForURL("**notice=status-closed**");
    assertThat(page.textContent(".conv-status .badge")).isEqualTo("Closed");

    // The same inbox on a phone: the list, then one conversation in a single pane.
    Page phone = signedIn(390, 844);
    phone.navigate(app.url() + "/w/northwind-coffee/inbox");
    assertThat(phone.isVisible("#conversation")).isFalse();
    shot(phone, "23-inbox-390");
    phone.click("li.conv-row a.conv-link >> nth=0");
    phone.waitForURL("**/inbox/*");
    assertThat(phone.isVisible(".inbox-list")).isFalse();
    assertThat(phone.isVisible(".conv-back")).isTrue();
    shot(phone, "24-conversation-390");
    phone.navigate(app.url() + "/w/northwind-coffee/inbox/" + marco + "?status=all");
    shot(phone, "25-conversation-replied-390");

    assertThat(dialogs).isEmpty();
    assertThat(consoleErrors).as("browser console errors (CSP violations show here)").isEmpty();
  }

  private String lastStatusBy(String user) {
    return app.core()
        .db
        .read(
            h ->
                h.createQuery(
                        "SELECT remote_id FROM inbound_items WHERE author_handle LIKE :u ORDER BY"
                            + " created_at DESC LIMIT 1")
                    .bind("u", "@" + user + "@%")
                    .mapTo(String.class)
                    .one());
  }

  @Test
  void strangersPayloadsNeverRunInTheInboxOrTheConversation() {
    List<InboundItem> items = new ArrayList<>();
    Instant at = Instant.now().minusSeconds(600);
    for (int i = 0; i < XSS.size(); i++) {
      String p = XSS.get(i);
      items.add(
          new InboundItem(
              Network.MASTODON,
              "mention",
              new RemoteRef("xss-" + i, i % 2 == 0 ? "javascript:alert('url')" : p, null),
              "@x" + i + "@evil.example" + (i % 3 == 0 ? p : ""),
              p,
              "javascript:alert('profile')",
              i % 2 == 0 ? p : null,
              "payload " + i + ": " + p,
              at.plusSeconds(i),
              null,
              "en"));
    }
    inbox.submit(items.toArray(new InboundItem[0]));
    List<String> ids =
        app.core()
            .db
            .read(
                h ->
                    h.createQuery(
                            "SELECT DISTINCT conversation_id FROM inbound_items WHERE remote_id LIKE"
                                + " 'xss-%'")
                        .mapTo(String.class)
                        .list());
    assertThat(ids).hasSizeGreaterThanOrEqualTo(XSS.size() / 2);

    Page page = signedIn(1366, 768);
    page.navigate(app.url() + "/w/northwind-coffee/inbox?status=all&q=payload");
    assertThat(page.locator("li.conv-row").count()).isGreaterThan(0);
    shot(page, "26-xss-inbox-1366");
    assertNothingInjected(page);
    for (String id : ids) {
      page.navigate(app.url() + "/w/northwind-coffee/inbox/" + id + "?status=all");
      page.waitForSelector("#conv-title");
      // Hovering and focusing what a stranger wrote must not run anything either.
      page.hover(".timeline .msg-in .msg-text >> nth=0");
      assertNothingInjected(page);
    }
    page.navigate(app.url() + "/w/northwind-coffee/inbox/" + ids.get(0) + "?status=all");
    shot(page, "27-xss-conversation-1366");
    assertThat(dialogs).as("alerts raised by stranger's text").isEmpty();
    assertThat(consoleErrors).as("browser console errors (CSP violations show here)").isEmpty();
  }

  private static void assertNothingInjected(Page page) {
    Object found =
        page.evaluate(
            "() => {"
                + " const bad = [];"
                + " document.querySelectorAll('[id^=pwn], iframe, body script:not([src]), img,"
                + " [onerror], [onload], [onfocus], [ontoggle], [onmouseover], main style')"
                + "   .forEach(e => bad.push(e.outerHTML.slice(0, 80)));"
                + " document.querySelectorAll('a[href]').forEach(a => {"
                + "   if (!/^(https?:|\\/|#)/i.test(a.getAttribute('href'))) bad.push(a.outerHTML.slice(0, 80)); });"
                + " document.querySelectorAll('main svg').forEach(s => {"
                + "   if (!s.classList.contains('icon')) bad.push(s.outerHTML.slice(0, 80)); });"
                + " if (window.__pwned) bad.push('window.__pwned');"
                + " return bad; }");
    assertThat((List<?>) found).as("elements or effects injected by stranger's text").isEmpty();
  }
}
