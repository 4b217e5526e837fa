package dev.chorus.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.FilePayload;
import dev.chorus.app.Config;
import dev.chorus.app.TestApp;
import dev.chorus.channels.bluesky.FakeBluesky;
import dev.chorus.channels.mastodon.FakeMastodon;
import dev.chorus.channels.mastodon.MastodonCredentials;
import dev.chorus.core.account.User;
import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.ConnectChannel;
import dev.chorus.core.channel.Network;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.publishing.PostId;
import dev.chorus.core.workspace.Workspace;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Publishing in a real browser (Debian's chromium driven by Playwright), one journey: a contributor
 * composes for a Mastodon and a Bluesky channel (FakeMastodon, FakeBluesky on loopback), watches
 * compose.js count each channel live, tailors the Bluesky text until only Bluesky is blocked,
 * splits it into a thread, attaches an image with alt text and submits the post for approval; an
 * editor approves it at a new time on the Approvals page; the week and month calendars show it at
 * that time; when it is due the scheduler publishes it to both fakes and the post page shows each
 * channel's status and link. A stranger's markup in the text stays text everywhere, and the console
 * has no errors (CSP violations show there). Screenshots go to {@code app/target/screenshots}
 * (40-49).
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublishBrowserTest {
  private static final Path SHOTS = Paths.get("target", "screenshots");
  private static final String SLUG = "/w/northwind-coffee";
  private static final String HANDLE = "northwind.test";
  private static final String APP_PASSWORD = "abcd-efgh-ijkl-mnop";
  private static final String MARKUP = "<img src=x onerror=\"window.__pwned=1\">";
  TestApp app;
  FakeMastodon mastodon;
  FakeBluesky bluesky;
  String did;
  Playwright playwright;
  Browser chromium;
  Workspace ws;
  User editor;
  Channel social;
  Channel sky;
  final List<String> consoleErrors = new ArrayList<>();

  @BeforeAll
  void start() throws Exception {
    Files.createDirectories(SHOTS);
    mastodon = new FakeMastodon();
    bluesky = new FakeBluesky();
    did = bluesky.addAccount(HANDLE, APP_PASSWORD);
    app =
        TestApp.start(
            Files.createTempDirectory("chorus-publish-browser"),
            c -> c.withBluesky(new Config.Bluesky(bluesky.uri(), bluesky.uri())),
            null);
    User owner = app.user("olga@northwind.example");
    ws = app.workspace(owner, "Northwind Coffee");
    app.add(ws, app.user("cara@northwind.example"), Role.CONTRIBUTOR);
    editor = app.user("ben@northwind.example");
    app.add(ws, editor, Role.EDITOR);
    social =
        app.core()
            .connectChannel
            .connect(
                new Actor(owner, ws, Role.OWNER, null),
                new ConnectChannel.Spec(
                    Network.MASTODON,
                    "Northwind Social",
                    mastodon.uri().toString(),
                    Map.of(),
                    new MastodonCredentials("token-of-chorus", "client", "client-secret").toJson(),
                    null));
    // Bluesky through the channels form, as an admin connects it (app password, fake PDS).
    var admin =
        new dev.chorus.app.Browser(app.url()).signIn("olga@northwind.example", TestApp.PASSWORD);
    var connected =
        admin.post(
            SLUG + "/channels/bluesky",
            "bluesky_handle",
            HANDLE,
            "app_password",
            APP_PASSWORD,
            "bluesky_name",
            "Northwind Sky");
    assertThat(connected.statusCode()).as(connected.body()).isEqualTo(302);
    sky =
        app.core().db.read(h -> app.core().channels.list(h, ws.id())).stream()
            .filter(c -> c.network() == Network.BLUESKY)
            .findFirst()
            .orElseThrow();
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
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--no-first-run")));
  }

  @AfterAll
  void stop() {
    if (chromium != null) chromium.close();
    if (playwright != null) playwright.close();
    if (app != null) app.close();
    if (mastodon != null) mastodon.close();
    if (bluesky != null) bluesky.close();
  }

  private Page signedIn(String email, int width, int height) {
    BrowserContext ctx =
        chromium.newContext(
            new Browser.NewContextOptions().setViewportSize(width, height).setTimezoneId("UTC"));
    Page page = ctx.newPage();
    page.onConsoleMessage(
        m -> {
          if (m.type().equals("error")) consoleErrors.add(m.text());
        });
    page.navigate(app.url() + "/signin");
    page.fill("input[name=email]", email);
    page.fill("input[name=password]", TestApp.PASSWORD);
    page.click("form[action='/signin'] button[type=submit]");
    page.waitForURL("**" + SLUG + "**");
    return page;
  }

  /** Waits until compose.js has written the server's count for {@code channel}. */
  private String countOnceItReads(Page page, Channel channel, String expected) {
    String sel = "label [data-count-for='" + channel.id().value() + "']";
    page.waitForFunction(
        "([s, e]) => { const el = document.querySelector(s);"
            + " return el && el.textContent.includes(e); }",
        List.of(sel, expected));
    return page.textContent(sel);
  }

  private boolean pwned(Page page) {
    return !Boolean.TRUE.equals(page.evaluate("() => window.__pwned === undefined"));
  }

  @Test
  void aContributorComposesAnEditorApprovesItIsOnTheCalendarAndPublished() throws Exception {
    String social = this.social.id().value();
    String sky = this.sky.id().value();

    // 1. The contributor composes for both channels.
    Page cara = signedIn("cara@northwind.example", 1366, 768);
    cara.navigate(app.url() + SLUG + "/publish/compose");
    assertThat(cara.isVisible("button[value=schedule]")).isFalse();
    cara.check("input[name=channel][value='" + social + "']");
    cara.check("input[name=channel][value='" + sky + "']");
    String base = "Winter blend is back " + MARKUP;
    cara.fill("#part-0", base);
    int baseLength = base.length();
    assertThat(countOnceItReads(cara, this.social, baseLength + " / 500"))
        .contains(baseLength + " / 500 characters")
        .contains("Fits");
    assertThat(countOnceItReads(cara, this.sky, baseLength + " / 300"))
        .contains(baseLength + " / 300 graphemes")
        .contains("Fits");
    // Typing more changes both counts.
    cara.fill("#part-0", base + " from Monday.");
    assertThat(countOnceItReads(cara, this.social, (baseLength + 13) + " / 500")).contains("Fits");
    assertThat(countOnceItReads(cara, this.sky, (baseLength + 13) + " / 300")).contains("Fits");
    // Saving shows each channel's card with its preview; the markup is text.
    cara.click("button[value=save]");
    cara.waitForURL("**/publish/posts/**");
    String postId = cara.url().replaceAll(".*/publish/posts/([^?#/]+).*", "$1");
    assertThat(cara.textContent("[data-preview='" + social + "'] .post-preview-text"))
        .isEqualTo(base + " from Monday.");
    assertThat(pwned(cara)).isFalse();

    // Tailor Bluesky: its own text, too long for Bluesky only.
    cara.check("input[data-tailor='" + sky + "']");
    assertThat(cara.isVisible("#part-" + sky + "-0")).isTrue();
    String longText =
        "Winter blend is back on Monday. "
            + "Dark cocoa, orange peel and a long sweet finish from our Huila growers. ".repeat(5)
            + "See you at the bar "
            + MARKUP;
    cara.fill("#part-" + sky + "-0", longText);
    String skyCount = countOnceItReads(cara, this.sky, longText.length() + " / 300");
    assertThat(skyCount).contains("the post is " + longText.length()).contains("Bluesky takes 300");
    assertThat(countOnceItReads(cara, this.social, (baseLength + 13) + " / 500")).contains("Fits");
    // The preview follows the tailored text at once, as text.
    assertThat(cara.textContent("[data-preview='" + sky + "'] .post-preview-text"))
        .isEqualTo(longText);
    assertThat(pwned(cara)).isFalse();
    shot(cara, "40-compose-blocked-1366", true);

    // Split into thread fixes it: Bluesky gets parts within its limit, Mastodon is unchanged.
    cara.check("input[name=numbered]");
    cara.click("button[value=split]");
    cara.waitForSelector("#part-" + sky + "-1");
    assertThat(cara.inputValue("#part-" + sky + "-0")).endsWith("1/2");
    assertThat(cara.inputValue("#part-" + sky + "-1")).endsWith("2/2");
    assertThat(cara.locator("[data-preview='" + sky + "'] .post-preview-part").count())
        .isEqualTo(2);
    String fixed = cara.textContent("label [data-count-for='" + sky + "']");
    assertThat(fixed).contains("Fits").doesNotContain("takes");

    // An image with alt text, for every channel not tailored (Mastodon).
    cara.setInputFiles(
        "#media-file", new FilePayload("beans.png", "image/png", png(new Color(111, 78, 55))));
    cara.fill("#media-alt", "A scoop of dark roasted beans");
    cara.click("form[data-media-form] button[type=submit]");
    cara.waitForSelector("[data-preview='" + social + "'] img.post-thumb");
    assertThat(cara.getAttribute("[data-preview='" + social + "'] img.post-thumb", "alt"))
        .isEqualTo("A scoop of dark roasted beans");
    assertThat(
            cara.evaluate(
                "() => document.querySelector('[data-preview] img.post-thumb').naturalWidth"))
        .isEqualTo(120);
    shot(cara, "41-compose-thread-image-1366", true);

    // The same draft on a phone.
    Page phone = signedIn("cara@northwind.example", 390, 844);
    phone.navigate(app.url() + SLUG + "/publish/posts/" + postId);
    shot(phone, "42-compose-390", true);
    assertThat(phone.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
        .as(
            "wider than the phone: %s",
            phone.evaluate(
                "() => [...document.querySelectorAll('body *')]"
                    + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)"
                    + ".map(e => e.tagName + '.' + e.className + '#' + e.id"
                    + " + ':' + Math.round(e.getBoundingClientRect().right)).slice(0, 12).join(' ')"))
        .isEqualTo(true);

    // Submit for approval at a wished time (contributors cannot schedule).
    LocalDate wished = LocalDate.now(ZoneOffset.UTC).plusDays(3);
    cara.fill("#due_local", wished + "T09:30");
    cara.click("button[value=submit]");
    cara.waitForURL("**/review**");
    assertThat(status(postId)).isEqualTo("pending_approval");

    // 2. The editor approves it at a new time.
    Page ben = signedIn("ben@northwind.example", 1366, 768);
    ben.navigate(app.url() + SLUG + "/publish/approvals");
    String request = ben.getAttribute("li.card[id^=request-]", "id").substring("request-".length());
    assertThat(ben.textContent("#request-" + request + " .post-preview-text")).contains(MARKUP);
    assertThat(ben.textContent("#request-" + request))
        .contains("Northwind Social", "Northwind Sky");
    assertThat(pwned(ben)).isFalse();
    shot(ben, "43-approvals-1366", false);
    LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(2);
    ben.fill("#due-" + request, day + "T11:15");
    ben.click("#request-" + request + " button:has-text('Approve')");
    ben.waitForURL("**/publish/approvals?notice=approval-approved");
    assertThat(ben.isVisible("#request-" + request)).isFalse();
    Instant due = day.atTime(LocalTime.of(11, 15)).toInstant(ZoneOffset.UTC);
    assertThat(dueAt(postId)).isEqualTo(due);

    ben.navigate(app.url() + SLUG + "/publish/posts/" + postId);
    assertThat(ben.textContent("#post-title")).containsIgnoringCase("scheduled");
    assertThat(ben.locator("tr[id^=delivery-]").count()).isEqualTo(2);
    assertThat(ben.textContent(".post-preview-text")).contains(MARKUP);
    // The Bluesky thread shows as Bluesky gets it, both parts.
    assertThat(ben.locator("[data-preview='" + sky + "'] .post-preview-part").count()).isEqualTo(2);
    assertThat(ben.textContent("[data-preview='" + sky + "'] .post-preview-part >> nth=1").strip())
        .contains(MARKUP)
        .endsWith("2/2");
    assertThat(pwned(ben)).isFalse();
    shot(ben, "44-post-scheduled-1366", true);

    // 3. The calendars show it at its time.
    ben.navigate(app.url() + SLUG + "/publish/calendar?view=week&date=" + day);
    String cell = "td[data-drop-date='" + day + "'][data-drop-hour='11']";
    assertThat(ben.isVisible(cell + " #post-" + postId)).isTrue();
    assertThat(ben.textContent("#post-" + postId)).contains("11:15");
    assertThat(pwned(ben)).isFalse();
    ben.locator("#post-" + postId).scrollIntoViewIfNeeded();
    shot(ben, "45-calendar-week-post-1366", false);
    ben.navigate(app.url() + SLUG + "/publish/calendar?view=month&date=" + day);
    assertThat(ben.isVisible("#post-" + postId)).isTrue();
    shot(ben, "46-calendar-month-post-1366", false);

    // 4. When it is due, the scheduler publishes it to both networks. (The test moves the due
    // time to now rather than wait two days.)
    long now = Instant.now().toEpochMilli();
    app.core()
        .db
        .inTransaction(
            h -> {
              h.createUpdate(
                      "UPDATE deliveries SET due_at = :now, claimable_at = :now WHERE post_id = :p")
                  .bind("now", now)
                  .bind("p", postId)
                  .execute();
              return h.createUpdate("UPDATE posts SET due_at = :now WHERE id = :p")
                  .bind("now", now)
                  .bind("p", postId)
                  .execute();
            });
    Instant until = Instant.now().plusSeconds(40);
    while (!"published".equals(status(postId)) && Instant.now().isBefore(until)) {
      Thread.sleep(250);
    }
    assertThat(status(postId)).as("deliveries: %s", deliveries(postId)).isEqualTo("published");
    assertThat(mastodon.ownStatusContents()).singleElement().asString().contains("Winter blend");
    assertThat(bluesky.posts(did)).hasSize(2);
    ben.navigate(app.url() + SLUG + "/publish/posts/" + postId);
    assertThat(ben.locator("tr[id^=delivery-] a:has-text('View post')").count()).isEqualTo(2);
    assertThat(ben.textContent("tr[id^=delivery-]:has-text('Northwind Sky')")).contains("2 / 2");
    shot(ben, "47-post-published-1366", true);

    assertThat(consoleErrors).as("browser console errors (CSP violations show here)").isEmpty();
  }

  private String deliveries(String postId) {
    return app.core()
        .db
        .read(
            h ->
                h.createQuery(
                        "SELECT status || ' ' || attempts || ' ' || COALESCE(last_error, '')"
                            + " FROM deliveries WHERE post_id = :p")
                    .bind("p", postId)
                    .mapTo(String.class)
                    .list()
                    .toString());
  }

  private String status(String postId) {
    return app.core()
        .drafts
        .find(new Actor(editor, ws, Role.EDITOR, null), new PostId(postId))
        .status();
  }

  private Instant dueAt(String postId) {
    return app.core()
        .drafts
        .find(new Actor(editor, ws, Role.EDITOR, null), new PostId(postId))
        .dueAt();
  }

  private static byte[] png(Color color) throws Exception {
    BufferedImage img = new BufferedImage(120, 120, BufferedImage.TYPE_INT_RGB);
    var g = img.createGraphics();
    g.setColor(color);
    g.fillRect(0, 0, 120, 120);
    g.setColor(Color.WHITE);
    g.fillOval(30, 30, 60, 60);
    g.dispose();
    var out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  private void shot(Page page, String name, boolean fullPage) {
    // The sidebar is sticky: scrolled to the top, a full-page picture shows it where a person
    // sees it first.
    if (fullPage) page.evaluate("() => window.scrollTo(0, 0)");
    page.screenshot(
        new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(fullPage));
  }
}
