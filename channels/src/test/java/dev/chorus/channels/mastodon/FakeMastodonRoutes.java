package dev.chorus.channels.mastodon;

import static dev.chorus.channels.mastodon.FakeMastodon.JSON;
import static dev.chorus.channels.mastodon.FakeMastodon.error;
import static dev.chorus.channels.mastodon.FakeMastodon.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** FakeMastodon's REST API: instance, statuses, media, notifications, timelines, search. */
final class FakeMastodonRoutes {
  private static final Set<String> VISIBILITIES = Set.of("public", "unlisted", "private", "direct");
  private final FakeMastodon m;

  FakeMastodonRoutes(FakeMastodon m) {
    this.m = m;
  }

  void register(RoutesConfig r) {
    r.get("/api/v2/instance", m.api(false, this::instance));
    r.get(
        "/api/v1/accounts/verify_credentials",
        m.api(true, ctx -> json(ctx, 200, m.account("chorus"))));
    r.post("/api/v1/statuses", m.api(true, this::postStatus));
    r.get("/api/v1/statuses/{id}", m.api(true, this::getStatus));
    r.post("/api/v2/media", m.api(true, this::upload));
    r.get("/api/v1/media/{id}", m.api(true, this::checkMedia));
    r.get("/api/v1/notifications", m.api(true, this::notifications));
    r.get("/api/v1/timelines/tag/{tag}", m.api(true, this::tag));
    r.get("/api/v2/search", m.api(true, this::search));
  }

  private void instance(Context ctx) {
    ObjectNode i = JSON.createObjectNode();
    i.put("domain", "127.0.0.1");
    i.put("title", "Fake Mastodon");
    i.put("version", "4.4.0");
    ObjectNode config = i.putObject("configuration");
    config.putObject("urls").put("streaming", "ws://127.0.0.1:" + m.uri().getPort());
    ObjectNode s = config.putObject("statuses");
    s.put("max_characters", m.maxCharacters);
    s.put("max_media_attachments", m.maxMedia);
    s.put("characters_reserved_per_url", 23);
    ObjectNode media = config.putObject("media_attachments");
    media.putArray("supported_mime_types").add("image/png").add("image/jpeg").add("video/mp4");
    media.put("image_size_limit", m.imageSizeLimit);
    media.put("video_size_limit", 103809024);
    media.put("description_limit", m.descriptionLimit);
    json(ctx, 200, i);
  }

  private void getStatus(Context ctx) {
    ObjectNode s = m.statuses.get(ctx.pathParam("id"));
    if (s == null) {
      error(ctx, 404, "Record not found");
      return;
    }
    ObjectNode shown = s.deepCopy();
    if (!m.quoteCounts) shown.remove("quotes_count");
    json(ctx, 200, shown);
  }

  private void postStatus(Context ctx) throws IOException {
    boolean isJson = String.valueOf(ctx.contentType()).startsWith("application/json");
    JsonNode body = isJson ? JSON.readTree(ctx.body()) : null;
    String text = isJson ? body.path("status").asText("") : nz(ctx.formParam("status"));
    String visibility =
        isJson ? body.path("visibility").asText("public") : nz(ctx.formParam("visibility"));
    if (visibility.isEmpty()) visibility = "public";
    String language = isJson ? body.path("language").asText(null) : ctx.formParam("language");
    String spoiler =
        isJson ? body.path("spoiler_text").asText("") : nz(ctx.formParam("spoiler_text"));
    String replyTo =
        isJson ? body.path("in_reply_to_id").asText(null) : ctx.formParam("in_reply_to_id");
    List<String> mediaIds = new ArrayList<>();
    if (isJson) body.path("media_ids").forEach(n -> mediaIds.add(n.asText()));
    else mediaIds.addAll(ctx.formParams("media_ids[]"));

    String key = ctx.header("Idempotency-Key");
    // Mastodon keeps the key per account: the same key answers the first status again.
    ObjectNode s;
    synchronized (m) {
      String earlier = key == null ? null : m.idempotency.get(FakeMastodon.ACCOUNT_ID + ":" + key);
      if (earlier != null) {
        json(ctx, 200, m.statuses.get(earlier));
        return;
      }
      if (text.isBlank() && mediaIds.isEmpty()) {
        error(ctx, 422, "Validation failed: Text can't be blank");
        return;
      }
      if (length(text) > m.maxCharacters) {
        error(
            ctx,
            422,
            "Validation failed: Text character limit of " + m.maxCharacters + " exceeded");
        return;
      }
      if (!VISIBILITIES.contains(visibility)) {
        error(ctx, 422, "Validation failed: Visibility is not included in the list");
        return;
      }
      if (replyTo != null && !m.statuses.containsKey(replyTo)) {
        error(ctx, 404, "The post you are trying to reply to does not appear to exist.");
        return;
      }
      if (mediaIds.size() > m.maxMedia) {
        error(ctx, 422, "Cannot attach more than " + m.maxMedia + " files");
        return;
      }
      List<ObjectNode> attachments = new ArrayList<>();
      for (String id : mediaIds) {
        ObjectNode a = m.media.get(id);
        if (a == null) {
          error(ctx, 422, "Validation failed: Media attachments are invalid");
          return;
        }
        if (a.path("url").isNull()) {
          error(
              ctx,
              422,
              "Cannot attach files that have not finished processing. Try again in a moment!");
          return;
        }
        attachments.add(a);
      }
      s = m.status(m.account("chorus"), text, visibility, language, spoiler, replyTo, attachments);
      m.statuses.put(s.get("id").asText(), s);
      if (key != null) m.idempotency.put(FakeMastodon.ACCOUNT_ID + ":" + key, s.get("id").asText());
      if (m.loseThisPostAnswer()) {
        error(ctx, 503, "Service Unavailable");
        return;
      }
      if (m.answerDelay.isZero()) {
        json(ctx, 200, s);
        return;
      }
    }
    // Stored but not yet answered: a client that dies now never hears that it posted.
    try {
      Thread.sleep(m.answerDelay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    json(ctx, 200, s);
  }

  /** Mastodon's count: code points, with every URL counting as 23. */
  private static int length(String text) {
    String counted = text.replaceAll("https?://\\S+", "x".repeat(23));
    return counted.codePointCount(0, counted.length());
  }

  private void upload(Context ctx) throws IOException {
    UploadedFile file = ctx.uploadedFile("file");
    if (file == null) {
      error(ctx, 422, "Validation failed: File can't be blank");
      return;
    }
    byte[] bytes;
    try (InputStream in = file.content()) {
      bytes = in.readAllBytes();
    }
    String description = ctx.formParam("description");
    if (description != null
        && description.codePointCount(0, description.length()) > m.descriptionLimit) {
      error(
          ctx,
          422,
          "Validation failed: Description is too long (maximum is "
              + m.descriptionLimit
              + " characters)");
      return;
    }
    if (bytes.length > m.imageSizeLimit) {
      error(
          ctx,
          422,
          "Validation failed: File file size must be less than "
              + (m.imageSizeLimit >> 20)
              + " MB");
      return;
    }
    String id = m.nextId();
    ObjectNode a = JSON.createObjectNode();
    a.put("id", id);
    a.put("type", String.valueOf(file.contentType()).startsWith("video/") ? "video" : "image");
    a.put("preview_url", m.uri() + "/system/media/" + id + "/small.png");
    if (description == null) a.putNull("description");
    else a.put("description", description);
    a.put("size", bytes.length);
    a.put("content_type", file.contentType());
    int checks = m.mediaProcessingChecks;
    if (checks > 0) {
      a.putNull("url");
      m.mediaChecksLeft.put(id, new AtomicInteger(checks));
      m.media.put(id, a);
      json(ctx, 202, a);
    } else {
      a.put("url", m.uri() + "/system/media/" + id + "/original.png");
      m.media.put(id, a);
      json(ctx, 200, a);
    }
  }

  private void checkMedia(Context ctx) {
    String id = ctx.pathParam("id");
    ObjectNode a = m.media.get(id);
    if (a == null) {
      error(ctx, 404, "Record not found");
      return;
    }
    AtomicInteger left = m.mediaChecksLeft.get(id);
    if (left != null && left.decrementAndGet() > 0) {
      json(ctx, 206, a);
      return;
    }
    a.put("url", m.uri() + "/system/media/" + id + "/original.png");
    json(ctx, 200, a);
  }

  private void notifications(Context ctx) {
    List<String> types = ctx.queryParams("types[]");
    List<String> excluded = ctx.queryParams("exclude_types[]");
    List<ObjectNode> all =
        m.notifications.stream()
            .filter(n -> types.isEmpty() || types.contains(n.get("type").asText()))
            .filter(n -> !excluded.contains(n.get("type").asText()))
            .toList();
    String extra = types.stream().map(t -> "types%5B%5D=" + t).collect(Collectors.joining("&"));
    page(ctx, all, 40, extra);
  }

  private void tag(Context ctx) {
    String tag = ctx.pathParam("tag").toLowerCase(Locale.ROOT);
    List<ObjectNode> tagged =
        m.statuses.values().stream()
            .filter(s -> s.path("visibility").asText().equals("public"))
            .filter(
                s -> {
                  for (JsonNode t : s.path("tags"))
                    if (t.path("name").asText().equals(tag)) return true;
                  return false;
                })
            .toList();
    page(ctx, tagged, 20, "");
  }

  private void search(Context ctx) {
    String q = nz(ctx.queryParam("q")).toLowerCase(Locale.ROOT);
    if (q.isBlank()) {
      error(ctx, 400, "Validation failed: q is missing");
      return;
    }
    List<ObjectNode> found =
        m.statuses.values().stream()
            .filter(s -> s.path("visibility").asText().equals("public"))
            .filter(
                s ->
                    MastodonItems.plain(s.path("content").asText())
                        .toLowerCase(Locale.ROOT)
                        .contains(q))
            .toList();
    List<ObjectNode> page = slice(ctx, found, 20);
    ObjectNode out = JSON.createObjectNode();
    out.putArray("accounts");
    out.putArray("hashtags");
    out.putArray("statuses").addAll(page);
    json(ctx, 200, out);
  }

  /** Mastodon's paging: newest first; max_id, since_id and min_id; Link next and prev. */
  private void page(Context ctx, List<ObjectNode> entries, int defaultLimit, String extraQuery) {
    List<ObjectNode> page = slice(ctx, entries, defaultLimit);
    if (!page.isEmpty()) {
      String base = m.uri() + ctx.path() + "?" + (extraQuery.isEmpty() ? "" : extraQuery + "&");
      String newest = page.get(0).get("id").asText();
      String oldest = page.get(page.size() - 1).get("id").asText();
      ctx.header(
          "Link",
          "<"
              + base
              + "max_id="
              + oldest
              + ">; rel=\"next\", <"
              + base
              + "min_id="
              + newest
              + ">; rel=\"prev\"");
    }
    json(ctx, 200, page);
  }

  private static List<ObjectNode> slice(Context ctx, List<ObjectNode> entries, int defaultLimit) {
    int limit =
        Math.min(
            80,
            ctx.queryParam("limit") == null
                ? defaultLimit
                : Integer.parseInt(ctx.queryParam("limit")));
    String maxId = ctx.queryParam("max_id");
    String sinceId = ctx.queryParam("since_id");
    String minId = ctx.queryParam("min_id");
    List<ObjectNode> newest = FakeMastodon.newestFirst(entries);
    List<ObjectNode> kept = new ArrayList<>();
    for (ObjectNode e : newest) {
      String id = e.get("id").asText();
      if (maxId != null && MastodonItems.BY_ID.compare(id, maxId) >= 0) continue;
      if (sinceId != null && MastodonItems.BY_ID.compare(id, sinceId) <= 0) continue;
      if (minId != null && MastodonItems.BY_ID.compare(id, minId) <= 0) continue;
      kept.add(e);
    }
    if (minId != null) {
      // min_id: the page just after min_id, that is the oldest ones kept, still newest first.
      int from = Math.max(0, kept.size() - limit);
      return kept.subList(from, kept.size());
    }
    return kept.subList(0, Math.min(limit, kept.size()));
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
