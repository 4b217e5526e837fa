package dev.chorus.listen.text;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the HTML of a post (Mastodon and RSS deliver HTML) into plain text: tags of known HTML
 * elements are removed (block elements and {@code <br>} leave a space, inline ones nothing), the
 * content of {@code <script>} and {@code <style>} is dropped, and character references ({@code
 * &amp;amp;}, {@code &amp;#233;}, {@code &amp;#xE9;} and common named ones) are decoded. A {@code
 * <} that does not start a known tag, such as "&lt;3" or "a &lt; b", stays as written, so plain
 * text passes through unchanged. Decoding is one pass: a decoded {@code &amp;lt;} never becomes a
 * tag.
 *
 * <p>Stateless and thread-safe.
 */
public final class HtmlText {

  private static final Set<String> INLINE =
      Set.of(
          "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font", "i",
          "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time",
          "tt", "u", "var", "wbr");
  private static final Set<String> BLOCK =
      Set.of(
          "address",
          "article",
          "aside",
          "audio",
          "blockquote",
          "body",
          "br",
          "button",
          "caption",
          "center",
          "dd",
          "details",
          "div",
          "dl",
          "dt",
          "figcaption",
          "figure",
          "footer",
          "form",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "head",
          "header",
          "hr",
          "html",
          "iframe",
          "img",
          "input",
          "label",
          "li",
          "link",
          "main",
          "meta",
          "nav",
          "ol",
          "option",
          "p",
          "picture",
          "pre",
          "section",
          "select",
          "source",
          "summary",
          "table",
          "tbody",
          "td",
          "textarea",
          "tfoot",
          "th",
          "thead",
          "title",
          "tr",
          "ul",
          "video",
          "script",
          "style",
          "svg",
          "path");
  private static final Map<String, String> ENTITIES =
      Map.ofEntries(
          Map.entry("amp", "&"),
          Map.entry("lt", "<"),
          Map.entry("gt", ">"),
          Map.entry("quot", "\""),
          Map.entry("apos", "'"),
          Map.entry("nbsp", "\u00A0"),
          Map.entry("hellip", "…"),
          Map.entry("mdash", "—"),
          Map.entry("ndash", "–"),
          Map.entry("lsquo", "‘"),
          Map.entry("rsquo", "’"),
          Map.entry("ldquo", "“"),
          Map.entry("rdquo", "”"),
          Map.entry("laquo", "«"),
          Map.entry("raquo", "»"),
          Map.entry("copy", "©"),
          Map.entry("reg", "®"),
          Map.entry("trade", "™"),
          Map.entry("euro", "€"),
          Map.entry("pound", "£"),
          Map.entry("yen", "¥"),
          Map.entry("eacute", "é"),
          Map.entry("egrave", "è"),
          Map.entry("ecirc", "ê"),
          Map.entry("aacute", "á"),
          Map.entry("agrave", "à"),
          Map.entry("acirc", "â"),
          Map.entry("iacute", "í"),
          Map.entry("oacute", "ó"),
          Map.entry("uacute", "ú"),
          Map.entry("ntilde", "ñ"),
          Map.entry("ccedil", "ç"),
          Map.entry("auml", "ä"),
          Map.entry("ouml", "ö"),
          Map.entry("uuml", "ü"),
          Map.entry("szlig", "ß"),
          Map.entry("Eacute", "É"),
          Map.entry("Auml", "Ä"),
          Map.entry("Ouml", "Ö"),
          Map.entry("Uuml", "Ü"),
          Map.entry("middot", "·"),
          Map.entry("bull", "•"),
          Map.entry("zwj", "\u200D"),
          Map.entry("zwnj", "\u200C"),
          Map.entry("shy", ""));

  private HtmlText() {}

  /**
   * Plain text of {@code html}; returns {@code html} itself when it has no {@code <} or {@code &}.
   */
  public static String toPlainText(String html) {
    if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
      return html;
    }
    StringBuilder out = new StringBuilder(html.length());
    int n = html.length();
    int i = 0;
    while (i < n) {
      char c = html.charAt(i);
      if (c == '<') {
        int end = tagEnd(html, i);
        if (end > 0) {
          String name = tagName(html, i);
          boolean closing = html.charAt(i + 1) == '/';
          if (BLOCK.contains(name)) {
            out.append(' ');
          }
          boolean selfClosing = html.charAt(end - 2) == '/';
          i = end;
          if (!closing && !selfClosing && (name.equals("script") || name.equals("style"))) {
            i = skipElementContent(html, i, name);
          }
          continue;
        }
      } else if (c == '&') {
        int end = referenceEnd(html, i);
        if (end > 0) {
          String decoded = decode(html.substring(i + 1, end - 1));
          if (decoded != null) {
            out.append(decoded);
            i = end;
            continue;
          }
        }
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  private static int skipElementContent(String html, int from, String name) {
    int close = html.toLowerCase(Locale.ROOT).indexOf("</" + name, from);
    if (close < 0) {
      return html.length();
    }
    int end = html.indexOf('>', close);
    return end < 0 ? html.length() : end + 1;
  }

  /** Index after the {@code >} of a known tag starting at {@code at}, or -1. */
  private static int tagEnd(String html, int at) {
    String name = tagName(html, at);
    if (name.isEmpty() || (!INLINE.contains(name) && !BLOCK.contains(name))) {
      return -1;
    }
    int afterName = at + 1 + (html.charAt(at + 1) == '/' ? 1 : 0) + name.length();
    if (afterName < html.length()) {
      char c = html.charAt(afterName);
      if (c != '>' && c != '/' && !Character.isWhitespace(c)) {
        return -1;
      }
    }
    int end = html.indexOf('>', afterName);
    return end < 0 ? -1 : end + 1;
  }

  private static String tagName(String html, int at) {
    int i = at + 1;
    if (i < html.length() && html.charAt(i) == '/') {
      i++;
    }
    int start = i;
    while (i < html.length() && i - start < 12 && isAsciiAlnum(html.charAt(i))) {
      i++;
    }
    return html.substring(start, i).toLowerCase(Locale.ROOT);
  }

  private static boolean isAsciiAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static int referenceEnd(String html, int at) {
    int limit = Math.min(html.length(), at + 12);
    for (int i = at + 1; i < limit; i++) {
      char c = html.charAt(i);
      if (c == ';') {
        return i > at + 1 ? i + 1 : -1;
      }
      if (!isAsciiAlnum(c) && c != '#') {
        return -1;
      }
    }
    return -1;
  }

  private static String decode(String name) {
    if (name.startsWith("#")) {
      try {
        int cp =
            name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                ? Integer.parseInt(name.substring(2), 16)
                : Integer.parseInt(name.substring(1));
        if (cp <= 0 || cp > Character.MAX_CODE_POINT || (cp >= 0xD800 && cp <= 0xDFFF)) {
          return "\uFFFD";
        }
        return new String(Character.toChars(cp));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return ENTITIES.get(name);
  }
}
