package dev.chorus.listen.match;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.Objects;

/**
 * A post to match: its text (plain or HTML) and fields. Absent fields are empty strings; an unknown
 * follower count is {@link #UNKNOWN_FOLLOWERS}. Sizes are bounded so that one post cannot take
 * unbounded time or memory; a post over a bound is rejected by the constructor with a message
 * naming the field, its size and the limit.
 *
 * @param text the body, plain text or HTML (tags stripped, entities decoded before matching)
 * @param title a title (RSS items, articles), or ""
 * @param author the author's handle or name, or ""
 * @param lang a language code such as "en" or "pt-BR", or ""
 * @param channel the network or channel name, such as "mastodon", or ""
 * @param url the post's own URL, or ""
 * @param authorFollowers the author's follower count, or {@link #UNKNOWN_FOLLOWERS}
 */
public record Post(
    String text,
    String title,
    String author,
    String lang,
    String channel,
    String url,
    long authorFollowers) {

  /** The largest text accepted, in chars. */
  public static final int MAX_TEXT = 1_000_000;

  /** The largest title accepted, in chars. */
  public static final int MAX_TITLE = 10_000;

  /** The largest author, lang, channel or url accepted, in chars. */
  public static final int MAX_FIELD = 4_096;

  /** The follower count of an author whose count is not known; no range matches it. */
  public static final long UNKNOWN_FOLLOWERS = -1;

  public Post {
    bounded("text", text, MAX_TEXT);
    bounded("title", title, MAX_TITLE);
    bounded("author", author, MAX_FIELD);
    bounded("lang", lang, MAX_FIELD);
    bounded("channel", channel, MAX_FIELD);
    bounded("url", url, MAX_FIELD);
    if (authorFollowers < UNKNOWN_FOLLOWERS) {
      throw new IllegalArgumentException(
          "authorFollowers must be -1 (unknown) or more but was " + authorFollowers);
    }
  }

  /** A post with only a text. */
  public static Post of(String text) {
    return new Post(text, "", "", "", "", "", UNKNOWN_FOLLOWERS);
  }

  /**
   * A post whose text arrives as bytes in {@code charset}.
   *
   * @throws IllegalArgumentException naming the byte offset when the bytes are not valid in that
   *     charset, or when the text is over {@link #MAX_TEXT}
   */
  public static Post ofBytes(byte[] bytes, Charset charset) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length > MAX_TEXT * 4L) {
      throw new IllegalArgumentException(
          "text is " + bytes.length + " bytes; the limit is " + MAX_TEXT + " characters");
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    try {
      String text =
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(in)
              .toString();
      return of(text);
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(
          "text is not valid " + charset.name() + " at byte " + in.position(), e);
    }
  }

  public Post withTitle(String value) {
    return new Post(text, value, author, lang, channel, url, authorFollowers);
  }

  public Post withAuthor(String value) {
    return new Post(text, title, value, lang, channel, url, authorFollowers);
  }

  public Post withLang(String value) {
    return new Post(text, title, author, value, channel, url, authorFollowers);
  }

  public Post withChannel(String value) {
    return new Post(text, title, author, lang, value, url, authorFollowers);
  }

  public Post withUrl(String value) {
    return new Post(text, title, author, lang, channel, value, authorFollowers);
  }

  public Post withAuthorFollowers(long value) {
    return new Post(text, title, author, lang, channel, url, value);
  }

  private static void bounded(String name, String value, int limit) {
    Objects.requireNonNull(value, name);
    if (value.length() > limit) {
      throw new IllegalArgumentException(
          name + " is " + value.length() + " characters; the limit is " + limit);
    }
  }
}
