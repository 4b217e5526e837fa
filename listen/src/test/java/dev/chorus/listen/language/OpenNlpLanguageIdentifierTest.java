package dev.chorus.listen.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenNlpLanguageIdentifierTest {

  private static final LanguageIdentifier IDENTIFIER = new OpenNlpLanguageIdentifier();

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "en | The weather was lovely today so we walked along the river for hours",
        "es | Mañana vamos a celebrar el cumpleaños de mi abuela con toda la familia",
        "fr | Nous avons passé une excellente soirée avec nos amis au restaurant",
        "de | Wir haben am Wochenende einen langen Ausflug in die Berge gemacht",
        "it | Domani andiamo al mare con i bambini se il tempo lo permette",
        "pt | Ontem fomos ao cinema e depois jantamos num restaurante muito bom",
        "nl | Gisteren zijn we met de fiets naar het strand gegaan, het was heerlijk",
        "pl | Wczoraj byliśmy w kinie, a potem poszliśmy na kolację do restauracji",
        "ru | Вчера мы ходили в кино, а потом ужинали в очень хорошем ресторане",
        "ja | 昨日は友達と一緒に映画を見に行って、そのあと晩ご飯を食べました",
        "zh | 昨天我们和朋友一起去看电影，然后在一家很好的餐厅吃了晚饭",
        "ko | 어제 친구들과 영화를 보고 아주 좋은 식당에서 저녁을 먹었어요",
        "ar | ذهبنا أمس إلى السينما ثم تناولنا العشاء في مطعم جميل جدا",
        "tr | Dün arkadaşlarımızla sinemaya gittik ve sonra güzel bir restoranda yemek yedik"
      })
  void aPostInAWidelySpokenLanguageIsIdentified(String expected, String post) {
    LanguageGuess guess = IDENTIFIER.identify(post);
    assertThat(guess.language()).isEqualTo(expected);
    assertThat(guess.confidence()).isBetween(0.5, 1.0);
  }

  @Test
  void linksMentionsAndHashtagSignsDoNotOutvoteTheWords() {
    String post =
        "@bigcorp @support_team https://status.example.com/incident/123 #outage "
            + "Seit heute Morgen funktioniert die Anmeldung nicht mehr";
    assertThat(IDENTIFIER.identify(post).language()).isEqualTo("de");
  }

  @Test
  void aPostWithoutWordsIsUndetermined() {
    assertThat(IDENTIFIER.identify("")).isEqualTo(LanguageGuess.UNDETERMINED);
    assertThat(IDENTIFIER.identify("🎉🎉🎉 2024!!! :)")).isEqualTo(LanguageGuess.UNDETERMINED);
    assertThat(IDENTIFIER.identify("@someone https://example.com/x"))
        .isEqualTo(LanguageGuess.UNDETERMINED);
    assertThat(IDENTIFIER.identify("ok")).isEqualTo(LanguageGuess.UNDETERMINED);
  }

  @Test
  void aHugeOrMalformedPostIsIdentifiedFromItsStart() {
    String huge = "Das ist ein ziemlich langer Beitrag über unser neues Produkt. ".repeat(100_000);
    assertThat(IDENTIFIER.identify(huge).language()).isEqualTo("de");
    LanguageGuess broken = IDENTIFIER.identify("\uD800 hello \uDFFF there \u0000 friends");
    assertThat(broken).isNotNull();
  }

  @Test
  void aNullPostIsRejectedByName() {
    assertThatThrownBy(() -> IDENTIFIER.identify(null)).hasMessage("text");
  }

  @Test
  void openNlpCodesMapToIso6391() {
    OpenNlpLanguageIdentifier identifier = new OpenNlpLanguageIdentifier();
    assertThat(identifier.toIso6391("eng")).isEqualTo("en");
    assertThat(identifier.toIso6391("zho-simp")).isEqualTo("zh");
    assertThat(identifier.toIso6391("cmn")).isEqualTo("zh");
    assertThat(identifier.toIso6391("hin-rom")).isEqualTo("hi");
    assertThat(identifier.toIso6391("ast")).isNull();
  }

  @Test
  void concurrentCallersGetTheSameAnswersAsOneCaller() throws Exception {
    Map<String, String> posts =
        Map.of(
            "Ich freue mich sehr auf das Konzert heute Abend", "de",
            "Je suis très content de vous voir demain matin", "fr",
            "We are really looking forward to the concert tonight", "en",
            "Estoy muy contento de veros mañana por la mañana", "es");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        results.add(
            pool.submit(
                () -> {
                  for (int round = 0; round < 200; round++) {
                    for (Map.Entry<String, String> post : posts.entrySet()) {
                      if (!IDENTIFIER.identify(post.getKey()).language().equals(post.getValue())) {
                        return false;
                      }
                    }
                  }
                  return true;
                }));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
