package dev.chorus.channels.net;

import dev.chorus.core.channel.ChannelFailure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The one HTTP client connectors use. Thread-safe. See the package documentation for what it
 * guarantees; a refused target, an oversized answer or a redirect loop is a {@link ChannelFailure}
 * that names the problem.
 */
public final class SafeHttp {
  /** An answer: status, headers and the body (at most the policy's size). */
  public record Response(int status, HttpHeaders headers, byte[] body, URI uri) {
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public Optional<String> header(String name) {
      return headers.firstValue(name);
    }
  }

  private final NetworkPolicy policy;
  private final HttpClient client;
  private final String userAgent;

  public SafeHttp(NetworkPolicy policy, String userAgent) {
    this.policy = policy;
    this.userAgent = userAgent;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(policy.connectTimeout())
            // Redirects are followed here, one at a time, so each target is checked.
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  public NetworkPolicy policy() {
    return policy;
  }

  /**
   * Sends {@code request}, following redirects (GET and HEAD only) and retrying retryable failures
   * when {@code idempotent} (a retry of a non-idempotent call could act twice).
   */
  public Response send(HttpRequest request, boolean idempotent) {
    int attempts = idempotent ? policy.maxAttempts() : 1;
    ChannelFailure last = null;
    for (int attempt = 0; attempt < attempts; attempt++) {
      if (attempt > 0)
        sleep(last.retryAfter() != null ? last.retryAfter() : Retries.backoff(attempt));
      try {
        Response r = follow(request);
        if (r.status() >= 400 && Retries.classify(r.status()) && attempt + 1 < attempts) {
          last =
              new ChannelFailure(
                  host(r.uri()) + " answered " + r.status(), true, retryAfter(r), r.status(), null);
          continue;
        }
        return r;
      } catch (ChannelFailure f) {
        if (!f.retryable()) throw f;
        last = f;
      }
    }
    throw last;
  }

  private Response follow(HttpRequest request) {
    HttpRequest current = withDefaults(request);
    for (int hop = 0; hop <= policy.maxRedirects(); hop++) {
      check(current.uri());
      Response r = once(current);
      boolean redirect =
          r.status() == 301
              || r.status() == 302
              || r.status() == 303
              || r.status() == 307
              || r.status() == 308;
      String method = current.method();
      if (!redirect || !(method.equals("GET") || method.equals("HEAD"))) return r;
      String location = r.header("Location").orElse(null);
      if (location == null) return r;
      URI next = current.uri().resolve(location);
      current = copy(current, next);
    }
    throw new ChannelFailure(
        host(request.uri())
            + " redirected more than "
            + policy.maxRedirects()
            + " times (a redirect loop?)",
        false,
        null,
        0,
        null);
  }

  private Response once(HttpRequest request) {
    try {
      HttpResponse<InputStream> r = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = r.body()) {
        return new Response(r.statusCode(), r.headers(), capped(in, request.uri()), request.uri());
      }
    } catch (HttpTimeoutException e) {
      throw new ChannelFailure(
          host(request.uri()) + " did not answer within " + policy.readTimeout().toSeconds() + " s",
          true,
          null,
          0,
          e);
    } catch (IOException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new ChannelFailure(
          "cannot reach " + host(request.uri()) + ": " + why, Retries.classify(e), null, 0, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChannelFailure(
          "interrupted while calling " + host(request.uri()), false, null, 0, e);
    }
  }

  private byte[] capped(InputStream in, URI uri) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[16384];
    long total = 0;
    for (int n; (n = in.read(buf)) != -1; ) {
      total += n;
      if (total > policy.maxResponseBytes()) {
        throw new ChannelFailure(
            host(uri)
                + " sent more than "
                + (policy.maxResponseBytes() >> 20)
                + " MB; Chorus stopped reading",
            false,
            null,
            0,
            null);
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  /** Refuses URLs that are not http(s) or that resolve to an address the policy forbids. */
  public void check(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new ChannelFailure(
          "only http and https addresses can be used, not '" + uri + "'", false, null, 0, null);
    }
    if (uri.getHost() == null) {
      throw new ChannelFailure("'" + uri + "' names no host", false, null, 0, null);
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(uri.getHost());
    } catch (UnknownHostException e) {
      throw new ChannelFailure("the host " + uri.getHost() + " does not exist", false, null, 0, e);
    }
    for (InetAddress a : addresses) {
      String kind = forbidden(a);
      if (kind != null) {
        throw new ChannelFailure(
            uri.getHost()
                + " is a "
                + kind
                + " address ("
                + a.getHostAddress()
                + "); Chorus does not call those unless the operator allows it",
            false,
            null,
            0,
            null);
      }
    }
  }

  private String forbidden(InetAddress a) {
    if (a.isLoopbackAddress()) return policy.allowLoopback() ? null : "loopback";
    if (a.isAnyLocalAddress()) return "wildcard";
    if (a.isMulticastAddress()) return "multicast";
    if (a.isLinkLocalAddress()) return policy.allowPrivate() ? null : "link-local";
    if (a.isSiteLocalAddress()) return policy.allowPrivate() ? null : "private";
    byte[] b = a.getAddress();
    // IPv6 unique local addresses (fc00::/7) are private too.
    if (b.length == 16 && (b[0] & 0xfe) == 0xfc) return policy.allowPrivate() ? null : "private";
    // 100.64.0.0/10, carrier-grade NAT: not the public internet.
    if (b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64) {
      return policy.allowPrivate() ? null : "private";
    }
    return null;
  }

  private HttpRequest withDefaults(HttpRequest r) {
    HttpRequest.Builder b = HttpRequest.newBuilder(r, (name, value) -> true);
    b.timeout(r.timeout().orElse(policy.readTimeout()));
    // On plain http the JDK offers an h2c upgrade, which some servers (Node's among them) answer
    // by closing the connection; HTTP/1.1 works everywhere. https negotiates HTTP/2 by ALPN.
    if ("http".equalsIgnoreCase(r.uri().getScheme())) b.version(HttpClient.Version.HTTP_1_1);
    if (r.headers().firstValue("User-Agent").isEmpty()) b.setHeader("User-Agent", userAgent);
    return b.build();
  }

  private static HttpRequest copy(HttpRequest r, URI next) {
    return HttpRequest.newBuilder(r, (name, value) -> !name.equalsIgnoreCase("Authorization"))
        .uri(next)
        .build();
  }

  private static Duration retryAfter(Response r) {
    return r.header("Retry-After")
        .flatMap(
            v -> {
              try {
                return Optional.of(Duration.ofSeconds(Math.min(60, Long.parseLong(v.strip()))));
              } catch (NumberFormatException e) {
                return Optional.empty();
              }
            })
        .orElse(null);
  }

  private static String host(URI uri) {
    return uri.getHost() == null ? uri.toString() : uri.getHost();
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChannelFailure("interrupted while waiting to retry", false, null, 0, e);
    }
  }
}
