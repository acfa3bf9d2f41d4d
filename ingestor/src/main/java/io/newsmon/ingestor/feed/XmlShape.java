package io.newsmon.ingestor.feed;

/**
 * The shape of an XML document read in one linear pass, before any parser sees it: how deep its
 * elements nest and how many there are. XML parsers and the object trees built on them do work per
 * ancestor or per element (Rome's JDOM checks every ancestor of a new element), so a feed of a few
 * hundred kilobytes nested 200,000 levels deep, or millions of empty items, costs minutes of CPU or
 * gigabytes of heap. Real feeds nest a dozen levels (HTML inside items is escaped or in CDATA) and
 * hold at most a few thousand items; documents far beyond the limits are refused up front.
 *
 * <p>The scan skips comments, CDATA sections, processing instructions and declarations, and counts
 * a start tag {@code <name ...>} as one level until its end tag; empty-element tags {@code <x/>}
 * count as elements without a level. It does not validate: an ill-formed document is measured as
 * well as it can be, and left to the parser to refuse.
 */
public final class XmlShape {

  /** Deepest nesting accepted (real feeds: under 20). */
  public static final int MAX_DEPTH = 256;
  /** Most elements accepted (real feeds: a few thousand items of a few elements each). */
  public static final int MAX_ELEMENTS = 250_000;

  /** What the scan found. */
  public record Shape(int maxDepth, long elements) {

    /** Why the document is refused, or null when it is within the limits. */
    public String refusal() {
      if (maxDepth > MAX_DEPTH) {
        return "elements nested more than " + MAX_DEPTH + " deep (a real feed nests about a dozen)";
      }
      if (elements > MAX_ELEMENTS) {
        return "more than " + MAX_ELEMENTS + " elements (a real feed has a few thousand)";
      }
      return null;
    }
  }

  private XmlShape() {}

  /** Measures {@code xml}, stopping early once both limits are exceeded. */
  public static Shape of(CharSequence xml) {
    int n = xml.length();
    int depth = 0;
    int maxDepth = 0;
    long elements = 0;
    int i = 0;
    while (i < n) {
      int lt = indexOf(xml, '<', i);
      if (lt < 0 || lt + 1 >= n) {
        break;
      }
      char c = xml.charAt(lt + 1);
      if (c == '!') {
        if (startsWith(xml, lt, "<!--")) {
          i = skipPast(xml, lt + 4, "-->");
        } else if (startsWith(xml, lt, "<![CDATA[")) {
          i = skipPast(xml, lt + 9, "]]>");
        } else {
          i = skipPast(xml, lt + 2, ">");
        }
      } else if (c == '?') {
        i = skipPast(xml, lt + 2, "?>");
      } else if (c == '/') {
        depth = Math.max(0, depth - 1);
        i = skipPast(xml, lt + 2, ">");
      } else {
        int gt = tagEnd(xml, lt + 1);
        elements++;
        boolean empty = gt > 0 && xml.charAt(gt - 1) == '/';
        if (!empty) {
          depth++;
          maxDepth = Math.max(maxDepth, depth);
        }
        if (maxDepth > MAX_DEPTH && elements > MAX_ELEMENTS) {
          break;
        }
        i = gt < 0 ? n : gt + 1;
      }
    }
    return new Shape(maxDepth, elements);
  }

  /** The {@code >} closing a start tag, skipping quoted attribute values; -1 when there is none. */
  private static int tagEnd(CharSequence s, int from) {
    char quote = 0;
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        return i;
      }
    }
    return -1;
  }

  private static int indexOf(CharSequence s, char c, int from) {
    for (int i = from; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  private static boolean startsWith(CharSequence s, int at, String prefix) {
    if (at + prefix.length() > s.length()) {
      return false;
    }
    for (int k = 0; k < prefix.length(); k++) {
      if (s.charAt(at + k) != prefix.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static int skipPast(CharSequence s, int from, String end) {
    int n = s.length();
    outer:
    for (int i = from; i <= n - end.length(); i++) {
      for (int k = 0; k < end.length(); k++) {
        if (s.charAt(i + k) != end.charAt(k)) {
          continue outer;
        }
      }
      return i + end.length();
    }
    return n;
  }
}
