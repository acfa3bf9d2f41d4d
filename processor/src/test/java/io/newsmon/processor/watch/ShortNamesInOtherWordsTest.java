package io.newsmon.processor.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.common.record.Analysis;
import org.junit.jupiter.api.Test;

/**
 * Short third-country names that are also ordinary words, or parts of them, name no country: タイ
 * (Thailand) inside タイヤ "tyre", マリ (Mali) inside マリン "marine"; Urdu شام "evening", Hindi माली
 * "gardener"; Persian تازه "fresh" is not Taza (an excluded phrase wins over a name read alike), and a Korean
 * noun whose consonants are a town's (발주처 "client", Balkhash) is no town: Hangul words need five.
 */
class ShortNamesInOtherWordsTest {

  @Test
  void aShortKatakanaNameInsideALongerWordIsNoCountry() {
    Analysis.WatchMatch m = RelationPredicatesTest.judge("モロッコとカザフスタンがタイヤ工場で合意",
        "モロッコとカザフスタンはタイヤとマリン用品の合弁工場を建設することで合意した。");
    assertThat(m.notes()).noneMatch(n -> n.contains("third"));
    assertThat(m.relevant()).as(m.toString()).isTrue();
    Analysis.WatchMatch pair = RelationPredicatesTest.judge("タイ、モロッコとカザフスタンに米を輸出",
        "タイはモロッコとカザフスタンにそれぞれ米を輸出している。");
    assertThat(pair.relevant()).as(pair.toString()).isFalse();
  }

  @Test
  void urduEveningAndHindiGardenerAreNoCountries() {
    Analysis.WatchMatch ur = RelationPredicatesTest.judge("مراکش اور قازقستان کا معاہدہ",
        "مراکش اور قازقستان نے منگل کی شام رباط میں زرعی تعاون کے معاہدے پر دستخط کیے۔");
    assertThat(ur.notes()).noneMatch(n -> n.contains("third"));
    assertThat(ur.relevant()).as(ur.toString()).isTrue();
    Analysis.WatchMatch hi = RelationPredicatesTest.judge("मोरक्को और कज़ाख़स्तान में समझौता",
        "मोरक्को और कज़ाख़स्तान ने बागवानी पर समझौता किया; रबात के एक माली ने अस्ताना के विशेषज्ञों को प्रशिक्षण दिया।");
    assertThat(hi.notes()).noneMatch(n -> n.contains("third"));
    assertThat(hi.relevant()).as(hi.toString()).isTrue();
  }

  @Test
  void persianFreshAndAKoreanNounAreNoTowns() {
    Analysis fa = WatchTest.analyze("میوه تازه", "میوه تازه از مراکش به بازارهای قزاقستان رسید.");
    assertThat(fa.entities()).noneMatch(e -> e.id().equals("ma:taza"));
    Analysis ko = WatchTest.analyze("계약", "카자흐스탄 발주처와 모로코 업체가 계약을 맺었다.");
    assertThat(ko.entities()).extracting(Analysis.Entity::id).containsOnly("kz:country", "ma:country");
  }
}
