package io.newsmon.processor.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

public class FingerprinterTest {

  public static final String P1 = "Kazakhstan and Morocco signed an agreement on Thursday to double their trade in wheat "
      + "and phosphate fertiliser within five years, the two foreign ministers said after talks in Rabat. "
      + "The deal foresees a joint working group that will meet twice a year.";
  public static final String P2 = "Murat Nurtleu, who arrived in the Moroccan capital on Wednesday evening, told reporters "
      + "that Kazakh grain could reach Casablanca through Black Sea ports in less than three weeks. "
      + "He added that his government was studying a direct air link between Almaty and Casablanca.";
  public static final String P3 = "Nasser Bourita welcomed the support of Astana for the autonomy plan and said the "
      + "kingdom wanted to train Kazakh imams and offer scholarships to students from Central Asia. "
      + "The ministers also discussed security cooperation and the fight against extremism.";
  public static final String P4 = "Trade between the two countries reached about 120 million dollars last year, most of it "
      + "Moroccan fertiliser sold to Kazakh farmers and Kazakh wheat bought by Moroccan mills, officials said.";
  public static final String BASE = String.join("\n", P1, P2, P3, P4);

  private static int distance(String a, String b) {
    return Fingerprint.hamming(Fingerprinter.fingerprint(a).simhash(), Fingerprinter.fingerprint(b).simhash());
  }

  @Test
  void identicalTextsHaveIdenticalFingerprintsAndHashes() {
    assertThat(Fingerprinter.fingerprint(BASE)).isEqualTo(Fingerprinter.fingerprint(BASE));
    assertThat(Fingerprinter.contentHash(BASE)).hasSize(64).isEqualTo(Fingerprinter.contentHash(BASE + "  "));
    assertThat(Fingerprinter.fingerprint(BASE).hex()).hasSize(16);
  }

  @Test
  void datelinesAgencyPrefixesAndPageFurnitureChangeNothing() {
    assertThat(distance(BASE, "RABAT, March 6 (Reuters) - " + BASE)).isZero();
    assertThat(distance(BASE, "Home | World | Business\nShare this article\n" + BASE + "\nRead also: other news"
        + "\n© 2025 Example Media. All rights reserved. https://example.com")).isZero();
  }

  @Test
  void swappedParagraphsChangeNothing() {
    assertThat(distance(BASE, String.join("\n", P3, P1, P4, P2))).isZero();
  }

  @Test
  void invisibleCharactersChangeNothing() {
    assertThat(distance(BASE, BASE.replace("Kazakhstan", "Kazakh\u200Bstan").replace("wheat", "wh\u00ADeat"))).isZero();
    assertThat(Fingerprinter.contentHash(BASE.replace("Morocco", "Mor\u200Docco")))
        .isEqualTo(Fingerprinter.contentHash(BASE));
  }

  @Test
  void arabicLetterVariantsChangeNothing() {
    String a = "أعلنت كازاخستان دعمها لمخطط الحكم الذاتي الذي اقترحه المغرب، خلال زيارة رسمية لوزير الخارجية إلى الرباط.\n"
        + "وأكد الطرفان في بيان مشترك على أهمية التعاون الاستراتيجي بين البلدين في مختلف المجالات.";
    String b = a.replace("أ", "ا").replace("ة", "ه").replace("كازاخستان", "كازاخسـتـان")
        .replace("الحكم", "الحُكْم");
    assertThat(distance(a, b)).isZero();
    assertThat(Fingerprinter.contentHash(a)).isEqualTo(Fingerprinter.contentHash(b));
  }

  @Test
  void aRewordedFirstSentenceChangesFewBits() {
    String reworded = BASE.replace("Kazakhstan and Morocco signed an agreement on Thursday to double",
        "On Thursday Morocco and Kazakhstan agreed to double");
    assertThat(distance(BASE, reworded)).isLessThanOrEqualTo(6);
    Fingerprint a = Fingerprinter.fingerprint(BASE);
    Fingerprint b = Fingerprinter.fingerprint(reworded);
    assertThat(Fingerprint.containment(a.sample(), b.sample())).isGreaterThanOrEqualTo(0.7);
  }

  @Test
  void aTruncatedCopyIsContainedInTheFullText() {
    Fingerprint full = Fingerprinter.fingerprint(BASE);
    Fingerprint cut = Fingerprinter.fingerprint(P1 + "\n" + P2);
    assertThat(Fingerprint.containment(full.sample(), cut.sample())).isEqualTo(1.0);
  }

  @Test
  void differentNewsBehindASharedTemplateOpeningIsFarApart() {
    String opening = "RABAT (MAP) - The Ministry of Foreign Affairs, African Cooperation and Moroccan Expatriates "
        + "announced on Monday that minister Nasser Bourita held talks at the ministry headquarters. "
        + "The meeting took place in a warm atmosphere reflecting the excellent relations.\n";
    String a = opening + "The talks covered fisheries, the renewal of the maritime agreement and the situation "
        + "of seasonal workers in the south of Spain. Both sides agreed to hold a high-level meeting in Madrid "
        + "before the end of the year and to reopen the customs posts in the north.";
    String b = opening + "The discussion focused on wheat imports from Kazakhstan, a planned flight between "
        + "Casablanca and Almaty and scholarships for Kazakh students. A joint commission will meet in "
        + "Astana in the autumn to prepare agreements on investment and visas.";
    assertThat(distance(a, b)).isGreaterThan(3);
    Fingerprint fa = Fingerprinter.fingerprint(a);
    Fingerprint fb = Fingerprinter.fingerprint(b);
    assertThat(Fingerprint.containment(fa.sample(), fb.sample())).isLessThan(0.7);
  }

  @Test
  void unrelatedTextsAreFarApart() {
    String other = "The central bank kept its key interest rate unchanged on Tuesday, citing slowing inflation, "
        + "a strong harvest and stable fuel prices, and said it would review the decision in June.";
    assertThat(distance(BASE, other)).isGreaterThan(10);
  }

  @Test
  void datelineStripKeepsTheBodyAndIgnoresOrdinarySentences() {
    assertThat(Fingerprinter.stripDateline("ASTANA, 3 March. Kazinform – The president met the visiting minister today."))
        .startsWith("The president");
    String ordinary = "The president met the visiting minister today and discussed trade.";
    assertThat(Fingerprinter.stripDateline(ordinary)).isEqualTo(ordinary);
  }

  @Test
  void containmentWithAThresholdAgreesWithTheFullCount() {
    java.util.Random r = new java.util.Random(11);
    for (int round = 0; round < 500; round++) {
      long[] a = r.longs(r.nextInt(40), -50, 50).distinct().sorted().toArray();
      long[] b = r.longs(r.nextInt(40), -50, 50).distinct().sorted().toArray();
      double full = Fingerprint.containment(a, b);
      for (double min : new double[] {0.3, 0.7, 0.9, 1.0}) {
        double c = Fingerprint.containmentAtLeast(a, b, min);
        if (a.length > 0 && b.length > 0 && full >= min) {
          assertThat(c).as("%s vs %s at %s", java.util.Arrays.toString(a), java.util.Arrays.toString(b), min)
              .isEqualTo(full);
        } else {
          assertThat(c).isEqualTo(-1.0);
        }
      }
    }
  }

  /**
   * A thread's working arrays carry nothing from one text to the next: texts fingerprinted one after
   * the other (long, short, empty, very long, long again) give what each gives on a thread of its own.
   */
  @Test
  void textsFingerprintedOneAfterTheOtherGiveWhatEachGivesAlone() throws Exception {
    List<String> texts = List.of(BASE, P1, "", String.join(" ", java.util.Collections.nCopies(40, BASE)), P3 + " " + P2, BASE);
    List<Fingerprint> inTurn = new java.util.ArrayList<>();
    for (String t : texts) {
      inTurn.add(Fingerprinter.fingerprint(t));
    }
    for (int i = 0; i < texts.size(); i++) {
      String t = texts.get(i);
      Fingerprint[] alone = new Fingerprint[1];
      Thread th = new Thread(() -> alone[0] = Fingerprinter.fingerprint(t));
      th.start();
      th.join();
      assertThat(inTurn.get(i)).as("text %d", i).isEqualTo(alone[0]);
    }
  }
}
