package io.newsmon.app.bench;

import io.newsmon.app.demo.SyntheticArticles;
import io.newsmon.app.broker.EmbeddedKafka;
import io.newsmon.common.config.KafkaSettings;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.config.ProcessorSettings;
import io.newsmon.common.config.SinkSettings;
import io.newsmon.common.kafka.KafkaClients;
import io.newsmon.common.kafka.TopicAdmin;
import io.newsmon.common.kafka.Topics;
import io.newsmon.common.record.RawArticle;
import io.newsmon.processor.ProcessorTopology;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Two benchmarks on an embedded broker, printing figures with the machine and settings they ran on.
 *
 * <p>Throughput (default): a pass-through topology and the production {@code ProcessorTopology} read
 * the same pre-loaded news.raw (multilingual ~3 KB articles) with exactly-once, one after the other in
 * one run; the ratio of their steady rates (between 10 % and 90 % of the output, so start-up and the
 * last commit are left out; start-up is reported apart) is the figure to quote.
 *
 * <p>Latency ({@code --latency --rate N}): the processor and the sink run as in {@code newsmon run};
 * articles are offered to news.raw at a fixed rate and the time from each send to its record on
 * news.processed and to the first alert it raises on news.alerts is measured (after a warm-up).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Measure processor throughput against a pass-through Streams topology, or (--latency) "
        + "the latency from news.raw to news.alerts at a fixed offered rate, on an embedded broker.")
public final class ProcessorBenchmark implements Callable<Integer> {

  private static final String PASS_OUT = "bench.passthrough";

  @picocli.CommandLine.Mixin io.newsmon.common.cli.ConfigOptions options;

  @Option(names = "--articles", defaultValue = "20000", description = "Throughput: articles to push through (default ${DEFAULT-VALUE}).")
  int articles;

  @Option(names = "--threads", defaultValue = "2", description = "Stream threads per instance (default ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--instances", defaultValue = "1",
      description = "Throughput: processor instances (Streams clients of one application) sharing the partitions (default ${DEFAULT-VALUE}).")
  int instances;

  @Option(names = "--max-minutes", defaultValue = "20",
      description = "Throughput: longest a topology runs; the steady rate is then of what came out (default ${DEFAULT-VALUE}).")
  int maxMinutes;

  @Option(names = "--rounds", defaultValue = "1",
      description = "Throughput: rounds over the same input in this JVM, each topology once per round under its own "
          + "application id; the first round is cold (the JIT compiler still warming up), later ones warm, each "
          + "reported apart (default ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--skip-pass-through", description = "Throughput: run the processor only (no ratio).")
  boolean skipPassThrough;

  @Option(names = "--write-archive", paramLabel = "FILE",
      description = "Write --articles synthetic articles as a JSON-lines archive (for newsmon replay) and exit.")
  Path archive;

  @Option(names = "--latency", description = "Measure latency at a fixed offered rate instead of throughput.")
  boolean latency;

  @Option(names = "--rate", defaultValue = "100", description = "Latency: articles offered per second (default ${DEFAULT-VALUE}).")
  double rate;

  @Option(names = "--relevant", defaultValue = "0.05",
      description = "Latency: share of the offered articles about Morocco and Kazakhstan, each raising an alert "
          + "(default ${DEFAULT-VALUE}; 0: none).")
  double relevantShare;

  @Option(names = "--seconds", defaultValue = "60", description = "Latency: measured seconds after the warm-up (default ${DEFAULT-VALUE}).")
  int seconds;

  @Option(names = "--warmup", defaultValue = "15", description = "Latency: seconds offered before measuring (default ${DEFAULT-VALUE}).")
  int warmup;

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    if (options.load().get(KafkaSettings.BOOTSTRAP_SERVERS) != null) {
      throw new IllegalArgumentException("bench runs on its own embedded broker; drop --bootstrap-servers");
    }
    if (archive != null) {
      writeArchive(out);
      return 0;
    }
    if (threads < 1 || instances < 1 || rate <= 0 || seconds < 1 || warmup < 0 || articles < 10 || maxMinutes < 1
        || rounds < 1) {
      throw new IllegalArgumentException("--threads, --instances, --rate, --seconds, --articles, --max-minutes, --rounds must be positive");
    }
    out.printf("machine: %d cores, %d MB max heap, Java %s, %s %s, load average %.1f%n",
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    Path work = Files.createTempDirectory("newsmon-bench-");
    try (EmbeddedKafka kafka = EmbeddedKafka.start(work.resolve("kafka"), 0, true)) {
      NewsmonConfig config = options.load().with("bootstrap.servers", kafka.bootstrapServers())
          .with("topics.partitions", "4");
      Properties streams = KafkaClients.streams(config, "x", threads, null, config.get(ProcessorSettings.COMMIT_INTERVAL));
      Properties sinkStreams = KafkaClients.streams(config, "y", 1, null, config.get(SinkSettings.COMMIT_INTERVAL));
      java.util.Map<String, Object> producer = new StreamsConfig(streams).getProducerConfigs("x");
      out.printf("settings: 4 partitions, exactly-once v2, commit.interval.ms=%s (processor) / %s (sink), "
              + "transaction.timeout.ms=%s, Streams producers' compression.type=%s, "
              + "processor.dedup.reorder-delay=%s%n",
          streams.getProperty(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG),
          sinkStreams.getProperty(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG),
          producer.get(org.apache.kafka.clients.producer.ProducerConfig.TRANSACTION_TIMEOUT_CONFIG),
          producer.get(org.apache.kafka.clients.producer.ProducerConfig.COMPRESSION_TYPE_CONFIG),
          config.text(ProcessorSettings.DEDUP_REORDER_DELAY));
      if (latency) {
        LatencyRun.run(config, work, rate, relevantShare, warmup, seconds, out);
      } else {
        throughput(config, work, out);
      }
    } finally {
      EmbeddedKafka.deleteRecursively(work);
    }
    out.printf("peak heap: %d MB (sum of the heap pools' peaks)%n", peakHeapMb());
    out.printf("load average at the end: %.1f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    return 0;
  }

  private void writeArchive(PrintStream out) throws java.io.IOException {
    io.newsmon.common.kafka.JsonSerde<RawArticle> json = io.newsmon.common.kafka.JsonSerde.of(RawArticle.class);
    SyntheticArticles gen = new SyntheticArticles(42);
    Instant start = Instant.parse("2026-11-01T00:00:00Z");
    try (java.io.OutputStream o = new java.io.BufferedOutputStream(Files.newOutputStream(archive))) {
      for (int i = 0; i < articles; i++) {
        o.write(json.toBytes(gen.next(start.plusSeconds(i * 30L))));
        o.write('\n');
      }
    }
    out.printf("%d articles written to %s (%d MB)%n", articles, archive, Files.size(archive) >> 20);
  }

  private void throughput(NewsmonConfig config, Path work, PrintStream out) throws Exception {
    io.newsmon.processor.ArticleAnalyzer analyzer = io.newsmon.processor.ArticleAnalyzer.create(config);
    List<RawArticle> sample = SyntheticArticles.generate(2000, 7);
    for (RawArticle a : sample.subList(0, 200)) {
      analyzer.analyze(a); // warm-up
    }
    java.lang.management.ThreadMXBean tm = ManagementFactory.getThreadMXBean();
    long c0 = tm.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    for (RawArticle a : sample) {
      analyzer.analyze(a);
    }
    out.printf("analysis alone (no Kafka, 1 thread): %.0f articles/s, %.0f articles per CPU second%n",
        sample.size() / ((System.nanoTime() - t0) / 1e9), sample.size() / ((tm.getCurrentThreadCpuTime() - c0) / 1e9));
    sample = null;

    TopicAdmin.ensure(config, Topics.fixed());
    long bytes = 0;
    SyntheticArticles input = new SyntheticArticles(42);
    Properties pp = KafkaClients.producer(config, "bench-loader");
    // a send that fails would silently shrink the input: it is sent again after the others (up to
    // three passes), and what still fails is counted and said. Failures seen on this machine: the
    // embedded broker answering the first batches of a fresh idempotent producer with
    // OutOfOrderSequenceException, the batches retried until delivery.timeout.ms (120 s) expired them.
    java.util.concurrent.atomic.AtomicInteger failed = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicReference<Exception> firstFailure = new java.util.concurrent.atomic.AtomicReference<>();
    java.util.Queue<RawArticle> retry = new java.util.concurrent.ConcurrentLinkedQueue<>();
    // at most as many unanswered sends as the product's writer of news.raw allows
    io.newsmon.common.kafka.SendWindow window = new io.newsmon.common.kafka.SendWindow(
        io.newsmon.ingestor.RawPublisher.WINDOW);
    long loadStart = System.nanoTime();
    long loadCpu = processCpuNanos();
    int resent = 0;
    try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(pp,
        Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer())) {
      Instant start = Instant.parse("2026-11-01T00:00:00Z");
      List<RawArticle> toSend = new ArrayList<>();
      for (int i = 0; i < articles; i++) {
        RawArticle a = input.next(start.plusSeconds(i * 30L));
        bytes += a.text().length();
        toSend.add(a);
      }
      for (int pass = 1; pass <= 3 && !toSend.isEmpty(); pass++) {
        if (pass > 1) {
          resent += toSend.size();
        }
        for (RawArticle a : toSend) {
          window.send(producer, new ProducerRecord<>(Topics.RAW.name(), a.key(), a), (m, e) -> {
            if (e != null) {
              retry.add(a);
              firstFailure.compareAndSet(null, e);
            }
          });
        }
        producer.flush();
        toSend = new ArrayList<>(retry);
        retry.clear();
      }
      failed.set(toSend.size());
    }
    out.printf("input: %d articles in news.raw (4 partitions), mean text %d chars, loaded in %.1f s (%.1f CPU s); "
        + "%d instance(s) x %d thread(s)%n", articles - failed.get(), bytes / articles,
        (System.nanoTime() - loadStart) / 1e9, (processCpuNanos() - loadCpu) / 1e9, instances, threads);
    if (firstFailure.get() != null) {
      out.printf("input: %d sends failed and were sent again, %d still failed; the first failure: %s%n",
          resent, failed.get(), firstFailure.get());
    }

    long expected = articles - failed.get();
    for (int round = 1; round <= rounds; round++) {
      String tag = rounds == 1 ? "" : round == 1 ? " (round 1, cold)" : " (round " + round + ", warm)";
      String suffix = rounds == 1 ? "" : "-r" + round;
      double[] pass = null;
      if (!skipPassThrough) {
        StreamsBuilder b = new StreamsBuilder();
        b.stream(Topics.RAW.name(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
            .to(PASS_OUT + suffix, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        Topology passThrough = b.build();
        pass = run("pass-through", () -> passThrough, config, "bench-pass" + suffix, work.resolve("s1" + suffix),
            PASS_OUT + suffix, false, expected, out);
      }
      // a later round's processor writes news.processed again: count only what lies past the earlier rounds
      double[] proc = run("processor", () -> ProcessorTopology.build(config), config, "bench-processor" + suffix,
          work.resolve("s2" + suffix), Topics.PROCESSED.name(), round > 1, expected, out);
      if (pass != null) {
        out.printf("ratio processor / pass-through%s: %.2f steady, %.2f overall (start-up included), %.2f per CPU "
            + "second (the figure least disturbed by other load)%n", tag, proc[0] / pass[0], proc[1] / pass[1],
            proc[2] / pass[2]);
      }
    }
  }

  /**
   * Runs one topology over the whole input ({@code expected} records: the articles whose send did not
   * fail; waiting for the failed ones would count minutes of idle polling); returns {steady rate,
   * overall rate, records per CPU second}.
   */
  private double[] run(String name, java.util.function.Supplier<Topology> topology, NewsmonConfig config,
      String appId, Path state, String outputTopic, boolean fromEnd, long expected, PrintStream out) throws Exception {
    Properties cp = KafkaClients.consumer(config, null);
    List<KafkaStreams> clients = new ArrayList<>();
    Path logs = state.getParent().resolve("kafka").resolve("kafka-logs");
    java.util.Map<String, Long> bytes0 = bytesByTopic(logs);
    long cpu0 = processCpuNanos();
    java.util.Map<String, Long> parts0 = cpuByPart();
    java.util.Map<String, Long> alloc0 = LatencyRun.allocatedByGroup();
    java.util.Map<String, SchedulerTimes.Times> sched0 = SchedulerTimes.read();
    long wall0 = System.nanoTime();
    long start = System.nanoTime();
    try (KafkaConsumer<byte[], byte[]> counter = new KafkaConsumer<>(cp, new ByteArrayDeserializer(),
        new ByteArrayDeserializer())) {
      // where the output of earlier rounds ends (taken before this round's clients start)
      java.util.Map<TopicPartition, Long> earlier = fromEnd
          ? counter.endOffsets(partitions(counter, outputTopic)) : java.util.Map.of();
      for (int i = 0; i < instances; i++) {
        KafkaStreams s = new KafkaStreams(topology.get(), KafkaClients.streams(config, appId, threads, state.resolve("i" + i),
            config.get(ProcessorSettings.COMMIT_INTERVAL)));
        clients.add(s);
        s.start();
      }
      long deadline = start + Duration.ofMinutes(maxMinutes).toNanos();
      long n = 0;
      long first = 0;
      long last = 0;
      // (time, records so far) at each poll that brought records: the steady rate is read off it
      List<long[]> progress = new ArrayList<>();
      boolean assigned = false;
      while (n < expected && System.nanoTime() < deadline) {
        if (!assigned) {
          List<TopicPartition> parts = partitions(counter, outputTopic);
          if (parts.isEmpty()) {
            Thread.sleep(100);
            continue;
          }
          counter.assign(parts);
          counter.seekToBeginning(parts);
          earlier.forEach(counter::seek);
          assigned = true;
        }
        int got = counter.poll(Duration.ofMillis(100)).count();
        if (got > 0) {
          last = System.nanoTime();
          if (n == 0) {
            first = last;
          }
          n += got;
          progress.add(new long[] {last, n});
        }
      }
      double seconds = (last - start) / 1e9;
      // between 10 % and 90 % of the output; when the time limit stopped the run, of what came out
      long[] p10 = at(progress, n / 10);
      long[] p90 = at(progress, n * 9 / 10);
      double steady = p10 != null && p90 != null && p90[0] > p10[0] ? (p90[1] - p10[1]) / ((p90[0] - p10[0]) / 1e9) : 0;
      double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
      java.util.Map<String, Long> parts = cpuByPart();
      out.printf("%-13s %6d records in %6.1f s%s: start-up %5.1f s to the first record, %8.0f records/s steady "
              + "(10%%-90%% of the output), %8.0f overall; %.1f CPU s of this process (broker included): "
              + "%.0f records per CPU second; load average %.1f%n",
          name, n, seconds, n < expected ? " (stopped by the " + maxMinutes + "-minute limit)" : "",
          (first - start) / 1e9, steady, n / seconds, cpuSeconds, n / cpuSeconds,
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      StringBuilder by = new StringBuilder(String.format("%-13s CPU per record by part:", name));
      long java = 0;
      for (java.util.Map.Entry<String, Long> e : parts.entrySet()) {
        long used = e.getValue() - parts0.getOrDefault(e.getKey(), 0L);
        java += used;
        by.append(String.format(" %s %.2f ms;", e.getKey(), used / 1e6 / n));
      }
      by.append(String.format(" not Java threads (GC, JIT compiler, RocksDB's own) %.2f ms; all %.2f ms",
          (cpuSeconds * 1e9 - java) / 1e6 / n, cpuSeconds * 1e3 / n));
      out.println(by);
      // bytes allocated by the stream threads (exact, from the JVM's per-thread counters) and the
      // collector's CPU (the scheduler's count of its threads) over the run
      java.util.Map<String, Long> alloc = LatencyRun.allocatedByGroup();
      long streamAlloc = 0;
      for (java.util.Map.Entry<String, Long> e : alloc.entrySet()) {
        if (e.getKey().endsWith("stream threads")) {
          streamAlloc += e.getValue() - alloc0.getOrDefault(e.getKey(), 0L);
        }
      }
      java.util.Map<String, SchedulerTimes.Times> sched = SchedulerTimes.read();
      SchedulerTimes.Times none = new SchedulerTimes.Times(0, 0);
      long gc = sched.getOrDefault("collector", none).minus(sched0.getOrDefault("collector", none)).running();
      long wall = System.nanoTime() - wall0;
      out.printf("%-13s allocated on the stream threads %.1f KB per record; collector %.2f ms of CPU per record, "
              + "%.2f of a core over the run%n", name, streamAlloc / 1024.0 / Math.max(1, n), gc / 1e6 / Math.max(1, n),
          gc / (double) wall);
      StringBuilder written = new StringBuilder(String.format("%-13s bytes written to the broker's log per record "
          + "(batches as stored, compressed):", name));
      for (java.util.Map.Entry<String, Long> e : bytesByTopic(logs).entrySet()) {
        long grown = e.getValue() - bytes0.getOrDefault(e.getKey(), 0L);
        if (grown > 0) {
          written.append(String.format(" %s %d;", e.getKey(), grown / Math.max(1, n)));
        }
      }
      out.println(written);
      return new double[] {steady, n / seconds, n / cpuSeconds};
    } finally {
      for (KafkaStreams s : clients) {
        s.close(Duration.ofSeconds(30));
      }
    }
  }

  /** Bytes of the log segments under the broker's log directory, by topic (partitions summed). */
  private static java.util.Map<String, Long> bytesByTopic(Path logs) throws java.io.IOException {
    java.util.Map<String, Long> sizes = new java.util.TreeMap<>();
    if (!Files.isDirectory(logs)) {
      return sizes;
    }
    try (java.util.stream.Stream<Path> files = Files.walk(logs, 2)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path dir = f.getParent();
        if (f.getFileName().toString().endsWith(".log") && dir != null && !dir.equals(logs)) {
          String topic = dir.getFileName().toString().replaceFirst("-\\d+$", "");
          try {
            sizes.merge(topic, Files.size(f), Long::sum);
          } catch (java.nio.file.NoSuchFileException gone) {
            // a segment deleted while walking: the figure is only indicative
          }
        }
      }
    } catch (java.io.UncheckedIOException e) {
      // a segment deleted while walking: the figure is only indicative
    }
    return sizes;
  }

  /**
   * CPU time of this process's live Java threads so far, by part: stream threads, the producers'
   * network threads, the embedded broker (as {@link LatencyRun#cpuByGroup} tells it), the rest.
   */
  private static java.util.Map<String, Long> cpuByPart() {
    java.util.Map<String, Long> out = new java.util.TreeMap<>();
    LatencyRun.cpuByGroup().forEach((group, ns) -> {
      if (!group.equals("other")) {
        out.merge(group.equals("broker") ? "broker" : "stream threads", ns, Long::sum);
      }
    });
    java.lang.management.ThreadMXBean tm = ManagementFactory.getThreadMXBean();
    for (java.lang.management.ThreadInfo ti : tm.getThreadInfo(tm.getAllThreadIds())) {
      long ns = ti == null ? -1 : tm.getThreadCpuTime(ti.getThreadId());
      if (ns < 0) {
        continue;
      }
      String t = ti.getThreadName();
      boolean broker = t.startsWith("data-plane") || t.startsWith("kafka-") && !t.startsWith("kafka-producer")
          || t.contains("Txn") || t.startsWith("controller") || t.startsWith("broker") || t.startsWith("quorum")
          || t.startsWith("raft") || t.startsWith("ExpirationReaper") || t.startsWith("LogDirFailure");
      if (t.contains("StreamThread") && !t.contains("producer") && !t.contains("processor")) {
        out.merge("stream threads", ns, Long::sum); // the pass-through's
      } else if (t.startsWith("kafka-producer-network-thread")) {
        out.merge("producer network", ns, Long::sum);
      } else if (!broker && !t.contains("StreamThread")) {
        out.merge("other Java", ns, Long::sum);
      }
    }
    return out;
  }

  /** The first progress point with at least {@code records}, or null. */
  private static long[] at(List<long[]> progress, long records) {
    for (long[] p : progress) {
      if (p[1] >= records) {
        return p;
      }
    }
    return null;
  }

  static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
    try {
      var infos = consumer.partitionsFor(topic, Duration.ofSeconds(2));
      return infos == null ? List.of() : infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
    } catch (org.apache.kafka.common.errors.TimeoutException e) {
      return List.of();
    }
  }

  /** CPU time of this process so far (all threads, the embedded broker's included), or 0 when unknown. */
  static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return Math.max(0, os.getProcessCpuTime());
    }
    return 0;
  }

  static long peakHeapMb() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum >> 20;
  }
}
