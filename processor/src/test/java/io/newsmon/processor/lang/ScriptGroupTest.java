package io.newsmon.processor.lang;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.pemistahl.lingua.api.Language;
import io.newsmon.common.record.Analysis;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptGroupTest {

  static final LanguageIdentifier ALL = LanguageIdentifier.shared(List.of("all"), 600, 0.2);

  @Test
  void everyLinguaLanguageAndUzbekIsInAScriptGroup() {
    List<String> missing = new ArrayList<>();
    for (Language l : Language.Companion.all()) {
      String code = LanguageIdentifier.code(l);
      if (LanguageAccuracy.group(code) == ScriptGroup.OTHER) {
        missing.add(code);
      }
    }
    assertThat(missing).isEmpty();
    assertThat(Language.Companion.all()).hasSize(75);
    assertThat(ScriptGroup.allLanguages()).hasSize(76).contains("uz");
    assertThat(ALL.languages()).isEqualTo(ScriptGroup.allLanguages());
    assertThat(ScriptGroup.LATIN.languages()).contains("uz");
    assertThat(ScriptGroup.CYRILLIC.languages()).contains("uz", "kk", "uk", "ru", "be", "bg", "mk", "sr", "mn");
    assertThat(ScriptGroup.ARABIC.languages()).containsExactlyInAnyOrder("ar", "fa", "ur");
  }

  @Test
  void aScriptOfOneLanguageDecidesIt() {
    assertThat(ALL.identify(null, "Η κυβέρνηση ανακοίνωσε νέα μέτρα για την οικονομία.", null).code()).isEqualTo("el");
    assertThat(ALL.identify(null, "הממשלה הודיעה היום על צעדים חדשים בכלכלה.", null).code()).isEqualTo("he");
    assertThat(ALL.identify(null, "მთავრობამ ეკონომიკის ახალი ზომები გამოაცხადა.", null).code()).isEqualTo("ka");
    assertThat(ALL.identify(null, "Կառավարությունը հայտարարեց տնտեսական նոր միջոցառումների մասին։", null).code()).isEqualTo("hy");
    assertThat(ALL.identify(null, "รัฐบาลประกาศมาตรการทางเศรษฐกิจใหม่ในวันนี้", null).code()).isEqualTo("th");
  }

  @Test
  void kanaMeansJapaneseHangulKoreanHanAloneChinese() {
    ScriptProfile ja = ScriptProfile.of("外務大臣は火曜日に会談した。");
    assertThat(LanguageIdentifier.byScript(ScriptGroup.CJK, ja)).isEqualTo("ja");
    ScriptProfile ko = ScriptProfile.of("외교부 장관은 화요일 회담을 가졌다 (外交部).");
    assertThat(LanguageIdentifier.byScript(ScriptGroup.CJK, ko)).isEqualTo("ko");
    ScriptProfile zh = ScriptProfile.of("外交部长周二举行会谈，双方签署了合作协议。");
    assertThat(LanguageIdentifier.byScript(ScriptGroup.CJK, zh)).isEqualTo("zh");
    // a product name in katakana inside a long Chinese text does not make it Japanese
    String zhWithKana = "外交部长周二举行会谈，双方签署了贸易与教育合作协议，并同意开通直航航线。".repeat(3) + "ソニー";
    assertThat(ALL.identify(null, zhWithKana, null).code()).isEqualTo("zh");
    // a six-character Chinese headline is long enough: Han characters count twice
    assertThat(ALL.identify("两国签署协议", null, null).code()).isEqualTo("zh");
  }

  @Test
  void theDominantScriptDecidesMixedText() {
    // an English quotation inside a Russian report
    String ru = "Министр иностранных дел заявил журналистам, что переговоры были конструктивными. "
        + "\"We are satisfied\", he said. Стороны договорились продолжить консультации в следующем месяце.";
    assertThat(ALL.identify(null, ru, null).code()).isEqualTo("ru");
    // an Amazigh title in Tifinagh over a French article
    String fr = "Le ministre a inauguré mercredi une nouvelle école dans la province, en présence des élus "
        + "locaux et des parents d'élèves, et annoncé la construction de deux autres établissements.";
    assertThat(ALL.identify("ⵜⴰⵎⴰⵣⵉⵖⵜ", fr, null).code()).isEqualTo("fr");
    // Latin names in a Chinese report
    assertThat(ALL.identify(null, "据Reuters报道，Kazakhstan与Morocco的外交部长周二在阿斯塔纳举行会谈。", null).code())
        .isEqualTo("zh");
  }

  @Test
  void onlyTheDominantScriptsLettersReachTheModel() {
    assertThat(ScriptProfile.only("Привет, world! Мир", ScriptGroup.CYRILLIC)).isEqualTo("Привет,      ! Мир");
    ScriptProfile p = ScriptProfile.of("abc где ⴰⴱ 日本");
    assertThat(p.letters(ScriptGroup.LATIN)).isEqualTo(3);
    assertThat(p.letters(ScriptGroup.CYRILLIC)).isEqualTo(3);
    assertThat(p.letters(ScriptGroup.OTHER)).isEqualTo(2);
    assertThat(p.letters(ScriptGroup.CJK)).isEqualTo(4);
    assertThat(p.total()).isEqualTo(12);
  }

  @Test
  void uzbekIsKeptInBothScripts() {
    Analysis.Language latin = ALL.identify(null, "Oʻzbekiston va Marokash oʻrtasidagi savdo aloqalari kengaymoqda. "
        + "Toshkentda boʻlib oʻtgan uchrashuvda hamkorlik muhokama qilindi.", null);
    Analysis.Language cyrillic = ALL.identify(null, "Ўзбекистон ва Марокаш ўртасидаги савдо алоқалари кенгаймоқда. "
        + "Тошкентда бўлиб ўтган учрашувда ҳамкорлик муҳокама қилинди.", null);
    assertThat(latin.code()).isEqualTo("uz");
    assertThat(cyrillic.code()).isEqualTo("uz");
  }

  @Test
  void closeLanguagesComeFromCldr() {
    assertThat(CloseLanguages.of("id")).containsExactly("ms");
    assertThat(CloseLanguages.of("hr")).contains("bs");
    assertThat(CloseLanguages.of("en")).isEmpty();
    assertThat(CloseLanguages.of("ru")).doesNotContain("uk", "be", "bg");
  }
}
