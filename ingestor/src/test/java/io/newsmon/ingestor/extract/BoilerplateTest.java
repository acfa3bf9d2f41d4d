package io.newsmon.ingestor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class BoilerplateTest {

  private static final String ARTICLE = """
      <h1>Council approves the new river bridge</h1>
      <p>The city council voted on Tuesday to build a second bridge over the river, ending a debate that lasted eleven years.</p>
      <p>The bridge will carry trams and bicycles only; cars stay on the old crossing, which will be repaired next spring.</p>
      <p>Construction is to start in March and take three years, paid for by the regional transport fund and a federal grant.</p>
      """;

  private static String comment(int i) {
    return "<li class='comment'><p>Reader " + i + " wrote: I have crossed that river every morning for twenty years and "
        + "I still think a tunnel would have been cheaper, quieter and far better for the people who live on the banks.</p></li>";
  }

  @Test
  void visitorCommentsLeaveTheTextAndAreKeptApart() {
    StringBuilder comments = new StringBuilder("<section id='comments'><h3>12 comments</h3><ol class='commentList'>");
    for (int i = 0; i < 12; i++) {
      comments.append(comment(i));
    }
    comments.append("</ol></section>");
    String html = "<html><body><div class='post'>" + ARTICLE + "</div>" + comments + "</body></html>";
    ExtractedArticle a = new ArticleExtractor().extract(html, null);
    assertThat(a.text()).contains("second bridge").contains("regional transport fund").doesNotContain("Reader 3 wrote");
    assertThat(a.comments()).contains("Reader 0 wrote").contains("Reader 11 wrote").doesNotContain("second bridge");
  }

  @Test
  void relatedListsNewsletterPromptsAndAuthorBoxesLeaveTheText() {
    String long1 = "<p>Another story about the harbour and its cranes that readers of this section liked a lot this week.</p>".repeat(8);
    String html = "<html><body><article>" + ARTICLE
        + "<div class='author-bio'><p>Jane Roe covers city hall and transport for the paper since 2015 and lives in the old town.</p></div>"
        + "<div class='newsletter-signup'><p>Get the morning briefing in your inbox every day, free of charge, by signing up below.</p></div>"
        + "<div class='jp-relatedposts'>" + long1 + "</div></article></body></html>";
    String text = new ArticleExtractor().extract(html, null).text();
    assertThat(text).contains("second bridge").doesNotContain("Jane Roe").doesNotContain("morning briefing")
        .doesNotContain("harbour and its cranes");
  }

  @Test
  void aWrapperNamedAfterCommentsThatHoldsTheHeadlineStays() {
    Document doc = Jsoup.parse("<html><body><div class='post has-comments'>" + ARTICLE + "</div></body></html>");
    assertThat(Boilerplate.kind(doc.selectFirst("div.post"))).isEqualTo(Boilerplate.Kind.COMMENTS);
    assertThat(Boilerplate.detach(doc)).isEmpty();
    assertThat(doc.text()).contains("second bridge");
  }

  @Test
  void classAndIdWordsAreSplitAtDashesUnderscoresAndCase() {
    Document doc = Jsoup.parse("<div id='a' class='commentList'></div><div id='disqus_thread'></div>"
        + "<div class='AuthorBox'></div><div class='post-navigation'></div><div class='commentary'></div>"
        + "<div class='entry-content'></div>");
    assertThat(Boilerplate.kind(doc.selectFirst("#a"))).isEqualTo(Boilerplate.Kind.COMMENTS);
    assertThat(Boilerplate.kind(doc.selectFirst("#disqus_thread"))).isEqualTo(Boilerplate.Kind.COMMENTS);
    assertThat(Boilerplate.kind(doc.selectFirst(".AuthorBox"))).isEqualTo(Boilerplate.Kind.CHROME);
    assertThat(Boilerplate.kind(doc.selectFirst(".post-navigation"))).isEqualTo(Boilerplate.Kind.CHROME);
    assertThat(Boilerplate.kind(doc.selectFirst(".commentary"))).isNull();
    assertThat(Boilerplate.kind(doc.selectFirst(".entry-content"))).isNull();
  }
}
