package dev.chorus.bench.matcher;

import dev.chorus.listen.match.Post;
import dev.chorus.listen.text.TextAnalyzer;
import dev.chorus.listen.text.Token;
import dev.chorus.listen.text.TokenKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Seeded query texts. Realistic sets monitor made-up brands (so that they do not collide with
 * English words) and their products in the shapes listening teams write: a name, a product phrase,
 * the name with context words, exclusions, NEAR, proximity, wildcards, tags and mentions, and each
 * field. The adversarial set combines the most frequent words of the tweets.
 */
public final class QuerySets {

  static final String[] MODELS = {
    "X2", "Pro", "Air", "Max", "Mini", "One", "Go", "Plus", "Ultra", "Lite", "Neo"
  };
  static final String[] CONTEXT = {
    "launch",
    "price",
    "review",
    "broken",
    "refund",
    "support",
    "love",
    "hate",
    "update",
    "battery",
    "screen",
    "delivery",
    "store",
    "sale",
    "deal",
    "app",
    "service",
    "crash",
    "bug",
    "fast",
    "slow",
    "order",
    "recall",
    "outage"
  };
  private static final String[] SPAM = {"giveaway", "crypto", "promo", "bot", "casino", "nsfw"};
  private static final String[] STARTS = {
    "zen", "nov", "lum", "qua", "vex", "bri", "cor", "dax", "elo", "fen", "gal", "hex", "ira",
    "jov", "kel", "mor", "nix", "orb", "pyx", "rav", "syl", "tor", "ulm", "vor", "wyn", "xan",
    "yel", "zor", "alt", "bex"
  };
  private static final String[] MIDS = {"a", "o", "i", "e", "u", "ar", "el", "on"};
  private static final String[] ENDS = {
    "trix", "tek", "lo", "ra", "vo", "nix", "ly", "mo", "sa", "ta", "ix", "on"
  };

  private QuerySets() {}

  /** Made-up brand names, in a seeded order. */
  public static List<String> brands() {
    Set<String> names = new LinkedHashSet<>();
    Random random = new Random(7);
    while (names.size() < 25_000) {
      String name =
          STARTS[random.nextInt(STARTS.length)]
              + MIDS[random.nextInt(MIDS.length)]
              + (random.nextBoolean() ? MIDS[random.nextInt(MIDS.length)] : "")
              + ENDS[random.nextInt(ENDS.length)];
      names.add(Character.toUpperCase(name.charAt(0)) + name.substring(1));
    }
    return new ArrayList<>(names);
  }

  /** {@code count} realistic queries over the first {@code count / 4} brands (at least 100). */
  public static List<String> realistic(List<String> brands, int count, long seed) {
    Random random = new Random(seed);
    int used = Math.min(brands.size(), Math.max(100, count / 4));
    List<String> queries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String b = brands.get(random.nextInt(used));
      String lower = b.toLowerCase(Locale.ROOT);
      String model = pick(random, MODELS);
      String c1 = pick(random, CONTEXT);
      String c2 = pick(random, CONTEXT);
      int shape = random.nextInt(100);
      String query;
      if (shape < 22) {
        query = b;
      } else if (shape < 32) {
        query = "\"" + b + " " + model + "\"";
      } else if (shape < 46) {
        query = b + " AND (" + c1 + " OR " + c2 + ")";
      } else if (shape < 55) {
        query = "(" + b + " OR \"" + b + " " + model + "\") -" + pick(random, SPAM);
      } else if (shape < 62) {
        query = b + " NEAR/3 " + c1;
      } else if (shape < 66) {
        query = "\"" + b + " " + c1 + "\"~3";
      } else if (shape < 69) {
        query = "(" + b + " OR #" + lower + ") NEAR/5f (" + c1 + " OR " + c2 + ")";
      } else if (shape < 76) {
        query = lower.substring(0, Math.min(lower.length() - 1, 5)) + "* " + c1;
      } else if (shape < 81) {
        query = "#" + lower + " OR @" + lower;
      } else {
        query =
            switch (shape % 9) {
              case 0 -> b + " lang:en";
              case 1 -> b + " site:" + lower + ".com";
              case 2 -> "author:" + lower + " -" + pick(random, SPAM);
              case 3 -> "title:" + lower + " OR \"" + b + " " + model + "\"";
              case 4 -> b + " channel:" + (random.nextBoolean() ? "mastodon" : "bluesky");
              case 5 -> b + " authorFollowers:[1000 TO *]";
              case 6 -> "url:" + lower + ".com/blog";
              case 7 -> "{" + b + "} " + c1;
              default -> "(" + b + " OR " + brands.get(random.nextInt(used)) + ") AND NOT lang:de";
            };
      }
      queries.add(query);
    }
    return queries;
  }

  /** {@code count} queries made of the tweets' most frequent words only. */
  static List<String> commonWords(List<Post> tweets, int count, long seed) {
    Map<String, Integer> frequency = new HashMap<>();
    for (Post tweet : tweets) {
      for (Token token : TextAnalyzer.analyze(tweet.text()).tokens()) {
        if (token.kind() == TokenKind.WORD && token.text().chars().allMatch(Character::isLetter)) {
          frequency.merge(token.text(), 1, Integer::sum);
        }
      }
    }
    List<String> top =
        frequency.entrySet().stream()
            .sorted(
                Map.Entry.<String, Integer>comparingByValue()
                    .reversed()
                    .thenComparing(Map.Entry.comparingByKey()))
            .limit(150)
            .map(Map.Entry::getKey)
            .toList();
    Random random = new Random(seed);
    List<String> queries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String a = top.get(random.nextInt(top.size()));
      String b = top.get(random.nextInt(top.size()));
      String c = top.get(random.nextInt(top.size()));
      queries.add(
          switch (random.nextInt(8)) {
            case 0 -> a + " AND " + b;
            case 1 -> a + " OR " + b;
            case 2 -> "\"" + a + " " + b + "\"";
            case 3 -> a + " NEAR/3 " + b;
            case 4 -> a + " -" + b;
            case 5 -> "(" + a + " OR " + b + ") " + c;
            case 6 -> "\"" + a + " " + b + "\"~2";
            default -> a.length() >= 3 ? a.substring(0, 2) + "* " + b : a + " " + b;
          });
    }
    return queries;
  }

  private static String pick(Random random, String[] options) {
    return options[random.nextInt(options.length)];
  }
}
