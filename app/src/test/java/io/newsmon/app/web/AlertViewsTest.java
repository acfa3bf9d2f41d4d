package io.newsmon.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.app.web.AlertViews.Segment;
import io.newsmon.common.record.Analysis.Evidence;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertViewsTest {

  private static final String TEXT = "Intro sentence. Morocco and Kazakhstan signed a deal in Rabat. "
      + "Kazakh wheat will reach Casablanca. Closing words.";

  @Test
  void evidenceIsMarkedInThePassageWithItsContext() {
    int a = TEXT.indexOf("Morocco and Kazakhstan");
    int b = TEXT.indexOf("Kazakh wheat");
    List<Segment> s = AlertViews.passage(TEXT, List.of(
        new Evidence("Morocco and Kazakhstan", a, a + 22), new Evidence("Kazakh wheat", b, b + 12)));
    assertThat(s).filteredOn(Segment::mark).extracting(Segment::text)
        .containsExactly("Morocco and Kazakhstan", "Kazakh wheat");
    assertThat(String.join("", s.stream().map(Segment::text).toList())).isEqualTo(TEXT);
  }

  @Test
  void overlappingSpansMergeAndWrongOffsetsAreFoundByText() {
    int a = TEXT.indexOf("Morocco and Kazakhstan");
    List<Segment> s = AlertViews.passage(TEXT, List.of(new Evidence("Morocco and", a, a + 11),
        new Evidence("and Kazakhstan", a + 8, a + 22), new Evidence("Casablanca", 0, 10)));
    assertThat(s).filteredOn(Segment::mark).extracting(Segment::text)
        .containsExactly("Morocco and Kazakhstan", "Casablanca");
  }

  @Test
  void withoutTextTheQuotesAloneAreShown() {
    List<Segment> s = AlertViews.passage(null, List.of(new Evidence("Rabat et Astana", 3, 18)));
    assertThat(s).containsExactly(new Segment("Rabat et Astana", true));
  }

  @Test
  void aLongTextIsCutAroundTheEvidence() {
    String text = "x".repeat(2000) + " Morocco and Kazakhstan " + "y".repeat(2000);
    int a = text.indexOf("Morocco");
    List<Segment> s = AlertViews.passage(text, List.of(new Evidence("Morocco and Kazakhstan", a, a + 22)));
    assertThat(s.get(0).text()).isEqualTo("…");
    assertThat(s.get(s.size() - 1).text()).isEqualTo("…");
    assertThat(s.stream().mapToInt(x -> x.text().length()).sum()).isLessThan(600);
  }

  @Test
  void outletsAreHostsWithoutWww() {
    assertThat(AlertViews.outlet("https://www.Hespress.com/a?b")).isEqualTo("hespress.com");
    assertThat(AlertViews.outlet("not a url")).isNull();
  }
}
