package dev.chorus.channels.bluesky;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rich-text facets of a post ({@code app.bsky.richtext.facet}): links ({@code http(s)://…} and
 * {@code www.…}), mentions ({@code @handle.domain}) and hashtags, each with its range in UTF-8
 * bytes of the text, as the lexicon counts (so an emoji before a link moves it by 4, an "é" by 2).
 * Pure: resolving mentions to DIDs is the caller's function.
 */
public final class Facets {
  /** What a span is. */
  public enum Kind {
    LINK,
    MENTION,
    TAG
  }

  /**
   * One annotated range of the text.
   *
   * @param byteStart inclusive, in UTF-8 bytes
   * @param byteEnd exclusive, in UTF-8 bytes
   * @param value the link's full URI, the mentioned handle (no {@code @}), or the tag (no {@code
   *     #})
   */
  public record Span(int byteStart, int byteEnd, Kind kind, String value) {
    public Span {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(value, "value");
      if (byteStart < 0 || byteEnd <= byteStart) {
        throw new IllegalArgumentException("byte range " + byteStart + ".." + byteEnd);
      }
    }
  }

  private static final Pattern LINK =
      Pattern.compile(
          "(?:^|[\\s(])((?:https?://|www\\.)\\S+)",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern MENTION =
      Pattern.compile("(?:^|[\\s(])(@[a-zA-Z0-9.-]+)", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern TAG =
      Pattern.compile("(?:^|\\s)([#＃](?!\\x{FE0F})\\S+)", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern TRAILING_PUNCT = Pattern.compile("\\p{P}+$");

  private Facets() {}

  /** Every link, mention and tag in {@code text}, in order of position. */
  public static List<Span> detect(String text) {
    List<Span> out = new ArrayList<>();
    Matcher m = LINK.matcher(text);
    while (m.find()) {
      String raw = trimLink(m.group(1));
      if (raw.length() < 5 || !raw.contains(".")) continue;
      String uri =
          raw.toLowerCase(java.util.Locale.ROOT).startsWith("www.") ? "https://" + raw : raw;
      out.add(span(text, m.start(1), m.start(1) + raw.length(), Kind.LINK, uri));
    }
    m = MENTION.matcher(text);
    while (m.find()) {
      String raw = m.group(1).replaceAll("[.-]+$", "");
      String handle = BlueskyDirectory.normalizeHandle(raw.substring(1));
      if (handle == null) continue;
      out.add(span(text, m.start(1), m.start(1) + raw.length(), Kind.MENTION, handle));
    }
    m = TAG.matcher(text);
    while (m.find()) {
      String raw = TRAILING_PUNCT.matcher(m.group(1).substring(1)).replaceAll("");
      // A tag needs a letter or symbol (not only digits, as in "#1"), and at most 64 characters.
      if (raw.isEmpty() || raw.codePointCount(0, raw.length()) > 64) continue;
      if (raw.codePoints().allMatch(c -> Character.isDigit(c) || isPunct(c))) continue;
      out.add(span(text, m.start(1), m.start(1) + 1 + raw.length(), Kind.TAG, raw));
    }
    out.sort(Comparator.comparingInt(Span::byteStart));
    // A span inside another (a "#x" in a URL's text) belongs to the outer one.
    List<Span> kept = new ArrayList<>();
    for (Span s : out) {
      if (kept.isEmpty() || s.byteStart() >= kept.get(kept.size() - 1).byteEnd()) kept.add(s);
    }
    return kept;
  }

  /**
   * The facets array of a post record. A mention whose handle {@code didOf} cannot resolve (it
   * answers null) stays plain text rather than failing the post.
   */
  static ArrayNode toJson(List<Span> spans, Function<String, String> didOf) {
    ArrayNode arr = Xrpc.JSON.createArrayNode();
    for (Span s : spans) {
      ObjectNode feature = Xrpc.JSON.createObjectNode();
      switch (s.kind()) {
        case LINK -> feature.put("$type", "app.bsky.richtext.facet#link").put("uri", s.value());
        case TAG -> feature.put("$type", "app.bsky.richtext.facet#tag").put("tag", s.value());
        case MENTION -> {
          String did = didOf.apply(s.value());
          if (did == null) continue;
          feature.put("$type", "app.bsky.richtext.facet#mention").put("did", did);
        }
      }
      ObjectNode facet = arr.addObject();
      facet.putObject("index").put("byteStart", s.byteStart()).put("byteEnd", s.byteEnd());
      facet.putArray("features").add(feature);
    }
    return arr;
  }

  /** The number of UTF-8 bytes of {@code s.substring(0, end)}. */
  static int utf8Length(CharSequence s, int end) {
    int n = 0;
    for (int i = 0; i < end; i++) {
      char c = s.charAt(i);
      if (c < 0x80) n += 1;
      else if (c < 0x800) n += 2;
      else if (Character.isHighSurrogate(c)) n += 4; // the pair is one 4-byte code point
      else if (Character.isLowSurrogate(c)) n += 0;
      else n += 3;
    }
    return n;
  }

  private static Span span(String text, int start, int end, Kind kind, String value) {
    return new Span(utf8Length(text, start), utf8Length(text, end), kind, value);
  }

  private static String trimLink(String raw) {
    String s = raw;
    while (!s.isEmpty()) {
      char last = s.charAt(s.length() - 1);
      if (".,;:!?'\"".indexOf(last) >= 0) {
        s = s.substring(0, s.length() - 1);
      } else if (last == ')' && count(s, '(') < count(s, ')')) {
        // "(see https://x.example/a)" — the bracket closes the sentence, not the link.
        s = s.substring(0, s.length() - 1);
      } else {
        break;
      }
    }
    return s;
  }

  private static int count(String s, char c) {
    return (int) s.chars().filter(x -> x == c).count();
  }

  private static boolean isPunct(int c) {
    int t = Character.getType(c);
    return t == Character.CONNECTOR_PUNCTUATION
        || t == Character.DASH_PUNCTUATION
        || t == Character.START_PUNCTUATION
        || t == Character.END_PUNCTUATION
        || t == Character.INITIAL_QUOTE_PUNCTUATION
        || t == Character.FINAL_QUOTE_PUNCTUATION
        || t == Character.OTHER_PUNCTUATION;
  }
}
