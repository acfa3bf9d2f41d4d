package io.newsmon.ingestor.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the page sections that are not the article whatever their size: visitor comments, "related" and
 * "newest" lists, newsletter and subscription prompts, author boxes, share bars and post navigation. They
 * are recognised by the words in their {@code class} and {@code id} (each split into parts at {@code -},
 * {@code _} and case changes, so {@code comment-list}, {@code commentList} and {@code comments_area}
 * all give {@code comment}); an element that holds the headline ({@code h1}) or most of the page text is
 * never taken, so a wrapper named after one of these words cannot take the article with it.
 */
final class Boilerplate {

  /** What a detached section was. */
  enum Kind { COMMENTS, CHROME }

  private static final Set<String> COMMENT_PARTS = Set.of("comment", "comments", "commentlist", "commentslist",
      "disqus", "respond", "discussion", "replies");
  private static final Set<String> CHROME_PARTS = Set.of("related", "relatedposts", "yarpp", "newsletter",
      "subscribe", "sharedaddy", "outbrain", "taboola", "breadcrumb", "breadcrumbs", "authorbox");
  private static final Pattern CHROME_TOKENS = Pattern.compile(
      "author-?(bio|box|card|profile)|about-?(the-?)?author|post-?nav(igation)?|nav-?links|"
          + "more-?(stories|articles|news)|read-?next|you-?may-?(also-?)?like|most-?(read|viewed|popular)");

  private Boilerplate() {}

  /** The kind of section an element's class and id name, or null. */
  static Kind kind(Element e) {
    String names = e.className() + " " + e.id();
    if (names.isBlank()) {
      return null;
    }
    boolean chrome = false;
    for (String token : names.split("\\s+")) {
      if (token.isEmpty()) {
        continue;
      }
      String spaced = token.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT).replace('_', '-');
      for (String part : spaced.split("-+")) {
        if (COMMENT_PARTS.contains(part)) {
          return Kind.COMMENTS;
        }
        chrome |= CHROME_PARTS.contains(part);
      }
      chrome |= CHROME_TOKENS.matcher(spaced).find();
    }
    return chrome ? Kind.CHROME : null;
  }

  /**
   * Removes the boilerplate sections from {@code doc} (outermost first) and returns the text of the
   * comment sections among them, blocks separated by blank lines (empty when there were none).
   */
  static String detach(Document doc) {
    Element body = doc.body();
    if (body == null) {
      return "";
    }
    int total = Math.max(1, body.text().length());
    List<String> comments = new ArrayList<>();
    List<Element> drop = new ArrayList<>();
    for (Element e : body.getAllElements()) {
      if (e == body || e.normalName().equals("html") || e.normalName().equals("main")) {
        continue;
      }
      Kind k = kind(e);
      if (k == null || inside(e, drop)) {
        continue;
      }
      if (!e.getElementsByTag("h1").isEmpty() || e.text().length() > 0.8 * total
          || k == Kind.CHROME && !e.getElementsByTag("article").isEmpty()) {
        continue;
      }
      drop.add(e);
      if (k == Kind.COMMENTS) {
        String t = TextBlocks.text(e);
        if (!t.isBlank()) {
          comments.add(t);
        }
      }
    }
    drop.forEach(Element::remove);
    return String.join("\n\n", comments);
  }

  private static boolean inside(Element e, List<Element> dropped) {
    if (dropped.isEmpty()) {
      return false;
    }
    for (Element p = e.parent(); p != null; p = p.parent()) {
      if (!dropped.isEmpty() && dropped.get(dropped.size() - 1) == p) {
        return true;
      }
      for (Element d : dropped) {
        if (d == p) {
          return true;
        }
      }
    }
    return false;
  }
}
