package io.newsmon.processor.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.common.record.Analysis;
import org.junit.jupiter.api.Test;

/**
 * Thai text has no spaces, so names are found inside runs of letters: a short name that neither starts nor
 * ends where a dictionary word does is no name (ลาว "Laos" inside ปลา|วัย "young fish"); the demonym
 * คาซัค names Kazakhstan; a side's nationality next to a Thai word for a player or fighter is a person's.
 */
class ThaiWordsTest {

  @Test
  void laosInsideTwoWordsIsNoThirdCountry() {
    Analysis.WatchMatch m = RelationPredicatesTest.judge("โมร็อกโกส่งอวนให้คาซัคสถาน",
        "กรมประมงคาซัคสถานซื้ออวนตาห่างจากโรงงานในเมืองอากาดีร์ ประเทศโมร็อกโก เพื่อลดการจับปลาวัยอ่อนในทะเลสาบบัลคัช");
    assertThat(m.notes()).noneMatch(n -> n.contains("ลาว") || n.contains("LA"));
    assertThat(m.relevant()).as(m.toString()).isTrue();
  }

  @Test
  void theKazakhDemonymNamesTheSide() {
    Analysis a = WatchTest.analyze("ผู้เชี่ยวชาญคาซัคเยือนราบัต",
        "คณะผู้เชี่ยวชาญด้านน้ำชาวคาซัคเดินทางเยือนกรุงราบัตและลงนามบันทึกความเข้าใจกับกระทรวงอุปกรณ์และน้ำของโมร็อกโก");
    assertThat(a.entities()).anyMatch(e -> e.surface().equals("คาซัค") && e.country().equals("KZ"));
    assertThat(a.watches().get(0).relevant()).isTrue();
  }

  @Test
  void aFightersNationalityIsNoState() {
    Analysis.WatchMatch m = RelationPredicatesTest.judge("นักมวยโมร็อกโกชนะนักชกคาซัค",
        "นักมวยชาวโมร็อกโกจากยิมในคาซาบลังกาชนะคะแนนนักชกชาวคาซัคจากชิมเคนต์ที่เวทีราชดำเนินเมื่อคืนวันศุกร์");
    assertThat(m.relevant()).as(m.toString()).isFalse();
  }
}
