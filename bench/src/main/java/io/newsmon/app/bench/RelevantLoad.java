package io.newsmon.app.bench;

import io.newsmon.common.record.RawArticle;
import java.time.Instant;
import java.util.Random;

/**
 * Articles about relations between Morocco and Kazakhstan for the latency load, so that the alert hop
 * is measured: each one names both countries with a bilateral cue (bilateral, counterpart, the two
 * countries) and is otherwise made of invented particulars (people, firms, towns) drawn at random,
 * so that no two are near copies, and names no kind of action, day or quantity, so that no two share
 * a feature of an event: each is expected to start a story of its own and so to raise a first alert. No capital, city
 * or office holder known to the default watch is named (they would join the articles into stories).
 * Four languages in rotation; deterministic for a seed.
 */
final class RelevantLoad {

  private static final String[] LANGS = {"en", "fr", "es", "ru"};
  /** Title templates: {@code %1$s} a sector, {@code %2$s} an invented firm. */
  private static final String[] TITLES = {
      "Morocco and Kazakhstan: %2$s and bilateral cooperation in %1$s",
      "Maroc et Kazakhstan : %2$s et la coopération bilatérale dans %1$s",
      "Marruecos y Kazajistán: %2$s y la cooperación bilateral en %1$s",
      "Марокко и Казахстан: %2$s и двустороннее сотрудничество, %1$s",
  };
  /**
   * Sentences: %1$s person, %2$s firm, %3$s town, %4$s sector, %5$s second person. No kind of action,
   * day, date or number (the story matcher's anchors), so two of them share nothing of an event.
   */
  private static final String[][] SENTENCES = {
      { // en
          "Morocco and Kazakhstan are deepening bilateral cooperation in %4$s, %1$s of %2$s said in %3$s.",
          "Between Morocco and Kazakhstan, %2$s is the partner most cited for %4$s in %3$s.",
          "%5$s, a counterpart on the Kazakh side, said the two countries share an interest in %4$s.",
          "The Moroccan and Kazakh sides see %3$s as a hub for their joint plans, %1$s told reporters.",
          "Relations between Morocco and Kazakhstan also cover %4$s, according to %5$s of %2$s.",
          "%1$s said the bilateral ties would bring work to %3$s.",
      },
      { // fr
          "Le Maroc et le Kazakhstan approfondissent leur coopération bilatérale dans %4$s, selon %1$s de %2$s à %3$s.",
          "Entre le Maroc et le Kazakhstan, %2$s est le partenaire le plus cité pour %4$s à %3$s.",
          "%5$s, homologue côté kazakh, estime que les deux pays partagent un intérêt pour %4$s.",
          "Les parties marocaine et kazakhe voient %3$s comme un pôle de leurs projets communs, selon %1$s.",
          "Les relations entre le Maroc et le Kazakhstan portent aussi sur %4$s, selon %5$s de %2$s.",
          "%1$s estime que les liens bilatéraux apporteront du travail à %3$s.",
      },
      { // es
          "Marruecos y Kazajistán profundizan su cooperación bilateral en %4$s, según %1$s de %2$s en %3$s.",
          "Entre Marruecos y Kazajistán, %2$s es el socio más citado en %4$s en %3$s.",
          "%5$s, homólogo por la parte kazaja, cree que ambos países comparten interés en %4$s.",
          "Las partes marroquí y kazaja ven %3$s como centro de sus planes conjuntos, según %1$s.",
          "Las relaciones entre Marruecos y Kazajistán abarcan también %4$s, según %5$s de %2$s.",
          "%1$s cree que los lazos bilaterales traerán trabajo a %3$s.",
      },
      { // ru
          "Марокко и Казахстан углубляют двустороннее сотрудничество (%4$s), считает %1$s из компании %2$s, город %3$s.",
          "В отношениях Марокко и Казахстана компания %2$s чаще всего упоминается в теме %4$s.",
          "%5$s, коллега с казахстанской стороны, считает, что у двух стран общий интерес: %4$s.",
          "Марокканская и казахстанская стороны видят город %3$s центром совместных планов, считает %1$s.",
          "Отношения Марокко и Казахстана охватывают и тему %4$s, по мнению %5$s из компании %2$s.",
          "%1$s считает, что двусторонние связи дадут работу городу %3$s.",
      },
  };
  /** A sentence listing invented participants (most of its shingles occur in no other article). */
  private static final String[] ATTENDED = {"Also present: %s.", "Étaient présents : %s.", "Asistieron: %s.",
      "Присутствовали: %s."};
  /**
   * Sectors, none of them a subject of the story matcher (tourism is one: two tourism articles of a day
   * without a shared name join one story).
   */
  private static final String[][] SECTORS = {
      {"fertiliser", "grain", "rail freight", "solar power", "handicrafts", "water", "textiles", "fisheries"},
      {"les engrais", "les céréales", "le fret ferroviaire", "l'énergie solaire", "l'artisanat", "l'eau"},
      {"fertilizantes", "cereales", "transporte ferroviario", "energía solar", "artesanía", "agua"},
      {"удобрения", "зерно", "железнодорожные перевозки", "солнечная энергетика", "ремёсла", "вода"},
  };
  /** Consonants and vowels of invented names: the story matcher compares names by their consonants. */
  private static final String[] LATIN_C = {"b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s",
      "t", "v", "w", "z", "br", "dr", "kr", "pl", "st", "tr", "gl", "sk", "vl", "zd", "ch", "sh"};
  private static final String[] LATIN_V = {"a", "e", "i", "o", "u"};
  private static final String[] CYRILLIC_C = {"б", "в", "г", "д", "ж", "з", "к", "л", "м", "н", "п", "р", "с",
      "т", "ф", "х", "ц", "ч", "ш", "бр", "др", "кр", "пл", "ст", "тр", "гл", "ск", "вл", "зд", "шт"};
  private static final String[] CYRILLIC_V = {"а", "е", "и", "о", "у"};

  private final Random random;
  private int next;

  RelevantLoad(long seed) {
    this.random = new Random(seed);
  }

  /** The next relevant article, published (and to be sent) at {@code publishedAt}. */
  RawArticle next(Instant publishedAt) {
    int i = next++;
    int lang = i % LANGS.length;
    boolean cyrillic = lang == 3;
    String firm = word(cyrillic) + " " + word(cyrillic);
    String sector = SECTORS[lang][random.nextInt(SECTORS[lang].length)];
    StringBuilder text = new StringBuilder();
    String[] pool = SENTENCES[lang];
    // three of the sentences, in random order, and a list of invented names: most word sequences of
    // one article occur in no other (the fixed wording alone would make near copies)
    java.util.List<Integer> order = new java.util.ArrayList<>(java.util.List.of(0, 1, 2, 3, 4, 5));
    java.util.Collections.shuffle(order, random);
    for (int k = 0; k < 3; k++) {
      text.append(String.format(pool[order.get(k)], word(cyrillic) + " " + word(cyrillic), firm,
          word(cyrillic), sector, word(cyrillic) + " " + word(cyrillic))).append(k == 1 ? "\n\n" : " ");
      StringBuilder names = new StringBuilder();
      for (int m = 0, n = 4 + random.nextInt(3); m < n; m++) {
        names.append(m == 0 ? "" : ", ").append(word(cyrillic)).append(' ').append(word(cyrillic));
      }
      text.append(String.format(ATTENDED[lang], names)).append(' ');
    }
    // a sentence of invented lower-case words: articles that drew the same three templates still share
    // too few word sequences to be taken for near copies of each other (the names alone do not do it)
    for (int m = 0; m < 24; m++) {
      String w = word(cyrillic).toLowerCase(java.util.Locale.ROOT);
      text.append(m == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w).append(m == 23 ? "." : " ");
    }
    String url = "https://relevant" + (i % 20) + ".example.org/" + LANGS[lang] + "/" + i + "-" + random.nextInt(1_000_000);
    return RawArticle.builder().url(url).sourceId("bench").origin("replay")
        .title(String.format(TITLES[lang], sector, firm)).text(text.toString()).publishedAt(publishedAt).build();
  }

  /** An invented capitalised name of four syllables (about 500,000 consonant skeletons). */
  private String word(boolean cyrillic) {
    String[] c = cyrillic ? CYRILLIC_C : LATIN_C;
    String[] v = cyrillic ? CYRILLIC_V : LATIN_V;
    StringBuilder w = new StringBuilder();
    for (int k = 0; k < 4; k++) {
      w.append(c[random.nextInt(c.length)]).append(v[random.nextInt(v.length)]);
    }
    return Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }
}
