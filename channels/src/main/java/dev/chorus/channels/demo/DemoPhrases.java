package dev.chorus.channels.demo;

import dev.chorus.channels.demo.DemoPost.Tone;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the audience of Northwind Coffee (the demo brand: a coffee roaster with a few cafés, an
 * online shop and a subscription) says, as templates with {@code {slot}}s, per language and tone.
 * Templates times slot values give tens of thousands of distinct posts, so the stream does not
 * visibly repeat. English is the majority; French, German, Spanish, Portuguese and Japanese a
 * minority. Slots: {@code brand drink beans place mins day time order thing url happy sad friend
 * root brandpost}.
 */
final class DemoPhrases {
  private DemoPhrases() {}

  /** Languages and their shares of the stream in percent. */
  static final Map<String, Integer> LANGUAGES =
      Map.of("en", 68, "fr", 7, "de", 7, "es", 7, "pt", 6, "ja", 5);

  /** The order languages are drawn in (Map.of has none). */
  static final List<String> LANGUAGE_ORDER = List.of("en", "fr", "de", "es", "pt", "ja");

  /** What the brand itself posted, quoted by the audience. */
  static final List<String> BRAND_POSTS =
      List.of(
          "New this week: {beans}, roasted on Tuesday. Stone fruit, cocoa, a long sweet finish.",
          "Our Elm Park café opens on Saturday! The first 50 oat lattes are on us.",
          "All takeaway cups are compostable from this month on. Bring your own for 30 cents off.",
          "Subscriptions can now ship every two weeks, not only monthly.",
          "Heads up: the app is down for maintenance tonight from 23:00 to 01:00.",
          "Meet Ana, our head roaster. Ask her anything about {beans} today.",
          "Cold brew is back on tap at every café ☀️",
          "We're hiring baristas for the riverside café. Kind people first, skills we teach.");

  /**
   * What someone says when the brand answers them: thanks when they had asked or complained
   * ("thanks, that worked!"), warmth otherwise.
   */
  static List<String> answers(String language, boolean asked) {
    List<String> found = (asked ? THANKS : WARM).get(language);
    return found != null ? found : (asked ? THANKS : WARM).get("en");
  }

  private static final Map<String, List<String>> THANKS =
      Map.of(
          "en",
          List.of(
              "Thanks, that worked!",
              "Oh great, thank you for getting back to me so fast 🙏",
              "Perfect, sorted. You're the best",
              "Thanks! Still a bit annoyed, but I appreciate the reply",
              "That did it, thank you!",
              "Ah, I didn't know that. Thanks for explaining"),
          "fr",
          List.of("Merci, ça a marché !", "Parfait, merci pour la réponse rapide 🙏"),
          "de",
          List.of("Danke, hat geklappt!", "Super, danke für die schnelle Antwort 🙏"),
          "es",
          List.of("¡Gracias, funcionó!", "Perfecto, gracias por responder tan rápido 🙏"),
          "pt",
          List.of("Valeu, deu certo!", "Perfeito, obrigado pela resposta rápida 🙏"),
          "ja",
          List.of("ありがとうございます、解決しました！", "早い返信ありがとうございます🙏"));

  private static final Map<String, List<String>> WARM =
      Map.of(
          "en",
          List.of(
              "❤️ thanks for the reply!",
              "Aw, you made my day ☕",
              "See you on Saturday then!",
              "Haha, will do. Keep the oat lattes coming"),
          "fr",
          List.of("Merci pour la réponse ❤️"),
          "de",
          List.of("Danke für die Antwort ❤️"),
          "es",
          List.of("¡Gracias por responder! ❤️"),
          "pt",
          List.of("Obrigado pela resposta! ❤️"),
          "ja",
          List.of("返信ありがとうございます❤️"));

  static List<String> templates(String language, Tone tone) {
    List<String> found = BY_LANGUAGE.get(language).get(tone);
    return found == null || found.isEmpty() ? BY_LANGUAGE.get("en").get(tone) : found;
  }

  static List<String> slot(String language, String name) {
    Map<String, List<String>> own = SLOTS.get(language);
    List<String> found = own == null ? null : own.get(name);
    return found != null ? found : SLOTS.get("en").get(name);
  }

  private static final Map<String, Map<Tone, List<String>>> BY_LANGUAGE =
      Map.of(
          "en", DemoPhrasesEn.TEMPLATES,
          "fr", DemoPhrasesOther.FR,
          "de", DemoPhrasesOther.DE,
          "es", DemoPhrasesOther.ES,
          "pt", DemoPhrasesOther.PT,
          "ja", DemoPhrasesOther.JA);

  private static final Map<String, Map<String, List<String>>> SLOTS =
      Map.of(
          "en", DemoPhrasesEn.SLOTS,
          "fr", DemoPhrasesOther.FR_SLOTS,
          "de", DemoPhrasesOther.DE_SLOTS,
          "es", DemoPhrasesOther.ES_SLOTS,
          "pt", DemoPhrasesOther.PT_SLOTS,
          "ja", DemoPhrasesOther.JA_SLOTS);

  /** Builds a tone map from pairs (tone, templates). */
  static Map<Tone, List<String>> tones(Object... pairs) {
    Map<Tone, List<String>> m = new EnumMap<>(Tone.class);
    for (int i = 0; i < pairs.length; i += 2) {
      @SuppressWarnings("unchecked")
      List<String> list = (List<String>) pairs[i + 1];
      m.put((Tone) pairs[i], list);
    }
    return m;
  }
}
