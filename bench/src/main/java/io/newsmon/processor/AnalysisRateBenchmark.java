package io.newsmon.processor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.GarbageCollectionNotificationInfo;
import io.newsmon.app.demo.SyntheticArticles;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.kafka.JsonSerde;
import io.newsmon.common.record.Analysis;
import io.newsmon.common.record.RawArticle;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The rate of {@link ArticleAnalyzer#analyze} alone (no Kafka, one thread) and its heap: articles per
 * CPU second of the measuring thread for each pass over the synthetic articles
 * ({@code SyntheticArticles.generate(N, 7)}), bytes allocated per article (the thread's allocation
 * counter), the live heap after a full collection before and after the analyser is loaded and after
 * the passes (its word tables filled), and the largest heap occupancy seen before any collection of
 * the run. Ends with a SHA-256 of the JSON of every analysis of the first pass (and of the articles
 * of {@code --labelled} files), so that two builds can be shown to give identical analyses.
 *
 * <pre>
 * java -cp 'bench/target/newsmon-bench.jar:bench/target/lib/*' io.newsmon.processor.AnalysisRateBenchmark
 *     [--articles N] [--passes P] [--warm-up W] [--labelled FILE_OR_FOLDER]... [--dump FILE]
 * </pre>
 *
 * <p>Labelled files are JSON arrays or JSON lines of objects with {@code id}, {@code title},
 * {@code text} and an optional {@code publishedAt}. {@code --dump} writes the JSON of every analysis
 * hashed, one line each.
 */
public final class AnalysisRateBenchmark {

  private AnalysisRateBenchmark() {}

  public static void main(String[] args) throws Exception {
    int articles = 2000;
    int passes = 12;
    int warmUp = 200;
    List<Path> labelled = new ArrayList<>();
    Path dump = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--articles" -> articles = Integer.parseInt(args[++i]);
        case "--passes" -> passes = Integer.parseInt(args[++i]);
        case "--warm-up" -> warmUp = Integer.parseInt(args[++i]);
        case "--labelled" -> labelled.add(Path.of(args[++i]));
        case "--dump" -> dump = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + " (--articles N, --passes P, --warm-up W, --labelled FILE_OR_FOLDER, --dump FILE)");
      }
    }
    PeakHeap peak = PeakHeap.watch();
    long liveBefore = liveHeap();
    ArticleAnalyzer analyzer = ArticleAnalyzer.create(NewsmonConfig.defaults());
    List<RawArticle> sample = SyntheticArticles.generate(articles, 7);
    long liveLoaded = liveHeap();
    long chars = 0;
    for (RawArticle a : sample) {
      chars += ArticleAnalyzer.body(a).length();
    }
    System.out.printf("analysis alone: %d synthetic articles (mean text %d chars), %d passes after %d warm-up "
        + "articles, heap max %d MB%n", sample.size(), chars / Math.max(1, sample.size()), passes, warmUp,
        Runtime.getRuntime().maxMemory() >> 20);

    List<RawArticle> checked = new ArrayList<>(sample);
    for (Path p : labelled) {
      checked.addAll(read(p));
    }
    String digest = digest(analyzer, checked, dump);

    for (int i = 0; i < Math.min(warmUp, sample.size()); i++) {
      analyzer.analyze(sample.get(i));
    }
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long self = Thread.currentThread().getId();
    double[] rates = new double[passes];
    double[] alloc = new double[passes];
    for (int p = 0; p < passes; p++) {
      long cpu = threads.getCurrentThreadCpuTime();
      long bytes = threads.getThreadAllocatedBytes(self);
      for (RawArticle a : sample) {
        analyzer.analyze(a);
      }
      rates[p] = sample.size() / ((threads.getCurrentThreadCpuTime() - cpu) / 1e9);
      alloc[p] = (threads.getThreadAllocatedBytes(self) - bytes) / (double) sample.size();
      System.out.printf("pass %d: %.0f articles per CPU second, %.1f KB allocated per article%n", p + 1, rates[p],
          alloc[p] / 1024);
    }
    long liveAfter = liveHeap();
    int from = passes / 2; // the second half of the passes: the JIT has settled
    double[] late = Arrays.copyOfRange(rates, from, passes);
    Arrays.sort(late);
    System.out.printf("passes %d-%d: median %.0f articles per CPU second (%.0f-%.0f)%n", from + 1, passes,
        median(late), late[0], late[late.length - 1]);
    System.out.printf("allocated per article: %.1f KB (last pass)%n", alloc[passes - 1] / 1024);
    System.out.printf("live heap after a full collection: %.1f MB before loading, %.1f MB with the analyser and "
        + "the articles loaded, %.1f MB after the passes%n", liveBefore / 1e6, liveLoaded / 1e6, liveAfter / 1e6);
    System.out.printf("largest heap occupancy before a collection: %.1f MB (%d collections)%n", peak.max() / 1e6,
        peak.count());
    System.out.printf("analyses: %d (synthetic and labelled), sha256 %s%n", checked.size(), digest);
    System.out.printf("machine: %d cores, Java %s, load average %.1f%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** The SHA-256 of the JSON of each analysis followed by a line feed; each line also written to {@code dump}. */
  private static String digest(ArticleAnalyzer analyzer, List<RawArticle> articles, Path dump) throws Exception {
    JsonSerde<Analysis> json = JsonSerde.of(Analysis.class);
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    try (var out = dump == null ? null : Files.newOutputStream(dump)) {
      for (RawArticle a : articles) {
        byte[] b = json.toBytes(analyzer.analyze(a));
        md.update(b);
        md.update((byte) '\n');
        if (out != null) {
          out.write(b);
          out.write('\n');
        }
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** The articles of a labelled file (JSON array or JSON lines), or of every such file in a folder, sorted. */
  private static List<RawArticle> read(Path path) throws IOException {
    List<RawArticle> out = new ArrayList<>();
    if (Files.isDirectory(path)) {
      List<Path> files;
      try (Stream<Path> s = Files.list(path)) {
        files = s.filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".jsonl")).sorted().toList();
      }
      for (Path f : files) {
        out.addAll(read(f));
      }
      return out;
    }
    ObjectMapper m = new ObjectMapper();
    if (path.toString().endsWith(".jsonl")) {
      for (String line : Files.readAllLines(path)) {
        if (!line.isBlank()) {
          out.add(raw(m.readTree(line)));
        }
      }
    } else {
      for (JsonNode n : m.readTree(path.toFile())) {
        out.add(raw(n));
      }
    }
    return out;
  }

  private static RawArticle raw(JsonNode n) {
    RawArticle.Builder b = RawArticle.builder().url("test://" + n.path("id").asText())
        .title(n.path("title").asText(null)).text(n.path("text").asText(null));
    if (n.has("publishedAt")) {
      b.publishedAt(Instant.parse(n.get("publishedAt").asText()));
    }
    return b.build();
  }

  /** The heap in use after full collections (until it stops falling). */
  private static long liveHeap() {
    long last = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      if (used >= last) {
        return used;
      }
      last = used;
    }
    return last;
  }

  /** The largest heap occupancy before a collection, from the collectors' notifications. */
  private static final class PeakHeap {
    private final AtomicLong max = new AtomicLong();
    private final AtomicLong count = new AtomicLong();

    static PeakHeap watch() {
      PeakHeap p = new PeakHeap();
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        ((NotificationEmitter) gc).addNotificationListener((n, h) -> {
          if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
          }
          GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
          long before = 0; // the heap pools only (the map also has metaspace and the code cache)
          for (var e : info.getGcInfo().getMemoryUsageBeforeGc().entrySet()) {
            if (isHeapPool(e.getKey())) {
              before += e.getValue().getUsed();
            }
          }
          p.max.accumulateAndGet(before, Math::max);
          p.count.incrementAndGet();
        }, null, null);
      }
      return p;
    }

    private static boolean isHeapPool(String name) {
      for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getName().equals(name)) {
          return pool.getType() == java.lang.management.MemoryType.HEAP;
        }
      }
      return false;
    }

    long max() {
      return max.get();
    }

    long count() {
      return count.get();
    }
  }
}
