package dev.chorus.core.channel;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts a post the way its network does: Bluesky counts graphemes (an emoji with modifiers is
 * one); Mastodon counts code points, every link as {@code urlLength} characters whatever its
 * length, and a mention of a remote account by its username only.
 */
public final class PostLength {
  private static final Pattern URL =
      Pattern.compile("https?://[^\\s<>\"]+", Pattern.CASE_INSENSITIVE);
  private static final Pattern REMOTE_MENTION =
      Pattern.compile("(?<=^|[^\\w/])@(\\w+)@[\\w.-]+\\w", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern GRAPHEME = Pattern.compile("\\X");

  private PostLength() {}

  /** The length of {@code text} as the network with these limits counts it. */
  public static int count(String text, ChannelLimits limits) {
    if (limits.countsGraphemes()) return graphemes(text);
    String s = text;
    int extra = 0;
    if (limits.urlLength() >= 0) {
      Matcher m = URL.matcher(s);
      StringBuilder b = new StringBuilder();
      while (m.find()) {
        extra += limits.urlLength();
        m.appendReplacement(b, "");
      }
      m.appendTail(b);
      s = b.toString();
      s = REMOTE_MENTION.matcher(s).replaceAll("@$1");
    }
    return s.codePointCount(0, s.length()) + extra;
  }

  /** User-perceived characters (extended grapheme clusters). */
  public static int graphemes(String text) {
    Matcher m = GRAPHEME.matcher(text);
    int n = 0;
    while (m.find()) n++;
    return n;
  }
}
