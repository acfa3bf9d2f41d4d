package io.newsmon.ingestor.extract;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Generates one hostile page and extracts it, printing {@code cpu-ms wall-ms text-chars}: run in its own
 * JVM (with the heap under test) by {@link HostilePageTest}. Kinds: {@code nested N} (N nested
 * {@code <div>}s around one paragraph, never closed), {@code wide N} (N sibling paragraphs).
 */
public final class HostilePages {

  private HostilePages() {}

  static String page(String kind, int n) {
    StringBuilder b = new StringBuilder(n * 16 + 200).append("<html><head><title>Hostile</title></head><body>");
    String words = "the deep paragraph still reaches the text of the article ".repeat(3);
    if (kind.equals("nested")) {
      b.append("<div>".repeat(n)).append("<p>").append(words).append("</p>");
    } else {
      for (int i = 0; i < n; i++) {
        b.append("<p>para ").append(i).append(" words</p>");
      }
      b.append("<p>").append(words).append("</p>");
    }
    return b.append("</body></html>").toString();
  }

  public static void main(String[] args) {
    String html = page(args[0], Integer.parseInt(args[1]));
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpu0 = threads.getCurrentThreadCpuTime();
    long wall0 = System.nanoTime();
    ExtractedArticle a = new ArticleExtractor().extract(html, null);
    long cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1_000_000;
    long wall = (System.nanoTime() - wall0) / 1_000_000;
    System.out.println(html.length() + " " + cpu + " " + wall + " " + a.text().length() + " "
        + a.text().contains("the deep paragraph still reaches"));
  }
}
