package dev.chorus.channels.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorus.channels.net.SafeHttp;
import dev.chorus.core.channel.ChannelFailure;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Finds where an account lives: handle → DID (com.atproto.identity.resolveHandle on the configured
 * resolver, else {@code https://<handle>/.well-known/atproto-did}), DID → DID document (the PLC
 * directory's {@code GET /<did>}, or {@code https://<host>/.well-known/did.json} for did:web) → the
 * {@code #atproto_pds} service endpoint. A handle counts only when the DID document names it back
 * ({@code alsoKnownAs: at://<handle>}). Thread-safe; every call goes through {@link SafeHttp}.
 */
public final class BlueskyDirectory {
  /** An account: its DID, its verified handle and its PDS. */
  public record Identity(String did, String handle, URI pds) {
    public Identity {
      Objects.requireNonNull(did, "did");
      Objects.requireNonNull(handle, "handle");
      Objects.requireNonNull(pds, "pds");
    }
  }

  private static final Pattern HANDLE =
      Pattern.compile("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$");
  private static final Pattern DID = Pattern.compile("^did:(plc|web):[a-zA-Z0-9._:%-]{1,2040}$");

  private final Xrpc xrpc;
  private final URI handleResolver;
  private final URI plcDirectory;

  /**
   * @param handleResolver a server answering com.atproto.identity.resolveHandle for any handle
   *     (Bluesky's AppView, or a PDS)
   * @param plcDirectory the did:plc directory
   */
  public BlueskyDirectory(SafeHttp http, URI handleResolver, URI plcDirectory, Clock clock) {
    this.xrpc = new Xrpc(http, clock);
    this.handleResolver = Objects.requireNonNull(handleResolver, "handleResolver");
    this.plcDirectory = Objects.requireNonNull(plcDirectory, "plcDirectory");
  }

  /** Bluesky's public AppView, which resolves any handle. */
  public static final URI PUBLIC_APPVIEW = URI.create("https://public.api.bsky.app");

  /** The public did:plc directory. */
  public static final URI PUBLIC_PLC = URI.create("https://plc.directory");

  /** The public network: Bluesky's AppView resolves handles, plc.directory holds did:plc. */
  public static BlueskyDirectory production(SafeHttp http, Clock clock) {
    return new BlueskyDirectory(http, PUBLIC_APPVIEW, PUBLIC_PLC, clock);
  }

  Xrpc xrpc() {
    return xrpc;
  }

  /**
   * A handle as people type it ({@code @Alice.bsky.social}) in its canonical form, or null when it
   * cannot be a handle.
   */
  public static String normalizeHandle(String typed) {
    if (typed == null) return null;
    String h = typed.strip().toLowerCase(Locale.ROOT);
    if (h.startsWith("@")) h = h.substring(1);
    if (h.startsWith("at://")) h = h.substring(5);
    return h.length() <= 253 && HANDLE.matcher(h).matches() ? h : null;
  }

  /** The account behind {@code handle}, with its PDS, checked both ways. */
  public Identity identify(String handle) {
    String h = normalizeHandle(handle);
    if (h == null)
      throw refused("'" + handle + "' is not a Bluesky handle (like name.bsky.social)");
    String did = resolveHandle(h);
    JsonNode doc = didDocument(did);
    boolean claimed = false;
    for (JsonNode aka : doc.path("alsoKnownAs")) {
      if (aka.asText().equalsIgnoreCase("at://" + h)) claimed = true;
    }
    if (!claimed) {
      throw refused(
          "the handle " + h + " points to " + did + ", but that account does not claim the handle");
    }
    return new Identity(did, h, pdsOf(did, doc));
  }

  /** The DID a handle points to, or a failure saying the handle is unknown. */
  public String resolveHandle(String handle) {
    Xrpc.Reply r =
        xrpc.get(
            handleResolver,
            "com.atproto.identity.resolveHandle",
            Map.of("handle", handle),
            null,
            "finding the handle " + handle);
    if (r.ok() && isDid(r.json().path("did").asText())) return r.json().get("did").asText();
    if (!r.ok() && r.status() != 400 && r.status() != 404) {
      // The resolver itself is failing (down, rate limited): say so rather than guess.
      r.orThrow("finding the handle " + handle);
    }
    // The resolver does not know it: ask the handle's own domain.
    SafeHttp.Response w;
    try {
      w =
          xrpc.http()
              .send(
                  Xrpc.request(URI.create("https://" + handle + "/.well-known/atproto-did"))
                      .GET()
                      .build(),
                  true);
    } catch (ChannelFailure e) {
      throw refused("no Bluesky account has the handle " + handle);
    }
    String did = w.status() == 200 ? w.text().strip() : "";
    if (!isDid(did)) throw refused("no Bluesky account has the handle " + handle);
    return did;
  }

  /** The PDS hosting {@code did}. */
  public URI pds(String did) {
    return pdsOf(did, didDocument(did));
  }

  /** The DID document of a did:plc or did:web. */
  public JsonNode didDocument(String did) {
    if (!isDid(did)) throw refused("'" + did + "' is not a DID Chorus can look up");
    URI uri;
    if (did.startsWith("did:plc:")) {
      String base = plcDirectory.toString().replaceAll("/+$", "");
      uri = URI.create(base + "/" + did);
    } else {
      String host = did.substring("did:web:".length()).replace("%3A", ":");
      if (host.contains(":") && !host.matches("[^:]+:\\d+")) {
        throw refused("did:web with a path (" + did + ") is not supported by AT Protocol");
      }
      uri = URI.create("https://" + host + "/.well-known/did.json");
    }
    SafeHttp.Response r =
        xrpc.http()
            .send(Xrpc.request(uri).GET().header("Accept", "application/json").build(), true);
    if (r.status() == 404 || r.status() == 410) throw refused("the DID " + did + " does not exist");
    if (r.status() != 200) {
      throw new ChannelFailure(
          "Bluesky, looking up " + did + ": the directory answered HTTP " + r.status(),
          r.status() == 429 || r.status() >= 502,
          null,
          r.status(),
          null);
    }
    try {
      JsonNode doc = Xrpc.JSON.readTree(r.body());
      if (doc == null || !doc.isObject()) throw BlueskyErrors.malformed("looking up " + did, 200);
      return doc;
    } catch (java.io.IOException e) {
      throw BlueskyErrors.malformed("looking up " + did, 200);
    }
  }

  private static URI pdsOf(String did, JsonNode doc) {
    for (JsonNode s : doc.path("service")) {
      String id = s.path("id").asText();
      if ((id.equals("#atproto_pds") || id.equals(did + "#atproto_pds"))
          && s.path("type").asText().equals("AtprotoPersonalDataServer")) {
        String endpoint = s.path("serviceEndpoint").asText();
        try {
          URI u = URI.create(endpoint);
          if (u.getScheme() != null && u.getHost() != null) return u;
        } catch (IllegalArgumentException e) {
          // falls through to the failure below
        }
      }
    }
    throw refused("the DID document of " + did + " names no PDS (#atproto_pds)");
  }

  static boolean isDid(String s) {
    return s != null && DID.matcher(s).matches();
  }

  private static ChannelFailure refused(String message) {
    return new ChannelFailure("Bluesky: " + message, false, null, 0, null);
  }
}
