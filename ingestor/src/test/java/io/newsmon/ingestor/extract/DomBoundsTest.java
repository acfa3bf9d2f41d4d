package io.newsmon.ingestor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class DomBoundsTest {

  @Test
  void aDeepDocumentIsFlattenedIntoParagraphsBelowTheBound() {
    String html = "<html><body>" + "<div>".repeat(1000) + "<h2>Heading</h2><p>first block of text</p>"
        + "<div><span>second</span> block</div>" + "</div>".repeat(1000) + "</body></html>";
    Document doc = Jsoup.parse(html);
    assertThat(DomBounds.depth(doc)).isGreaterThan(1000);
    Document bounded = DomBounds.bounded(doc);
    assertThat(DomBounds.depth(bounded)).isLessThanOrEqualTo(DomBounds.MAX_DEPTH + 1);
    assertThat(DomBounds.depth(doc)).as("the input is not modified").isGreaterThan(1000);
    assertThat(bounded.select("p").eachText()).containsExactly("Heading", "first block of text", "second block");
  }

  @Test
  void aShallowDocumentIsLeftAsItIs() {
    Document doc = Jsoup.parse("<html><body><div><p>text</p></div></body></html>");
    assertThat(DomBounds.bounded(doc)).isSameAs(doc);
  }
}
