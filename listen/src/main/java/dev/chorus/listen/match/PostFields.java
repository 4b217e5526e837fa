package dev.chorus.listen.match;

import dev.chorus.listen.text.Folding;
import dev.chorus.listen.text.Urls;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The normal forms of a post's fields, as field queries compare them. */
final class PostFields {

  private PostFields() {}

  /** Folded, without a leading {@code @}; "" when absent. */
  static String author(Post post) {
    String author = Folding.fold(post.author().strip());
    return author.startsWith("@") ? author.substring(1) : author;
  }

  /** The language code in lower case, and its primary subtag when it has one ("pt-br", "pt"). */
  static List<String> langs(Post post) {
    String lang = post.lang().strip().toLowerCase(Locale.ROOT).replace('_', '-');
    List<String> langs = new ArrayList<>(2);
    if (!lang.isEmpty()) {
      langs.add(lang);
      int dash = lang.indexOf('-');
      if (dash > 0) {
        langs.add(lang.substring(0, dash));
      }
    }
    return langs;
  }

  static String channel(Post post) {
    return Folding.fold(post.channel().strip());
  }

  /** The post's own URL, normalised, or "" when absent. */
  static String url(Post post) {
    return post.url().isBlank() ? "" : Urls.normalize(post.url());
  }
}
