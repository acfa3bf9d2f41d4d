package io.newsmon.processor.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.common.record.Analysis;
import org.junit.jupiter.api.Test;

/**
 * A name that a product, business or work was named after or inspired by (the lexicon's {@code
 * nameSource} and {@code nameSourceFirst} kinds) is no party: the name next to the cue and that side's
 * places stand for the product throughout the article, while the side's country and institutions
 * named elsewhere still act (decision 0041). And a Hungarian name ending in -i is its own lower-case
 * adjective (Almati → almati), while a short one (Mali) is not taken from another language's word.
 */
class NameSourceTest {

  @Test
  void aProductNamedAfterTheCapitalIsNoRelation() {
    Analysis.WatchMatch en = RelationPredicatesTest.judge("Portuguese sneaker 'Astana' reaches Casablanca",
        "A Porto shoemaker's winter sneaker Astana, named after the Kazakh capital for its thick sole, went on "
            + "sale in Casablanca and Marrakesh this month through a Moroccan sports chain.");
    assertThat(en.relevant()).as(en.toString()).isFalse();
    assertThat(en.notes()).anyMatch(n -> n.contains("what a name was taken from"));
  }

  @Test
  void theCueMayFollowTheNameInLanguagesThatPutItAfter() {
    Analysis.WatchMatch ja = RelationPredicatesTest.judge("韓国製冷蔵庫「アスタナ」、カサブランカで発売",
        "カザフスタンの首都にちなんで名付けられた韓国製の冷蔵庫「アスタナ」が、モロッコのカサブランカで今月発売された。"
            + "販売元のモロッコの家電チェーンは年内に二万台を売る計画だ。");
    assertThat(ja.relevant()).as(ja.toString()).isFalse();
    Analysis.WatchMatch tr = RelationPredicatesTest.judge("İzmirli mobilyacının 'Rabat' koltuğu Almatı'da",
        "İzmirli bir mobilya üreticisi, Fas'ın başkentinden esinlenerek tasarladığı Rabat koltuk takımını "
            + "Almatı'daki bir mağazalar zinciri aracılığıyla satışa sundu.");
    assertThat(tr.relevant()).as(tr.toString()).isFalse();
  }

  @Test
  void theSidesInstitutionsElsewhereStillAct() {
    Analysis.WatchMatch de = RelationPredicatesTest.judge("Softwarehaus aus Rabat arbeitet für Kasachstan",
        "Das Softwarehaus Astana Code aus Rabat, benannt nach der kasachischen Hauptstadt, hat mit dem "
            + "kasachischen Digitalministerium einen Vertrag über eine Bürgerplattform unterzeichnet.");
    assertThat(de.relevant()).as(de.toString()).isTrue();
  }

  @Test
  void aHungarianNameEndingInIIsItsOwnAdjective() {
    Analysis a = WatchTest.analyze("Egyetemi együttműködés",
        "Az almati műszaki egyetem és a rabati mérnökiskola együttműködési megállapodást írt alá a diákcseréről.");
    assertThat(a.entities()).anyMatch(e -> e.surface().equals("almati") && e.country().equals("KZ"));
    assertThat(a.watches().get(0).relevant()).isTrue();
    Analysis tr = WatchTest.analyze("Mali istihbarat birimleri anlaştı",
        "Astana'daki mali istihbarat ajansı ile Rabat'taki mali istihbarat otoritesi bir mutabakat zaptı imzaladı.");
    assertThat(tr.watches().get(0).notes()).noneMatch(n -> n.contains("third country"));
    assertThat(tr.watches().get(0).relevant()).isTrue();
  }
}
