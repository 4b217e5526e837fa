package dev.chorus.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** First start, signing in and out, CSRF, throttling, cookies and security headers. */
class AccountsAndSecurityTest {
  @TempDir Path dir;
  TestApp app;

  @BeforeEach
  void start() {
    app = TestApp.start(dir);
  }

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void theOneTimeSetupLinkCreatesTheOwnerAndCannotBeUsedTwice() {
    String secret = app.core().setupLink.issueIfNeeded().orElseThrow();
    Browser b = new Browser(app.url());
    assertThat(b.get("/setup?token=wrong").statusCode()).isEqualTo(404);
    b.get("/setup?token=" + secret);
    var bad =
        b.post(
            "/setup",
            "token",
            secret,
            "name",
            "Olga",
            "email",
            "olga@example.com",
            "password",
            "short",
            "workspace",
            "Acme");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("at least 10 characters");
    var ok =
        b.post(
            "/setup",
            "token",
            secret,
            "name",
            "Olga",
            "email",
            "olga@example.com",
            "password",
            "a long enough password",
            "workspace",
            "Acme");
    assertThat(ok.statusCode()).isEqualTo(302);
    assertThat(ok.headers().firstValue("Location")).contains("/w/acme");
    assertThat(b.get("/w/acme").statusCode()).isEqualTo(200);
    assertThat(new Browser(app.url()).get("/setup?token=" + secret).statusCode()).isEqualTo(404);
  }

  @Test
  void signInSetsAHardenedCookieAndSignOutEndsTheSession() {
    app.user("ada@example.com");
    Browser b = new Browser(app.url());
    b.get("/signin");
    var r = b.post("/signin", "email", "ada@example.com", "password", TestApp.PASSWORD);
    assertThat(r.statusCode()).isEqualTo(302);
    String cookie =
        r.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("chorus_session="))
            .findFirst()
            .orElseThrow();
    assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
    assertThat(cookie).doesNotContain("Secure"); // plain http on loopback
    assertThat(b.get("/account").statusCode()).isEqualTo(200);
    b.post("/signout");
    assertThat(b.get("/account").statusCode()).isEqualTo(302);
  }

  @Test
  void aWrongPasswordIsA400NamingNoAccountAndRepeatedFailuresAreThrottled() {
    app.user("ada@example.com");
    Browser b = new Browser(app.url());
    b.get("/signin");
    for (int i = 0; i < 5; i++) {
      var r = b.post("/signin", "email", "ada@example.com", "password", "wrong password " + i);
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(r.body()).contains("email or password is not right");
    }
    var locked = b.post("/signin", "email", "ada@example.com", "password", TestApp.PASSWORD);
    assertThat(locked.statusCode()).isEqualTo(429);
    assertThat(locked.headers().firstValue("Retry-After")).isPresent();
    assertThat(locked.body()).contains("Too many failed sign-ins for this account");
  }

  @Test
  void aFormWithoutAValidCsrfTokenIsRefused() {
    app.user("ada@example.com");
    Browser b = new Browser(app.url()).signIn("ada@example.com", TestApp.PASSWORD);
    var none = b.postRaw("/workspaces", Map.of("name", "Sneaky"));
    assertThat(none.statusCode()).isEqualTo(403);
    assertThat(none.body()).contains("expired or was sent from another site");
    Browser other = new Browser(app.url());
    other.get("/signin");
    var forged = b.postRaw("/workspaces", Map.of("name", "Sneaky", "_csrf", other.csrf()));
    assertThat(forged.statusCode()).isEqualTo(403);
    b.get("/workspaces");
    assertThat(b.post("/workspaces", "name", "Fine").statusCode()).isEqualTo(302);
  }

  @Test
  void theSignInFormItselfNeedsItsCsrfToken() {
    app.user("ada@example.com");
    Browser b = new Browser(app.url());
    var r = b.postRaw("/signin", Map.of("email", "ada@example.com", "password", TestApp.PASSWORD));
    assertThat(r.statusCode()).isEqualTo(403);
  }

  @Test
  void everyPageCarriesTheSecurityHeaders() {
    var r = new Browser(app.url()).get("/signin");
    var h = r.headers();
    String csp = h.firstValue("Content-Security-Policy").orElseThrow();
    assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'");
    assertThat(csp).doesNotContain("unsafe-inline");
    assertThat(h.firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(h.firstValue("X-Frame-Options")).contains("DENY");
    assertThat(r.body()).doesNotContain("<script>").doesNotContain("style=\"");
  }

  @Test
  void changingThePasswordKeepsThisSessionAndEndsTheOthers() {
    app.user("ada@example.com");
    Browser here = new Browser(app.url()).signIn("ada@example.com", TestApp.PASSWORD);
    Browser there = new Browser(app.url()).signIn("ada@example.com", TestApp.PASSWORD);
    here.get("/account");
    var bad =
        here.post(
            "/account/password",
            "current_password",
            "nope",
            "new_password",
            "another long password");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("current password is not right");
    var ok =
        here.post(
            "/account/password",
            "current_password",
            TestApp.PASSWORD,
            "new_password",
            "another long password");
    assertThat(ok.statusCode()).isEqualTo(302);
    assertThat(here.get("/account").statusCode()).isEqualTo(200);
    assertThat(there.get("/account").statusCode()).isEqualTo(302);
    new Browser(app.url()).signIn("ada@example.com", "another long password");
  }

  @Test
  void anInvitationLinkMakesAnAccountAndJoinsTheWorkspace() {
    var owner = app.user("owner@example.com");
    app.workspace(owner, "Acme");
    Browser admin = new Browser(app.url()).signIn("owner@example.com", TestApp.PASSWORD);
    admin.get("/w/acme/members");
    var created =
        admin.post("/w/acme/members/invite", "email", "new@example.com", "role", "editor");
    assertThat(created.statusCode()).isEqualTo(201);
    String link =
        org.jsoup.Jsoup.parse(created.body()).select("input[readonly]").stream()
            .map(e -> e.attr("value"))
            .filter(v -> v.contains("/invite/"))
            .findFirst()
            .orElseThrow();
    String path = link.substring(link.indexOf("/invite/"));
    Browser guest = new Browser(app.url());
    assertThat(guest.get(path).body()).contains("Acme");
    var joined = guest.post(path, "name", "Nia New", "password", "a long enough password");
    assertThat(joined.statusCode()).isEqualTo(302);
    assertThat(guest.get("/w/acme/members").statusCode()).isEqualTo(200);
    assertThat(new Browser(app.url()).get(path).statusCode()).isEqualTo(404);
  }

  @Test
  void theLastOwnerCannotBeRemovedThroughThePage() {
    var owner = app.user("owner@example.com");
    app.workspace(owner, "Acme");
    Browser b = new Browser(app.url()).signIn("owner@example.com", TestApp.PASSWORD);
    b.get("/w/acme/members");
    var r = b.post("/w/acme/members/" + owner.id() + "/remove");
    assertThat(r.statusCode()).isEqualTo(409);
    assertThat(r.body()).contains("last owner");
  }

  @Test
  void behindHttpsCookiesAreSecureAndHstsIsSent() {
    app.close();
    app = TestApp.start(dir, c -> c.withPublicUrl("https://chorus.example"), null);
    Browser b = new Browser("http://127.0.0.1:" + app.app().port());
    var page = b.get("/signin");
    assertThat(page.headers().firstValue("Strict-Transport-Security")).isPresent();
    // Over https every cookie Chorus sets is Secure (this client, on plain http, then rightly
    // withholds it, so the sign-in itself is checked by the other tests).
    assertThat(page.headers().allValues("Set-Cookie"))
        .filteredOn(c -> c.startsWith("chorus_pre="))
        .singleElement()
        .satisfies(c -> assertThat(c).contains("Secure").contains("HttpOnly"));
  }

  @Test
  void anOversizedFormIs413AndAMalformedOneNamesItsField() {
    var owner = app.user("owner@example.com");
    app.workspace(owner, "Acme");
    Browser b = new Browser(app.url()).signIn("owner@example.com", TestApp.PASSWORD);
    b.get("/workspaces");
    var big = b.post("/workspaces", "name", "x".repeat(1_200_000));
    assertThat(big.statusCode()).isEqualTo(413);
    b.get("/w/acme/members");
    var bad = b.post("/w/acme/members/invite", "email", "x@example.com", "role", "emperor");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("unknown role").contains("emperor");
  }
}
