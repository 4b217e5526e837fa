package dev.chorus.channels.demo;

import static dev.chorus.channels.demo.DemoPhrases.tones;

import dev.chorus.channels.demo.DemoPost.Tone;
import java.util.List;
import java.util.Map;

/**
 * French, German, Spanish, Portuguese and Japanese templates: fewer than English, each language
 * with its own slot values where the grammar needs them (English values fill the rest). Hostile
 * posts and quotes of the brand's posts fall back to English.
 */
final class DemoPhrasesOther {
  private DemoPhrasesOther() {}

  static final Map<String, List<String>> FR_SLOTS =
      Map.of(
          "drink",
          List.of("latte à l'avoine", "cold brew", "flat white", "cappuccino", "café filtre"),
          "place",
          List.of("du centre-ville", "près du port", "de la gare", "de la vieille ville"),
          "day",
          List.of("le dimanche", "le samedi", "les jours fériés"),
          "thing",
          List.of("abonnement", "moulin", "carte cadeau", "commande"),
          "happy",
          List.of("", " ☕", " 😍", " 🥐", " ❤️"),
          "sad",
          List.of("", " 😤", " 🙄", " 😞"));

  static final Map<Tone, List<String>> FR =
      tones(
          Tone.QUESTION,
          List.of(
              "{brand} est ouvert {day} ? J'ai besoin d'un café avant le marché",
              "Est-ce que le {drink} de {brand} est sans lactose ?",
              "{brand} vous livrez en Belgique ? Mon {thing} est bloqué au panier",
              "Quelqu'un sait à quelle heure ferme {brand} {place} ?"),
          Tone.COMPLAINT,
          List.of(
              "Vingt minutes d'attente chez {brand} {place} et la commande était fausse{sad}",
              "{brand} mon {thing} n'est toujours pas arrivé, ça fait deux semaines{sad}",
              "Le {drink} de {brand} était tiède ce matin. Dommage."),
          Tone.PRAISE,
          List.of(
              "Le {drink} de {brand} est vraiment excellent, j'adore{happy}",
              "Merci à l'équipe de {brand} {place}, toujours souriante{happy}",
              "Le {beans} de {brand} est une merveille en filtre{happy}"),
          Tone.RECOMMENDATION,
          List.of(
              "{friend} il faut absolument goûter le {drink} de {brand} {place}{happy}",
              "De passage en ville ? Allez chez {brand} {place}, vous me remercierez"),
          Tone.FOLLOW_UP,
          List.of(
              "Des nouvelles ? J'attends toujours{sad}",
              "J'y retourne demain pour le {drink}{happy}",
              "Réglé en une heure, merci {brand} !"),
          Tone.REPLY,
          List.of(
              "Pareil pour moi{sad}",
              "Même chose {place} la semaine dernière{sad}",
              "{root} essaie le {drink}, c'est top",
              "Tout à fait d'accord"),
          Tone.MENTION,
          List.of("Réunion chez {brand} {place} à 9h", "Dimanche lecture et {drink} chez {brand}"),
          Tone.NOISE,
          List.of(
              "Le Northwind souffle fort sur la côte ce soir, rafales à {speed} km/h",
              "TP de SQL sur la base Northwind, la table {dbtable} encore et toujours"));

  static final Map<String, List<String>> DE_SLOTS =
      Map.of(
          "drink",
          List.of("Hafer Latte", "Cold Brew", "Flat White", "Cappuccino", "Filterkaffee"),
          "place",
          List.of("in der Altstadt", "am Hafen", "am Bahnhof", "am Markt"),
          "day",
          List.of("sonntags", "samstags", "an Feiertagen"),
          "thing",
          List.of("Abo", "Mühle", "Gutschein", "Bestellung"),
          "happy",
          List.of("", " ☕", " 😍", " 👍", " 🥨"),
          "sad",
          List.of("", " 😤", " 🙄", " 😞"));

  static final Map<Tone, List<String>> DE =
      tones(
          Tone.QUESTION,
          List.of(
              "Hat {brand} {day} geöffnet? Brauche vor dem Markt einen Kaffee",
              "{brand} kann ich mein {thing} pausieren, während ich verreist bin?",
              "Ist der {drink} bei {brand} vegan?",
              "Weiß jemand, ob {brand} {place} WLAN hat?"),
          Tone.COMPLAINT,
          List.of(
              "25 Minuten gewartet bei {brand} {place} und dann die falsche Bestellung{sad}",
              "{brand} meine {thing} ist seit zwei Wochen nicht da{sad}",
              "Der {drink} bei {brand} war heute lauwarm. Schade."),
          Tone.PRAISE,
          List.of(
              "Der {drink} bei {brand} ist jeden Cent wert{happy}",
              "Das Team von {brand} {place} ist einfach super{happy}",
              "Die {beans} von {brand} sind mein neuer Favorit{happy}"),
          Tone.RECOMMENDATION,
          List.of(
              "{friend} du musst unbedingt den {drink} bei {brand} {place} probieren{happy}",
              "Wer in der Stadt ist: {brand} {place}, bester Kaffee weit und breit"),
          Tone.FOLLOW_UP,
          List.of(
              "Gibt es schon Neuigkeiten? Warte immer noch{sad}",
              "Morgen wieder, diesmal mit {drink}{happy}",
              "Hat sich erledigt, danke {brand}!"),
          Tone.REPLY,
          List.of(
              "Bei mir genauso{sad}",
              "Das Gleiche {place} letzte Woche{sad}",
              "{root} probier mal den {drink}",
              "Stimme voll zu{happy}"),
          Tone.MENTION,
          List.of("Meeting bei {brand} {place} um 9", "Sonntag: Buch und {drink} bei {brand}"),
          Tone.NOISE,
          List.of(
              "Der Northwind-Datensatz ist immer noch das Standardbeispiel in jeder SQL-Schulung,"
                  + " heute die Tabelle {dbtable}",
              "Northwind mit Sturmböen bis {speed} km/h an der Küste, bleibt drinnen"));

  static final Map<String, List<String>> ES_SLOTS =
      Map.of(
          "drink",
          List.of("latte de avena", "cold brew", "cortado", "café con leche", "flat white"),
          "place",
          List.of("del centro", "junto al río", "del aeropuerto", "de la estación"),
          "day",
          List.of("los domingos", "los sábados", "los festivos"),
          "thing",
          List.of("suscripción", "molinillo", "tarjeta regalo", "pedido"),
          "happy",
          List.of("", " ☕", " 😍", " 🙌", " ❤️"),
          "sad",
          List.of("", " 😤", " 🙄", " 😞"));

  static final Map<Tone, List<String>> ES =
      tones(
          Tone.QUESTION,
          List.of(
              "¿{brand} abre {day}? Necesito un café antes del mercado",
              "¿El {drink} de {brand} lleva azúcar?",
              "{brand} ¿hacéis envíos a Portugal? Mi {thing} no se procesa",
              "¿Alguien sabe a qué hora cierra {brand} {place}?"),
          Tone.COMPLAINT,
          List.of(
              "Veinte minutos esperando en {brand} {place} y el pedido mal{sad}",
              "{brand} mi {thing} sigue sin llegar, ya van dos semanas{sad}",
              "El {drink} de {brand} estaba frío hoy. Una pena."),
          Tone.PRAISE,
          List.of(
              "El {drink} de {brand} vale cada céntimo, me encanta{happy}",
              "El equipo de {brand} {place} es un amor{happy}",
              "El {beans} de {brand} está buenísimo{happy}"),
          Tone.RECOMMENDATION,
          List.of(
              "{friend} tienes que probar el {drink} de {brand} {place}{happy}",
              "Si venís a la ciudad, id a {brand} {place}. De nada"),
          Tone.FOLLOW_UP,
          List.of(
              "¿Alguna novedad? Sigo esperando{sad}",
              "Mañana vuelvo a por otro {drink}{happy}",
              "¡Resuelto en una hora, gracias {brand}!"),
          Tone.REPLY,
          List.of(
              "A mí me pasó lo mismo{sad}",
              "Lo mismo en el local {place} la semana pasada{sad}",
              "{root} prueba el {drink}",
              "Totalmente de acuerdo{happy}"),
          Tone.MENTION,
          List.of("Reunión en {brand} {place} a las 9", "Domingo de libro y {drink} en {brand}"),
          Tone.NOISE,
          List.of(
              "Practicando consultas SQL con la tabla {dbtable} de la base Northwind",
              "El Northwind sopla a {speed} km/h en la costa esta noche"));

  static final Map<String, List<String>> PT_SLOTS =
      Map.of(
          "drink",
          List.of("latte de aveia", "cold brew", "pingado", "café coado", "cappuccino"),
          "place",
          List.of("do centro", "da beira-rio", "do aeroporto", "da estação"),
          "day",
          List.of("aos domingos", "aos sábados", "nos feriados"),
          "thing",
          List.of("assinatura", "moedor", "vale-presente", "pedido"),
          "happy",
          List.of("", " ☕", " 😍", " 🙏", " ❤️"),
          "sad",
          List.of("", " 😤", " 🙄", " 😞"));

  static final Map<Tone, List<String>> PT =
      tones(
          Tone.QUESTION,
          List.of(
              "A {brand} abre {day}? Preciso de um café antes da feira",
              "O {drink} da {brand} tem lactose?",
              "{brand} vocês entregam no Brasil? Minha {thing} não finaliza",
              "Alguém sabe que horas fecha a {brand} {place}?"),
          Tone.COMPLAINT,
          List.of(
              "Vinte minutos de espera na {brand} {place} e o pedido veio errado{sad}",
              "{brand} meu {thing} ainda não chegou, já são duas semanas{sad}"),
          Tone.PRAISE,
          List.of(
              "O café da {brand} é excelente, recomendo muito{happy}",
              "O {drink} da {brand} vale cada centavo{happy}",
              "A equipe da {brand} {place} é um amor{happy}"),
          Tone.RECOMMENDATION,
          List.of(
              "{friend} você precisa provar o {drink} da {brand} {place}{happy}",
              "Vindo pra cidade? Vai na {brand} {place}, depois me agradece"),
          Tone.FOLLOW_UP,
          List.of(
              "Alguma novidade? Ainda esperando{sad}",
              "Amanhã volto pra mais um {drink}{happy}",
              "Resolvido em uma hora, valeu {brand}!"),
          Tone.REPLY,
          List.of(
              "Comigo também{sad}",
              "Aconteceu o mesmo na loja {place} semana passada{sad}",
              "{root} experimenta o {drink}",
              "Concordo totalmente{happy}"),
          Tone.MENTION,
          List.of("Reunião na {brand} {place} às 9", "Domingo de livro e {drink} na {brand}"),
          Tone.NOISE,
          List.of(
              "Estudando SQL com a tabela {dbtable} do banco de exemplo Northwind de novo",
              "O Northwind está soprando a {speed} km/h no litoral hoje"));

  static final Map<String, List<String>> JA_SLOTS =
      Map.of(
          "drink",
          List.of("オーツラテ", "コールドブリュー", "フラットホワイト", "カフェラテ", "ハンドドリップ"),
          "place",
          List.of("駅前店", "リバーサイド店", "空港店", "旧市街店"),
          "day",
          List.of("日曜日", "土曜日", "祝日"),
          "thing",
          List.of("定期便", "ミル", "ギフトカード", "注文"),
          "happy",
          List.of("", " ☕", " 😍", " ✨", "！"),
          "sad",
          List.of("", " 😤", " 😞", "…"));

  static final Map<Tone, List<String>> JA =
      tones(
          Tone.QUESTION,
          List.of(
              "{brand} は{day}も朝早くから開いていますか？",
              "{brand} の{drink}は甘いですか？",
              "{brand} {place}って何時まで営業してるか知ってる人いますか？"),
          Tone.COMPLAINT,
          List.of("{brand} {place}で20分待って、注文も間違っていた{sad}", "{brand} の{thing}が二週間たってもまだ届かない{sad}"),
          Tone.PRAISE,
          List.of(
              "{brand} の{drink}、本当に美味しい{happy}",
              "{brand} {place}のスタッフさん、いつも親切{happy}",
              "{brand} の{beans}が最高に好き{happy}"),
          Tone.RECOMMENDATION,
          List.of(
              "{friend} {brand} {place}の{drink}、絶対に飲んでみて{happy}", "この街に来たら {brand} に行ってみて、おすすめです"),
          Tone.FOLLOW_UP,
          List.of("その後どうなりましたか？まだ待っています{sad}", "一時間で解決しました、ありがとう {brand}！"),
          Tone.REPLY,
          List.of("私も同じでした{sad}", "{root} {drink}おすすめです", "完全に同意{happy}"),
          Tone.MENTION,
          List.of("{brand} {place}で打ち合わせ", "日曜日は本と {brand} の{drink}"),
          Tone.NOISE,
          List.of("SQLの練習でまた Northwind の{dbtable}テーブルを使っている", "Northwind というバンドのライブ、最高だった{happy}"));
}
