package dev.chorus.channels.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Mastodon list forward from a cursor, oldest first, with nothing skipped. Mastodon lists
 * newest first; {@code min_id=X} gives the page just after X, and the {@code Link} header's {@code
 * rel="prev"} names the next one ({@code min_id} of the newest entry). Reading stops at an empty
 * page or after {@link #MAX_PAGES} pages, and the cursor becomes the newest id read, so a long
 * backlog is read over several calls and never jumped over. With no cursor, only the newest page is
 * read.
 */
final class ReadForward {
  static final int PAGE = 40;
  static final int MAX_PAGES = 10;
  private static final Pattern PREV =
      Pattern.compile("<([^>]*)>\\s*;[^,]*rel=\"?prev\"?", Pattern.CASE_INSENSITIVE);
  private static final Pattern MIN_ID = Pattern.compile("(?:^|&)min_id=([0-9A-Za-z_-]+)");

  /** Entries read, oldest first, and where the next read starts. */
  record Result(List<JsonNode> entries, String cursor) {}

  /** One page. */
  interface Fetch {
    /**
     * @param minId the id to read after, or null for the newest page
     * @return the page's entries (newest first, as Mastodon lists) and the answer
     */
    MastodonClient.Reply page(String minId);
  }

  private ReadForward() {}

  /**
   * @param entries picks the array out of an answer (the body itself, or {@code statuses} for
   *     search)
   */
  static Result read(
      String cursor, Fetch fetch, java.util.function.Function<JsonNode, JsonNode> entries) {
    List<JsonNode> all = new ArrayList<>();
    String newest = cursor;
    String minId = cursor;
    for (int page = 0; page < MAX_PAGES; page++) {
      MastodonClient.Reply reply = fetch.page(minId);
      List<JsonNode> items = new ArrayList<>();
      entries.apply(reply.json()).forEach(items::add);
      if (items.isEmpty()) break;
      for (JsonNode n : items) {
        String id = n.path("id").asText("");
        if (id.isEmpty()) continue;
        // A server that ignores min_id would repeat what was read: keep only what is newer.
        if (cursor != null && MastodonItems.BY_ID.compare(id, cursor) <= 0) continue;
        all.add(n);
        if (newest == null || MastodonItems.BY_ID.compare(id, newest) > 0) newest = id;
      }
      // Without a cursor the newest page is enough: history is not backfilled.
      if (cursor == null) break;
      String next = prevMinId(reply).orElse(newest);
      if (next == null || next.equals(minId)) break;
      minId = next;
    }
    all.sort((a, b) -> MastodonItems.BY_ID.compare(a.path("id").asText(), b.path("id").asText()));
    return new Result(all, newest);
  }

  /**
   * The {@code min_id} of the Link header's {@code prev} page. Only the id is taken from it: the
   * next request is built here, so a Link pointing at another host never receives the token.
   */
  static Optional<String> prevMinId(MastodonClient.Reply reply) {
    for (String link : reply.response().headers().allValues("Link")) {
      Matcher m = PREV.matcher(link);
      while (m.find()) {
        String query;
        try {
          query = URI.create(m.group(1).strip()).getRawQuery();
        } catch (IllegalArgumentException e) {
          continue;
        }
        if (query == null) continue;
        Matcher id = MIN_ID.matcher(query);
        if (id.find()) return Optional.of(id.group(1));
      }
    }
    return Optional.empty();
  }
}
