package io.newsmon.ingestor.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;
import io.newsmon.ingestor.extract.Dates;
import io.newsmon.ingestor.fetch.Charsets;
import io.newsmon.ingestor.fetch.FetchException;
import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.xml.sax.InputSource;

/**
 * Reads RSS 0.9x / 1.0 (RDF) / 2.0, Atom 0.3 / 1.0 (Rome 2.1.0 on the JDK's XML parser, DOCTYPEs
 * refused) and JSON Feed 1.0 / 1.1 (Jackson). The bytes are decoded by {@link Charsets} first, so
 * charset declarations that Rome would miss or misread are handled once for all formats.
 *
 * <p>Safety: a DOCTYPE is never given to the XML parser. One with an internal subset (entity
 * declarations: XXE, "billion laughs") makes the feed refused ({@code refused-doctype}); a plain
 * public DOCTYPE such as Netscape's RSS 0.91 one is removed before parsing. When Rome cannot parse
 * a feed (ill-formed XML) a lenient reading with jsoup's XML parser, which expands no entities,
 * recovers the items. A document nested deeper or holding more elements than any real feed (see
 * {@link XmlShape}) is refused before either parser sees it ({@code too-complex}).
 */
public final class FeedParser {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern DOCTYPE = Pattern.compile("(?is)<!DOCTYPE[^\\[>]*(\\[.*?\\]\\s*)?>");
  private static final Pattern DOCTYPE_SUBSET = Pattern.compile("(?is)<!DOCTYPE[^>]*\\[");
  private static final Pattern INVALID_XML_CHARS =
      Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");

  /** The items and the feed's own language and title. */
  public record Feed(String title, String language, List<FeedItem> items, String parsedBy) {}

  public Feed parse(byte[] bytes, String contentType, String baseUrl) throws FetchException {
    String text = Charsets.decode(bytes, contentType);
    return parseText(text, baseUrl);
  }

  public Feed parseText(String decoded, String baseUrl) throws FetchException {
    String text = INVALID_XML_CHARS.matcher(decoded).replaceAll("").strip();
    if (text.startsWith("{")) {
      return jsonFeed(text, baseUrl);
    }
    String prolog = prolog(text);
    String body = text.substring(prolog.length());
    // Comments in the prolog may spell "<!DOCTYPE" harmlessly; they are dropped with the DOCTYPE.
    prolog = prolog.replaceAll("(?s)<!--.*?-->", "");
    if (DOCTYPE_SUBSET.matcher(prolog).find()) {
      throw new FetchException("refused-doctype", "feed declares a DOCTYPE with an internal subset "
          + "(entity declarations); refused to avoid XXE and entity expansion");
    }
    XmlShape.Shape shape = XmlShape.of(body);
    if (shape.refusal() != null) {
      throw new FetchException("too-complex", "feed refused: " + shape.refusal()
          + "; parsing it would take minutes or gigabytes");
    }
    text = DOCTYPE.matcher(prolog).replaceAll("") + body;
    // The text is already decoded: drop the declaration so its encoding cannot mislead the parser.
    text = text.replaceFirst("^\\s*<\\?xml[^>]*\\?>", "");
    try {
      SyndFeedInput input = new SyndFeedInput();
      input.setAllowDoctypes(false);
      SyndFeed feed = input.build(new InputSource(new StringReader(text)));
      List<FeedItem> items = new ArrayList<>();
      for (SyndEntry e : feed.getEntries()) {
        FeedItem item = item(e, baseUrl, feed.getLanguage());
        if (item != null) {
          items.add(item);
        }
      }
      return new Feed(Html.toText(feed.getTitle()), feed.getLanguage(), items, "rome");
    } catch (Exception | StackOverflowError romeFailed) {
      Feed lenient = lenient(text, baseUrl);
      if (lenient != null) {
        return lenient;
      }
      throw new FetchException("parse", "not a readable RSS, Atom or JSON feed: "
          + (romeFailed.getMessage() == null ? romeFailed.getClass().getSimpleName() : romeFailed.getMessage()));
    }
  }

  /** The text before the root element: where a DOCTYPE can be (one inside CDATA or text is harmless). */
  static String prolog(String text) {
    java.util.regex.Matcher m = Pattern.compile("<[A-Za-z]").matcher(text);
    return m.find() ? text.substring(0, m.start()) : text;
  }

  private static FeedItem item(SyndEntry e, String baseUrl, String lang) {
    String link = e.getLink();
    if ((link == null || link.isBlank()) && e.getLinks() != null) {
      for (SyndLink l : e.getLinks()) {
        if (l.getHref() != null && (l.getRel() == null || "alternate".equals(l.getRel()))) {
          link = l.getHref();
          break;
        }
      }
    }
    String id = e.getUri();
    if ((link == null || link.isBlank()) && id != null && id.startsWith("http")) {
      link = id;
    }
    String summary = e.getDescription() == null ? null : e.getDescription().getValue();
    if (summary == null && e.getContents() != null && !e.getContents().isEmpty()) {
      SyndContent c = e.getContents().get(0);
      summary = c.getValue();
    }
    String author = e.getAuthor();
    if ((author == null || author.isBlank()) && e.getAuthors() != null && !e.getAuthors().isEmpty()) {
      author = e.getAuthors().get(0).getName();
    }
    java.util.Date d = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
    String url = resolve(baseUrl, link);
    if (url == null && (e.getTitle() == null || e.getTitle().isBlank()) && summary == null) {
      return null;
    }
    return new FeedItem(url, id, Html.toText(e.getTitle()), Html.toText(summary),
        blankToNull(Html.toText(author)), d == null ? null : d.toInstant(), lang);
  }

  /** Ill-formed XML: read item/entry elements with jsoup's forgiving XML parser. */
  static Feed lenient(String text, String baseUrl) {
    Document doc = Jsoup.parse(text, baseUrl == null ? "" : baseUrl, Parser.xmlParser());
    Element root = doc.selectFirst("rss, feed, rdf|RDF, RDF, channel");
    if (root == null) {
      return null;
    }
    String lang = firstText(doc, "channel > language, dc|language");
    if (lang == null) {
      Element feed = doc.selectFirst("feed[xml:lang]");
      lang = feed == null ? null : feed.attr("xml:lang");
    }
    List<FeedItem> items = new ArrayList<>();
    for (Element it : doc.select("item, entry")) {
      String link = null;
      Element l = it.selectFirst("> link");
      if (l != null) {
        link = l.hasAttr("href") ? l.attr("href") : l.text();
      }
      String id = firstText(it, "> guid, > id");
      if ((link == null || link.isBlank()) && id != null && id.startsWith("http")) {
        link = id;
      }
      String summary = firstText(it, "> description, > summary, > content, > content|encoded");
      String date = firstText(it, "> pubDate, > published, > updated, > issued, > modified, > dc|date");
      String author = firstText(it, "> author > name, > author, > dc|creator");
      items.add(new FeedItem(resolve(baseUrl, link), id, Html.toText(firstText(it, "> title")),
          Html.toText(summary), blankToNull(Html.toText(author)), Dates.parse(date), lang));
    }
    String title = firstText(doc, "channel > title, feed > title");
    return new Feed(Html.toText(title), lang, items, "lenient");
  }

  private static String firstText(Element root, String css) {
    try {
      Element e = root.selectFirst(css);
      if (e == null) {
        return null;
      }
      String t = e.wholeText().strip();
      return t.isEmpty() ? null : t;
    } catch (RuntimeException ex) {
      return null;
    }
  }

  /** JSON Feed 1.0 / 1.1 (https://jsonfeed.org/version/1.1). */
  static Feed jsonFeed(String text, String baseUrl) throws FetchException {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (Exception e) {
      throw new FetchException("parse", "invalid JSON: " + e.getMessage());
    }
    if (!root.path("version").asText("").contains("jsonfeed.org") && !root.has("items")) {
      throw new FetchException("parse", "JSON document is not a JSON Feed (no jsonfeed.org version, no items)");
    }
    String lang = root.path("language").asText(null);
    List<FeedItem> items = new ArrayList<>();
    for (JsonNode it : root.path("items")) {
      String url = it.path("url").asText(null);
      if (url == null) {
        url = it.path("external_url").asText(null);
      }
      String summary = it.path("summary").asText(null);
      if (summary == null) {
        summary = it.hasNonNull("content_html") ? it.path("content_html").asText() : it.path("content_text").asText(null);
      }
      String author = it.path("authors").path(0).path("name").asText(null);
      if (author == null) {
        author = it.path("author").path("name").asText(null);
      }
      String date = it.path("date_published").asText(null);
      if (date == null) {
        date = it.path("date_modified").asText(null);
      }
      items.add(new FeedItem(resolve(baseUrl, url), it.path("id").asText(null),
          Html.toText(it.path("title").asText(null)), Html.toText(summary), blankToNull(author),
          Dates.parse(date), it.path("language").asText(lang)));
    }
    return new Feed(Html.toText(root.path("title").asText(null)), lang, items, "jsonfeed");
  }

  static String resolve(String base, String link) {
    if (link == null || link.isBlank()) {
      return null;
    }
    String l = link.strip();
    try {
      if (base == null || base.isBlank()) {
        return URI.create(l.replace(" ", "%20")).toString();
      }
      return URI.create(base).resolve(l.replace(" ", "%20")).toString();
    } catch (RuntimeException e) {
      return l;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
