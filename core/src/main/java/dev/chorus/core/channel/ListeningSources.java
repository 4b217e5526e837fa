package dev.chorus.core.channel;

import dev.chorus.core.error.Invalid;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a channel listens to besides its mentions, kept in the channel's settings: hashtags and
 * searches (read on the channel's schedule, each from its own cursor), "stream live" (Mastodon: the
 * user stream and the hashtags' streams) and the firehose (Bluesky's Jetstream, kept only where a
 * saved query matches). Which of these a channel may have depends on its network.
 */
public record ListeningSources(
    List<String> hashtags, List<String> searches, boolean live, boolean firehose) {
  public static final int MAX_HASHTAGS = 10;
  public static final int MAX_SEARCHES = 5;
  public static final int MAX_SEARCH_LENGTH = 200;
  public static final ListeningSources NONE =
      new ListeningSources(List.of(), List.of(), false, false);

  // Mastodon's rule: word characters, at least one of them not a digit.
  private static final Pattern HASHTAG =
      Pattern.compile("[\\p{L}\\p{N}_]*[\\p{L}_][\\p{L}\\p{N}_]*");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s,]+");

  public ListeningSources {
    hashtags = List.copyOf(hashtags);
    searches = List.copyOf(searches);
  }

  /** The channel's sources as stored in its settings (read as stored: they were checked then). */
  public static ListeningSources of(Channel c) {
    Map<String, String> s = c.settings();
    return new ListeningSources(
        lines(s.get("hashtags")),
        lines(s.get("searches")),
        "on".equals(s.get("stream")),
        "on".equals(s.get("firehose")));
  }

  /**
   * Checks what a person entered for a channel on {@code network}.
   *
   * @param hashtags hashtags separated by spaces, commas or lines, with or without '#'
   * @param searches one search per line
   * @throws Invalid naming the field ({@code hashtags}, {@code searches}, {@code live} or {@code
   *     firehose}) that is wrong or that the network does not have
   */
  public static ListeningSources check(
      Network network, String hashtags, String searches, boolean live, boolean firehose) {
    boolean mastodon = network == Network.MASTODON;
    boolean bluesky = network == Network.BLUESKY;
    List<String> tags = hashtags(hashtags == null ? "" : hashtags);
    if (!tags.isEmpty() && !mastodon) {
      throw new Invalid("hashtags", network.label() + " channels cannot follow hashtags");
    }
    List<String> terms = searches(searches == null ? "" : searches);
    if (!terms.isEmpty() && !mastodon && !bluesky) {
      throw new Invalid("searches", network.label() + " channels cannot search");
    }
    if (live && !mastodon) {
      throw new Invalid("live", network.label() + " channels cannot stream live");
    }
    if (firehose && !bluesky) {
      throw new Invalid("firehose", "only Bluesky channels can listen to the firehose");
    }
    return new ListeningSources(tags, terms, live, firehose);
  }

  private static List<String> hashtags(String text) {
    Set<String> out = new LinkedHashSet<>();
    for (String raw : SEPARATORS.split(text.strip())) {
      if (raw.isEmpty()) continue;
      String tag = raw.startsWith("#") ? raw.substring(1) : raw;
      if (tag.length() > 100 || !HASHTAG.matcher(tag).matches()) {
        throw new Invalid(
            "hashtags",
            "'"
                + (raw.length() > 40 ? raw.substring(0, 40) + "…" : raw)
                + "' is not a hashtag: use letters, digits and _, with at least one letter, as in"
                + " #coffee");
      }
      out.add(tag.toLowerCase(Locale.ROOT));
    }
    if (out.size() > MAX_HASHTAGS) {
      throw new Invalid("hashtags", "follow at most " + MAX_HASHTAGS + " hashtags per channel");
    }
    return List.copyOf(out);
  }

  private static List<String> searches(String text) {
    Set<String> out = new LinkedHashSet<>();
    for (String line : text.split("\\R")) {
      String term = line.strip().replaceAll("\\s+", " ");
      if (term.isEmpty()) continue;
      if (term.length() > MAX_SEARCH_LENGTH) {
        throw new Invalid("searches", "a search is at most " + MAX_SEARCH_LENGTH + " characters");
      }
      if (term.chars().anyMatch(Character::isISOControl)) {
        throw new Invalid("searches", "a search cannot hold control characters");
      }
      out.add(term);
    }
    if (out.size() > MAX_SEARCHES) {
      throw new Invalid("searches", "keep at most " + MAX_SEARCHES + " searches per channel");
    }
    return List.copyOf(out);
  }

  /** The sources read on the channel's schedule, after its mentions. */
  public List<Source> polled() {
    List<Source> out = new ArrayList<>();
    hashtags.forEach(t -> out.add(Source.hashtag(t)));
    searches.forEach(s -> out.add(Source.search(s)));
    return out;
  }

  /** The sources streamed while the channel is connected. */
  public List<Source> streamed() {
    List<Source> out = new ArrayList<>();
    if (live) {
      out.add(Source.MENTIONS);
      hashtags.forEach(t -> out.add(Source.hashtag(t)));
    }
    if (firehose) out.add(Source.FIREHOSE);
    return out;
  }

  /** Every source this configuration has, mentions first. */
  public List<Source> all() {
    List<Source> out = new ArrayList<>();
    out.add(Source.MENTIONS);
    out.addAll(polled());
    if (firehose) out.add(Source.FIREHOSE);
    return out;
  }

  /** {@code settings} with these sources in place of the old ones; other settings are kept. */
  public Map<String, String> into(Map<String, String> settings) {
    Map<String, String> out = new HashMap<>(settings);
    out.remove("hashtags");
    out.remove("searches");
    out.remove("stream");
    out.remove("firehose");
    if (!hashtags.isEmpty()) out.put("hashtags", String.join("\n", hashtags));
    if (!searches.isEmpty()) out.put("searches", String.join("\n", searches));
    if (live) out.put("stream", "on");
    if (firehose) out.put("firehose", "on");
    return out;
  }

  private static List<String> lines(String stored) {
    if (stored == null || stored.isBlank()) return List.of();
    return List.of(stored.split("\n"));
  }
}
