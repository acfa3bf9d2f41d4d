package io.newsmon.ingestor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class DensestBlockTest {

  private static final String NOTICE = "The town hall is closed on Friday 12 June for the staff training day."
      + "<br>Births and deaths can still be registered by telephone between nine and noon."
      + "<br>Bins will be collected on Saturday instead of Friday in every street of the east ward."
      + "<br>The library and the swimming pool keep their usual opening hours.";

  /**
   * A notice written as bare text and line breaks, in a page wrapped in one form (as ASP.NET pages
   * are), in a box whose name is one of the chrome words: no paragraph for block scoring, and the
   * cleaning takes the box; the body came back empty before the rescue.
   */
  private static String noticePage() {
    return "<html><head><title>Notice</title></head><body><form id='aspnetForm'>"
        + "<div class='menu'><a href='/'>Home</a><br><a href='/news'>News</a><br><a href='/contact'>Contact</a></div>"
        + "<div class='promo-box'>" + NOTICE + "</div>"
        + "<div class='sidebar'>Opening hours of every service of the town, the phone numbers of the offices, the address of "
        + "the town hall, the names of the councillors and the dates of the council meetings for the whole year.</div>"
        + "</form></body></html>";
  }

  @Test
  void aNoticeInBareTextComesBackWhole() {
    ExtractedArticle a = new ArticleExtractor().extract(noticePage(), null);
    assertThat(a.text()).contains("closed on Friday 12 June").contains("Births and deaths")
        .contains("usual opening hours").doesNotContain("councillors").doesNotContain("Contact");
  }

  @Test
  void theDensestBlockIsTakenOnlyWhenTheBodyIsNearlyEmpty() {
    var page = Jsoup.parse(noticePage());
    assertThat(DensestBlock.rescue(page, "")).contains("Bins will be collected on Saturday");
    assertThat(DensestBlock.rescue(page, "A body of some length already. ".repeat(5))).isNull();
  }

  @Test
  void ownTextLeavesLinksOutAndCountsInlineMarkup() {
    var e = Jsoup.parse("<div>Plain words <b>bold words</b> <a href='/x'>a link</a><p>inside a paragraph</p></div>")
        .selectFirst("div");
    assertThat(DensestBlock.ownText(e)).isEqualTo("Plain words".length() + "bold words".length());
  }
}
