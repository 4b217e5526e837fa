package dev.chorus.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * An HTTP client that behaves like a browser for the tests: it keeps cookies, does not follow
 * redirects (so tests see them), and reads the CSRF token from the last page it got.
 */
public final class Browser {
  private final String base;
  private final HttpClient http;
  private final CookieManager cookies;
  private String csrf;

  public Browser(String base) {
    this.base = base;
    this.cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  public HttpResponse<String> get(String path) {
    HttpResponse<String> r = send(HttpRequest.newBuilder(uri(path)).GET().build());
    String token = token(r.body());
    if (token != null) csrf = token;
    return r;
  }

  /** GETs the page and returns it parsed. */
  public Document page(String path) {
    HttpResponse<String> r = get(path);
    assertThat(r.statusCode()).as("GET " + path + " → " + r.body()).isEqualTo(200);
    return Jsoup.parse(r.body(), base);
  }

  /** POSTs a form with the current CSRF token. */
  public HttpResponse<String> post(String path, String... fields) {
    Map<String, String> form = new LinkedHashMap<>();
    if (csrf != null) form.put("_csrf", csrf);
    for (int i = 0; i < fields.length; i += 2) form.put(fields[i], fields[i + 1]);
    return postRaw(path, form);
  }

  /** POSTs exactly these fields, with no CSRF token added. */
  public HttpResponse<String> postRaw(String path, Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    String token = token(r.body());
    if (token != null) csrf = token;
    return r;
  }

  /** POSTs an already encoded form body, for repeated fields such as {@code ids=a&ids=b}. */
  public HttpResponse<String> postForm(String path, String encoded) {
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded))
                .build());
    String token = token(r.body());
    if (token != null) csrf = token;
    return r;
  }

  /** The session cookie's header value, for clients of this browser's session (event streams). */
  public String cookieHeader() {
    return cookies.getCookieStore().getCookies().stream()
        .map(c -> c.getName() + "=" + c.getValue())
        .collect(Collectors.joining("; "));
  }

  /** Signs in and checks that it worked. */
  public Browser signIn(String email, String password) {
    get("/signin");
    HttpResponse<String> r = post("/signin", "email", email, "password", password);
    assertThat(r.statusCode()).as("sign-in of " + email + ": " + r.body()).isEqualTo(302);
    return this;
  }

  public String csrf() {
    return csrf;
  }

  private HttpResponse<String> send(HttpRequest req) {
    try {
      return http.send(req, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private URI uri(String path) {
    return URI.create(path.startsWith("http") ? path : base + path);
  }

  private static String token(String html) {
    if (html == null || !html.contains("_csrf")) return null;
    var input = Jsoup.parse(html).selectFirst("input[name=_csrf]");
    return input == null ? null : input.attr("value");
  }
}
