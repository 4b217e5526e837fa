package dev.chorus.bench.language;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import com.optimaize.langdetect.DetectedLanguage;
import dev.chorus.listen.language.LanguageEvidence;
import dev.chorus.listen.language.LanguageGuess;
import dev.chorus.listen.language.LanguageIdentifier;
import dev.chorus.listen.language.OpenNlpLanguageIdentifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Supplier;
import org.apache.tika.langdetect.opennlp.OpenNLPDetector;
import org.apache.tika.language.detect.LanguageResult;

/** The libraries measured, each behind Chorus's {@link LanguageIdentifier} interface. */
final class Candidates {

  static final int MAX_CHARS = 1000;

  /** A library under test; {@link #close()} releases what it holds (Lingua's static models). */
  interface Candidate extends LanguageIdentifier, AutoCloseable {
    @Override
    void close();
  }

  record Named(String name, Supplier<Candidate> factory) {}

  private Candidates() {}

  static List<Named> all() {
    return List.of(
        new Named("optimaize-0.6", Candidates::optimaize),
        new Named("tika-opennlp-3.3.1", Candidates::tikaOpenNlp),
        new Named("chorus(tika-opennlp)", Candidates::chorus),
        new Named("lingua-1.2.2-low", () -> lingua(true)),
        new Named("lingua-1.2.2-high", () -> lingua(false)));
  }

  /** ISO 639-1 for a library's code: "en", "zh-CN", "cmn", "eng" all become two letters. */
  static String iso6391(String code) {
    String base = code.toLowerCase(Locale.ROOT);
    int dash = base.indexOf('-');
    if (dash > 0) {
      base = base.substring(0, dash);
    }
    if (base.length() == 3) {
      String mapped = THREE_TO_TWO.get(base);
      if (mapped != null) {
        return mapped;
      }
      for (String two : Locale.getISOLanguages()) {
        if (new Locale(two).getISO3Language().equals(base)) {
          return two;
        }
      }
    }
    return base.length() == 2 ? base : LanguageGuess.UNDETERMINED_CODE;
  }

  // Macrolanguage members that OpenNLP's model reports by their individual code.
  private static final Map<String, String> THREE_TO_TWO =
      Map.of("cmn", "zh", "arb", "ar", "pes", "fa", "zsm", "ms", "nob", "no", "nno", "no");

  static LanguageGuess guess(String code, double confidence) {
    String iso = iso6391(code);
    if (iso.equals(LanguageGuess.UNDETERMINED_CODE)) {
      return LanguageGuess.UNDETERMINED;
    }
    return new LanguageGuess(iso, Math.max(0, Math.min(1, confidence)));
  }

  private static Candidate optimaize() {
    try {
      var profiles = new com.optimaize.langdetect.profiles.LanguageProfileReader().readAllBuiltIn();
      var detector =
          com.optimaize.langdetect.LanguageDetectorBuilder.create(
                  com.optimaize.langdetect.ngram.NgramExtractors.standard())
              .withProfiles(profiles)
              .build();
      return new Candidate() {
        @Override
        public LanguageGuess identify(CharSequence text) {
          String evidence = LanguageEvidence.extract(text, MAX_CHARS);
          if (LanguageEvidence.letterCount(evidence) < 2) {
            return LanguageGuess.UNDETERMINED;
          }
          List<DetectedLanguage> ranked = detector.getProbabilities(evidence);
          if (ranked.isEmpty()) {
            return LanguageGuess.UNDETERMINED;
          }
          DetectedLanguage top = ranked.get(0);
          return guess(top.getLocale().getLanguage(), top.getProbability());
        }

        @Override
        public void close() {}
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // The product's own wrapper, as core uses it.
  private static Candidate chorus() {
    OpenNlpLanguageIdentifier identifier = new OpenNlpLanguageIdentifier();
    return new Candidate() {
      @Override
      public LanguageGuess identify(CharSequence text) {
        return identifier.identify(text);
      }

      @Override
      public void close() {}
    };
  }

  private static Candidate tikaOpenNlp() {
    // OpenNLPDetector keeps per-text state, so one instance per thread; the model is shared.
    ThreadLocal<OpenNLPDetector> detectors =
        ThreadLocal.withInitial(
            () -> {
              try {
                OpenNLPDetector detector = new OpenNLPDetector();
                detector.loadModels();
                return detector;
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    detectors.get();
    return new Candidate() {
      @Override
      public LanguageGuess identify(CharSequence text) {
        String evidence = LanguageEvidence.extract(text, MAX_CHARS);
        if (LanguageEvidence.letterCount(evidence) < 2) {
          return LanguageGuess.UNDETERMINED;
        }
        OpenNLPDetector detector = detectors.get();
        detector.reset();
        detector.addText(evidence);
        List<LanguageResult> results = detector.detectAll();
        // Tika marks nearly every short text's result "unknown" (confidence NONE: raw scores
        // spread over 103 languages stay near 0.01), so the top result is taken as the answer.
        if (results.isEmpty()) {
          return LanguageGuess.UNDETERMINED;
        }
        LanguageResult top = results.get(0);
        return guess(top.getLanguage(), top.getRawScore());
      }

      @Override
      public void close() {
        detectors.remove();
      }
    };
  }

  private static Candidate lingua(boolean lowAccuracy) {
    LanguageDetectorBuilder builder = LanguageDetectorBuilder.fromAllLanguages();
    if (lowAccuracy) {
      builder = builder.withLowAccuracyMode();
    }
    var detector = builder.withPreloadedLanguageModels().build();
    return new Candidate() {
      @Override
      public LanguageGuess identify(CharSequence text) {
        String evidence = LanguageEvidence.extract(text, MAX_CHARS);
        if (LanguageEvidence.letterCount(evidence) < 2) {
          return LanguageGuess.UNDETERMINED;
        }
        SortedMap<Language, Double> values = detector.computeLanguageConfidenceValues(evidence);
        if (values.isEmpty()) {
          return LanguageGuess.UNDETERMINED;
        }
        Language top = values.firstKey();
        if (top == Language.UNKNOWN) {
          return LanguageGuess.UNDETERMINED;
        }
        return guess(top.getIsoCode639_1().name(), values.get(top));
      }

      @Override
      public void close() {
        detector.unloadLanguageModels();
      }
    };
  }
}
