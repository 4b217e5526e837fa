package dev.chorus.listen.match;

import java.util.Random;

/**
 * Random queries and posts over one small vocabulary, so that queries often match: words in several
 * spellings (case, accents), hashtags, mentions, emoji, CJK, URLs, HTML, and every field.
 */
final class RandomCorpus {

  private static final String[] WORDS = {
    "acme", "Acme", "ACME", "café", "Cafe", "beta", "photon", "x2", "the", "love", "hate", "phone",
    "launch", "new", "nova", "Nova", "lançar", "straße", "strasse", "ok"
  };
  private static final String[] QUERY_WORDS = {
    "acme",
    "cafe",
    "café",
    "beta",
    "photon",
    "x2",
    "the",
    "love",
    "phone",
    "launch",
    "new",
    "nova",
    "lancar",
    "strasse",
    "e-mail",
    "acme.com"
  };
  private static final String[] WILDCARDS = {
    "ac*", "ph*ne", "la?nch", "no*", "caf?", "be*a", "st*e", "ph?t*n", "lo*e*"
  };
  private static final String[] SPECIAL = {
    "#acme",
    "#Nova",
    "@acme",
    "@bob@mastodon.social",
    "🚀",
    "👍🏽",
    "👍",
    "東京都",
    "https://www.acme.com/blog/post",
    "http://news.example.org/x",
    "<b>acme</b>",
    "&amp;",
    "e-mail",
    "acme.com"
  };
  private static final String[] SEPARATORS = {" ", " ", " ", ", ", ". ", "-", "'", "  ", "!"};

  private final Random random;

  RandomCorpus(long seed) {
    this.random = new Random(seed);
  }

  String query(int depth) {
    int choice = random.nextInt(depth <= 0 ? 3 : 10);
    return switch (choice) {
      case 0, 1, 2 -> atom();
      case 3 -> "(" + query(depth - 1) + " OR " + query(depth - 1) + ")";
      case 4 -> query(depth - 1) + " AND " + query(depth - 1);
      case 5 -> query(depth - 1) + " " + query(depth - 1);
      case 6 -> (random.nextBoolean() ? "NOT " : "-") + atom();
      case 7, 8 ->
          span() + " NEAR/" + random.nextInt(4) + (random.nextBoolean() ? "f " : " ") + span();
      default -> "(" + query(depth - 1) + ")";
    };
  }

  private String span() {
    return switch (random.nextInt(6)) {
      case 0 -> pick(WILDCARDS);
      case 1 -> "\"" + pick(QUERY_WORDS) + " " + pick(QUERY_WORDS) + "\"";
      case 2 ->
          "(" + pick(QUERY_WORDS) + " OR \"" + pick(QUERY_WORDS) + " " + pick(QUERY_WORDS) + "\")";
      case 3 -> random.nextBoolean() ? "#acme" : "@acme";
      default -> pick(QUERY_WORDS);
    };
  }

  private String atom() {
    return switch (random.nextInt(20)) {
      case 0, 1, 2, 3, 4, 5 -> pick(QUERY_WORDS);
      case 6 -> "\"" + pick(QUERY_WORDS) + " " + pick(QUERY_WORDS) + "\"";
      case 7 ->
          "\""
              + pick(QUERY_WORDS)
              + " "
              + pick(QUERY_WORDS)
              + " "
              + pick(QUERY_WORDS)
              + "\"~"
              + random.nextInt(4);
      case 8, 9 -> pick(WILDCARDS);
      case 10 ->
          pick(new String[] {"#acme", "#nova", "@acme", "@bob@mastodon.social", "🚀", "👍", "東京都"});
      case 11 -> "{" + pick(new String[] {"Acme", "ACME", "acme", "Nova", "café"}) + "}";
      case 12 -> "author:" + pick(new String[] {"acme", "@Bob", "carol"});
      case 13 -> "lang:" + pick(new String[] {"en", "pt", "pt-br", "fr"});
      case 14 -> "site:" + pick(new String[] {"acme.com", "www.acme.com", "example.org", "org"});
      case 15 ->
          "url:"
              + pick(
                  new String[] {
                    "acme.com/blog", "www.acme.com/blog", "news.example.org/", "www.acme"
                  });
      case 16 -> "channel:" + pick(new String[] {"mastodon", "bluesky"});
      case 17 -> "title:" + pick(new String[] {"acme", "launch", "\"new phone\"", "ph*ne"});
      case 18 ->
          "authorFollowers:["
              + pick(new String[] {"0", "100", "*"})
              + " TO "
              + pick(new String[] {"50", "1000", "*"})
              + "]";
      default -> pick(QUERY_WORDS);
    };
  }

  Post post(int maxTokens) {
    StringBuilder text = new StringBuilder();
    int n = random.nextInt(maxTokens + 1);
    for (int i = 0; i < n; i++) {
      text.append(random.nextInt(8) == 0 ? pick(SPECIAL) : pick(WORDS));
      text.append(pick(SEPARATORS));
    }
    Post post = Post.of(text.toString());
    if (random.nextBoolean()) {
      post =
          post.withTitle(
              pick(WORDS) + " " + pick(new String[] {"launch", "new phone", "phone", "acme"}));
    }
    if (random.nextBoolean()) {
      post = post.withAuthor(pick(new String[] {"acme", "@bob", "Carol", "dave"}));
    }
    if (random.nextBoolean()) {
      post = post.withLang(pick(new String[] {"en", "pt-BR", "fr", "de"}));
    }
    if (random.nextBoolean()) {
      post = post.withChannel(pick(new String[] {"mastodon", "Bluesky", "rss"}));
    }
    if (random.nextInt(3) == 0) {
      post =
          post.withUrl(
              pick(
                  new String[] {
                    "https://www.acme.com/blog/1", "https://example.org/a", "http://acme.com/x"
                  }));
    }
    if (random.nextBoolean()) {
      post = post.withAuthorFollowers(random.nextInt(2000));
    }
    return post;
  }

  private String pick(String[] options) {
    return options[random.nextInt(options.length)];
  }
}
