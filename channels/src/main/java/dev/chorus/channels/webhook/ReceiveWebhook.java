package dev.chorus.channels.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chorus.core.Core;
import dev.chorus.core.channel.Channel;
import dev.chorus.core.channel.ChannelId;
import dev.chorus.core.channel.InboundItem;
import dev.chorus.core.channel.Network;
import dev.chorus.core.channel.RemoteRef;
import dev.chorus.core.error.Invalid;
import dev.chorus.core.error.NotFound;
import dev.chorus.core.error.NotPermitted;
import dev.chorus.core.pipeline.Heard;
import dev.chorus.core.pipeline.Ingested;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletionException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Verifies, parses and stores one signed webhook delivery. */
public final class ReceiveWebhook {
  /** How far a delivery's timestamp may be from now, either way. */
  public static final Duration REPLAY_WINDOW = Duration.ofMinutes(5);

  public static final int MAX_ITEMS = 500;
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What a delivery did: items new to the store, items already stored, and items set aside with a
   * reason (empty, binary, wrongly encoded) on the channel's quarantine.
   */
  public record Receipt(int accepted, int duplicates, int quarantined) {}

  private final Core core;

  public ReceiveWebhook(Core core) {
    this.core = core;
  }

  /**
   * @param timestamp the {@code X-Chorus-Timestamp} header, Unix seconds
   * @param signature the {@code X-Chorus-Signature} header, {@code sha256=<hex>}
   * @throws NotFound for an unknown or disconnected webhook (the same answer for both)
   * @throws NotPermitted for a missing, stale or wrong signature
   * @throws Invalid for a body that is not the documented JSON, naming the field
   */
  public Receipt receive(String channelId, String timestamp, String signature, byte[] body) {
    Channel c = findLive(channelId);
    String secret =
        core.channelSecrets.open(
            c.id(), core.db.read(h -> core.channels.sealedSecret(h, c.id())).orElse(null));
    verify(secret, timestamp, signature, body);
    List<InboundItem> items = parse(body);
    Ingested r = store(c, items);
    core.db.inTransaction(
        h -> {
          core.channels.recordSuccess(h, c.id(), null, core.clock.instant(), null);
          return null;
        });
    return new Receipt(r.added(), r.duplicates(), r.quarantined());
  }

  /** Through the pipeline, waiting until the items are stored (the sender gets the receipt). */
  private Ingested store(Channel c, List<InboundItem> items) {
    try {
      return core.pipeline.submit(new Heard(c, "", items, null)).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw e;
    }
  }

  private Channel findLive(String channelId) {
    if (channelId == null || channelId.length() > 40)
      throw new NotFound("There is no such webhook.");
    return core.db
        .read(
            h ->
                h.createQuery(
                        "SELECT workspace_id FROM channels WHERE id = :id AND network = 'webhook'"
                            + " AND disconnected_at IS NULL")
                    .bind("id", channelId)
                    .mapTo(String.class)
                    .findOne()
                    .flatMap(
                        ws ->
                            core.channels.find(
                                h,
                                new dev.chorus.core.workspace.WorkspaceId(ws),
                                new ChannelId(channelId))))
        .orElseThrow(() -> new NotFound("There is no such webhook."));
  }

  private void verify(String secret, String timestamp, String signature, byte[] body) {
    if (timestamp == null || signature == null) {
      throw new NotPermitted(
          "Send X-Chorus-Timestamp and X-Chorus-Signature (see the webhook's page).");
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.strip());
    } catch (NumberFormatException e) {
      throw new NotPermitted("X-Chorus-Timestamp must be Unix seconds, such as 1764000000.");
    }
    long now = core.clock.instant().getEpochSecond();
    if (Math.abs(now - seconds) > REPLAY_WINDOW.toSeconds()) {
      throw new NotPermitted(
          "X-Chorus-Timestamp is more than "
              + REPLAY_WINDOW.toMinutes()
              + " minutes from the server's clock: the delivery is refused as a possible replay.");
    }
    String expected =
        "sha256="
            + HexFormat.of()
                .formatHex(
                    hmac(
                        secret,
                        timestamp.strip() + "." + new String(body, StandardCharsets.UTF_8)));
    if (!MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII),
        signature.strip().getBytes(StandardCharsets.US_ASCII))) {
      throw new NotPermitted(
          "X-Chorus-Signature does not match: sign timestamp + \".\" + body with the webhook's secret.");
    }
  }

  /** HMAC-SHA256 of {@code message} under {@code secret}; also what senders compute. */
  public static byte[] hmac(String secret, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 missing from the JDK", e);
    }
  }

  private List<InboundItem> parse(byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      throw new Invalid("body", "the body is not JSON: " + firstLine(e.getMessage()));
    }
    if (root == null || !root.isObject()) throw new Invalid("body", "send a JSON object");
    List<JsonNode> nodes = new ArrayList<>();
    if (root.has("items")) {
      if (!root.get("items").isArray()) throw new Invalid("items", "items must be an array");
      root.get("items").forEach(nodes::add);
    } else {
      nodes.add(root);
    }
    if (nodes.isEmpty()) throw new Invalid("items", "send at least one item");
    if (nodes.size() > MAX_ITEMS)
      throw new Invalid("items", "send at most " + MAX_ITEMS + " items at once");
    List<InboundItem> items = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++)
      items.add(item(nodes.get(i), root.has("items") ? "items[" + i + "]." : ""));
    return items;
  }

  private InboundItem item(JsonNode n, String at) {
    String id = text(n, "id", at, true, 300);
    String text = text(n, "text", at, true, 20_000);
    String url = text(n, "url", at, false, 2000);
    if (url != null && !(url.startsWith("https://") || url.startsWith("http://"))) {
      throw new Invalid(at + "url", "url must start with http:// or https://");
    }
    JsonNode author = n.path("author");
    Instant created = core.clock.instant();
    String when = text(n, "created_at", at, false, 40);
    if (when != null) {
      try {
        created = Instant.parse(when);
      } catch (DateTimeParseException e) {
        throw new Invalid(
            at + "created_at",
            "created_at must be an ISO-8601 instant, such as 2026-11-22T10:00:00Z");
      }
    }
    return new InboundItem(
        Network.WEBHOOK,
        "mention",
        new RemoteRef(id, url, null),
        author.isObject() ? text(author, "handle", at + "author.", false, 200) : null,
        author.isObject() ? text(author, "name", at + "author.", false, 200) : null,
        author.isObject() ? text(author, "url", at + "author.", false, 2000) : null,
        text(n, "title", at, false, 500),
        text,
        created,
        null,
        text(n, "language", at, false, 10));
  }

  private static String text(JsonNode n, String field, String at, boolean required, int max) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      if (required) throw new Invalid(at + field, field + " is required");
      return null;
    }
    if (!v.isTextual()) throw new Invalid(at + field, field + " must be a string");
    String s = v.asText();
    if (required && s.isBlank()) throw new Invalid(at + field, field + " must not be empty");
    if (s.length() > max)
      throw new Invalid(at + field, field + " is longer than " + max + " characters");
    return s;
  }

  private static String firstLine(String s) {
    if (s == null) return "malformed";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
