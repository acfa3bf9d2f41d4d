package io.newsmon.ingestor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class HeadlineTest {

  private static Document page(String head, String body) {
    return Jsoup.parse("<html><head>" + head + "</head><body>" + body + "</body></html>", "https://www.harbourtimes.example/news/1");
  }

  @Test
  void theShownHeadlineWinsWhenItAgreesWithADeclaredTitle() {
    Document doc = page("", "<h1>Harbour board replaces its three oldest cranes</h1><p>text</p>");
    String t = Headline.choose(doc, Arrays.asList("Harbour board to replace three oldest cranes in 2026 | Harbour Times",
        null, "Harbour board replaces cranes - Harbour Times"), "Harbour Times");
    assertThat(t).isEqualTo("Harbour board replaces its three oldest cranes");
  }

  @Test
  void aLogoInAnH1IsNotTheHeadline() {
    Document doc = page("", "<header><h1>Harbour Times</h1></header><article><p>text</p></article>");
    String t = Headline.choose(doc, Arrays.asList(null, null, null, "Harbour board replaces its cranes | Harbour Times"),
        "Harbour Times");
    assertThat(t).isEqualTo("Harbour board replaces its cranes");
  }

  @Test
  void anUnrelatedH1IsNotTheHeadline() {
    Document doc = page("", "<h1>Sign up for our weekly newsletter</h1>");
    String t = Headline.choose(doc, Arrays.asList("Ferry timetable changes from Monday", null), null);
    assertThat(t).isEqualTo("Ferry timetable changes from Monday");
  }

  @Test
  void theSiteNameIsCutFromTheDeclaredTitleByNameOrByHost() {
    assertThat(Headline.stripSiteName("Ferry timetable changes — Harbour Times", "Harbour Times", null))
        .isEqualTo("Ferry timetable changes");
    assertThat(Headline.stripSiteName("Harbour Times | Ferry timetable changes", "Harbour Times", null))
        .isEqualTo("Ferry timetable changes");
    assertThat(Headline.stripSiteName("Ferry timetable changes - HarbourTimes", null, "https://www.harbourtimes.example/a"))
        .isEqualTo("Ferry timetable changes");
    // no site name to recognise: the title stays whole
    assertThat(Headline.stripSiteName("Ferries - what changes on Monday", null, null))
        .isEqualTo("Ferries - what changes on Monday");
  }
}
