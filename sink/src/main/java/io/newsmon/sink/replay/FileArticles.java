package io.newsmon.sink.replay;

import io.newsmon.common.record.RawArticle;
import io.newsmon.ingestor.extract.ArticleExtractor;
import io.newsmon.ingestor.extract.ExtractedArticle;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the content of a .txt or .html file (or an HTML WARC response) into a raw article. Pure.
 *
 * <p>A text file's first line is its title when it is short (at most {@value #MAX_TITLE_CHARS}
 * characters) and followed by more text; otherwise the whole file is the text and there is no
 * title. HTML goes through the ingestor's {@link ArticleExtractor}.
 */
public final class FileArticles {

  static final int MAX_TITLE_CHARS = 200;
  private static final Pattern META_CHARSET =
      Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);

  private final ArticleExtractor extractor;

  public FileArticles(ArticleExtractor extractor) {
    this.extractor = extractor;
  }

  /** A plain-text article published under {@code url}. */
  public RawArticle fromText(String url, byte[] content) {
    refuseBinary(content);
    String s = decode(content, StandardCharsets.UTF_8).replace("\r\n", "\n").strip();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty file");
    }
    String title = null;
    String body = s;
    int nl = s.indexOf('\n');
    if (nl > 0 && nl <= MAX_TITLE_CHARS && !s.substring(nl).isBlank()) {
      title = s.substring(0, nl).strip();
      body = s.substring(nl + 1).strip();
    }
    return RawArticle.builder().url(url).sourceId("replay").origin("replay").title(title).text(body)
        .contentType("text/plain").build();
  }

  /**
   * An HTML page's article.
   *
   * @param charset the declared charset (HTTP header), or null to take it from the page or use UTF-8
   * @param fetchedAt when the page was fetched, if known
   */
  public RawArticle fromHtml(String url, byte[] content, Charset charset, Instant fetchedAt) {
    refuseBinary(content);
    String html = decode(content, charset != null ? charset : sniff(content));
    ExtractedArticle e = extractor.extract(html, url);
    if ((e.text() == null || e.text().isBlank()) && (e.title() == null || e.title().isBlank())) {
      throw new IllegalArgumentException("no article text found in the HTML");
    }
    return RawArticle.builder().url(url).canonicalUrl(e.canonicalUrl()).sourceId("replay").origin("replay")
        .title(e.title()).text(e.text() == null ? "" : e.text()).languageHint(e.languageHint())
        .author(e.author()).publishedAt(e.publishedAt()).fetchedAt(fetchedAt).contentType("text/html")
        .build();
  }

  private static void refuseBinary(byte[] content) {
    if (io.newsmon.ingestor.fetch.Charsets.looksBinary(content)) {
      throw new IllegalArgumentException("binary content (an image, archive or program?), not text or HTML");
    }
  }

  /** The charset a page declares in its first 4 KB ({@code <meta charset>}), else UTF-8. */
  static Charset sniff(byte[] content) {
    String head = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.ISO_8859_1);
    Matcher m = META_CHARSET.matcher(head);
    if (m.find()) {
      try {
        return Charset.forName(m.group(1).toLowerCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        return StandardCharsets.UTF_8;
      }
    }
    return StandardCharsets.UTF_8;
  }

  private static String decode(byte[] content, Charset charset) {
    String s = new String(content, charset);
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }
}
