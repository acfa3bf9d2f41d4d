package io.newsmon.common.hostile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Generates the hostile documents newsmon must answer in bounded time and memory: feeds and pages
 * nested hundreds of thousands of levels deep, a feed of a million empty items, megabytes of text in
 * mixed scripts dense with the names a watch looks for, publication times beyond what epoch
 * milliseconds hold, and binary files named like articles. Generated, not stored, so the repository
 * stays small; every document is deterministic.
 *
 * <p>Run {@code main DIR} to write the corpus to a folder and feed it to the commands by hand
 * ({@code newsmon feed}, {@code extract}, {@code analyze}, {@code replay}).
 */
public final class HostileCorpus {

  private HostileCorpus() {}

  /** An RSS feed whose one item description nests {@code depth} elements (600 KB at 200,000). */
  public static String deepFeed(int depth) {
    StringBuilder sb = new StringBuilder(depth * 7 + 300);
    sb.append("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>deep</title><item><title>t</title>"
        + "<link>https://example.org/1</link><description>");
    for (int i = 0; i < depth; i++) {
      sb.append("<x>");
    }
    for (int i = 0; i < depth; i++) {
      sb.append("</x>");
    }
    return sb.append("</description></item></channel></rss>").toString();
  }

  /** An RSS feed of {@code n} empty items (7 MB at a million). */
  public static String manyEmptyItemsFeed(int n) {
    StringBuilder sb = new StringBuilder(n * 7 + 100);
    sb.append("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>many</title>");
    for (int i = 0; i < n; i++) {
      sb.append("<item/>");
    }
    return sb.append("</channel></rss>").toString();
  }

  /** An HTML page with {@code depth} nested divs around one paragraph (400 KB at 80,000). */
  public static String deepPage(int depth) {
    StringBuilder sb = new StringBuilder(depth * 11 + 300);
    sb.append("<!doctype html><html lang=\"fr\"><head><title>Rabat et Astana</title></head><body>");
    for (int i = 0; i < depth; i++) {
      sb.append("<div>");
    }
    sb.append("<p>Le Maroc et le Kazakhstan ont signé un accord sur le commerce du blé à Rabat.</p>");
    for (int i = 0; i < depth; i++) {
      sb.append("</div>");
    }
    return sb.append("</body></html>").toString();
  }

  /**
   * About {@code chars} characters of text in Latin, Cyrillic, Arabic and Han script in which nearly
   * every word is a name of Morocco, Kazakhstan or their capitals, in long sentences without full
   * stops: the worst case for relation tagging, which looks at the mentions within one sentence.
   */
  public static String mentionDenseText(int chars) {
    String[] words = {"Maroc", "Kazakhstan", "Rabat", "Astana", "Марокко", "Казахстан", "المغرب",
        "كازاخستان", "摩洛哥", "哈萨克斯坦", "et", "и", "و", "accord", "visite"};
    Random r = new Random(42);
    StringBuilder sb = new StringBuilder(chars + 32);
    while (sb.length() < chars) {
      sb.append(words[r.nextInt(words.length)]).append(r.nextInt(50) == 0 ? ".\n" : " ");
    }
    return sb.toString();
  }

  /** JSON lines whose publication times do not fit in epoch milliseconds, between good ones. */
  public static String farTimesJsonl() {
    return String.join("\n",
        "{\"url\":\"https://example.org/far-future\",\"title\":\"Rabat\",\"text\":\"Le Maroc.\",\"published\":\"+999999999-12-31T23:59:59Z\"}",
        "{\"url\":\"https://example.org/far-past\",\"title\":\"Astana\",\"text\":\"Le Kazakhstan.\",\"published\":\"-999999999-01-01T00:00:00Z\"}",
        "{\"url\":\"https://example.org/good\",\"title\":\"Rabat et Astana\",\"text\":\"Le Maroc et le Kazakhstan ont signé un accord.\",\"published\":\"2025-02-28T10:00:00Z\"}",
        "");
  }

  /** Bytes that are no text in any charset: a PNG signature then noise with NUL bytes. */
  public static byte[] binary(int size) {
    byte[] b = new byte[size];
    new Random(7).nextBytes(b);
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
    System.arraycopy(png, 0, b, 0, Math.min(png.length, size));
    return b;
  }

  /** Every document by file name, at the sizes the bounds are stated for. */
  public static Map<String, byte[]> all() {
    Map<String, byte[]> m = new LinkedHashMap<>();
    m.put("deep-feed-200k.xml", deepFeed(200_000).getBytes(StandardCharsets.UTF_8));
    m.put("deep-feed-2m.xml", deepFeed(2_000_000).getBytes(StandardCharsets.UTF_8));
    m.put("million-empty-items.xml", manyEmptyItemsFeed(1_000_000).getBytes(StandardCharsets.UTF_8));
    m.put("deep-page-80k.html", deepPage(80_000).getBytes(StandardCharsets.UTF_8));
    m.put("deep-page-1m.html", deepPage(1_000_000).getBytes(StandardCharsets.UTF_8));
    m.put("mention-dense-4m.txt", mentionDenseText(4 << 20).getBytes(StandardCharsets.UTF_8));
    m.put("far-times.jsonl", farTimesJsonl().getBytes(StandardCharsets.UTF_8));
    m.put("image.txt", binary(4096));
    m.put("image.html", binary(4096));
    return m;
  }

  /** Writes {@link #all()} into the folder given as the only argument. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: HostileCorpus DIR");
      System.exit(2);
    }
    Path dir = Files.createDirectories(Path.of(args[0]));
    for (Map.Entry<String, byte[]> e : all().entrySet()) {
      Files.write(dir.resolve(e.getKey()), e.getValue());
      System.out.printf("%-26s %,12d bytes%n", e.getKey(), e.getValue().length);
    }
  }
}
