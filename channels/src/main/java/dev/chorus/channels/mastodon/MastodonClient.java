package dev.chorus.channels.mastodon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.chorus.channels.net.SafeHttp;
import dev.chorus.core.channel.ChannelFailure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One instance's REST API, for one token (or none): every call goes through {@link SafeHttp},
 * carries the bearer token, honours the rate limit and turns refusals into {@link
 * dev.chorus.core.channel.ChannelFailure}s through {@link MastodonErrors}. Thread-safe.
 *
 * <p>Rate limit: when an answer says {@code X-RateLimit-Remaining: 0}, or a 429 arrives, the next
 * call waits for the reset if it is at most {@code maxRateLimitWait} away, and otherwise fails at
 * once, retryable, with the wait in {@code retryAfter}, without calling the instance.
 */
final class MastodonClient {
  static final ObjectMapper JSON = new ObjectMapper();

  /** A successful answer and its parsed body (a {@link NullNode} when the body was empty). */
  record Reply(SafeHttp.Response response, JsonNode json) {}

  private final URI base;
  private final String token;
  private final SafeHttp http;
  private final Clock clock;
  private final Duration maxRateLimitWait;
  private volatile Instant blockedUntil;

  /**
   * @param token the access token, or null for calls that need none (instance, OAuth)
   */
  MastodonClient(
      URI instance, String token, SafeHttp http, Clock clock, Duration maxRateLimitWait) {
    this.base = origin(instance);
    this.token = token;
    this.http = http;
    this.clock = clock;
    this.maxRateLimitWait = maxRateLimitWait;
  }

  /**
   * The instance's origin ({@code https://host[:port]}), from what a user typed: a bare host means
   * https.
   */
  static URI origin(URI instance) {
    URI u = instance;
    if (u.getScheme() == null) u = URI.create("https://" + instance);
    String scheme = u.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new ChannelFailure(
          "a Mastodon instance is an http(s) address, not '" + instance + "'",
          false,
          null,
          0,
          null);
    }
    if (u.getHost() == null) {
      throw new ChannelFailure("'" + instance + "' names no host", false, null, 0, null);
    }
    return URI.create(scheme + "://" + u.getRawAuthority());
  }

  URI base() {
    return base;
  }

  String host() {
    return base.getHost();
  }

  Reply get(String pathAndQuery, String action) {
    return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET(), true, action);
  }

  /**
   * Posts a JSON body. {@code idempotencyKey} (or null) makes the call safe to repeat, so it is
   * retried on passing failures; without one it is sent once.
   */
  Reply postJson(String path, JsonNode body, String idempotencyKey, String action) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    if (idempotencyKey != null) b.header("Idempotency-Key", idempotencyKey);
    return send(b, idempotencyKey != null, action);
  }

  /** Posts a form ({@code application/x-www-form-urlencoded}); sent once. */
  Reply postForm(String path, Map<String, String> form, String action) {
    String body =
        form.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)),
        false,
        action);
  }

  /**
   * Posts {@code multipart/form-data} with one file part named {@code file} and text fields; sent
   * once (a repeat would only leave an unused upload behind, but costs the user's upload budget).
   */
  Reply postFile(
      String path,
      byte[] file,
      String mimeType,
      String fileName,
      Map<String, String> fields,
      String action) {
    String boundary = "chorus-" + UUID.randomUUID();
    ByteArrayOutputStream out = new ByteArrayOutputStream(file.length + 1024);
    try {
      for (Map.Entry<String, String> f : fields.entrySet()) {
        out.write(
            ("--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\""
                    + f.getKey()
                    + "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.write(f.getValue().getBytes(StandardCharsets.UTF_8));
        out.write("\r\n".getBytes(StandardCharsets.UTF_8));
      }
      out.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                  + fileName
                  + "\"\r\nContent-Type: "
                  + mimeType
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      out.write(file);
      out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e); // a ByteArrayOutputStream does not fail
    }
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())),
        false,
        action);
  }

  private Reply send(HttpRequest.Builder b, boolean idempotent, String action) {
    awaitRateLimit();
    b.header("Accept", "application/json");
    if (token != null) b.header("Authorization", "Bearer " + token);
    SafeHttp.Response r = http.send(b.build(), idempotent);
    noteRateLimit(r);
    if (r.status() >= 400) throw MastodonErrors.failure(r, action, clock.instant());
    if (r.body().length == 0) return new Reply(r, NullNode.getInstance());
    try {
      JsonNode n = JSON.readTree(r.body());
      return new Reply(r, n == null ? NullNode.getInstance() : n);
    } catch (JsonProcessingException e) {
      throw MastodonErrors.malformed(r, action, e);
    } catch (IOException e) {
      throw MastodonErrors.malformed(r, action, e);
    }
  }

  private void awaitRateLimit() {
    Instant until = blockedUntil;
    if (until == null) return;
    Duration wait = MastodonErrors.until(clock.instant(), until);
    if (wait.isZero()) {
      blockedUntil = null;
      return;
    }
    if (wait.compareTo(maxRateLimitWait) > 0) {
      throw new ChannelFailure(
          host()
              + " is rate limiting Chorus: the limit resets in "
              + Math.max(1, wait.toSeconds())
              + " s",
          true,
          wait,
          0,
          null);
    }
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChannelFailure("interrupted while waiting for the rate limit", false, null, 0, e);
    }
  }

  private void noteRateLimit(SafeHttp.Response r) {
    Instant now = clock.instant();
    if (r.status() == 429) {
      blockedUntil = now.plus(MastodonErrors.retryAfter(r, now).orElse(Duration.ofMinutes(5)));
      return;
    }
    boolean spent = r.header("X-RateLimit-Remaining").map(v -> v.strip().equals("0")).orElse(false);
    if (spent) {
      blockedUntil = r.header("X-RateLimit-Reset").flatMap(MastodonErrors::instant).orElse(null);
    } else {
      blockedUntil = null;
    }
  }

  private URI uri(String pathAndQuery) {
    return URI.create(base + pathAndQuery);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
