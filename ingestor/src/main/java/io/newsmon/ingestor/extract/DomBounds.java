package io.newsmon.ingestor.extract;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Keeps the work on a hostile page linear: a DOM nested deeper than {@link #MAX_DEPTH} elements (real
 * pages stay under about 60; a generated page can nest a million {@code <div>}s) has everything below
 * that depth replaced by one paragraph per text block, so later steps (selectors that walk ancestors,
 * recursive walks, Readability's scoring) see a bounded depth. All walks here are iterative.
 */
final class DomBounds {

  /** Elements deeper than this are flattened into paragraphs. */
  static final int MAX_DEPTH = 200;

  /** Pages with more elements than this skip the superlinear steps (Readability's scoring). */
  static final int MAX_ELEMENTS = 80_000;

  private DomBounds() {}

  /** The document itself when it is shallow enough; otherwise a flattened copy. */
  static Document bounded(Document doc) {
    if (depth(doc) <= MAX_DEPTH) {
      return doc;
    }
    Document copy = doc.clone();
    flattenBelow(copy, MAX_DEPTH);
    return copy;
  }

  /** The deepest element nesting under {@code root}. */
  static int depth(Node root) {
    int[] max = {0};
    NodeTraversor.traverse((node, depth) -> {
      if (depth > max[0] && node instanceof Element) {
        max[0] = depth;
      }
    }, root);
    return max[0];
  }

  /** Replaces the content of every element at {@code maxDepth} that holds elements by its text blocks. */
  static void flattenBelow(Node root, int maxDepth) {
    List<Element> cut = new ArrayList<>();
    NodeTraversor.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (depth >= maxDepth && node instanceof Element e) {
          if (!e.children().isEmpty()) {
            cut.add(e);
          }
          return FilterResult.SKIP_CHILDREN;
        }
        return FilterResult.CONTINUE;
      }

      @Override
      public FilterResult tail(Node node, int depth) {
        return FilterResult.CONTINUE;
      }
    }, root);
    for (Element e : cut) {
      List<String> blocks = blocks(e);
      e.empty();
      for (String b : blocks) {
        e.appendElement("p").appendText(b);
      }
    }
  }

  /** The text of {@code root} as blocks, split where block elements start and end (iterative walk). */
  static List<String> blocks(Element root) {
    List<String> out = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    NodeTraversor.traverse(new NodeVisitor() {
      private int skipped = -1;

      @Override
      public void head(Node node, int depth) {
        if (skipped >= 0) {
          return;
        }
        if (node instanceof TextNode t) {
          line.append(t.getWholeText()).append(' ');
        } else if (node instanceof Element el) {
          if (TextBlocks.SKIPPED.contains(el.normalName())) {
            skipped = depth;
          } else if (TextBlocks.BLOCKS.contains(el.normalName())) {
            flush(out, line);
          }
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (skipped == depth) {
          skipped = -1;
        } else if (skipped < 0 && node instanceof Element el && TextBlocks.BLOCKS.contains(el.normalName())) {
          flush(out, line);
        }
      }
    }, root);
    flush(out, line);
    return out;
  }

  private static void flush(List<String> out, StringBuilder line) {
    String s = line.toString().replaceAll("[\\s\\u00a0]+", " ").strip();
    line.setLength(0);
    if (!s.isEmpty()) {
      out.add(s);
    }
  }
}
