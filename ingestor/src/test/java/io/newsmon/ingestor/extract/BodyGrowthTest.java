package io.newsmon.ingestor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BodyGrowthTest {

  private static final String[] CARS = {"Volta", "Brisa", "Cometa", "Duna", "Estela", "Faro"};

  /** A "best of" list: each entry a wrapper of its own, holding a name and a paragraph. */
  private static String entry(String car, int i) {
    return "<li><div class='name'>" + car + "</div><div class='wrap'><div class='body'><p>The " + car
        + " is entry number " + i + " of this list: a quiet, roomy family car with a range of " + (300 + 20 * i)
        + " kilometres, a boot that swallows a pram and a dashboard that does not need a manual to be read.</p>"
        + "<p>Charging from ten to eighty per cent takes " + (20 + i) + " minutes on a fast charger; the " + car
        + " costs less than most rivals of its size, and the seats are comfortable on long trips.</p></div></div></li>";
  }

  @Test
  void aBodyOfSeparateEntriesIsTakenWhole() {
    StringBuilder list = new StringBuilder("<html><head><title>Six good electric cars</title></head><body>"
        + "<nav><a href='/'>Home</a> <a href='/cars'>Cars</a></nav><h1>Six good electric cars</h1><ol>");
    for (int i = 0; i < CARS.length; i++) {
      list.append(entry(CARS[i], i));
    }
    list.append("</ol><div class='sidebar'><p>Our newsletter brings you the week's car news every Friday, with "
        + "tests, prices and the cars we liked best. Sign up today and never miss a review again.</p></div>"
        + "<footer><p>Copyright Motoring Weekly, all rights reserved. Terms and privacy.</p></footer></body></html>");
    ExtractedArticle a = new ArticleExtractor().extract(list.toString(), null);
    for (String car : CARS) {
      assertThat(a.text()).contains("The " + car + " is entry number");
    }
    assertThat(a.text()).doesNotContain("newsletter").doesNotContain("Copyright").doesNotContain("Home");
  }

  @Test
  void linkListsAndLongSidebarsBesideTheBodyStayOut() {
    StringBuilder teasers = new StringBuilder("<div class='more'>");
    for (int i = 0; i < 12; i++) {
      teasers.append("<div><h3><a href='/s").append(i).append("'>Another story number ").append(i)
          .append(" about the harbour</a></h3><p><a href='/s").append(i).append("'>Read the whole story about the harbour and its cranes, ")
          .append("number ").append(i).append(", on our site today</a></p></div>");
    }
    teasers.append("</div>");
    String body = "<div class='story'><p>" + "The harbour board met on Monday and agreed to replace the three oldest cranes. ".repeat(3)
        + "</p><p>" + "Work starts in spring and the quay stays open to ferries during the whole time. ".repeat(3) + "</p></div>";
    String html = "<html><body><main><div class='col'>" + body + "</div>" + teasers + "</main></body></html>";
    ExtractedArticle a = new ArticleExtractor().extract(html, null);
    assertThat(a.text()).contains("three oldest cranes").contains("open to ferries").doesNotContain("Another story number");
    assertThat(BodyGrowth.widen(org.jsoup.Jsoup.parse(html), a.text())).isNull();
  }

  @Test
  void theAnchorIsTheNearestElementHoldingEveryParagraph() {
    String html = "<html><body><div id='outer'><div id='inner'><p>First paragraph of the story with enough words in it.</p>"
        + "<p>Second paragraph of the story, again with enough words to count.</p></div><p>Other text beside it that is long enough.</p></div></body></html>";
    var doc = org.jsoup.Jsoup.parse(html);
    var anchor = BodyGrowth.anchor(doc, "First paragraph of the story with enough words in it.\n\n"
        + "Second paragraph of the story, again with enough words to count.");
    assertThat(anchor.id()).isEqualTo("inner");
    assertThat(BodyGrowth.anchor(doc, "Nothing of this is on the page at all, not a word of it.")).isNull();
  }
}
