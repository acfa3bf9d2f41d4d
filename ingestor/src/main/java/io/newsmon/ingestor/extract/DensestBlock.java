package io.newsmon.ingestor.extract;

import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The last resort for a page whose body came back empty or nearly so while its DOM plainly holds text:
 * a brief or a notice written as bare text and line breaks in a {@code div} or a table cell, with no
 * paragraph markup for block scoring to find. The block is the element holding the most text of its
 * own (its text nodes and inline children, links left out), outside the regions the page names as
 * beside the article ({@link MainCandidate#aside}). Pure: reads the page, cleans a copy of the block.
 */
final class DensestBlock {

  /** A body shorter than this is "nearly empty". */
  static final int SHORT = 100;
  /** The densest block must hold at least this much text of its own, and twice the body it replaces. */
  static final int MIN_OWN = 150;

  private static final Set<String> INLINE = Set.of("span", "b", "i", "em", "strong", "font", "u", "small",
      "big", "sup", "sub", "abbr", "cite", "q", "mark", "time", "br", "wbr", "code", "tt", "s", "strike", "del", "ins");
  private static final Set<String> NOT_TEXT = Set.of("nav", "footer", "header", "aside", "form", "head", "select",
      "button", "option", "ul", "ol", "menu");

  private DensestBlock() {}

  /** The text of the densest block when {@code body} is nearly empty and the block holds more; else null. */
  static String rescue(Document page, String body) {
    int have = body == null ? 0 : body.strip().length();
    if (have >= SHORT || page.body() == null) {
      return null;
    }
    Element best = null;
    int bestOwn = 0;
    for (Element e : page.body().getAllElements()) {
      if (NOT_TEXT.contains(e.normalName()) || INLINE.contains(e.normalName()) || e.normalName().equals("a")) {
        continue;
      }
      int own = ownText(e);
      if (own > bestOwn && !MainCandidate.aside(e, true)) {
        best = e;
        bestOwn = own;
      }
    }
    if (best == null || bestOwn < MIN_OWN || bestOwn < 2 * have) {
      return null;
    }
    Element copy = best.clone();
    ArticleExtractor.removeChrome(copy);
    String t = TextBlocks.text(copy);
    return t.isBlank() ? null : t;
  }

  /** Characters of the element's own text: its text nodes and inline children, links left out. */
  static int ownText(Element e) {
    int n = 0;
    for (Node c : e.childNodes()) {
      if (c instanceof TextNode t) {
        n += t.text().strip().length();
      } else if (c instanceof Element el && INLINE.contains(el.normalName())) {
        int links = 0;
        for (Element a : el.getElementsByTag("a")) {
          links += a.text().length();
        }
        n += Math.max(0, el.text().length() - links);
      }
    }
    return n;
  }
}
