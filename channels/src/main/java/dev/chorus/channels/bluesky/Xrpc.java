package dev.chorus.channels.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chorus.channels.net.SafeHttp;
import dev.chorus.core.channel.ChannelFailure;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * XRPC over {@link SafeHttp}: {@code GET/POST <service>/xrpc/<nsid>}. Queries are retried when
 * their failure is retryable; procedures are sent once (a retried write could act twice; the caller
 * makes writes idempotent instead). Thread-safe.
 */
final class Xrpc {
  static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One answer. {@code json} is the body on success and the error body otherwise (possibly empty).
   *
   * @param error the XRPC error name, or null
   * @param retryAfter how long the server asked to wait, or null
   */
  record Reply(int status, JsonNode json, String error, String message, Duration retryAfter) {
    boolean ok() {
      return status >= 200 && status < 300;
    }

    /** The body, or the failure this answer means. */
    JsonNode orThrow(String action) {
      if (ok()) return json;
      throw failure(action);
    }

    /** The failure this (unsuccessful) answer means. */
    ChannelFailure failure(String action) {
      return BlueskyErrors.failure(status, error, message, retryAfter, action);
    }
  }

  private final SafeHttp http;
  private final Clock clock;

  Xrpc(SafeHttp http, Clock clock) {
    this.http = http;
    this.clock = clock;
  }

  SafeHttp http() {
    return http;
  }

  /** A query (GET); params with null values are left out. */
  Reply get(URI service, String nsid, Map<String, String> params, String token, String action) {
    StringJoiner q = new StringJoiner("&");
    params.forEach(
        (k, v) -> {
          if (v != null) q.add(enc(k) + "=" + enc(v));
        });
    URI uri = endpoint(service, nsid, q.length() == 0 ? "" : "?" + q);
    HttpRequest.Builder b = request(uri).GET().header("Accept", "application/json");
    if (token != null) b.header("Authorization", "Bearer " + token);
    return read(http.send(b.build(), true), action);
  }

  /**
   * A query whose parameter {@code name} is an array: it is sent once per value, as XRPC encodes
   * arrays ({@code uris=a&uris=b}).
   */
  Reply getEach(
      URI service, String nsid, String name, List<String> values, String token, String action) {
    StringJoiner q = new StringJoiner("&");
    for (String v : values) q.add(enc(name) + "=" + enc(v));
    URI uri = endpoint(service, nsid, q.length() == 0 ? "" : "?" + q);
    HttpRequest.Builder b = request(uri).GET().header("Accept", "application/json");
    if (token != null) b.header("Authorization", "Bearer " + token);
    return read(http.send(b.build(), true), action);
  }

  /** A procedure (POST) with a JSON body, or none when {@code body} is null. */
  Reply post(URI service, String nsid, JsonNode body, String token, String action) {
    HttpRequest.Builder b =
        request(endpoint(service, nsid, "")).header("Accept", "application/json");
    if (body == null) {
      b.POST(HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
    }
    if (token != null) b.header("Authorization", "Bearer " + token);
    return read(http.send(b.build(), false), action);
  }

  /** A procedure whose body is raw bytes (uploadBlob). */
  Reply upload(
      URI service, String nsid, byte[] bytes, String mimeType, String token, String action) {
    HttpRequest.Builder b =
        request(endpoint(service, nsid, ""))
            .header("Accept", "application/json")
            .header("Content-Type", mimeType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
    if (token != null) b.header("Authorization", "Bearer " + token);
    return read(http.send(b.build(), false), action);
  }

  private Reply read(SafeHttp.Response r, String action) {
    JsonNode json;
    try {
      json = r.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(r.body());
    } catch (IOException e) {
      if (r.status() >= 200 && r.status() < 300) throw BlueskyErrors.malformed(action, r.status());
      // An error page that is not JSON (a proxy's HTML): judged by its status alone.
      json = JSON.createObjectNode();
    }
    if (json == null || (r.status() < 300 && !json.isObject())) {
      throw BlueskyErrors.malformed(action, r.status());
    }
    String error = json.path("error").isTextual() ? json.get("error").asText() : null;
    String message = json.path("message").isTextual() ? json.get("message").asText() : null;
    return new Reply(r.status(), json, error, message, retryAfter(r));
  }

  private Duration retryAfter(SafeHttp.Response r) {
    // AT Protocol servers send RateLimit-Reset as epoch seconds; others send Retry-After.
    Duration d = null;
    try {
      var reset = r.header("RateLimit-Reset");
      if (reset.isPresent()) {
        long secs = Long.parseLong(reset.get().strip()) - clock.instant().getEpochSecond();
        d = Duration.ofSeconds(Math.max(1, secs));
      } else if (r.header("Retry-After").isPresent()) {
        d = Duration.ofSeconds(Math.max(1, Long.parseLong(r.header("Retry-After").get().strip())));
      }
    } catch (NumberFormatException e) {
      return null;
    }
    // Never sleep on a server's word for more than a minute at a time.
    return d == null ? null : d.compareTo(Duration.ofMinutes(1)) > 0 ? Duration.ofMinutes(1) : d;
  }

  private static URI endpoint(URI service, String nsid, String query) {
    String base = service.toString();
    if (base.endsWith("/")) base = base.substring(0, base.length() - 1);
    try {
      return URI.create(base + "/xrpc/" + nsid + query);
    } catch (IllegalArgumentException e) {
      throw new ChannelFailure(
          "'" + service + "' is not a usable server address", false, null, 0, e);
    }
  }

  /**
   * A request builder for {@code uri}. Plain http is sent as HTTP/1.1: Java's default HTTP/2 sends
   * an h2c upgrade there, and Node servers (the reference PDS) close such connections.
   */
  static HttpRequest.Builder request(URI uri) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri);
    if ("http".equalsIgnoreCase(uri.getScheme())) b.version(HttpClient.Version.HTTP_1_1);
    return b;
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
