package io.newsmon.ingestor.extract;

import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Turns an HTML element into plain text with one blank line between blocks (paragraphs, headings,
 * list items, table rows) and single spaces inside them. Script, style and other non-text elements
 * are skipped, so no code or markup reaches the text.
 */
public final class TextBlocks {

  static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "h1", "h2", "h3",
      "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "tr", "table", "br",
      "figure", "figcaption", "header", "footer", "aside", "nav", "hr", "address", "details", "summary");

  static final Set<String> SKIPPED = Set.of("script", "style", "noscript", "template", "svg", "math",
      "iframe", "object", "embed", "canvas", "button", "select", "textarea", "input", "head", "video",
      "audio", "picture", "source");

  private TextBlocks() {}

  public static String text(Element root) {
    StringBuilder out = new StringBuilder();
    StringBuilder line = new StringBuilder();
    walk(root, out, line);
    flush(out, line);
    return out.toString();
  }

  private static void walk(Node node, StringBuilder out, StringBuilder line) {
    if (node instanceof TextNode t) {
      appendWords(line, t.getWholeText());
      return;
    }
    if (!(node instanceof Element e)) {
      return;
    }
    String tag = e.normalName();
    if (SKIPPED.contains(tag)) {
      return;
    }
    boolean block = BLOCKS.contains(tag);
    if (block) {
      flush(out, line);
    }
    for (Node child : e.childNodes()) {
      walk(child, out, line);
    }
    if (block) {
      flush(out, line);
    }
  }

  private static void appendWords(StringBuilder line, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00a0') {
        if (line.length() > 0 && line.charAt(line.length() - 1) != ' ') {
          line.append(' ');
        }
      } else {
        line.append(c);
      }
    }
  }

  private static void flush(StringBuilder out, StringBuilder line) {
    String s = line.toString().strip();
    line.setLength(0);
    if (!s.isEmpty()) {
      if (out.length() > 0) {
        out.append("\n\n");
      }
      out.append(s);
    }
  }
}
