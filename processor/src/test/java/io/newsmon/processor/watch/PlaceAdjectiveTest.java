package io.newsmon.processor.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.processor.text.Tokenizer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A name written with a capital matches a lower-case word only when the word's ending makes an adjective
 * of it in a language that writes such adjectives in lower case ({@code adjectives} in
 * text/inflections.yaml): Hungarian rabati, Russian рабатский and астанинский, Ukrainian алматинська,
 * Czech astanský, Polish astański, Finnish astanalaiset, Kazakh алматылық. The name itself in lower
 * case, or with a case ending only, still does not match (Oral the city, not an oral agreement).
 */
class PlaceAdjectiveTest {

  private static List<String> found(NameMatcher<String> m, String text) {
    return m.find(text, Tokenizer.tokenize(text)).stream().map(x -> text.substring(x.start(), x.end())).toList();
  }

  private static NameMatcher<String> matcher() {
    NameMatcher<String> m = new NameMatcher<>();
    m.add("Rabat", "hu", "rabat");
    m.add("Asztana", "hu", "astana");
    m.add("Рабат", "ru", "rabat");
    m.add("Астан", "ru", "astana");
    m.add("Алматы", "ru", "almaty");
    m.add("Алмати", "uk", "almaty");
    m.add("Astana", "cs", "astana");
    m.add("Astana", "pl", "astana");
    m.add("Astana", "fi", "astana");
    m.add("Rabat", "fi", "rabat");
    m.add("Алматы", "kk", "almaty");
    m.add("Oral", "en", "oral");
    m.add("Oral", "hu", "oral");
    return m.build();
  }

  @Test
  void lowerCaseAdjectivesOfANameMatchIt() {
    NameMatcher<String> m = matcher();
    assertThat(found(m, "a rabati kormány és az asztanai minisztérium")).containsExactly("rabati", "asztanai");
    assertThat(found(m, "рабатский суд и алматинская компания астанинского завода"))
        .containsExactly("рабатский", "алматинская", "астанинского");
    assertThat(found(m, "алматинська компанія")).containsExactly("алматинська");
    assertThat(found(m, "delegace astanské vlády")).containsExactly("astanské");
    assertThat(found(m, "astańska delegacja")).containsExactly("astańska");
    assertThat(found(m, "astanalaiset ja rabatilaiset virkamiehet casablancalaisessa"))
        .containsExactly("astanalaiset", "rabatilaiset");
    assertThat(found(m, "алматылық кәсіпкерлер")).containsExactly("алматылық");
  }

  @Test
  void theNameInLowerCaseOrWithACaseEndingOnlyDoesNotMatch() {
    NameMatcher<String> m = matcher();
    assertThat(found(m, "an oral agreement, orally")).isEmpty();
    assertThat(found(m, "rabat és rabatban")).isEmpty();
    assertThat(found(m, "в рабате и рабата")).isEmpty();
    assertThat(found(m, "astany, astanie")).isEmpty();
    // with a capital, the case endings still match
    assertThat(found(m, "Rabatban és Рабате")).containsExactly("Rabatban", "Рабате");
  }

  @Test
  void stemsWhoseLastConsonantsAlternateBeforeAnEndingMatch() {
    NameMatcher<String> m = new NameMatcher<>();
    m.add("Rabat", "pl", "rabat");
    m.add("Kenitra", "pl", "kenitra");
    m.add("Karaganda", "pl", "karaganda");
    m.add("Amerika", "cs", "amerika");
    m.add("Касабланка", "uk", "casablanca");
    m = m.build();
    assertThat(found(m, "w Rabacie, w Kenitrze i w Karagandzie")).containsExactly("Rabacie", "Kenitrze", "Karagandzie");
    assertThat(found(m, "v Americe")).containsExactly("Americe");
    assertThat(found(m, "у Касабланці")).containsExactly("Касабланці");
    // the alternated stem needs an ending, and the name's own stem does not take the alternation's letters
    assertThat(found(m, "Rabaci, Kenitrz, Rabatze")).isEmpty();
  }

  @Test
  void theWordItselfWinsOverAShorterNameWithAnEnding() {
    NameMatcher<String> m = new NameMatcher<>();
    // Finnish Turkki (Turkey): its stem Turki with the endings -sta and -n reads "Turkistan"
    m.add("Turkki", "fi", "turkey");
    m.add("Türkistan", "tr", "turkistan");
    m.add("Turkistan", "en", "turkistan");
    m = m.build();
    String text = "Türkistan'daki üniversite ve Turkistan";
    assertThat(m.find(text, Tokenizer.tokenize(text))).extracting(NameMatcher.Match::payload)
        .containsExactly("turkistan", "turkistan");
    String turkey = "Turkista ja Turkkiin";
    assertThat(m.find(turkey, Tokenizer.tokenize(turkey))).extracting(NameMatcher.Match::payload).contains("turkey");
  }
}
