package io.newsmon.ingestor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class ShownDateTest {

  @Test
  void aDayPrintedInADatelineIsReadInTheFormsPagesUse() {
    assertThat(ShownDate.readInstant("November 9, 2012, 9:13 am", "en")).isEqualTo(Instant.parse("2012-11-09T00:00:00Z"));
    assertThat(ShownDate.readInstant("Posted on Saturday, October 16th, 2010 at 12:01", null))
        .isEqualTo(Instant.parse("2010-10-16T00:00:00Z"));
    assertThat(ShownDate.readInstant("Nov 5 2012, 12:50 PM ET", "en-US")).isEqualTo(Instant.parse("2012-11-05T00:00:00Z"));
    assertThat(ShownDate.readInstant("Updated 2024-02-29 08:00", null)).isEqualTo(Instant.parse("2024-02-29T00:00:00Z"));
  }

  @Test
  void monthNamesComeFromThePageLanguage() {
    // German, Spanish and Russian (genitive after a day number) month names, none written in the code
    assertThat(ShownDate.readInstant("Veröffentlicht am 9. November 2012", "de")).isEqualTo(Instant.parse("2012-11-09T00:00:00Z"));
    assertThat(ShownDate.readInstant("3 de marzo de 2025", "es-ES")).isEqualTo(Instant.parse("2025-03-03T00:00:00Z"));
    assertThat(ShownDate.readInstant("6 марта 2025", "ru")).isEqualTo(Instant.parse("2025-03-06T00:00:00Z"));
    // not English and not the page's language: not read
    assertThat(ShownDate.readInstant("6 марта 2025", "en")).isNull();
  }

  @Test
  void ambiguousOrImpossibleDaysAreNotRead() {
    assertThat(ShownDate.readInstant("02/03/2012", null)).isNull();
    assertThat(ShownDate.readInstant("February 30, 2012", null)).isNull();
    assertThat(ShownDate.readInstant("Volume 12 issue 2012", null)).isNull();
  }

  @Test
  void onlyDatelineLikeElementsOfThePageAreRead() {
    String html = "<html lang='en'><body><p>The plan dates from March 3, 1999, the minister said.</p>"
        + "<div class='entry-meta'>By Jane Roe · July 24, 2012</div><div class='comment-date'>July 30, 2012</div></body></html>";
    assertThat(ShownDate.find(Jsoup.parse(html), "en")).isEqualTo(Instant.parse("2012-07-24T00:00:00Z"));
    assertThat(ShownDate.find(Jsoup.parse("<html><body><p>March 3, 1999</p></body></html>"), "en")).isNull();
  }
}
