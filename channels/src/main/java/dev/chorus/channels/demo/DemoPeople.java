package dev.chorus.channels.demo;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The demo brand's audience: a few hundred invented people per language, each with a stable handle
 * and display name. Who posts is skewed, so a few regulars post again and again while most people
 * post once or twice. Pure functions of the seed.
 */
final class DemoPeople {
  /** One person on the demo network. {@code language} is the language they write in. */
  record Person(String handle, String name, String language) {}

  /** The regulars in each language, who post far more often than anyone else. */
  static final int REGULARS = 25;

  /** How many people write in each language, regulars included. */
  static final int PER_LANGUAGE = 5000;

  private static final List<String> BIOS =
      List.of(
          " | coffee, cycling & long reads | views my own ☕",
          " — product designer, amateur baker, dog person 🐕",
          " (she/her) · nurse · marathon in progress 🏃‍♀️",
          " | dad of three | runs on espresso and optimism",
          " ✨ PhD candidate in marine biology, powered by cold brew ✨");

  private static final Map<String, String[]> FIRST =
      Map.of(
          "en",
          new String[] {
            "Mara", "Jordan", "Priya", "Sam", "Linh", "Olivia", "Marcus", "Aisha", "Tom", "Grace",
            "Dev", "Hannah", "Kofi", "Emily", "Raj", "Chloe", "Ben", "Zoe", "Noah", "Fatima",
            "Liam", "Maya", "Ethan", "Rosa", "Jack", "Imani", "Leo", "Sophie", "Omar", "Ruby"
          },
          "fr",
          new String[] {
            "Camille", "Louis", "Manon", "Hugo", "Léa", "Théo", "Chloé", "Antoine", "Inès",
            "Julien", "Margaux", "Bastien", "Élodie", "Yanis", "Amélie"
          },
          "de",
          new String[] {
            "Lukas",
            "Anna",
            "Jonas",
            "Lea",
            "Felix",
            "Mia",
            "Paul",
            "Lena",
            "Tobias",
            "Sophie",
            "Maximilian",
            "Jana",
            "Florian",
            "Katrin",
            "Jürgen"
          },
          "es",
          new String[] {
            "Lucía",
            "Mateo",
            "Sofía",
            "Diego",
            "Valentina",
            "Javier",
            "Carmen",
            "Pablo",
            "Elena",
            "Andrés",
            "Paula",
            "Álvaro",
            "Marta",
            "Iker",
            "Ximena"
          },
          "pt",
          new String[] {
            "João", "Ana", "Pedro", "Beatriz", "Lucas", "Mariana", "Rafael", "Camila", "Thiago",
            "Larissa", "Gonçalo", "Inês", "Bruno", "Letícia", "Tiago"
          },
          "ja",
          new String[] {"由紀", "翔太", "美咲", "大輔", "さくら", "健太", "葵", "拓也", "陽菜", "蓮", "結衣", "悠人"});

  private static final Map<String, String[]> LAST =
      Map.of(
          "en",
          new String[] {
            "Kowalski", "Torres", "Nguyen", "Okafor", "Patel", "Murphy", "Chen", "Hughes", "Reyes",
            "Walsh", "Bennett", "Adeyemi", "Kim", "Foster", "Lindqvist", "O'Brien", "Silva", "Park",
            "Greene", "Haddad"
          },
          "fr",
          new String[] {
            "Martin",
            "Bernard",
            "Dubois",
            "Lefèvre",
            "Moreau",
            "Girard",
            "Roux",
            "Fournier",
            "Lambert",
            "Bonnet"
          },
          "de",
          new String[] {
            "Müller",
            "Schmidt",
            "Schneider",
            "Fischer",
            "Weber",
            "Becker",
            "Hoffmann",
            "Schäfer",
            "Koch",
            "Wagner"
          },
          "es",
          new String[] {
            "García",
            "Fernández",
            "López",
            "Martínez",
            "Sánchez",
            "Romero",
            "Navarro",
            "Ortega",
            "Castillo",
            "Vega"
          },
          "pt",
          new String[] {
            "Silva",
            "Santos",
            "Oliveira",
            "Souza",
            "Costa",
            "Pereira",
            "Almeida",
            "Ferreira",
            "Ribeiro",
            "Carvalho"
          },
          "ja",
          new String[] {"佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤"});

  /** Latin spellings of the Japanese names, for handles. */
  private static final Map<String, String> ROMAJI =
      Map.ofEntries(
          Map.entry("由紀", "yuki"),
          Map.entry("翔太", "shota"),
          Map.entry("美咲", "misaki"),
          Map.entry("大輔", "daisuke"),
          Map.entry("さくら", "sakura"),
          Map.entry("健太", "kenta"),
          Map.entry("葵", "aoi"),
          Map.entry("拓也", "takuya"),
          Map.entry("陽菜", "hina"),
          Map.entry("蓮", "ren"),
          Map.entry("結衣", "yui"),
          Map.entry("悠人", "yuto"),
          Map.entry("佐藤", "sato"),
          Map.entry("鈴木", "suzuki"),
          Map.entry("高橋", "takahashi"),
          Map.entry("田中", "tanaka"),
          Map.entry("伊藤", "ito"),
          Map.entry("渡辺", "watanabe"),
          Map.entry("山本", "yamamoto"),
          Map.entry("中村", "nakamura"),
          Map.entry("小林", "kobayashi"),
          Map.entry("加藤", "kato"));

  private static final List<String> HOBBY_HANDLES =
      List.of(
          "beanqueen",
          "espresso_nerd",
          "latteart.daily",
          "slowpour",
          "crema_club",
          "thirdwavetom",
          "cafe_cartographer",
          "decaf_dad",
          "grindandgo",
          "v60_victoria");

  private static final List<String> NAME_EMOJI =
      List.of(" ☕", " ☕️✨", " 🌿", " 📚☕", " 🚲", " 🇺🇦", " 🏳️‍🌈", " 🐈", " ⛰️", " 🎧");

  private static final List<String> HOSTILE_NAMES =
      List.of(
          "<b>Bold Bob</b>",
          "<script>alert('name')</script>",
          "Eve \"><img src=x onerror=alert(1)>",
          "Mallory&amp;Co");

  private final long seed;

  DemoPeople(long seed) {
    this.seed = seed;
  }

  /**
   * The {@code index}-th person writing in {@code language}. Low indexes are the regulars (see
   * {@link #pick}).
   */
  Person person(String language, int index) {
    SplittableRandom r = new SplittableRandom(Mix.of(seed, language.hashCode(), index, 0x9e0));
    String[] firsts = FIRST.getOrDefault(language, FIRST.get("en"));
    String[] lasts = LAST.getOrDefault(language, LAST.get("en"));
    String first = firsts[r.nextInt(firsts.length)];
    String last = lasts[r.nextInt(lasts.length)];
    String f = latin(first);
    String l = latin(last);
    int style = r.nextInt(10);
    String handle =
        switch (style) {
          case 0, 1, 2 -> f + "_" + l;
          case 3, 4 -> f + l.charAt(0);
          case 5, 6 -> f + (10 + r.nextInt(90));
          case 7 -> f.charAt(0) + l;
          default -> HOBBY_HANDLES.get(r.nextInt(HOBBY_HANDLES.size())) + "_" + f;
        };
    // The index makes every handle distinct within a language, as a network would insist.
    handle = "@" + handle + (index >= REGULARS ? Integer.toString(index) : "");
    String name;
    int nameStyle = r.nextInt(20);
    boolean japanese = language.equals("ja");
    if (nameStyle < 9) {
      name = japanese ? last + " " + first : first + " " + last;
    } else if (nameStyle < 13) {
      name = japanese ? first : first + " " + last.charAt(0) + ".";
    } else if (nameStyle < 16) {
      name = first + NAME_EMOJI.get(r.nextInt(NAME_EMOJI.size()));
    } else if (nameStyle < 19) {
      name = first.toLowerCase(java.util.Locale.ROOT);
    } else {
      // Some people write a whole biography into their display name.
      String other =
          lasts[
              (Arrays.asList(lasts).indexOf(last) + 1 + r.nextInt(lasts.length - 1))
                  % lasts.length];
      name =
          japanese
              ? last + " " + first + "｜コーヒー好き｜東京在住 ☕ 写真とパン"
              : first + " " + last + "-" + other + BIOS.get(r.nextInt(BIOS.size()));
    }
    // A handful of accounts try their luck with markup in their names.
    if (index % 211 == 41) name = HOSTILE_NAMES.get(index % HOSTILE_NAMES.size());
    return new Person(handle, name, language);
  }

  /**
   * Picks someone writing in {@code language}: three posts in ten come from the regulars, the rest
   * from anyone, so a few people post again and again while most post once (as on any network).
   */
  Person pick(String language, SplittableRandom r) {
    boolean regular = r.nextInt(10) < 3;
    return person(language, r.nextInt(regular ? REGULARS : PER_LANGUAGE));
  }

  private static String latin(String name) {
    String romaji = ROMAJI.get(name);
    if (romaji != null) return romaji;
    String plain =
        java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .replace("'", "");
    return plain.toLowerCase(java.util.Locale.ROOT);
  }
}
