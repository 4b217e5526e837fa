package dev.chorus.bench.sentiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic social posts that exercise every VADER rule: brand and product names, lexicon words,
 * boosters, negations, "but", capitals, ! and ?, emoticons, emoji, mentions, hashtags and links.
 * Seeded, so every run scores the same posts.
 */
final class GeneratedPosts {

  private static final String[] SUBJECTS = {
    "@Acme",
    "the new Photon X2",
    "Chorus",
    "#NovaPhone",
    "my Zenbook",
    "the support team",
    "this update",
    "the delivery",
    "@skyline_air",
    "their app"
  };
  private static final String[] VERBS = {"is", "was", "has been", "looks", "feels", "seems"};
  private static final String[] BOOSTERS = {
    "", "", "very", "really", "so", "kind of", "extremely", "barely", "totally", "somewhat"
  };
  private static final String[] NEGATIONS = {"", "", "", "not", "never", "isn't", "hardly"};
  private static final String[] WORDS = {
    "good", "great", "amazing", "awesome", "bad", "terrible", "horrible", "slow", "fine",
    "broken", "perfect", "disappointing", "love", "hate", "useless", "nice", "ok", "meh"
  };
  private static final String[] TAILS = {
    "",
    "",
    " :)",
    " :(",
    " lol",
    " 😍",
    " 😡",
    " 🙄",
    " #fail",
    " #win",
    " https://t.example/x1",
    " smh",
    " ❤️",
    " 😂😂"
  };
  private static final String[] PUNCTUATION = {"", ".", "!", "!!!", "?", "??", "?!"};

  private GeneratedPosts() {}

  static List<String> generate(int count, long seed) {
    Random random = new Random(seed);
    List<String> posts = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      StringBuilder post = new StringBuilder(clause(random));
      if (random.nextInt(4) == 0) {
        post.append(random.nextBoolean() ? " but " : " and ").append(clause(random));
      }
      post.append(pick(random, PUNCTUATION)).append(pick(random, TAILS));
      posts.add(post.toString());
    }
    return posts;
  }

  private static String clause(Random random) {
    String word = pick(random, WORDS);
    if (random.nextInt(8) == 0) {
      word = word.toUpperCase(java.util.Locale.ROOT);
    }
    return join(
        pick(random, SUBJECTS),
        pick(random, VERBS),
        pick(random, NEGATIONS),
        pick(random, BOOSTERS),
        word);
  }

  private static String join(String... parts) {
    StringBuilder out = new StringBuilder();
    for (String part : parts) {
      if (!part.isEmpty()) {
        if (out.length() > 0) {
          out.append(' ');
        }
        out.append(part);
      }
    }
    return out.toString();
  }

  private static String pick(Random random, String[] options) {
    return options[random.nextInt(options.length)];
  }
}
