package dev.chorus.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.chorus.app.TestApp;
import dev.chorus.channels.mastodon.FakeMastodon;
import dev.chorus.channels.mastodon.MastodonCredentials;
import dev.chorus.core.account.User;
import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.ConnectChannel;
import dev.chorus.core.channel.Network;
import dev.chorus.core.member.Actor;
import dev.chorus.core.member.Role;
import dev.chorus.core.publishing.PostId;
import dev.chorus.core.publishing.SchedulePost;
import dev.chorus.core.workspace.Workspace;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The calendar in a real browser (Debian's chromium driven by Playwright): a post dragged to
 * another day and hour is rescheduled (calendar.js posts the CSRF token, no inline script), a
 * stranger's markup in a post stays text, and the month view is a list that fits a 390 px phone.
 * Screenshots go to {@code app/target/screenshots}. Part of the browser suite ({@code
 * -Dsurefire.groups=browser}).
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalendarBrowserTest {
  private static final Path SHOTS = Paths.get("target", "screenshots");
  TestApp app;
  FakeMastodon mastodon;
  Playwright playwright;
  Browser chromium;
  Workspace ws;
  Channel channel;
  final List<String> consoleErrors = new ArrayList<>();

  @BeforeAll
  void start() throws Exception {
    Files.createDirectories(SHOTS);
    app = TestApp.start(Files.createTempDirectory("chorus-calendar-browser"));
    mastodon = new FakeMastodon();
    User owner = app.user("olga@northwind.example");
    ws = app.workspace(owner, "Northwind Coffee");
    channel =
        app.core()
            .connectChannel
            .connect(
                new Actor(owner, ws, Role.OWNER, null),
                new ConnectChannel.Spec(
                    Network.MASTODON,
                    "Northwind Social",
                    mastodon.uri().toString(),
                    Map.of(),
                    new MastodonCredentials("token", "client", "secret").toJson(),
                    null));
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
  }

  private Page signedIn(int width, int height) {
    BrowserContext ctx =
        chromium.newContext(new Browser.NewContextOptions().setViewportSize(width, height));
    Page page = ctx.newPage();
    page.onConsoleMessage(
        m -> {
          if (m.type().equals("error")) consoleErrors.add(m.text());
        });
    page.navigate(app.url() + "/signin");
    page.fill("input[name=email]", "olga@northwind.example");
    page.fill("input[name=password]", TestApp.PASSWORD);
    page.click("form[action='/signin'] button[type=submit]");
    page.waitForURL("**/w/northwind-coffee");
    return page;
  }

  private PostId scheduled(String text, Instant due) {
    return app.core()
        .db
        .inTransaction(
            h ->
                app.core()
                    .schedulePost
                    .schedule(
                        h,
                        ws.id(),
                        null,
                        due,
                        List.of(new SchedulePost.Variant(channel.id(), text, null))));
  }

  private long due(PostId p) {
    return app.core()
        .db
        .read(
            h ->
                h.createQuery("SELECT due_at FROM deliveries WHERE post_id = :p")
                    .bind("p", p.value())
                    .mapTo(Long.class)
                    .one());
  }

  @Test
  void aPostDraggedToAnotherDayAndHourIsRescheduled() {
    // The workspace plans in UTC; the post is due the day after tomorrow at 09:20.
    LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(2);
    PostId p =
        scheduled(
            "Autumn blend <img src=x onerror=\"window.__pwned=1\">",
            day.atTime(9, 20).toInstant(ZoneOffset.UTC));
    Page page = signedIn(1366, 768);
    page.navigate(app.url() + "/w/northwind-coffee/publish/calendar?view=week&date=" + day);
    String post = "#post-" + p.value();
    assertThat(page.textContent(post + " .cal-post-text")).contains("<img src=x");
    assertThat(page.evaluate("() => window.__pwned === undefined")).isEqualTo(true);
    // Drag it to the next day, 15:00 row (the week may end first: then the day before).
    LocalDate target = day.getDayOfWeek().getValue() == 7 ? day.minusDays(1) : day.plusDays(1);
    String cell = "td[data-drop-date='" + target + "'][data-drop-hour='15']";
    shot(page, "31-calendar-week-1366");
    // HTML5 drag and drop, as the browser fires it: dragstart on the post, dragover and drop on
    // the cell, sharing one DataTransfer.
    var transfer = page.evaluateHandle("() => new DataTransfer()");
    page.dispatchEvent(post, "dragstart", Map.of("dataTransfer", transfer));
    page.dispatchEvent(cell, "dragover", Map.of("dataTransfer", transfer));
    page.dispatchEvent(cell, "drop", Map.of("dataTransfer", transfer));
    page.dispatchEvent(post, "dragend", Map.of("dataTransfer", transfer));
    page.waitForFunction(
        "() => document.querySelector('[data-cal-message]').textContent.length > 0"
            + " && !document.querySelector('[data-cal-message]').textContent.startsWith('Moving')");
    assertThat(page.textContent("[data-cal-message]"))
        .as(consoleErrors.toString())
        .startsWith("Moved to");
    assertThat(due(p))
        .isEqualTo(target.atTime(LocalTime.of(15, 20)).toInstant(ZoneOffset.UTC).toEpochMilli());
    assertThat(page.isVisible(cell + " " + post)).isTrue();
    // After a reload it is still there: the server moved it.
    page.reload();
    assertThat(page.isVisible(cell + " " + post)).isTrue();
    shot(page, "32-calendar-week-moved-1366");
    assertThat(consoleErrors).isEmpty();
  }

  @Test
  void theMonthIsAListOfDaysWithPostsOnAPhone() {
    LocalDate day = LocalDate.now(ZoneOffset.UTC).plusMonths(1).withDayOfMonth(15);
    scheduled("Mid-month tasting", day.atTime(11, 0).toInstant(ZoneOffset.UTC));
    Page phone = signedIn(390, 844);
    phone.navigate(app.url() + "/w/northwind-coffee/publish/calendar?view=month&date=" + day);
    Object overflow =
        phone.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth");
    assertThat(overflow).isEqualTo(true);
    // Empty days are hidden; the day with a post shows its full date.
    assertThat(phone.isVisible("li.cal-day.is-empty")).isFalse();
    assertThat(phone.textContent("li.cal-day:not(.is-empty) .cal-day-long")).isNotBlank();
    assertThat(phone.isVisible("text=Mid-month tasting")).isTrue();
    phone.screenshot(
        new Page.ScreenshotOptions()
            .setPath(SHOTS.resolve("33-calendar-month-390.png"))
            .setFullPage(true));
    Page wide = signedIn(1366, 768);
    wide.navigate(app.url() + "/w/northwind-coffee/publish/calendar?view=month&date=" + day);
    shot(wide, "34-calendar-month-1366");
  }

  private void shot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")));
  }
}
