package io.newsmon.processor.stream;

import io.newsmon.app.demo.SyntheticArticles;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.kafka.JsonSerde;
import io.newsmon.common.record.ProcessedArticle;
import io.newsmon.common.record.RawArticle;
import io.newsmon.common.util.Hashing;
import io.newsmon.processor.ArticleAnalyzer;
import io.newsmon.processor.dedup.DedupEntry;
import io.newsmon.processor.dedup.DedupEntrySerde;
import io.newsmon.processor.dedup.Deduplicator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The dedup step alone over its real stores: the synthetic articles of the throughput benchmark
 * (analysed once, before timing), read from an input topic in their binary repartition form and judged
 * by {@link DedupProcessor} over a persistent (RocksDB) {@code dedup-store} with the Streams record
 * cache in front, as in the processor, on a {@link TopologyTestDriver} (which commits, and so flushes
 * the record cache, after every record: the processor commits every 100 ms). No reorder wait. Prints the
 * CPU time of the judging thread per article for each block of articles (the state grows), and a hash
 * of every decision and a SHA-256 of every output byte, so two builds can be compared on the same input.
 *
 * <pre>
 * java -cp 'bench/target/newsmon-bench.jar:bench/target/lib/*' io.newsmon.processor.stream.DedupStoreBenchmark [ARTICLES] [BLOCK] [json] [spacing=MS]
 * </pre>
 * ({@code json}: the store's values in the JSON of earlier versions instead of {@link DedupEntrySerde};
 * {@code spacing=MS}: publication times that many milliseconds apart instead of 30 s, e.g. {@code spacing=2}
 * for the latency benchmark's 500 articles/s, where every article falls on one day and shares its story
 * buckets).
 */
public final class DedupStoreBenchmark {

  private DedupStoreBenchmark() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
    int block = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    boolean json = args.length > 2 && args[2].equals("json"); // the store's format before the binary one
    long spacingMs = 30_000;
    for (String a : args) {
      if (a.startsWith("spacing=")) {
        spacingMs = Long.parseLong(a.substring("spacing=".length()));
      }
    }
    NewsmonConfig config = NewsmonConfig.defaults();
    ArticleAnalyzer analyzer = ArticleAnalyzer.create(config);
    SyntheticArticles gen = new SyntheticArticles(42);
    Instant start = Instant.parse("2026-11-01T00:00:00Z");
    List<byte[]> wire = new ArrayList<>(n);
    List<String> keys = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      RawArticle r = gen.next(start.plusMillis(i * spacingMs));
      ArticleAnalyzer.Analyzed a = analyzer.analyzeWithFingerprint(r);
      String id = Hashing.articleId(r.key());
      keys.add(id);
      wire.add(OutcomeSerde.toBytes(Analysed.of(ProcessedArticle.of(id, r, a.analysis()), a.fingerprint())));
    }
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ProcessorTopologyBuilder.STORE),
        Serdes.String(), json ? JsonSerde.of(DedupEntry.class) : DedupEntrySerde.INSTANCE).withCachingEnabled());
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(ProcessorTopologyBuilder.PENDING_STORE), Serdes.String(), Pending.SERDE)
        .withCachingEnabled());
    builder.addStateStore(ProcessorTopologyBuilder.indexStore());
    Deduplicator dedup = new Deduplicator(Deduplicator.Settings.from(config));
    builder.stream("in", Consumed.with(Serdes.String(), Serdes.ByteArray()))
        .mapValues(b -> OutcomeSerde.fromBytes(b, 0, b.length, "in"))
        .process(() -> new DedupProcessor(dedup, ProcessorTopologyBuilder.STORE, ProcessorTopologyBuilder.INDEX_STORE,
            Duration.ofMinutes(10), ProcessorTopologyBuilder.PENDING_STORE, Duration.ZERO, Duration.ZERO, 4),
            ProcessorTopologyBuilder.STORE, ProcessorTopologyBuilder.INDEX_STORE, ProcessorTopologyBuilder.PENDING_STORE)
        .mapValues(o -> o instanceof Analysed a ? a.processedJson() : new byte[0])
        .to("out", Produced.with(Serdes.String(), Serdes.ByteArray()));
    Path dir = Files.createTempDirectory("newsmon-dedup-bench-");
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "dedup-bench");
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    p.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
    ThreadMXBean tm = ManagementFactory.getThreadMXBean();
    long hash = 17;
    java.security.MessageDigest outputs = java.security.MessageDigest.getInstance("SHA-256");
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), p)) {
      TestInputTopic<String, byte[]> in = driver.createInputTopic("in", Serdes.String().serializer(),
          Serdes.ByteArray().serializer());
      TestOutputTopic<String, byte[]> out = driver.createOutputTopic("out", Serdes.String().deserializer(),
          Serdes.ByteArray().deserializer());
      TestOutputTopic<byte[], byte[]> changelog = driver.createOutputTopic(
          "dedup-bench-" + ProcessorTopologyBuilder.STORE + "-changelog", Serdes.ByteArray().deserializer(),
          Serdes.ByteArray().deserializer());
      long changelogBytes = 0;
      long changelogRecords = 0;
      long cpuAll = 0;
      for (int from = 0; from < n; from += block) {
        int to = Math.min(n, from + block);
        long c0 = tm.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (int i = from; i < to; i++) {
          in.pipeInput(keys.get(i), wire.get(i), start.plusMillis(i * spacingMs));
        }
        long cpu = tm.getCurrentThreadCpuTime() - c0;
        long wall = System.nanoTime() - t0;
        cpuAll += cpu;
        for (byte[] v : out.readValuesToList()) {
          hash = 31 * hash + java.util.Arrays.hashCode(decisionPart(v));
          outputs.update(v);
        }
        for (org.apache.kafka.streams.test.TestRecord<byte[], byte[]> r : changelog.readRecordsToList()) {
          outputs.update(r.key());
          if (r.value() != null) {
            outputs.update(r.value());
          }
          changelogRecords++;
          changelogBytes += r.key().length + (r.value() == null ? 0 : r.value().length);
        }
        System.out.printf("articles %5d-%5d: %6.0f CPU µs per article (%6.0f µs wall clock), load average %.1f%n",
            from, to, cpu / 1e3 / (to - from), wall / 1e3 / (to - from),
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      }
      System.out.printf("dedup step over its stores: %d articles, %.0f CPU µs per article on average, "
          + "dedup-store changelog %.1f records and %.0f bytes per article (a commit after every article), "
          + "decisions hash %016x%n", n, cpuAll / 1e3 / n, changelogRecords / (double) n, changelogBytes / (double) n, hash);
      // every byte of every news.processed value and dedup-store changelog record, in order
      System.out.printf("outputs: SHA-256 of the news.processed values and the dedup-store changelog %s%n",
          java.util.HexFormat.of().formatHex(outputs.digest()).substring(0, 16));
      // what a restarted task pays on opening: checking the index against the articles, and rebuilding it
      // when it is gone (after an exactly-once crash, on another instance)
      org.apache.kafka.streams.state.KeyValueStore<String, DedupEntry> articles =
          driver.getKeyValueStore(ProcessorTopologyBuilder.STORE);
      org.apache.kafka.streams.state.KeyValueStore<String, DedupEntry> index =
          driver.getKeyValueStore(ProcessorTopologyBuilder.INDEX_STORE);
      // 1. the index as the running step left it: the writes it still held in memory (since its last
      //    batch) are lost, as in a crash, so the index is behind the articles and is rebuilt;
      // 2. the index kept after a clean stop (the step flushes when its task closes);
      // 3. the index lost (an exactly-once crash wipes it; another instance taking the task over)
      for (String how : new String[] {"as the step left it (held writes lost)", "kept", "lost"}) {
        if (how.equals("lost")) {
          index.delete(io.newsmon.processor.dedup.StoreDedupState.MARKER);
        }
        long c0 = tm.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        io.newsmon.processor.dedup.StoreDedupState.Opened o =
            new io.newsmon.processor.dedup.StoreDedupState(articles, index).open(dedup);
        System.out.printf("opening the task with the index %s: %d articles, %s, %.0f ms (%.0f CPU ms)%n",
            how, o.articles(), o.rebuilt() ? "index rebuilt" : "index kept",
            (System.nanoTime() - t0) / 1e6, (tm.getCurrentThreadCpuTime() - c0) / 1e6);
      }
    } finally {
      io.newsmon.app.broker.EmbeddedKafka.deleteRecursively(dir);
    }
  }

  /** The decision fields of a news.processed value (its last members). */
  private static byte[] decisionPart(byte[] processed) {
    String s = new String(processed, java.nio.charset.StandardCharsets.UTF_8);
    int i = s.lastIndexOf("\"duplicateOf\"");
    return (i < 0 ? s : s.substring(i)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
