package dev.chorus.web.view;

import dev.chorus.core.channel.Channel;
import dev.chorus.core.inbox.CannedReplies;
import dev.chorus.core.inbox.Conversation;
import dev.chorus.core.inbox.ReplyToConversation;
import dev.chorus.core.inbox.ThreadView;
import dev.chorus.core.listening.SavedQuery;
import dev.chorus.core.member.Member;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the inbox pages show, built by {@code InboxPages} and read by the inbox templates. */
public final class InboxView {
  private InboxView() {}

  /** The filter parameters the inbox understands, in the order they appear in a URL. */
  public static final List<String> FILTER_KEYS =
      List.of(
          "status",
          "q",
          "query",
          "channel",
          "assignee",
          "tag",
          "sentiment",
          "language",
          "mode",
          "question",
          "from",
          "to");

  /**
   * The inbox's filters as the request gave them (only known, non-blank keys), so that every link
   * and form keeps them.
   */
  public record Filters(Map<String, String> values) {
    public Filters {
      values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static Filters of(Map<String, List<String>> params) {
      Map<String, String> v = new LinkedHashMap<>();
      for (String k : FILTER_KEYS) {
        List<String> l = params.get(k);
        if (l != null && !l.isEmpty() && l.get(0) != null && !l.get(0).isBlank()) {
          v.put(k, l.get(0).strip());
        }
      }
      return new Filters(v);
    }

    public Filters without(String key) {
      Map<String, String> v = new LinkedHashMap<>(values);
      v.remove(key);
      return new Filters(v);
    }

    public Filters with(String key, String value) {
      Map<String, String> v = new LinkedHashMap<>(values);
      if (value == null || value.isBlank()) v.remove(key);
      else v.put(key, value);
      return new Filters(v);
    }

    public String value(String key) {
      return values.getOrDefault(key, "");
    }

    public boolean is(String key, String value) {
      return value.equals(values.get(key));
    }

    /** The status tab that is showing: open unless the URL says otherwise. */
    public String status() {
      return values.getOrDefault("status", "open");
    }

    /** How many filters besides the status tab are set. */
    public int active() {
      return (int) values.keySet().stream().filter(k -> !k.equals("status")).count();
    }

    /** The query string ({@code a=b&c=d}, encoded, without the '?'); empty when no filter. */
    public String query() {
      StringBuilder b = new StringBuilder();
      values.forEach(
          (k, val) -> {
            if (b.length() > 0) b.append('&');
            b.append(k).append('=').append(URLEncoder.encode(val, StandardCharsets.UTF_8));
          });
      return b.toString();
    }

    /** {@code path} with these filters appended. */
    public String url(String path) {
      String q = query();
      return q.isEmpty() ? path : path + (path.contains("?") ? "&" : "?") + q;
    }
  }

  /** A count shown on a status tab; large numbers are capped. */
  public record Tab(String key, String label, long count, boolean capped, boolean current) {
    public String shown() {
      return capped ? count + "+" : Long.toString(count);
    }
  }

  /** The list: a page of conversations and where the next page starts (null at the end). */
  public record ListPage(List<Conversation> rows, String nextCursor) {}

  /** One entry in a conversation's timeline: something heard, a reply of ours, or a note. */
  public record Entry(
      String kind, Instant at, ThreadView.Item item, ThreadView.Reply reply, ThreadView.Note note) {
    public boolean isItem() {
      return item != null;
    }

    public boolean isReply() {
      return reply != null;
    }

    public boolean isNote() {
      return note != null;
    }
  }

  /** Items, replies and notes of {@code t} in time order. */
  public static List<Entry> timeline(ThreadView t) {
    List<Entry> out = new ArrayList<>();
    for (ThreadView.Item i : t.items()) out.add(new Entry("item", i.createdAt(), i, null, null));
    for (ThreadView.Reply r : t.replies()) {
      out.add(new Entry("reply", r.sentAt() != null ? r.sentAt() : r.createdAt(), null, r, null));
    }
    for (ThreadView.Note n : t.notes()) out.add(new Entry("note", n.createdAt(), null, null, n));
    out.sort(Comparator.comparing(Entry::at));
    return out;
  }

  /**
   * The reply box.
   *
   * @param box how the channel counts, or why it cannot answer
   * @param refusal why this person cannot send (role or channel), or null when they can
   * @param draft the text to put back in the box
   * @param error the last attempt's error (a refusal by the network or a check here), or null
   */
  public record Composer(
      ReplyToConversation.ReplyBox box, String refusal, String draft, String error) {
    public boolean enabled() {
      return refusal == null;
    }

    public int max() {
      return box.limits() == null ? 0 : box.limits().maxLength();
    }

    public String counting() {
      if (box.limits() == null) return "";
      return box.limits().countsGraphemes() ? "graphemes" : "codepoints";
    }

    public int urlLength() {
      return box.limits() == null ? -1 : box.limits().urlLength();
    }
  }

  /** An open conversation with everything its pane needs. */
  public record Open(
      ThreadView thread,
      List<Entry> timeline,
      Composer composer,
      String noteDraft,
      String noteError,
      String tagError) {}

  /** Everything the inbox page shows. */
  public record Page(
      Filters filters,
      List<Tab> tabs,
      ListPage list,
      List<Channel> channels,
      List<SavedQuery> queries,
      List<Member> members,
      List<String> tags,
      List<String> languages,
      List<CannedReplies.Canned> canned,
      String filterError,
      String filterErrorField,
      String bulkError,
      Open open) {}

  /** Initials for a contact's avatar: from the name, else the handle; "?" for neither. */
  public static String initials(String name, String handle) {
    String s = name != null && !name.isBlank() ? name : handle;
    if (s == null || s.isBlank()) return "?";
    s = s.strip().replaceAll("^[@#]+", "");
    if (s.isEmpty()) return "?";
    String[] words = s.split("[\\s._-]+");
    String first = words[0].isEmpty() ? s.substring(0, 1) : firstLetter(words[0]);
    String last =
        words.length > 1 && !words[words.length - 1].isEmpty()
            ? firstLetter(words[words.length - 1])
            : "";
    return (first + last).toUpperCase(Locale.ROOT);
  }

  private static String firstLetter(String w) {
    return new String(Character.toChars(w.codePointAt(0)));
  }

  /** A stable avatar colour (0–5) for a contact. */
  public static int tone(String key) {
    return key == null ? 0 : Math.floorMod(key.hashCode(), 6);
  }

  /** The mode's label as the list shows it. */
  public static String modeLabel(String mode) {
    if (mode == null) return "Mention";
    return switch (mode) {
      case "conversation" -> "Conversation";
      case "advocacy" -> "Advocacy";
      default -> "Mention";
    };
  }

  /** A duration such as "2 h 5 min" or "3 d 4 h", for first-response times. */
  public static String duration(Instant from, Instant to) {
    if (from == null || to == null) return "";
    long s = Math.max(0, java.time.Duration.between(from, to).getSeconds());
    if (s < 60) return s + " s";
    long m = s / 60;
    if (m < 60) return m + " min";
    long h = m / 60;
    if (h < 48) return h + " h" + (m % 60 == 0 ? "" : " " + (m % 60) + " min");
    return (h / 24) + " d" + (h % 24 == 0 ? "" : " " + (h % 24) + " h");
  }

  /** A link to the original post, only when it is http(s): a stranger's URL is never trusted. */
  public static String safeUrl(String url) {
    if (url == null) return null;
    String u = url.strip();
    String lower = u.toLowerCase(Locale.ROOT);
    return lower.startsWith("https://") || lower.startsWith("http://") ? u : null;
  }
}
