package io.newsmon.ingestor.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.ingestor.cli.FeedCommand;
import io.newsmon.ingestor.fetch.FetchSettings;
import io.newsmon.ingestor.fetch.HttpFetcher;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the {@code feed --json} logic over every file of a feed test corpus (default
 * {@code ../shared/corpus/feeds/feedparser/tests}) and reports per folder: files, answered, parsed
 * (ok with at least one item or a feed title), crashed/hung (must be 0), outputs containing
 * {@code <script} (must be 0), and how many Rome alone (XmlReader + SyndFeedInput) parses.
 *
 * <pre>mvn -B -q -o -pl ingestor exec:java -Dexec.mainClass=io.newsmon.ingestor.bench.FeedRobustness -Dexec.args="../shared/corpus/feeds/feedparser/tests"</pre>
 */
public final class FeedRobustness {

  private FeedRobustness() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args.length > 0 ? args[0] : "../shared/corpus/feeds/feedparser/tests");
    if (!Files.isDirectory(root)) {
      System.err.println("no corpus at " + root.toAbsolutePath() + ": give the tests folder as the first argument");
      System.exit(2);
    }
    HttpFetcher fetcher = new HttpFetcher(FetchSettings.from(NewsmonConfig.defaults()));
    ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "robustness");
      t.setDaemon(true);
      return t;
    });
    Map<String, int[]> counts = new TreeMap<>(); // files, answered, ok, withItems, crashed, script, rome
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    long t0 = System.nanoTime();
    for (Path f : files) {
      String folder = root.relativize(f).getName(0).toString();
      int[] c = counts.computeIfAbsent(folder, k -> new int[7]);
      c[0]++;
      Future<ObjectNode> fut = pool.submit(() -> FeedCommand.answer(f.toString(), fetcher, 10L << 20));
      try {
        ObjectNode line = fut.get(10, TimeUnit.SECONDS);
        c[1]++;
        if (line.path("ok").asBoolean()) {
          c[2]++;
          if (line.path("items").size() > 0) {
            c[3]++;
          }
        }
        if (line.toString().toLowerCase(Locale.ROOT).contains("<script")) {
          c[5]++;
          System.out.println("  <script in output: " + f);
        }
      } catch (java.util.concurrent.TimeoutException e) {
        fut.cancel(true);
        c[4]++;
        System.out.println("  HUNG: " + f);
      } catch (Exception e) {
        c[4]++;
        System.out.println("  CRASHED: " + f + ": " + e);
      }
      if (romeParses(f)) {
        c[6]++;
      }
    }
    System.out.printf(Locale.ROOT, "%-10s %6s %8s %6s %10s %12s %8s %10s%n", "folder", "files", "answered", "ok",
        "with-items", "crashed/hung", "<script", "rome-alone");
    for (var e : counts.entrySet()) {
      int[] c = e.getValue();
      System.out.printf(Locale.ROOT, "%-10s %6d %8d %6d %10d %12d %8d %10d%n", e.getKey(), c[0], c[1], c[2], c[3],
          c[4], c[5], c[6]);
    }
    System.out.printf(Locale.ROOT, "%d files in %.1f s%n", files.size(), (System.nanoTime() - t0) / 1e9);
    expectations(root.resolve("encoding"));
  }

  private static final java.util.regex.Pattern HEADER = java.util.regex.Pattern.compile("(?m)^Header:\\s*Content-type:\\s*(.+)$");
  private static final java.util.regex.Pattern EXPECT = java.util.regex.Pattern.compile(
      "(?m)^Expect:.*?(feed\\['title'\\]|entries\\[0\\]\\['description'\\]) == '((?:[^'\\\\]|\\\\.)*)'\\s*$");

  /**
   * The encoding cases whose expectation names a decoded value ({@code feed['title'] == '...'} or
   * {@code entries[0]['description'] == '...'}): how many come out right, with the test's
   * {@code Header: Content-type} given as the HTTP header, for newsmon and for Rome alone.
   */
  static void expectations(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    int checked = 0;
    int ours = 0;
    int rome = 0;
    int romeParsedWithHeader = 0;
    int oursParsedWithHeader = 0;
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.sorted().toList();
    }
    for (Path f : files) {
      byte[] b = Files.readAllBytes(f);
      String latin = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
      var h = HEADER.matcher(latin);
      String contentType = h.find() ? h.group(1).strip() : null;
      String oursTitle = null;
      String oursDesc = null;
      try {
        var feed = new io.newsmon.ingestor.feed.FeedParser().parse(b, contentType, null);
        oursParsedWithHeader++;
        oursTitle = feed.title();
        oursDesc = feed.items().isEmpty() ? null : feed.items().get(0).summary();
      } catch (Exception | StackOverflowError e) {
        // counted as not parsed
      }
      String romeTitle = null;
      String romeDesc = null;
      try {
        var feed = new SyndFeedInput().build(contentType == null ? new XmlReader(new ByteArrayInputStream(b))
            : new XmlReader(new ByteArrayInputStream(b), contentType, true));
        romeParsedWithHeader++;
        romeTitle = feed.getTitle();
        romeDesc = feed.getEntries().isEmpty() || feed.getEntries().get(0).getDescription() == null ? null
            : feed.getEntries().get(0).getDescription().getValue();
      } catch (Exception | StackOverflowError e) {
        // not parsed
      }
      var m = EXPECT.matcher(io.newsmon.ingestor.fetch.Charsets.decode(b, contentType));
      if (!m.find()) {
        continue;
      }
      checked++;
      String want = pythonString(m.group(2));
      boolean title = m.group(1).startsWith("feed");
      if (System.getenv("ROBUSTNESS_VERBOSE") != null) {
        System.out.println("  " + f.getFileName() + " want=" + want + " newsmon=" + (title ? oursTitle : oursDesc) + " rome=" + (title ? romeTitle : romeDesc));
      }
      if (want.equals(title ? oursTitle : oursDesc)) {
        ours++;
      }
      if (want.equals(title ? romeTitle : romeDesc)) {
        rome++;
      }
    }
    System.out.printf(Locale.ROOT, "encoding, with each test's Content-type header: parsed newsmon %d, Rome alone %d%n",
        oursParsedWithHeader, romeParsedWithHeader);
    System.out.printf(Locale.ROOT, "encoding cases with an expected decoded value: %d; right: newsmon %d, Rome alone %d%n",
        checked, ours, rome);
  }

  /** Decodes a Python string literal body: \\uXXXX, \\xXX, \\' and \\\\. */
  static String pythonString(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(i + 1);
        if (n == 'u' && i + 5 < s.length()) {
          sb.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
          i += 5;
          continue;
        }
        if (n == 'x' && i + 3 < s.length()) {
          sb.append((char) Integer.parseInt(s.substring(i + 2, i + 4), 16));
          i += 3;
          continue;
        }
        sb.append(n);
        i++;
        continue;
      }
      sb.append(c);
    }
    return sb.toString();
  }

  /** Rome alone, as a plain user would call it: XmlReader for the encoding, DOCTYPEs refused. */
  static boolean romeParses(Path f) {
    try {
      byte[] b = Files.readAllBytes(f);
      SyndFeedInput in = new SyndFeedInput();
      in.build(new XmlReader(new ByteArrayInputStream(b)));
      return true;
    } catch (IOException | RuntimeException | com.rometools.rome.io.FeedException | StackOverflowError e) {
      return false;
    }
  }
}
