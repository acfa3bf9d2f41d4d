package io.newsmon.ingestor.extract;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Chooses the main article when a page holds several candidates. The body chosen by block scoring
 * (Readability's pick, widened, or the densest paragraph cluster) is checked against what the page
 * says about itself: its headline as shown (the heading whose words are the page's declared title)
 * and its declared summary (Open Graph / meta / JSON-LD description, JSON-LD {@code articleBody}).
 * A second candidate is built from the headline: the text of the nearest element around it that
 * holds text of its own (the post the headline opens). The two are compared:
 *
 * <ul>
 *   <li>the chosen body sits in a region the page names as beside the article (a sidebar, widget,
 *       footer, header or navigation: a blog's "about me", a site description, a licence note) while
 *       the headline's post holds text: the headline's post wins;
 *   <li>the two are apart and the declared summary agrees with the headline's post and not with the
 *       chosen body: the headline's post wins;
 *   <li>the chosen body holds the headline and other headlines of the same markup (an index page
 *       around the article, a teaser list): it is narrowed to the post the headline opens.
 * </ul>
 *
 * <p>Pure: reads the page, modifies only copies. General: nothing here names a site.
 */
final class MainCandidate {

  /** Characters of text outside links that a post must hold beside its headline. */
  static final int MIN_POST = 80;
  private static final int MAX_CLIMB = 10;
  /** Names of page regions beside the article (a narrower list than {@link BodyGrowth#ASIDE}). */
  private static final Pattern BESIDE = Pattern.compile(
      "(?i)(^|[\\s_-])(sidebar|side-bar|sidebars|widget|widgets|footer|menu|navigation|nav|navbar|rail)($|[\\s_-])");
  private static final Pattern HEADER = Pattern.compile("(?i)(^|[\\s_-])(header|masthead|banner)($|[\\s_-])");
  private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

  /** What was decided, for the benchmark's notes and the tests. */
  enum Choice { KEPT, HEADLINE_POST, NARROWED }

  record Result(Choice choice, String text) {}

  private MainCandidate() {}

  /**
   * The body to use instead of {@code chosen}, or a result with choice {@link Choice#KEPT} and the
   * chosen text.
   *
   * @param titles the page's declared titles (headline, og:title, {@code <title>}), any may be null
   * @param summaries declared summaries (descriptions, JSON-LD articleBody), any may be null
   */
  static Result choose(Document page, String chosen, List<String> titles, List<String> summaries) {
    Result kept = new Result(Choice.KEPT, chosen);
    if (page.body() == null) {
      return kept;
    }
    Element h = headline(page, titles);
    if (h == null) {
      return kept;
    }
    Element post = post(h);
    if (post == null || aside(post, false)) {
      return kept;
    }
    Element anchor = chosen == null || chosen.isBlank() ? null : BodyGrowth.anchor(page, chosen);
    if (anchor == null) {
      return kept; // nothing chosen, or the chosen text cannot be placed in the page
    }
    if (contains(anchor, h)) {
      Element narrow = narrowed(h, anchor);
      if (narrow != null) {
        return new Result(Choice.NARROWED, text(narrow, h));
      }
      return kept;
    }
    if (contains(post, anchor)) {
      return kept; // the chosen body is inside the headline's post
    }
    if (aside(anchor, true)) {
      return new Result(Choice.HEADLINE_POST, text(post, h));
    }
    Set<String> summary = summaryWords(summaries);
    if (summary.size() >= 6) {
      double forPost = agreement(summary, post.text());
      double forChosen = agreement(summary, chosen);
      if (forPost >= 0.6 && forChosen < 0.3) {
        return new Result(Choice.HEADLINE_POST, text(post, h));
      }
    }
    return kept;
  }

  /**
   * The element showing the page's headline: a heading (or an element named title or headline) whose
   * words are a declared title, or a run of at least half of one; the highest-ranked heading wins,
   * then the first. Headings in sidebars and navigation (lists of recent posts) are not taken.
   */
  static Element headline(Document page, List<String> titles) {
    List<String> norms = titles.stream().filter(t -> t != null && !t.isBlank()).map(MainCandidate::norm)
        .filter(t -> !t.isEmpty()).distinct().toList();
    if (norms.isEmpty()) {
      return null;
    }
    Element best = null;
    int bestRank = Integer.MAX_VALUE;
    for (Element e : page.body().select("h1, h2, h3, h4, h5, h6, [class*=title], [class*=headline], "
        + "[itemprop=headline]")) {
      String t = norm(e.text());
      int words = count(t);
      if (words < 2 || words > 40 || !matchesAny(t, norms) || aside(e, false)) {
        continue;
      }
      String tag = e.normalName();
      int rank = HEADINGS.contains(tag) ? tag.charAt(1) - '0' : 7;
      if (rank < bestRank) {
        best = e;
        bestRank = rank;
      }
    }
    return best;
  }

  private static boolean matchesAny(String shown, List<String> titles) {
    String s = " " + shown + " ";
    int sw = count(shown);
    for (String t : titles) {
      int tw = count(t);
      if (t.equals(shown)
          || (" " + t + " ").contains(s) && sw >= 0.5 * tw
          || s.contains(" " + t + " ") && tw >= 0.7 * sw && tw >= 2) {
        return true;
      }
    }
    return false;
  }

  /** The nearest element around the headline that holds {@link #MIN_POST} characters of its own text. */
  static Element post(Element h) {
    Element a = h;
    int own = h.text().length();
    for (int i = 0; i < MAX_CLIMB; i++) {
      Element p = a.parent();
      if (p == null || p.normalName().equals("body") || p.normalName().equals("html")) {
        return null;
      }
      a = p;
      if (plainLength(a) - plainLength(h) >= MIN_POST && a.text().length() > own) {
        return a;
      }
    }
    return null;
  }

  /**
   * When {@code holder} (the chosen body) holds other headlines of the headline's markup, the highest
   * element around the headline, inside the holder, that holds no other of them; else null.
   */
  static Element narrowed(Element h, Element holder) {
    List<Element> rivals = rivals(h, holder);
    if (rivals.size() < 2) {
      return null;
    }
    Element best = null;
    for (Element a = h.parent(); a != null && a != holder; a = a.parent()) {
      boolean alone = true;
      for (Element r : rivals) {
        if (contains(a, r)) {
          alone = false;
          break;
        }
      }
      if (!alone) {
        break;
      }
      best = a;
    }
    if (best == null || plainLength(best) - plainLength(h) < MIN_POST) {
      return null;
    }
    return best;
  }

  /**
   * Other headlines in {@code holder} of the same markup as {@code h}: same tag and classes, and, when
   * the headline has no class, both links (the titles of an index page's entries are links to them;
   * an article's subheadings are not).
   */
  private static List<Element> rivals(Element h, Element holder) {
    boolean linked = h.selectFirst("a[href]") != null || h.closest("a[href]") != null;
    if (h.classNames().isEmpty() && !linked) {
      return List.of();
    }
    return holder.getElementsByTag(h.normalName()).stream()
        .filter(e -> e != h && e.classNames().equals(h.classNames()) && count(norm(e.text())) >= 2)
        .filter(e -> !h.classNames().isEmpty() || e.selectFirst("a[href]") != null || e.closest("a[href]") != null)
        .toList();
  }

  /**
   * Whether the element sits in a region the page names as beside the article: navigation, an aside,
   * a footer, or a class or id naming a sidebar, widget, footer or menu ({@code withHeader}: a page
   * header too, for the chosen body, never for the headline, which article headers hold). The look
   * stops at an {@code <article>}, {@code <main>} or schema.org / microformats article: what is inside
   * one is not beside it.
   */
  static boolean aside(Element e, boolean withHeader) {
    int depth = 0;
    for (Element p = e; p != null && depth < 25; p = p.parent(), depth++) {
      if (p.normalName().equals("main") || BodyGrowth.isArticleBoundary(p)) {
        return false;
      }
    }
    depth = 0;
    for (Element p = e; p != null && depth < 25; p = p.parent(), depth++) {
      String tag = p.normalName();
      if (tag.equals("body")) {
        return false;
      }
      if (tag.equals("aside") || tag.equals("nav") || tag.equals("footer") || withHeader && tag.equals("header")) {
        return true;
      }
      String names = p.className() + " " + p.id();
      if (!names.isBlank() && (BESIDE.matcher(names).find() || withHeader && HEADER.matcher(names).find())) {
        return true;
      }
    }
    return false;
  }

  private static String text(Element post, Element h) {
    Element copy = post.clone();
    // the headline is the title, not the body: drop it from the copy (found by its position)
    Element hc = sameIn(copy, post, h);
    if (hc != null) {
      hc.remove();
    }
    ArticleExtractor.removeChrome(copy);
    return TextBlocks.text(copy);
  }

  /** The element of {@code copy} at the place {@code target} has in {@code original}. */
  private static Element sameIn(Element copy, Element original, Element target) {
    java.util.ArrayDeque<Integer> path = new java.util.ArrayDeque<>();
    for (Element e = target; e != original; e = e.parent()) {
      if (e == null) {
        return null;
      }
      path.push(e.elementSiblingIndex());
    }
    Element c = copy;
    while (!path.isEmpty()) {
      int i = path.pop();
      if (i >= c.childrenSize()) {
        return null;
      }
      c = c.child(i);
    }
    return c;
  }

  private static boolean contains(Element a, Element e) {
    for (Element p = e; p != null; p = p.parent()) {
      if (p == a) {
        return true;
      }
    }
    return false;
  }

  /** Characters of text outside links. */
  private static int plainLength(Element e) {
    int links = 0;
    for (Element a : e.getElementsByTag("a")) {
      links += a.text().length();
    }
    return Math.max(0, e.text().length() - links);
  }

  /** Share of the summary's words (4+ letters) found in {@code text}. */
  static double agreement(Set<String> summary, String text) {
    if (summary.isEmpty() || text == null) {
      return 0;
    }
    Set<String> words = words(text, Integer.MAX_VALUE);
    int hit = 0;
    for (String w : summary) {
      hit += words.contains(w) ? 1 : 0;
    }
    return (double) hit / summary.size();
  }

  private static Set<String> summaryWords(List<String> summaries) {
    Set<String> out = new HashSet<>();
    for (String s : summaries) {
      if (s != null) {
        out.addAll(words(s, 60));
      }
    }
    return out;
  }

  private static Set<String> words(String s, int max) {
    Set<String> out = new HashSet<>();
    for (String w : norm(s).split(" ")) {
      if (w.length() >= 4) {
        out.add(w);
        if (out.size() >= max) {
          break;
        }
      }
    }
    return out;
  }

  static String norm(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  private static int count(String normed) {
    return normed.isEmpty() ? 0 : normed.split(" ").length;
  }
}
