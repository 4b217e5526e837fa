package dev.chorus.channels.bluesky;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The real PDS and PLC that {@code scripts/interop} starts on loopback, found through {@code
 * CHORUS_BSKY_PDS} and {@code CHORUS_BSKY_PLC}, and the few admin-side calls the tests need that
 * Chorus itself never makes (creating accounts and app passwords, reading records directly). Public
 * for the app module's interop test, through the channels test-jar.
 */
public final class LocalPds {
  public static final ObjectMapper JSON = new ObjectMapper();

  /** An account made for one test run. */
  public record Account(String handle, String did, String password, String accessJwt) {}

  public final URI pds;
  public final URI plc;
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private LocalPds(URI pds, URI plc) {
    this.pds = pds;
    this.plc = plc;
  }

  /** The peer from the environment; without it the interop suite fails rather than skips. */
  public static LocalPds fromEnvironment() {
    String pds = System.getenv("CHORUS_BSKY_PDS");
    String plc = System.getenv("CHORUS_BSKY_PLC");
    if (pds == null || pds.isBlank() || plc == null || plc.isBlank()) {
      fail(
          "CHORUS_BSKY_PDS and CHORUS_BSKY_PLC are not set: run scripts/interop, which installs and"
              + " starts the real PDS and PLC on loopback and runs these tests against them");
    }
    return new LocalPds(URI.create(pds), URI.create(plc));
  }

  /** A new account with a unique handle, and an app password for it. */
  public Account createAccount(String name) {
    String handle =
        name + "-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36) + ".test";
    var body = JSON.createObjectNode();
    body.put("handle", handle)
        .put("email", handle + "@example.com")
        .put("password", "main-" + handle);
    JsonNode made = post("com.atproto.server.createAccount", body.toString(), null);
    String token = made.get("accessJwt").asText();
    var app = JSON.createObjectNode().put("name", "chorus");
    JsonNode pw = post("com.atproto.server.createAppPassword", app.toString(), token);
    return new Account(handle, made.get("did").asText(), pw.get("password").asText(), token);
  }

  public JsonNode get(String nsidAndQuery) {
    return send(HttpRequest.newBuilder(URI.create(pds + "/xrpc/" + nsidAndQuery)).GET().build());
  }

  /** The status of a GET, for records that should be gone. */
  public int status(String nsidAndQuery) {
    try {
      return client
          .send(
              HttpRequest.newBuilder(URI.create(pds + "/xrpc/" + nsidAndQuery)).GET().build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  public JsonNode post(String nsid, String json, String token) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(pds + "/xrpc/" + nsid))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    if (token != null) b.header("Authorization", "Bearer " + token);
    return send(b.build());
  }

  private JsonNode send(HttpRequest r) {
    try {
      HttpResponse<String> res = client.send(r, HttpResponse.BodyHandlers.ofString());
      if (res.statusCode() != 200) {
        throw new AssertionError(r.uri() + " answered " + res.statusCode() + ": " + res.body());
      }
      return JSON.readTree(res.body());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(r.uri() + ": " + e, e);
    }
  }
}
