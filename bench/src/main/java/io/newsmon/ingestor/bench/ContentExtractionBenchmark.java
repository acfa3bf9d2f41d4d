package io.newsmon.ingestor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsmon.ingestor.cli.ExtractCommand;
import io.newsmon.ingestor.extract.ArticleExtractor;
import io.newsmon.ingestor.extract.ExtractedArticle;
import io.newsmon.ingestor.fetch.Charsets;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Runs {@link ArticleExtractor} over one folder of a public main-content benchmark (dragnet or
 * wcxb-article: {@code html/<id>.html.gz} and {@code ground-truth.json}), restricted to one part of the
 * fixed {@link DatasetSplit}, and writes what the set's scorer ({@code score.py} beside the folders)
 * reads: the answers as {@code newsmon extract --json} prints them, a ground-truth file holding only
 * that part, and an {@code extract} stand-in that serves the stored answers. It then runs the scorer
 * (when {@code python3} is there) and prints its table. Alongside: pages per second and peak heap of the
 * extraction, and the accuracy of the page metadata wherever the set carries it (title, URL), the
 * page's URL carries a date, or the truth text opens with a byline (author).
 *
 * <p>Usage: {@code ContentExtractionBenchmark SET_DIR [dev|tune|holdout|test|all] [OUT_DIR]} (defaults: dev,
 * {@code target/content-extraction}).
 */
public final class ContentExtractionBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern BYLINE = Pattern.compile(
      "^\\s*(?:posted\\s+|written\\s+|words\\s+)?by\\s*:?\\s+([^\\n|•·,;]{3,60}?)\\s*(?:$|[|•·,;]|\\s+(?:on|at|in)\\s|\\s+\\d)",
      Pattern.CASE_INSENSITIVE | Pattern.MULTILINE | Pattern.UNICODE_CASE);
  private static final java.util.Set<String> PARTICLES = java.util.Set.of("de", "van", "von", "der", "la", "le", "da", "di");
  private static final Pattern URL_DATE = Pattern.compile("/((?:19|20)\\d\\d)[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\\d|3[01])(?:/|$|[^\\d])");

  private ContentExtractionBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: ContentExtractionBenchmark SET_DIR [dev|tune|holdout|test|all] [OUT_DIR]");
      System.exit(2);
    }
    Path set = Path.of(args[0]).toAbsolutePath().normalize();
    DatasetSplit.Part part = DatasetSplit.Part.valueOf((args.length > 1 ? args[1] : "dev").toUpperCase(Locale.ROOT));
    Path out = Path.of(args.length > 2 ? args[2] : "target/content-extraction").toAbsolutePath();
    if (!Files.isRegularFile(set.resolve("ground-truth.json"))) {
      System.err.println("no ground-truth.json in " + set);
      System.exit(2);
    }
    String name = set.getFileName() + "-" + part.name().toLowerCase(Locale.ROOT);
    Path folder = out.resolve(name);
    Files.createDirectories(folder);
    JsonNode truth = JSON.readTree(set.resolve("ground-truth.json").toFile());
    Map<String, JsonNode> chosen = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = truth.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (DatasetSplit.in(part, e.getKey()) && chosen.size() < Integer.getInteger("limit", Integer.MAX_VALUE)) {
        chosen.put(e.getKey(), e.getValue());
      }
    }
    Path html = prepare(folder, set, chosen);
    // Dragnet's truth keeps visitor comments; a second folder scores the text with the comments the
    // extractor found appended, the way extractors that keep comments are scored
    boolean dragnet = set.getFileName().toString().startsWith("dragnet");
    Path withCommentsFolder = out.resolve(name + "-with-comments");
    Path withCommentsHtml = dragnet ? prepare(withCommentsFolder, set, chosen) : null;
    BufferedWriter withComments = dragnet
        ? Files.newBufferedWriter(out.resolve("answers-" + name + "-with-comments.jsonl"), StandardCharsets.UTF_8) : null;

    ArticleExtractor extractor = new ArticleExtractor();
    Metadata meta = new Metadata();
    long nanos = 0;
    long bytes = 0;
    int failed = 0;
    Path answers = out.resolve("answers-" + name + ".jsonl");
    try (BufferedWriter w = Files.newBufferedWriter(answers, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, JsonNode> e : chosen.entrySet()) {
        Path file = html.resolve(e.getKey() + ".html.gz");
        byte[] raw;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
          raw = in.readAllBytes();
        }
        bytes += raw.length;
        ObjectNode line = JSON.createObjectNode();
        line.put("input", file.toString());
        long t0 = System.nanoTime();
        try {
          ExtractedArticle a = extractor.extract(Charsets.decode(raw, null), null);
          nanos += System.nanoTime() - t0;
          ExtractCommand.put(line, a);
          if (withComments != null) {
            ObjectNode both = line.deepCopy();
            both.put("input", withCommentsHtml.resolve(e.getKey() + ".html.gz").toString());
            both.put("text", a.comments().isEmpty() ? a.text() : a.text() + "\n\n" + a.comments());
            withComments.write(both.toString());
            withComments.newLine();
          }
          meta.add(e.getValue(), a);
        } catch (RuntimeException | StackOverflowError ex) {
          nanos += System.nanoTime() - t0;
          failed++;
          line.put("ok", false);
          line.put("error", ex.getClass().getSimpleName() + ": " + ex.getMessage());
        }
        w.write(line.toString());
        w.newLine();
      }
    } finally {
      if (withComments != null) {
        withComments.close();
      }
    }
    writeStandIn(out);
    int n = chosen.size();
    System.out.printf(Locale.ROOT, "%s: %d pages (%s part), %d failed; %.1f pages/s, %.1f ms/page, %.1f MB of HTML; "
            + "peak heap %d MB (max %d MB); Java %s, %d cores%n", name, n, part.name().toLowerCase(Locale.ROOT),
        failed, n / (nanos / 1e9), nanos / 1e6 / n, bytes / 1e6, peakHeapMb(),
        Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors());
    meta.print();
    score(set, out, folder, name);
    if (dragnet) {
      System.out.println("\n== text followed by the comments the extractor kept apart, against the full truth:");
      score(set, out, withCommentsFolder, name + "-with-comments");
    }
  }

  /** A folder score.py can read: the chosen part's ground truth and a link to the set's pages. */
  private static Path prepare(Path folder, Path set, Map<String, JsonNode> chosen) throws IOException {
    Files.createDirectories(folder);
    JSON.writeValue(folder.resolve("ground-truth.json").toFile(), chosen);
    Path html = folder.resolve("html");
    Files.deleteIfExists(html);
    Files.createSymbolicLink(html, set.resolve("html"));
    return html;
  }

  private static void score(Path set, Path out, Path folder, String name) throws IOException, InterruptedException {
    Path score = set.getParent().resolve("score.py");
    if (!Files.isRegularFile(score)) {
      System.out.println("no score.py beside the set; answers in " + out);
      return;
    }
    Process p = new ProcessBuilder("python3", score.toString(), folder.toString(), "--worst",
        System.getProperty("worst", "15"), "--details", out.resolve("details-" + name + ".json").toString())
        .directory(out.toFile()).redirectErrorStream(true).start();
    try (InputStream in = p.getInputStream()) {
      for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!l.startsWith("  batch ")) {
          System.out.println(l);
        }
      }
    }
    p.waitFor();
  }

  /** score.py runs {@code ./newsmon extract --json FILE...}: this stand-in prints the stored answers. */
  private static void writeStandIn(Path out) throws IOException {
    Path s = out.resolve("newsmon");
    Files.writeString(s, """
        #!/usr/bin/env python3
        # Serves the answers the benchmark stored (answers-*.jsonl) for `extract --json FILE...`.
        import glob, json, os, sys
        here = os.path.dirname(os.path.abspath(__file__))
        known = {}
        for f in glob.glob(os.path.join(here, "answers-*.jsonl")):
            for line in open(f, encoding="utf-8"):
                known[json.loads(line)["input"]] = line.rstrip("\\n")
        for path in sys.argv[3:]:
            print(known.get(path, json.dumps({"input": path, "ok": False, "error": "not in the stored answers"})))
        """);
    s.toFile().setExecutable(true);
  }

  private static long peakHeapMb() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum >> 20;
  }

  /** Metadata accuracy over the pages that carry a reference for a field. */
  static final class Metadata {
    int titleRef;
    int titleOk;
    int urlRef;
    int urlOk;
    int dateRef;
    int dateOk;
    int pages;
    int withDate;
    int withAuthor;
    int withLang;
    int withCanonical;
    int authorRef;
    int authorGiven;
    int authorOk;
    final List<String> titleMisses = new ArrayList<>();

    void add(JsonNode truth, ExtractedArticle a) {
      pages++;
      withDate += a.publishedAt() != null ? 1 : 0;
      withAuthor += a.author() != null ? 1 : 0;
      withLang += a.languageHint() != null ? 1 : 0;
      withCanonical += a.canonicalUrl() != null ? 1 : 0;
      String byline = bylineName(truth.path("articleBody").asText(""));
      if (byline != null) {
        authorRef++;
        authorGiven += a.author() != null ? 1 : 0;
        authorOk += sameAuthor(byline, a.author()) ? 1 : 0;
      }
      String title = truth.path("title").asText("");
      if (!title.isBlank()) {
        titleRef++;
        if (sameTitle(title, a.title())) {
          titleOk++;
        } else if (titleMisses.size() < 8) {
          titleMisses.add(title + "  <>  " + a.title());
        }
      }
      String url = truth.path("url").asText("");
      if (!url.isBlank()) {
        urlRef++;
        urlOk += sameUrl(url, a.canonicalUrl()) ? 1 : 0;
        Matcher m = URL_DATE.matcher(url);
        if (m.find()) {
          dateRef++;
          String day = m.group(1) + "-" + m.group(2) + "-" + m.group(3);
          if (a.publishedAt() != null) {
            Instant t = a.publishedAt();
            // the URL carries the local day; accept the UTC day or the one either side of it
            for (int d = -1; d <= 1; d++) {
              if (t.plusSeconds(86400L * d).atOffset(ZoneOffset.UTC).toLocalDate().toString().equals(day)) {
                dateOk++;
                break;
              }
            }
          }
        }
      }
    }

    void print() {
      System.out.printf(Locale.ROOT, "metadata: title %s, canonical URL %s, date (pages whose URL holds a day) %s; "
              + "present on %d pages: date %d, author %d, language hint %d, canonical URL %d%n",
          ratio(titleOk, titleRef), ratio(urlOk, urlRef), ratio(dateOk, dateRef), pages, withDate, withAuthor,
          withLang, withCanonical);
      System.out.printf(Locale.ROOT, "author (pages whose truth opens with a byline): %s, given on %d%n",
          ratio(authorOk, authorRef), authorGiven);
      if (Boolean.getBoolean("titles")) {
        titleMisses.forEach(t -> System.out.println("  title miss: " + t));
      }
    }

    private static String ratio(int ok, int ref) {
      return ref == 0 ? "n/a" : String.format(Locale.ROOT, "%d/%d = %.3f", ok, ref, (double) ok / ref);
    }

    /** Titles agree when their word sequences are equal, ignoring case, punctuation and a site-name suffix. */
    static boolean sameTitle(String truth, String got) {
      if (got == null) {
        return false;
      }
      String t = norm(truth);
      String g = norm(got);
      return !t.isEmpty() && (g.equals(t) || g.startsWith(t + " ") && g.length() - t.length() < 40);
    }

    private static String norm(String s) {
      return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /**
     * The name in a byline among the first 12 lines of the truth text ("By Jane Roe", "Posted by Jane
     * Roe on ..."): two to four capitalised words. The annotators of Dragnet copied the visible byline
     * with the article; WCXB's truth leaves bylines out, so it gives almost no reference.
     */
    static String bylineName(String body) {
      String[] lines = body.split("\n", 13);
      String head = String.join("\n", java.util.Arrays.copyOf(lines, Math.min(12, lines.length)));
      Matcher m = BYLINE.matcher(head);
      if (!m.find()) {
        return null;
      }
      String name = m.group(1).strip();
      String[] parts = name.split("\\s+");
      if (parts.length < 2 || parts.length > 4) {
        return null;
      }
      for (String w : parts) {
        if (!Character.isUpperCase(w.codePointAt(0)) && !PARTICLES.contains(w.toLowerCase(Locale.ROOT))) {
          return null;
        }
      }
      return name;
    }

    /** The extracted author names the byline: every word of one is among the words of the other. */
    static boolean sameAuthor(String byline, String got) {
      if (got == null) {
        return false;
      }
      java.util.Set<String> r = nameWords(byline);
      java.util.Set<String> g = nameWords(got);
      g.remove("by");
      return !r.isEmpty() && g.containsAll(r) || g.size() >= 2 && r.containsAll(g);
    }

    private static java.util.Set<String> nameWords(String s) {
      java.util.Set<String> out = new java.util.HashSet<>();
      for (String w : s.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
        if (w.length() > 1) {
          out.add(w);
        }
      }
      return out;
    }

    static boolean sameUrl(String truth, String got) {
      if (got == null) {
        return false;
      }
      return strip(truth).equals(strip(got));
    }

    private static String strip(String u) {
      String s = u.strip().replaceFirst("^https?://(www\\.)?", "").replaceFirst("[?#].*$", "");
      return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
  }
}
