package io.newsmon.processor.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.record.Analysis;
import io.newsmon.common.record.RawArticle;
import io.newsmon.processor.ArticleAnalyzer;
import io.newsmon.processor.Watches;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchTest {

  /** The rules alone (the relevance model, on by default, is tested in RelevanceModelTest). */
  static final ArticleAnalyzer ANALYZER = ArticleAnalyzer.create(NewsmonConfig.defaults()
      .with(io.newsmon.common.config.ProcessorSettings.RELEVANCE_MODEL.name(), "false"));

  static Analysis analyze(String title, String text) {
    return ANALYZER.analyze(RawArticle.builder().url("https://t.example/x").title(title).text(text).build());
  }

  static List<String> ids(Analysis a) {
    return a.entities().stream().map(Analysis.Entity::id).toList();
  }

  @Test
  void theDefaultWatchIsBundledWithItsRuleVersion() {
    List<Watch> watches = Watches.load(NewsmonConfig.defaults());
    assertThat(watches).extracting(Watch::id).containsExactly("morocco-kazakhstan");
    assertThat(watches.get(0).ruleVersion()).isNotBlank();
    assertThat(Watches.ids(NewsmonConfig.defaults())).containsExactly("morocco-kazakhstan");
    assertThat(Watches.ruleVersions(NewsmonConfig.defaults()))
        .containsEntry("morocco-kazakhstan", watches.get(0).ruleVersion());
  }

  @Test
  void entitiesAreFoundWithOffsetsAcrossScriptsAndVariants() {
    String text = "وصل مراد نورتيليو إلى الرباط، والتقى بوريطة. Tokaev a reçu l'ambassadeur à Nur-Sultan. "
        + "Министр встретился с Буритой в Казахстане. Қазақстанның елшісі Мароккода.";
    Analysis a = analyze(null, text);
    assertThat(ids(a)).contains("kz:nurtleu", "ma:rabat", "ma:bourita", "kz:tokayev", "kz:astana", "kz:country", "ma:country");
    for (Analysis.Entity e : a.entities()) {
      assertThat(text.substring(e.start(), e.end())).isEqualTo(e.surface());
    }
    Analysis.Entity nurtleu = a.entities().stream().filter(e -> e.id().equals("kz:nurtleu")).findFirst().orElseThrow();
    assertThat(nurtleu.surface()).isEqualTo("مراد نورتيليو");
    assertThat(nurtleu.type()).isEqualTo("person");
    assertThat(nurtleu.country()).isEqualTo("KZ");
  }

  @Test
  void bothSidesInOneSentenceAreARelationWithEvidence() {
    String text = "The weather was fine.\nMorocco and Kazakhstan signed a visa agreement in Astana on Monday.";
    Analysis.WatchMatch m = analyze(null, text).watches().get(0);
    assertThat(m.relevant()).isTrue();
    assertThat(m.score()).isBetween(0.0, 1.0);
    assertThat(m.evidence()).singleElement().satisfies(e -> {
      assertThat(e.text()).startsWith("Morocco and Kazakhstan");
      assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text());
    });
    assertThat(analyze(null, text).topics()).contains("tourism-visas-flights");
  }

  @Test
  void oneSideWithABilateralCueCountsWhenTheTitleNamesTheOther() {
    String text = "Officials in Rabat said the two countries would open consulates next year.";
    assertThat(analyze("Kazakhstan to open consulate", text).watches().get(0).relevant()).isTrue();
    assertThat(analyze("Consulates to open", text).watches().get(0).relevant()).isFalse();
  }

  @Test
  void listCoOccurrenceIsNoRelation() {
    String rollCall = "Delegations came from Algeria, Brazil, Egypt, Kazakhstan, Morocco, Peru and Japan.";
    String draw = "Group B: Morocco, Kazakhstan, Paraguay, New Zealand.";
    String between = "Morocco topped the group ahead of Spain, Italy, Japan and Kazakhstan on goal difference.";
    assertThat(analyze(null, rollCall).watches().get(0).relevant()).isFalse();
    assertThat(analyze(null, draw).watches().get(0).relevant()).isFalse();
    assertThat(analyze(null, between).watches().get(0).relevant()).isFalse();
    assertThat(analyze(null, rollCall).entities()).isNotEmpty();
  }

  @Test
  void oneSideAloneIsNoRelation() {
    Analysis a = analyze("Bourita in Madrid", "Nasser Bourita met his Spanish counterpart and praised bilateral ties.");
    assertThat(a.watches().get(0).relevant()).isFalse();
    assertThat(a.watches().get(0).evidence()).isEmpty();
  }

  @Test
  void excludedPhrasesHideTheirWords() {
    Analysis a = analyze(null, "دعا الخبراء إلى إحياء اتحاد المغرب العربي مع كازاخستان.");
    assertThat(ids(a)).doesNotContain("ma:country").contains("kz:country");
    assertThat(a.watches().get(0).relevant()).isFalse();
  }

  @Test
  void extraWatchFilesAreLoadedAndCheckedWithAReadableError(@TempDir Path dir) throws Exception {
    Path good = dir.resolve("pair.yaml");
    Files.writeString(good, """
        id: spain-kazakhstan
        ruleVersion: "1"
        sides:
          - country: ES
            entities: [{id: es:country, type: country, aliases: {en: [Spain, Spanish]}}]
          - country: KZ
            entities: [{id: kz:country, type: country, aliases: {en: [Kazakhstan]}}]
        """);
    NewsmonConfig cfg = NewsmonConfig.defaults().with("processor.watches", good.toString());
    assertThat(Watches.ids(cfg)).containsExactly("morocco-kazakhstan", "spain-kazakhstan");
    Analysis a = ArticleAnalyzer.create(cfg).analyze(RawArticle.builder().url("u")
        .text("Spain and Kazakhstan signed a tax treaty.").build());
    assertThat(a.watches()).extracting(Analysis.WatchMatch::watchId, Analysis.WatchMatch::relevant)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("morocco-kazakhstan", false),
            org.assertj.core.groups.Tuple.tuple("spain-kazakhstan", true));

    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "id: one-side\nsides:\n  - country: ES\n    entities: [{id: es, aliases: {en: [Spain]}}]\n");
    assertThatThrownBy(() -> Watches.ids(NewsmonConfig.defaults().with("processor.watches", bad.toString())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad.yaml").hasMessageContaining("two sides");
  }

  @Test
  void listDetectionNeedsShortItems() {
    assertThat(RelationTagger.isList("a, b, c, d, e", 0, 13)).isTrue();
    String prose = "In Rabat, the minister received his counterpart, and the two signed, in the presence of many guests, agreements";
    assertThat(RelationTagger.isList(prose, 0, prose.length())).isFalse();
  }
}
