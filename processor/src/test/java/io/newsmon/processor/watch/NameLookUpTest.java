package io.newsmon.processor.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.processor.text.LabelledTexts;
import io.newsmon.processor.text.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link NameMatcher#find} tries at each word only the phrases its next word can continue; trying
 * every phrase of the first word in order ({@link NameMatcher#findTryingEveryPhrase}) is the
 * specification. Both must give the same matches, with the same payloads when phrases of the same
 * length tie, on the labelled prose and on random runs of the phrases' words.
 */
class NameLookUpTest {

  @Test
  void namesFoundByTheirSecondWordAreTheOnesEveryPhraseGives() {
    NameMatcher<String> matcher = new NameMatcher<>();
    List<String> words = new ArrayList<>();
    int k = 0;
    for (Map.Entry<String, List<CountryNames.Name>> e : CountryNames.allCountries().entrySet()) {
      for (CountryNames.Name n : e.getValue()) {
        matcher.add(n.text(), n.lang(), e.getKey() + ":" + k++);
        words.addAll(List.of(n.text().split(" ")));
      }
    }
    // phrases over a few words, with shared first words and ties of length between different payloads
    Random random = new Random(4);
    String[] vocabulary = {"republic", "Republic", "of", "the", "United", "north", "Bank", "bank", "OCP", "Ocp",
        "new", "New", "port", "Port", "state", "State"};
    for (int n = 0; n < 400; n++) {
      int len = 1 + random.nextInt(4);
      StringBuilder sb = new StringBuilder();
      for (int j = 0; j < len; j++) {
        sb.append(j == 0 ? "" : " ").append(vocabulary[random.nextInt(vocabulary.length)]);
      }
      matcher.add(sb.toString(), random.nextBoolean() ? "en" : null, "synthetic:" + n);
    }
    words.addAll(List.of(vocabulary));
    matcher.build();

    List<String> texts = new ArrayList<>(LabelledTexts.all());
    for (int n = 0; n < 3000; n++) {
      StringBuilder sb = new StringBuilder();
      int len = 1 + random.nextInt(25);
      for (int j = 0; j < len; j++) {
        String w = words.get(random.nextInt(words.size()));
        sb.append(random.nextInt(5) == 0 ? w.toLowerCase(java.util.Locale.ROOT) : w)
            .append(random.nextInt(6) == 0 ? ", " : " ");
      }
      texts.add(sb.toString());
    }
    int found = 0;
    for (String text : texts) {
      var tokens = Tokenizer.tokenize(text);
      var expected = matcher.findTryingEveryPhrase(text, tokens);
      assertThat(matcher.find(text, tokens)).as("matches in [%s]", text).isEqualTo(expected);
      found += expected.size();
    }
    assertThat(found).isGreaterThan(10_000);
  }
}
