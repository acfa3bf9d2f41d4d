package io.newsmon.ingestor.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.newsmon.common.hostile.HostileCorpus;
import io.newsmon.ingestor.fetch.FetchException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Feeds built to exhaust a parser (see {@link HostileCorpus}) are refused with a reason, well inside
 * the bound of ten seconds per document that the ingestor promises; before the shape check, the
 * 200,000-level feed took 45 s in Rome.
 */
class HostileFeedsTest {

  private static final Duration BOUND = Duration.ofSeconds(10);
  private final FeedParser parser = new FeedParser();

  @Test
  void deeplyNestedFeedIsRefusedInBoundedTime() {
    byte[] feed = HostileCorpus.deepFeed(200_000).getBytes(StandardCharsets.UTF_8);
    assertTimeoutPreemptively(BOUND, () ->
        assertThatThrownBy(() -> parser.parse(feed, "application/rss+xml", "https://example.org/"))
            .isInstanceOf(FetchException.class)
            .satisfies(e -> {
              assertThat(((FetchException) e).code()).isEqualTo("too-complex");
              assertThat(e.getMessage()).contains("nested");
            }));
  }

  @Test
  void millionEmptyItemsAreRefusedInBoundedTimeAndMemory() {
    String feed = HostileCorpus.manyEmptyItemsFeed(1_000_000);
    assertTimeoutPreemptively(BOUND, () ->
        assertThatThrownBy(() -> parser.parseText(feed, "https://example.org/"))
            .isInstanceOf(FetchException.class)
            .satisfies(e -> assertThat(e.getMessage()).contains("elements")));
  }

  @Test
  void aLargeButRealFeedStillParses() throws FetchException {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>big</title>");
    for (int i = 0; i < 5_000; i++) {
      sb.append("<item><title>Item ").append(i).append("</title><link>https://example.org/").append(i)
          .append("</link><description><![CDATA[<p>Le <b>Maroc</b> et <i>le <u>Kazakhstan</u></i></p>]]></description>"
              + "<pubDate>Tue, 04 Mar 2025 10:00:00 GMT</pubDate></item>");
    }
    sb.append("</channel></rss>");
    FeedParser.Feed f = parser.parseText(sb.toString(), "https://example.org/");
    assertThat(f.items()).hasSize(5_000);
    assertThat(f.items().get(4_999).url()).isEqualTo("https://example.org/4999");
  }

  @Test
  void shapeIgnoresMarkupInsideCommentsAndCdata() {
    XmlShape.Shape s = XmlShape.of("<a><!-- <b><b><b> --><![CDATA[<c><c><c>]]><d x='>'/><e></e></a>");
    assertThat(s.maxDepth()).isEqualTo(2);
    assertThat(s.elements()).isEqualTo(3);
    assertThat(s.refusal()).isNull();
  }
}
