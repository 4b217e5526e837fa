package dev.chorus.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.chorus.app.TestApp;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A person's first hour, in a real browser (Debian's chromium driven by Playwright): create the
 * owner through the setup link, sign in, invite a member who joins, create and switch workspaces.
 * Screenshots at 1366×768 and 390×844 go to {@code app/target/screenshots}. Run by
 * scripts/check-all ({@code -Dsurefire.groups=browser}); needs /usr/bin/chromium.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserSuiteTest {
  private static final Path SHOTS = Paths.get("target", "screenshots");
  TestApp app;
  Playwright playwright;
  Browser chromium;
  final List<String> consoleErrors = new ArrayList<>();

  @BeforeAll
  void start() throws Exception {
    Files.createDirectories(SHOTS);
    app = TestApp.start(Files.createTempDirectory("chorus-browser"));
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
  }

  private Page open(int width, int height) {
    BrowserContext ctx =
        chromium.newContext(new Browser.NewContextOptions().setViewportSize(width, height));
    Page page = ctx.newPage();
    page.onConsoleMessage(
        m -> {
          // The invalid form is answered 400 on purpose; chromium logs that as a failed load.
          if (m.type().equals("error") && !m.text().contains("status of 400")) {
            consoleErrors.add(m.text());
          }
        });
    return page;
  }

  private void shot(Page page, String name) {
    page.screenshot(
        new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
  }

  @Test
  void ownerSetsUpInvitesAMemberAndSwitchesWorkspaces() {
    String secret = app.core().setupLink.issueIfNeeded().orElseThrow();
    Page owner = open(1366, 768);

    owner.navigate(app.url() + "/setup?token=" + secret);
    shot(owner, "01-setup-1366");
    owner.fill("input[name=name]", "Olga Owner");
    owner.fill("input[name=email]", "olga@northwind.example");
    owner.fill("input[name=password]", "a long enough password");
    owner.fill("input[name=workspace]", "Northwind Coffee");
    owner.click("form[action='/setup'] button[type=submit]");
    owner.waitForURL("**/w/northwind-coffee");
    shot(owner, "02-dashboard-1366");

    // Sign out and back in through the form.
    owner.click("form[action='/signout'] button[type=submit]");
    owner.waitForURL("**/signin");
    shot(owner, "03-signin-1366");
    owner.fill("input[name=email]", "olga@northwind.example");
    owner.fill("input[name=password]", "a long enough password");
    owner.click("form[action='/signin'] button[type=submit]");
    owner.waitForURL("**/w/northwind-coffee");

    // Invite a member; a bad email first shows an inline error.
    owner.navigate(app.url() + "/w/northwind-coffee/members");
    owner.fill("input[name=email]", "not-an-email");
    owner.evaluate("document.querySelector('input[name=email]').type = 'text'");
    owner.click("form[action$='/members/invite'] button[type=submit]");
    assertThat(owner.content()).contains("is not an email address");
    shot(owner, "04-members-invalid-1366");
    owner.fill("input[name=email]", "ben@northwind.example");
    owner.selectOption("select[name=role]:not([form])", "editor");
    owner.click("form[action$='/members/invite'] button[type=submit]");
    String link = owner.inputValue("#invite-link");
    assertThat(link).contains("/invite/");
    shot(owner, "05-invitation-link-1366");

    // The member opens the link in their own browser and joins.
    Page ben = open(1366, 768);
    ben.navigate(link);
    shot(ben, "06-invite-accept-1366");
    ben.fill("input[name=name]", "Ben Okafor");
    ben.fill("input[name=password]", "bens long password");
    ben.click("form button[type=submit]");
    ben.waitForURL("**/w/northwind-coffee**");
    assertThat(ben.content()).contains("Northwind Coffee");

    // The owner sees the new member, makes a second workspace and switches between them.
    owner.navigate(app.url() + "/w/northwind-coffee/members");
    assertThat(owner.content()).contains("Ben Okafor");
    shot(owner, "07-members-1366");
    owner.navigate(app.url() + "/workspaces");
    owner.fill("input[name=name]", "Harbor Books");
    owner.click("form[action='/workspaces'] button[type=submit]");
    owner.waitForURL("**/w/harbor-books**");
    owner.click("details.switcher summary");
    shot(owner, "08-switcher-open-1366");
    owner.click("details.switcher a[href='/w/northwind-coffee']");
    owner.waitForURL("**/w/northwind-coffee");
    assertThat(owner.title()).contains("Northwind Coffee");
    owner.navigate(app.url() + "/w/northwind-coffee/audit");
    shot(owner, "09-audit-1366");
    owner.navigate(app.url() + "/w/northwind-coffee/tokens");
    shot(owner, "10-tokens-1366");

    // Follow a blog's feed through its web page and see what it heard.
    Javalin blog =
        Javalin.create(
                c -> {
                  c.startup.showJavalinBanner = false;
                  c.routes.get(
                      "/",
                      ctx ->
                          ctx.html(
                              "<html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feed\"></head></html>"));
                  c.routes.get(
                      "/feed",
                      ctx ->
                          ctx.contentType("application/rss+xml")
                              .result(
                                  "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Coffee Weekly</title>"
                                      + "<item><title>Northwind opens a second shop</title><guid>a</guid><link>https://news.example/a</link>"
                                      + "<description>The roastery &lt;b&gt;Northwind Coffee&lt;/b&gt; opens downtown.</description></item>"
                                      + "<item><title>Is Northwind's oat latte worth it?</title><guid>b</guid><link>https://news.example/b</link>"
                                      + "<description>Readers disagree &lt;script&gt;alert(1)&lt;/script&gt;</description></item>"
                                      + "</channel></rss>"));
                })
            .start("127.0.0.1", 0);
    try {
      owner.navigate(app.url() + "/w/northwind-coffee/channels");
      owner.fill("input[name=address]", "http://127.0.0.1:" + blog.port() + "/");
      owner.click("form[action$='/channels/feeds'] button[type=submit]");
      owner.waitForURL("**/channels/*?notice=connected");
      assertThat(owner.content())
          .contains("Northwind opens a second shop")
          .doesNotContain("<script>alert");
      shot(owner, "15-channel-1366");
      owner.navigate(app.url() + "/w/northwind-coffee/channels");
      shot(owner, "16-channels-1366");
    } finally {
      blog.stop();
    }

    // A saved query, checked live as it is typed (htmx), against what the feed said.
    owner.navigate(app.url() + "/w/northwind-coffee/queries/new");
    owner.fill("input[name=name]", "Brand mentions");
    owner.fill("textarea[name=query]", "northwind NEAR/x latte");
    owner.waitForSelector("#query-check .check-error");
    shot(owner, "17-query-error-1366");
    owner.fill("textarea[name=query]", "northwind OR (readers NEAR/2 disagree)");
    owner.waitForSelector("#query-check .check-ok");
    assertThat(owner.textContent("#query-check")).contains("would have matched 2 of 2");
    shot(owner, "18-query-preview-1366");
    owner.click("#query-form button[type=submit]");
    owner.waitForURL("**/queries/*?notice=query-saved");
    owner.navigate(app.url() + "/w/northwind-coffee/queries");
    shot(owner, "19-queries-1366");

    // The same pages on a phone.
    Page phone = open(390, 844);
    phone.navigate(app.url() + "/signin");
    shot(phone, "11-signin-390");
    phone.fill("input[name=email]", "olga@northwind.example");
    phone.fill("input[name=password]", "a long enough password");
    phone.click("form[action='/signin'] button[type=submit]");
    phone.waitForURL("**/w/**");
    shot(phone, "12-dashboard-390");
    phone.navigate(app.url() + "/w/northwind-coffee/members");
    shot(phone, "13-members-390");
    phone.click(".menu-toggle");
    shot(phone, "14-menu-open-390");

    assertThat(consoleErrors).as("browser console errors (CSP violations show here)").isEmpty();
  }
}
