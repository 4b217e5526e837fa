package dev.chorus.listen.language;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.tika.langdetect.opennlp.OpenNLPDetector;
import org.apache.tika.language.detect.LanguageResult;

/**
 * Identifies a post's language with Apache Tika's OpenNLP detector (character n-gram model of about
 * 100 languages, shipped inside the {@code tika-langdetect-opennlp} jar). Chosen over Lingua and
 * Optimaize by measurement: see docs/DECISIONS.md.
 *
 * <p>Cost and memory: the first use of the class reads Tika's 23 MB model from the classpath (about
 * a second; the model then holds roughly 80 MB of heap for the life of the JVM, shared by all
 * instances). No other I/O. Each call costs on the order of 0.1 ms for a post; at most {@link
 * #MAX_CHARS} characters of a post are examined.
 *
 * <p>Safe for concurrent use: Tika's detector keeps per-text state, so each call builds its own
 * small detector around the shared model.
 */
public final class OpenNlpLanguageIdentifier implements LanguageIdentifier {

  /** Characters of a post examined; the start of a long text says enough about its language. */
  public static final int MAX_CHARS = 1000;

  /** Fewer letters than this (after links, mentions, digits and emoji go) is undetermined. */
  public static final int MIN_LETTERS = 3;

  // OpenNLP reports some languages by an individual ISO 639-3 code of a macrolanguage.
  private static final Map<String, String> INDIVIDUAL_TO_ISO_639_1 =
      Map.of("cmn", "zh", "arb", "ar", "pes", "fa", "zsm", "ms", "nob", "no", "nno", "nn");

  private final Map<String, String> iso3ToIso1;

  public OpenNlpLanguageIdentifier() {
    this.iso3ToIso1 = Iso639.threeToTwo();
    // Load the model now rather than on the first post.
    new OpenNLPDetector();
  }

  /**
   * {@inheritDoc}
   *
   * <p>The confidence is the winner's share of the two best scores, so 0.5 means a tie with the
   * runner-up and values near 1 a clear winner.
   */
  @Override
  public LanguageGuess identify(CharSequence text) {
    Objects.requireNonNull(text, "text");
    String evidence = LanguageEvidence.extract(text, MAX_CHARS);
    if (LanguageEvidence.letterCount(evidence) < MIN_LETTERS) {
      return LanguageGuess.UNDETERMINED;
    }
    OpenNLPDetector detector = new OpenNLPDetector();
    detector.addText(evidence);
    List<LanguageResult> ranked = detector.detectAll();
    // The best language that has an ISO 639-1 code; the model also knows languages that have
    // none (such as Asturian or romanised Hindi), which a post cannot be tagged with.
    for (int i = 0; i < ranked.size(); i++) {
      String language = toIso6391(ranked.get(i).getLanguage());
      if (language != null) {
        double top = ranked.get(i).getRawScore();
        double next = i + 1 < ranked.size() ? ranked.get(i + 1).getRawScore() : 0;
        double confidence = top + next > 0 ? top / (top + next) : 0;
        return new LanguageGuess(language, Math.max(0, Math.min(1, confidence)));
      }
    }
    return LanguageGuess.UNDETERMINED;
  }

  /** "eng" to "en", "zho-simp" to "zh", "hin-rom" to "hi"; null for a language without one. */
  String toIso6391(String openNlpCode) {
    String base = openNlpCode.toLowerCase(Locale.ROOT);
    int dash = base.indexOf('-');
    if (dash > 0) {
      base = base.substring(0, dash);
    }
    String mapped = INDIVIDUAL_TO_ISO_639_1.get(base);
    if (mapped != null) {
      return mapped;
    }
    return iso3ToIso1.get(base);
  }
}
