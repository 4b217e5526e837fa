package dev.chorus.core.publishing.links;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The http(s) links in a post's text, found as the networks find them: a link starts at the
 * beginning of the text, after white space or after an opening bracket, and ends before white
 * space; punctuation that ends the sentence ({@code .,;:!?'"}, or a {@code )} without its {@code
 * (}) is not part of it. Pure.
 */
public final class LinkText {
  private static final Pattern LINK =
      Pattern.compile("(?:^|[\\s(])(https?://[^\\s<>\"]+)", Pattern.CASE_INSENSITIVE);

  private LinkText() {}

  /**
   * A link in the text.
   *
   * @param start index of its first character in the text
   * @param end index after its last character
   */
  public record Found(int start, int end, String url) {}

  /** Every http(s) link in {@code text} with a host, in order. */
  public static List<Found> find(String text) {
    List<Found> out = new ArrayList<>();
    Matcher m = LINK.matcher(text);
    while (m.find()) {
      String raw = trim(m.group(1));
      if (host(raw) == null) continue;
      out.add(new Found(m.start(1), m.start(1) + raw.length(), raw));
    }
    return out;
  }

  /** The lower-cased host of an http(s) URL, with its port when it names one; null if none. */
  public static String host(String url) {
    try {
      URI u = new URI(url);
      String scheme = u.getScheme();
      if (scheme == null) return null;
      scheme = scheme.toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) return null;
      String host = u.getHost();
      if (host == null || host.isEmpty()) return null;
      host = host.toLowerCase(Locale.ROOT);
      int port = u.getPort();
      if (port < 0
          || (scheme.equals("http") && port == 80)
          || (scheme.equals("https") && port == 443)) return host;
      return host + ":" + port;
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  private static String trim(String raw) {
    String s = raw;
    while (!s.isEmpty()) {
      char last = s.charAt(s.length() - 1);
      if (".,;:!?'".indexOf(last) >= 0) {
        s = s.substring(0, s.length() - 1);
      } else if (last == ')' && count(s, '(') < count(s, ')')) {
        // "(see https://x.example/a)": the bracket closes the sentence, not the link.
        s = s.substring(0, s.length() - 1);
      } else {
        break;
      }
    }
    return s;
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) if (s.charAt(i) == c) n++;
    return n;
  }
}
