package io.newsmon.app.demo;

import io.newsmon.common.record.RawArticle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Multilingual articles of about 3 KB made from sentence pools, for benchmarks: every article is
 * different (random sentence order, numbers and places), about a sixth mention both countries.
 */
public final class SyntheticArticles {

  private static final String[][] POOLS = {
      { // en
          "The government announced a new programme to support small farmers in the %s region on %s.",
          "Officials said %d companies had applied for the export credits by the end of the month.",
          "The central bank kept its key rate unchanged at %d percent, citing slowing inflation.",
          "Negotiators met in %s to discuss the schedule of the next round of talks.",
          "Analysts expect wheat harvests to rise by %d percent compared with last year.",
          "Morocco and Kazakhstan agreed to expand cooperation in trade and education, the ministers said in %s.",
      },
      { // fr
          "Le gouvernement a présenté un nouveau plan d'investissement pour la région de %s le %s.",
          "Selon le ministère, %d entreprises ont déjà bénéficié du programme d'accompagnement.",
          "La banque centrale a maintenu son taux directeur à %d pour cent lors de sa dernière réunion.",
          "Les négociateurs se sont retrouvés à %s pour préparer la prochaine session de travail.",
          "Les exportations agricoles ont progressé de %d pour cent au premier semestre.",
          "Le Maroc et le Kazakhstan ont signé un accord de coopération universitaire à %s.",
      },
      { // ru
          "Правительство объявило о новой программе поддержки фермеров в регионе %s %s.",
          "По данным министерства, %d компаний подали заявки на участие в программе.",
          "Национальный банк сохранил базовую ставку на уровне %d процентов.",
          "Переговорщики встретились в городе %s, чтобы обсудить график следующего раунда.",
          "Аналитики ожидают роста урожая пшеницы на %d процентов.",
          "Казахстан и Марокко договорились расширить сотрудничество в сфере торговли, сообщили в %s.",
      },
      { // ar
          "أعلنت الحكومة عن برنامج جديد لدعم الفلاحين الصغار في جهة %s يوم %s.",
          "وقال مسؤولون إن %d شركة تقدمت بطلبات للاستفادة من قروض التصدير.",
          "أبقى البنك المركزي سعر الفائدة الرئيسي دون تغيير عند %d في المائة.",
          "اجتمع المفاوضون في %s لمناقشة جدول الجولة المقبلة من المحادثات.",
          "يتوقع المحللون ارتفاع محصول القمح بنسبة %d في المائة مقارنة بالعام الماضي.",
          "اتفق المغرب وكازاخستان على توسيع التعاون في مجالي التجارة والتعليم، حسب ما أعلن في %s.",
      },
      { // es
          "El gobierno anunció un nuevo programa de apoyo a los agricultores de la región de %s el %s.",
          "Según el ministerio, %d empresas solicitaron los créditos a la exportación.",
          "El banco central mantuvo el tipo de interés en el %d por ciento.",
          "Los negociadores se reunieron en %s para preparar la siguiente ronda de conversaciones.",
          "Los analistas prevén que la cosecha de trigo crezca un %d por ciento.",
          "Marruecos y Kazajistán acordaron ampliar su cooperación comercial, informaron en %s.",
      },
      { // kk
          "Үкімет %s өңіріндегі фермерлерді қолдаудың жаңа бағдарламасын %s жариялады.",
          "Министрліктің мәліметінше, %d компания бағдарламаға қатысуға өтінім берді.",
          "Ұлттық банк базалық мөлшерлемені %d пайыз деңгейінде сақтады.",
          "Келіссөз жүргізушілер келесі кезеңнің кестесін талқылау үшін %s қаласында кездесті.",
          "Сарапшылар бидай өнімі %d пайызға өседі деп күтеді.",
          "Қазақстан мен Марокко сауда саласындағы ынтымақтастықты кеңейтуге келісті, деп хабарлады %s.",
      },
  };
  private static final String[] LANGS = {"en", "fr", "ru", "ar", "es", "kk"};
  /** Languages the articles rotate through (one of each in any run of this many). */
  public static final int LANGUAGES = LANGS.length;
  private static final String[] PLACES = {"Rabat", "Astana", "Almaty", "Casablanca", "Madrid", "Tashkent",
      "Paris", "Cairo", "Fez", "Shymkent", "Tangier", "Karaganda"};

  private final Random random;
  private int next;

  /** A deterministic sequence of articles for a seed. */
  public SyntheticArticles(long seed) {
    this.random = new Random(seed);
  }

  /** {@code n} articles, deterministic for a seed. */
  public static List<RawArticle> generate(int n, long seed) {
    SyntheticArticles g = new SyntheticArticles(seed);
    List<RawArticle> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(g.next(Instant.parse("2026-11-01T00:00:00Z").plusSeconds(i * 30L)));
    }
    return out;
  }

  /** The next article, published at {@code publishedAt} (one at a time: a long run holds none in memory). */
  public RawArticle next(Instant publishedAt) {
    int i = next++;
    int lang = i % LANGS.length;
    String[] pool = POOLS[lang];
    StringBuilder text = new StringBuilder();
    while (text.length() < 3000) {
      int s = random.nextInt(pool.length - (random.nextInt(6) == 0 ? 0 : 1));
      String place = PLACES[random.nextInt(PLACES.length)];
      String sentence = pool[s].contains("%d")
          ? String.format(pool[s], random.nextInt(900) + 10)
          : String.format(pool[s], place, "2026-" + (1 + random.nextInt(12)) + "-" + (1 + random.nextInt(28)))
              .replace("%s", place);
      text.append(sentence).append(random.nextInt(4) == 0 ? "\n\n" : " ");
    }
    String url = "https://bench" + (i % 50) + ".example.org/" + LANGS[lang] + "/" + i + "-" + random.nextInt(1_000_000);
    return RawArticle.builder().url(url).sourceId("bench").origin("replay")
        .title(text.substring(0, Math.min(80, text.indexOf(" ", 60) > 0 ? text.indexOf(" ", 60) : 80)))
        .text(text.toString()).publishedAt(publishedAt).build();
  }
}
