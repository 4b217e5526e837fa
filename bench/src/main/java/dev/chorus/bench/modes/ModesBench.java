package dev.chorus.bench.modes;

import dev.chorus.listen.modes.Author;
import dev.chorus.listen.modes.ItemKind;
import dev.chorus.listen.modes.Mode;
import dev.chorus.listen.modes.ModeClassifier;
import dev.chorus.listen.modes.ModeInput;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Single-thread throughput of {@link ModeClassifier} on generated posts in seven languages (a
 * handle, a subject, a complaint, question, praise or plain clause, sometimes a link), after two
 * seconds of warm-up. Ends with one line: {@code modes: posts=N rate=R/s}.
 *
 * <p>Usage: {@code scripts/bench modes [--seconds=S]} (S: measuring time, default 5).
 */
public final class ModesBench {
  private static final String[] OPENINGS = {
    "@northwind ", "", "Hey @northwind, ", "", "Honestly ", "@northwind @sam "
  };
  private static final String[] CLAUSES = {
    "my order never arrived and nobody answers",
    "do you ship to Canada?",
    "highly recommend the Colombia roast",
    "picked up a bag on the way home",
    "le site ne marche pas depuis ce matin",
    "vous livrez en Belgique ?",
    "je recommande vivement, le meilleur café de Lyon",
    "die Mühle ist nach einer Woche kaputt gegangen",
    "kann ich das Abo pausieren",
    "klare Empfehlung, der beste Filterkaffee",
    "¿cuándo vuelve el descafeinado?",
    "me encanta el cold brew",
    "o site não funciona, não consigo pagar",
    "vale a pena, café maravilhoso",
    "il macinino è arrivato rotto",
    "come posso disdire l'abbonamento",
    "de website werkt niet",
    "echt een aanrader",
    "sitting in the shop waiting for the rain to stop",
    "love love love the new blend 😍"
  };
  private static final String[] TAILS = {
    "", "", " https://northwind.example/shop?ref=feed", " Thanks!", " #coffee", "."
  };
  private static final ItemKind[] KINDS = {
    ItemKind.MENTION, ItemKind.REPLY, ItemKind.POST, ItemKind.QUOTE, ItemKind.ENTRY
  };

  private ModesBench() {}

  public static void main(String[] args) {
    double seconds = 5;
    for (String arg : args) {
      if (arg.startsWith("--seconds=")) {
        seconds = Double.parseDouble(arg.substring("--seconds=".length()));
      } else {
        throw new IllegalArgumentException("unknown argument " + arg + "; usage: [--seconds=S]");
      }
    }
    List<ModeInput> posts = generate(10_000, new Random(42));
    ModeClassifier modes = new ModeClassifier();
    Map<Mode, Integer> seen = new EnumMap<>(Mode.class);
    for (ModeInput p : posts) seen.merge(modes.classify(p).mode(), 1, Integer::sum);
    run(modes, posts, 2);
    double rate = run(modes, posts, seconds);
    System.out.printf(Locale.ROOT, "modes: %s over %d generated posts%n", seen, posts.size());
    System.out.printf(Locale.ROOT, "modes: posts=%d rate=%.0f/s%n", posts.size(), rate);
  }

  static List<ModeInput> generate(int n, Random random) {
    List<ModeInput> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String text =
          OPENINGS[random.nextInt(OPENINGS.length)]
              + CLAUSES[random.nextInt(CLAUSES.length)]
              + TAILS[random.nextInt(TAILS.length)];
      ItemKind kind = KINDS[random.nextInt(KINDS.length)];
      boolean toUs = text.startsWith("@northwind") || kind == ItemKind.REPLY;
      double sentiment = Math.round((random.nextDouble() * 2 - 1) * 100) / 100.0;
      out.add(new ModeInput(text, kind, toUs, Author.OUTSIDER, sentiment));
    }
    return out;
  }

  /** Classifies whole passes over {@code posts} for {@code seconds}; returns posts per second. */
  private static double run(ModeClassifier modes, List<ModeInput> posts, double seconds) {
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    long done = 0;
    int sink = 0;
    long now = start;
    while (now < end) {
      for (ModeInput p : posts) sink += modes.classify(p).rule().ordinal();
      done += posts.size();
      now = System.nanoTime();
    }
    if (sink == -1) System.out.println(); // keeps the work from being optimised away
    return done / ((now - start) / 1e9);
  }
}
