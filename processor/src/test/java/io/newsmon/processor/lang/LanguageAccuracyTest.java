package io.newsmon.processor.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Language accuracy with the processor's default settings over three sets: the fixtures written for
 * this test ({@code lang/samples.json}, one or two paragraphs in 49 languages and every script group),
 * the first labelled set ({@code labelled/articles.json}, which must stay at 1.00) and the
 * multilingual labelled set ({@code labelled/multilingual/*.json}: its dev split, and its test split once
 * it has been scored, see {@code MultilingualSetTest}).
 */
class LanguageAccuracyTest {

  static final double FLOOR = 0.98;

  static List<LanguageAccuracy.Sample> resource(String name) throws IOException {
    try (InputStream in = LanguageAccuracyTest.class.getResourceAsStream(name)) {
      return LanguageAccuracy.read(in);
    }
  }

  static LanguageAccuracy.Report report(List<LanguageAccuracy.Sample> samples) {
    LanguageAccuracy.Report r = LanguageAccuracy.score(LanguageAccuracy.defaultIdentifier(), samples);
    LanguageAccuracy.printPlain(r, System.out);
    return r;
  }

  @Test
  void fixturesInEveryScriptGroupAreIdentified() throws IOException {
    List<LanguageAccuracy.Sample> samples = resource("/lang/samples.json");
    Set<String> languages = samples.stream().map(LanguageAccuracy.Sample::lang).collect(Collectors.toSet());
    assertThat(languages).hasSizeGreaterThanOrEqualTo(25);
    Set<ScriptGroup> groups = languages.stream().map(LanguageAccuracy::group).collect(Collectors.toSet());
    for (ScriptGroup g : ScriptGroup.values()) {
      if (g != ScriptGroup.OTHER) {
        assertThat(groups).as("a fixture in %s script", g).contains(g);
      }
    }
    LanguageAccuracy.Report r = report(samples);
    assertThat(r.overall(LanguageAccuracy.NO_SPLIT).accuracy()).as("errors %s", r.errors()).isGreaterThanOrEqualTo(FLOOR);
  }

  /**
   * One short sentence each (70–150 characters), two per language, in 34 languages that come in close
   * pairs or families (cs/sk, hr/bs/sr, bg/mk, ru/uk/be, da/nb/nn/sv, ca/es/pt/it, nl/af, id/ms, lv/lt,
   * et/fi, tr/az/uz, fa/ur/ar): harder than the labelled articles, on which the identifier scores 1.00.
   * Written after the identifier was last tuned and measured once: 64/68 (Croatian taken as Bosnian,
   * Belarusian without ў or і as Russian, Nynorsk as Bokmål, an Afrikaans sentence left {@code und}).
   * Fails below {@value #SHORT_FLOOR}.
   */
  @Test
  void shortSentencesInCloseLanguagesStayAboveTheirFloor() throws IOException {
    List<LanguageAccuracy.Sample> samples = resource("/lang/short-close.json");
    assertThat(samples.stream().map(LanguageAccuracy.Sample::lang).distinct().count()).isGreaterThanOrEqualTo(30);
    LanguageAccuracy.Report r = report(samples);
    assertThat(r.overall(LanguageAccuracy.NO_SPLIT).accuracy()).as("errors %s", r.errors())
        .isGreaterThanOrEqualTo(SHORT_FLOOR);
  }

  static final double SHORT_FLOOR = 0.93;

  @Test
  void theFirstLabelledSetStaysAtOne() throws IOException {
    LanguageAccuracy.Report r = report(resource("/labelled/articles.json"));
    assertThat(r.overall(LanguageAccuracy.NO_SPLIT).total()).isGreaterThanOrEqualTo(60);
    assertThat(r.errors()).isEmpty();
  }

  @Test
  void theMultilingualSetStaysAboveTheFloor() throws IOException, URISyntaxException {
    URL dir = LanguageAccuracyTest.class.getResource("/labelled/multilingual");
    Assumptions.assumeTrue(dir != null, "no multilingual labelled set");
    List<LanguageAccuracy.Sample> samples = LanguageAccuracy.read(Path.of(dir.toURI())).stream()
        .filter(s -> !"test".equals(s.split()) || io.newsmon.processor.MultilingualSetTest.TEST_SPLIT_SCORED).toList();
    Assumptions.assumeFalse(samples.isEmpty(), "the multilingual labelled set has no articles yet");
    LanguageAccuracy.Report r = report(samples);
    int right = 0;
    int total = 0;
    for (String split : r.bySplit().keySet()) {
      right += r.overall(split).right();
      total += r.overall(split).total();
    }
    assertThat((double) right / total).as("language accuracy on the multilingual set; errors %s", r.errors())
        .isGreaterThanOrEqualTo(FLOOR);
  }

  @Test
  void theFunctionWordsNeverNameAnotherLanguage() throws IOException {
    for (LanguageAccuracy.Sample s : resource("/lang/samples.json")) {
      String byWords = FunctionWords.decide(s.title() + ". " + s.text(), ScriptGroup.allLanguages());
      if (byWords != null) {
        assertThat(byWords).as(s.id()).isEqualTo(s.lang());
      }
    }
  }

  @Test
  void theReadmeTableListsEverySupportedLanguage() throws IOException {
    LanguageAccuracy.Report r = LanguageAccuracy.score(LanguageAccuracy.defaultIdentifier(),
        resource("/lang/samples.json"));
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    LanguageAccuracy.printMarkdown(r, List.of(LanguageAccuracy.NO_SPLIT), new java.io.PrintStream(out, true,
        java.nio.charset.StandardCharsets.UTF_8));
    List<String> rows = out.toString(java.nio.charset.StandardCharsets.UTF_8).lines()
        .filter(l -> l.startsWith("| ") && !l.startsWith("| code") && !l.startsWith("| |")).toList();
    assertThat(rows).hasSize(76);
    assertThat(rows).anyMatch(l -> l.startsWith("| uz | Uzbek | Latin, Cyrillic | letters"));
    assertThat(rows).anyMatch(l -> l.startsWith("| ja | Japanese | CJK | script |"));
    assertThat(Files.exists(Path.of("src/test/resources/lang/samples.json"))).isTrue();
  }
}
