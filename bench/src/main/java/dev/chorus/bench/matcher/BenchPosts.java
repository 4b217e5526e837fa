package dev.chorus.bench.matcher;

import dev.chorus.listen.match.Post;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The posts of the benchmark: the VADER tweets (read at run time from the evaluation data, never
 * copied into the product) and seeded generated posts that mention the query sets' brands with
 * hashtags, mentions, links, titles and every field.
 */
public final class BenchPosts {

  private static final String[] MODELS = QuerySets.MODELS;
  private static final String[] CONTEXT = QuerySets.CONTEXT;
  private static final String[] FILLER = {
    "just", "got", "the", "my", "is", "really", "so", "today", "again", "why", "does", "this",
        "and",
    "a", "with", "for", "not", "at", "all", "best", "ever", "worst", "thanks", "lol", "finally",
        "wow"
  };
  private static final String[] LANGS = {
    "en", "en", "en", "en", "en", "en", "en", "es", "fr", "de", "pt-BR"
  };
  private static final String[] CHANNELS = {"mastodon", "bluesky", "rss", "email"};
  private static final String[] EMOJI = {"🚀", "😍", "😡", "👍🏽", "🔥", "💔"};

  private BenchPosts() {}

  /** The tweets' texts, from {@code tweets_GroundTruth.txt} (id, mean rating, text). */
  static List<Post> tweets(Path dataDir) throws IOException {
    Path file = dataDir.resolve("tweets_GroundTruth.txt");
    List<Post> posts = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] columns = line.split("\t", 3);
      if (columns.length == 3) {
        posts.add(Post.of(columns[2].strip()));
      }
    }
    return posts;
  }

  /**
   * {@code count} generated posts; 60% mention one of {@code brands}, most often the first ones.
   */
  public static List<Post> generated(List<String> brands, int count, long seed) {
    Random random = new Random(seed);
    List<Post> posts = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      StringBuilder text = new StringBuilder();
      // Skewed towards the first brands, which every query set uses.
      String brand = brands.get((int) (brands.size() * Math.pow(random.nextDouble(), 3)));
      boolean mentions = random.nextInt(10) < 6;
      filler(random, text, random.nextInt(5));
      if (mentions) {
        switch (random.nextInt(5)) {
          case 0 -> text.append('#').append(brand);
          case 1 -> text.append('@').append(brand.toLowerCase(Locale.ROOT));
          case 2 -> text.append(brand).append(' ').append(pick(random, MODELS));
          default -> text.append(random.nextBoolean() ? brand : brand.toUpperCase(Locale.ROOT));
        }
        text.append(' ');
      }
      filler(random, text, random.nextInt(4));
      text.append(pick(random, CONTEXT)).append(' ');
      filler(random, text, random.nextInt(6));
      if (random.nextInt(4) == 0) {
        text.append(pick(random, EMOJI)).append(' ');
      }
      if (random.nextInt(5) == 0) {
        text.append("https://")
            .append(random.nextBoolean() ? "www." : "")
            .append(brand.toLowerCase(Locale.ROOT))
            .append(".com/blog/")
            .append(random.nextInt(100));
      }
      Post post = Post.of(text.toString().strip());
      if (random.nextInt(5) == 0) {
        post = post.withTitle(brand + " " + pick(random, CONTEXT));
      }
      post = post.withLang(pick(random, LANGS)).withChannel(pick(random, CHANNELS));
      post =
          post.withAuthor(
              random.nextInt(10) == 0
                  ? brand.toLowerCase(Locale.ROOT)
                  : "user" + random.nextInt(5000));
      if (random.nextInt(5) != 0) {
        post = post.withAuthorFollowers(random.nextInt(random.nextBoolean() ? 1000 : 200_000));
      }
      if (random.nextInt(4) == 0) {
        post = post.withUrl("https://social.example/@user/" + random.nextInt(1_000_000));
      }
      posts.add(post);
    }
    return posts;
  }

  private static void filler(Random random, StringBuilder text, int words) {
    for (int i = 0; i < words; i++) {
      text.append(pick(random, FILLER)).append(' ');
    }
  }

  private static String pick(Random random, String[] options) {
    return options[random.nextInt(options.length)];
  }
}
