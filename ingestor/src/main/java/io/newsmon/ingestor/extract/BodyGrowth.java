package io.newsmon.ingestor.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Widens a chosen body to the sibling blocks that belong to it. Bodies made of several blocks (the
 * entries of a "best of" list, the steps of a guide, the sections of a long read, each in a wrapper of
 * its own) often leave Readability with one block, or a few, of the whole. This step finds where the
 * chosen text sits in the page (the nearest element holding every one of its paragraphs) and climbs
 * from there, one parent at a time. A sibling adds to the body when it continues it (a bare paragraph,
 * list, quote or table, or an element of the same markup as the held one) and at least half of its
 * text sits in paragraphs of 80+ characters that are not mostly links, with at most 40 % link text
 * overall. A climb is made only when what it adds is real text (200+ characters and half of what is
 * held so far) and the siblings it leaves out hold less text than it adds; a parent that only wraps
 * the held element and short labels is passed through. The climb never leaves an {@code <article>},
 * a schema.org {@code articleBody} or a microformats entry, never reaches the {@code body}, and leaves
 * out sidebars, widgets, promotions and the like by their class names (words too common on article
 * wrappers to detach a section by, see docs/decisions/0008, but enough to keep one out of a widened
 * body). Pure: works on its own copy of the page.
 */
final class BodyGrowth {

  private static final Set<String> TEXT_BLOCKS = Set.of("p", "li", "h1", "h2", "h3", "h4", "h5", "h6",
      "td", "dd", "dt", "blockquote", "pre");
  private static final Set<String> BARE = Set.of("p", "blockquote", "pre", "ul", "ol", "dl", "table");
  private static final Set<String> PARAGRAPHS = Set.of("p", "li", "blockquote", "pre", "td", "dd");
  private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
  private static final int MIN_KEY = 30;
  private static final double RATIO = 0.5;
  private static final int MAX_LEVELS = 3;
  private static final int MAX_STEPS = 12;
  /**
   * Names of page regions beside an article. Too common on article wrappers to drop a region by them
   * (docs/decisions/0008), but enough to keep a region out of a widened body.
   */
  static final Pattern ASIDE = Pattern.compile("(?i)(^|[\\s_-])(sidebar|side-bar|widget|widgets|aside|rail|"
      + "right-col|promo|banner|cta|ad|ads|advert|advertisement|sponsored|related|popular|trending|latest|recent|"
      + "recommended|newsletter|social|share|sharing|subscribe|footer|header|nav|navigation|menu|modal|sticky|"
      + "testimonials?|reviews?|comments?)($|[\\s_-])");
  private static final String DROP = "data-newsmon-drop";

  private BodyGrowth() {}

  /**
   * The text of {@code chosen} widened to its sibling blocks, or null when no widening applies (the
   * chosen text cannot be found in the page, or its surroundings are not text).
   */
  static String widen(Document page, String chosen) {
    if (chosen == null || chosen.isBlank() || page.body() == null) {
      return null;
    }
    Document copy = page.clone();
    Element anchor = anchor(copy, chosen);
    if (anchor == null) {
      return null;
    }
    int held = contentLength(anchor);
    Element cur = anchor;
    boolean grown = false;
    int climbs = 0;
    for (int steps = 0; steps < MAX_STEPS && climbs < MAX_LEVELS; steps++) {
      Element parent = cur.parent();
      if (isArticleBoundary(cur)) {
        break; // the page marks this element as the whole article: what is beside it is not
      }
      if (parent == null || parent == copy.body() || parent.normalName().equals("html")
          || parent.normalName().equals("body")) {
        break;
      }
      List<Element> left = new ArrayList<>();
      int gain = 0;
      int leftText = 0;
      List<Element> children = parent.children();
      for (int i = 0; i < children.size(); i++) {
        Element c = children.get(i);
        if (c == cur) {
          continue;
        }
        int len = c.text().length();
        if (len == 0) {
          continue;
        }
        int para = isChrome(c) || !sameKind(c, cur) ? 0 : paragraphLength(c);
        if (para >= 0.5 * len && linkLength(c) <= 0.4 * len) {
          gain += para;
        } else if (!isLabel(c)) {
          left.add(c);
          leftText += len;
        }
      }
      if (gain == 0 && leftText <= Math.max(100, 0.1 * held)) {
        left.forEach(e -> e.attr(DROP, "")); // a wrapper around what is held, and little else: look further up
        cur = parent;
        continue;
      }
      if (gain < 200 || gain < RATIO * held || leftText > gain) {
        break;
      }
      left.forEach(e -> e.attr(DROP, ""));
      held += gain;
      cur = parent;
      grown = true;
      climbs++;
    }
    if (!grown) {
      return null;
    }
    cur.select("[" + DROP + "]").remove();
    ArticleExtractor.removeChrome(cur);
    String t = TextBlocks.text(cur);
    return t.isBlank() ? null : t;
  }

  /** The nearest element of {@code page} that holds every paragraph of {@code text} found in it. */
  static Element anchor(Document page, String text) {
    Map<String, Element> byText = new HashMap<>();
    for (Element e : page.body().getAllElements()) {
      if (TEXT_BLOCKS.contains(e.normalName()) || e.normalName().equals("div") && !e.ownText().isBlank()) {
        String k = key(e.text());
        if (k.length() >= MIN_KEY) {
          byText.putIfAbsent(k, e);
        }
      }
    }
    List<Element> found = new ArrayList<>();
    for (String block : text.split("\n\n")) {
      String k = key(block);
      Element e = k.length() >= MIN_KEY ? byText.get(k) : null;
      if (e != null) {
        found.add(e);
      }
    }
    if (found.isEmpty()) {
      return null;
    }
    Element lca = found.get(0);
    for (Element e : found) {
      while (lca != null && lca != e && !isAncestor(lca, e)) {
        lca = lca.parent();
      }
    }
    return lca;
  }

  private static boolean isAncestor(Element a, Element e) {
    for (Element p = e.parent(); p != null; p = p.parent()) {
      if (p == a) {
        return true;
      }
    }
    return false;
  }

  /** Characters in the paragraphs of some length (80+) that are not mostly links, outermost only. */
  private static int paragraphLength(Element c) {
    if (PARAGRAPHS.contains(c.normalName())) {
      int l = c.text().length();
      return l >= 80 && linkLength(c) <= 0.25 * l ? l : 0;
    }
    int n = 0;
    for (Element child : c.children()) {
      n += paragraphLength(child);
    }
    return n;
  }

  /**
   * Whether a sibling continues the held body: a bare text block (paragraph, list, quote, table), or
   * an element of the same markup as the held one (tag, classes, whether it has an id), as the
   * entries of a list or the sections of a long read are. An author box or a "related posts" box
   * beside the body has markup of its own.
   */
  private static boolean sameKind(Element c, Element held) {
    String n = c.normalName();
    if (BARE.contains(n)) {
      return true;
    }
    return n.equals(held.normalName()) && c.classNames().equals(held.classNames())
        && c.id().isEmpty() == held.id().isEmpty();
  }

  /** {@code <article>}, schema.org {@code articleBody} or a microformats entry. */
  static boolean isArticleBoundary(Element e) {
    if (e.normalName().equals("article") || e.attr("itemprop").toLowerCase(java.util.Locale.ROOT).contains("articlebody")) {
      return true;
    }
    for (String c : e.classNames()) {
      if (c.equals("hentry") || c.equals("h-entry")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isChrome(Element c) {
    String name = c.normalName();
    return name.equals("nav") || name.equals("aside") || name.equals("footer") || name.equals("form")
        || name.equals("header") || Boilerplate.kind(c) != null || ASIDE.matcher(c.className() + " " + c.id()).find();
  }

  /** A heading or a short label (a name, a figure, a date) that goes with the text beside it. */
  private static boolean isLabel(Element c) {
    int len = c.text().length();
    return !isChrome(c) && len <= 120 && (HEADINGS.contains(c.normalName()) || linkLength(c) < 0.5 * len);
  }

  private static int linkLength(Element c) {
    int n = 0;
    for (Element a : c.getElementsByTag("a")) {
      n += a.text().length();
    }
    return n;
  }

  /** Characters of text outside links. */
  private static int contentLength(Element c) {
    return Math.max(0, c.text().length() - linkLength(c));
  }

  private static String key(String s) {
    StringBuilder b = new StringBuilder(Math.min(s.length(), 200));
    for (int i = 0; i < s.length() && b.length() < 200; i++) {
      char ch = s.charAt(i);
      if (Character.isLetterOrDigit(ch)) {
        b.append(Character.toLowerCase(ch));
      }
    }
    return b.toString();
  }
}
