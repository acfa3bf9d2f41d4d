package io.newsmon.processor.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.common.record.Analysis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Towns of both sides under the names the press of each language writes them with: in Chinese,
 * Japanese and Thai (no spaces, found as substrings), Korean (particles glued to the noun) and the
 * Latin spellings of national languages, none of which the consonant keys reach.
 */
class TownExonymsTest {

  @ParameterizedTest(name = "{0}: {3}")
  @CsvSource(delimiter = '|', textBlock = """
      zh | ma:essaouira | kz:aktau     | 索维拉市政府与阿克套市政府签署了友好城市协议。
      zh | ma:laayoune  | kz:kostanay  | 阿尤恩的大学和科斯塔奈的大学签署了学术交流备忘录。
      ja | ma:kenitra   | kz:atyrau    | ケニトラ大学とアティラウ大学は学術協力の覚書に署名した。
      ja | ma:chefchaouen | kz:balkhash | シャウエン市とバルハシ市は観光協力の協定に署名した。
      th | ma:ifrane    | kz:baikonur  | มหาวิทยาลัยในอีฟรานและศูนย์วิจัยที่ไบโคนูร์ลงนามข้อตกลงความร่วมมือ
      th | ma:meknes    | kz:almaty    | หอการค้าเมกเนสและหอการค้าอัลมาตีลงนามบันทึกความเข้าใจ
      ko | ma:ifrane    | kz:aktobe    | 이프란 대학교와 악토베 대학교는 학술 협력 협정에 서명했다.
      ko | ma:benguerir | kz:shchuchinsk | 벤게리르의 연구소와 시추친스크의 연구소가 양해각서에 서명했다.
      pt | ma:marrakech | kz:turkistan | A câmara de Marraquexe e a de Turquestão assinaram um acordo de geminação.
      es | ma:al-hoceima | kz:balkhash | El puerto de Alhucemas y el ayuntamiento de Baljash firmaron un acuerdo de cooperación.
      pl | ma:fes       | kz:kyzylorda | Uniwersytet w Fezie i uczelnia z Kyzyłordy podpisały umowę o współpracy.
      """)
  void twoTownsWhoseInstitutionsSignSomethingAreBothSides(String lang, String moroccan, String kazakh, String text) {
    Analysis a = WatchTest.analyze(null, text);
    assertThat(WatchTest.ids(a)).as(lang).contains(moroccan, kazakh);
    assertThat(a.watches().get(0).relevant()).as(lang).isTrue();
  }

  @Test
  void theSeparatistNameOfAChineseRegionIsNotTheKazakhTown() {
    // 突厥斯坦 (Turkistan) inside 东突厥斯坦, a name for Xinjiang
    Analysis a = WatchTest.analyze(null, "报告提到了所谓的东突厥斯坦组织在摩洛哥的活动。");
    assertThat(WatchTest.ids(a)).contains("ma:country").doesNotContain("kz:turkistan");
    assertThat(a.watches().get(0).relevant()).isFalse();
  }

  @Test
  void commonWordsThatSoundLikeTownsAreNoTowns() {
    // Arabic "new" (الجديدة, El Jadida) and "the eyes" (العيون, Laâyoune) are left out of the names
    Analysis arabic = WatchTest.analyze(null, "افتتحت الحكومة المغربية المدرسة الجديدة لطب العيون في كازاخستان.");
    assertThat(WatchTest.ids(arabic)).doesNotContain("ma:el-jadida", "ma:laayoune");
    // the Russian adjective of the Urals is not the town Oral (Уральск) with an ending
    Analysis russian = WatchTest.analyze(null, "Уральский федеральный университет принял делегацию из Марокко.");
    assertThat(WatchTest.ids(russian)).doesNotContain("kz:oral");
    assertThat(russian.watches().get(0).relevant()).isFalse();
    // a town's consonants in other scripts: the Arabic volcano is not Berkane, the surname Kostin not Kostanay
    Analysis volcano = WatchTest.analyze(null, "ثار بركان في جزيرة بعيدة، وأرسل المغرب وكازاخستان مساعدات.");
    assertThat(WatchTest.ids(volcano)).doesNotContain("ma:berkane");
    Analysis surname = WatchTest.analyze(null, "Андрей Костин обсудил с послом Марокко кредиты Казахстану.");
    assertThat(WatchTest.ids(surname)).doesNotContain("kz:kostanay");
    // Chinese 胡塞马 (Al Hoceïma) runs across 胡塞 (the Houthis) and 马上 (at once): left out
    Analysis chinese = WatchTest.analyze(null, "胡塞马上宣布拒绝摩洛哥和哈萨克斯坦的调解。");
    assertThat(WatchTest.ids(chinese)).doesNotContain("ma:al-hoceima");
  }
}
