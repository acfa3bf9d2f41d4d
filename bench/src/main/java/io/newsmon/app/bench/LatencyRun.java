package io.newsmon.app.bench;

import io.newsmon.app.Pipeline;
import io.newsmon.app.demo.SyntheticArticles;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.config.ProcessorSettings;
import io.newsmon.common.kafka.JsonSerde;
import io.newsmon.common.kafka.KafkaClients;
import io.newsmon.common.kafka.Topics;
import io.newsmon.common.record.Alert;
import io.newsmon.common.record.RawArticle;
import io.newsmon.common.util.Hashing;
import io.newsmon.processor.stream.ProcessorTopologyBuilder;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The latency benchmark: the processor and the sink as {@code newsmon run} starts them, articles
 * offered to news.raw at a fixed rate (publication time and record time = the moment of sending, as
 * an ingestor of fresh news would), and for each article measured from its send to its record on
 * news.processed and to the first alert it raises (revision 1 naming it) on news.alerts, as a
 * read_committed consumer sees them. Articles sent during the warm-up are not counted.
 */
final class LatencyRun {

  private static final JsonSerde<Alert> ALERT = JsonSerde.of(Alert.class);

  private LatencyRun() {}

  /** Moments of one article, System.nanoTime(), 0 when not seen (see {@link Stage}). */
  private static final int SENT = 0;

  /** Where an article is seen: written (read_uncommitted) and visible (read_committed) on each topic. */
  private enum Stage {
    DEDUP_INPUT_WRITTEN("analysed: written to the dedup repartition topic"),
    DEDUP_INPUT_VISIBLE("analysed: committed (visible to the dedup step)"),
    PROCESSED_WRITTEN("judged: written to news.processed"),
    PROCESSED_VISIBLE("judged: committed on news.processed"),
    ALERT_WRITTEN("alert written to news.alerts"),
    ALERT_VISIBLE("alert committed on news.alerts");

    final String text;

    Stage(String text) {
      this.text = text;
    }

    int slot() {
      return ordinal() + 1;
    }
  }

  static void run(NewsmonConfig config, Path work, double rate, double relevantShare, int warmup, int seconds,
      PrintStream out) throws Exception {
    Map<String, long[]> seen = new ConcurrentHashMap<>();
    AtomicBoolean stop = new AtomicBoolean();
    long[] measuredFrom = {Long.MAX_VALUE};
    long startup = System.nanoTime();
    AtomicLong processed = new AtomicLong();
    try (Pipeline pipeline = Pipeline.start(config, work.resolve("unused"), true, work.resolve("state"), List.of());
        KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(
            KafkaClients.producer(config, "bench-latency"), Topics.RAW.keySerde().serializer(),
            Topics.RAW.valueSerde().serializer())) {
      String dedupInput = config.get(ProcessorSettings.APPLICATION_ID) + "-"
          + ProcessorTopologyBuilder.DEDUP_REPARTITION + "-repartition";
      Thread committed = new Thread(() -> read(config, true, dedupInput, seen, processed, stop), "bench-reader");
      Thread uncommitted = new Thread(() -> read(config, false, dedupInput, seen, null, stop), "bench-reader-u");
      committed.start();
      uncommitted.start();
      SyntheticArticles gen = new SyntheticArticles(99);
      RelevantLoad relevant = new RelevantLoad(17);
      long every = relevantShare <= 0 ? Long.MAX_VALUE : Math.max(1, Math.round(1 / relevantShare));
      // one article of each language through the whole processor first: start-up (assignment,
      // language models loaded on first use) reported apart
      for (int i = 0; i < SyntheticArticles.LANGUAGES; i++) {
        RawArticle probe = gen.next(Instant.now());
        producer.send(new ProducerRecord<>(Topics.RAW.name(), probe.key(), probe));
      }
      long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
      while (processed.get() < SyntheticArticles.LANGUAGES && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      out.printf("latency: processor (%s thread(s)) and sink started in %.1f s; offering %.0f articles/s "
              + "(one in %s about Morocco and Kazakhstan, each a story of its own), %d s warm-up, %d s measured%n",
          config.get(ProcessorSettings.THREADS), (System.nanoTime() - startup) / 1e9, rate,
          every == Long.MAX_VALUE ? "none" : Long.toString(every), warmup, seconds);
      long total = Math.round(rate * (warmup + seconds));
      Map<String, Long> cpuAtStart = cpuByGroup();
      Map<String, Long> allocAtStart = allocatedByGroup();
      long processedAtStart = processed.get();
      Map<String, SchedulerTimes.Times> schedAtStart = SchedulerTimes.read();
      long warm = Math.round(rate * warmup);
      long behind = 0;
      {
        long t0 = System.nanoTime();
        for (long i = 0; i < total; i++) {
          long due = t0 + (long) (i * 1e9 / rate);
          long wait = due - System.nanoTime();
          if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
          } else if (wait < -100_000_000) {
            behind++;
          }
          if (i == warm) {
            synchronized (measuredFrom) {
              measuredFrom[0] = System.nanoTime();
            }
            cpuAtStart = cpuByGroup();
            allocAtStart = allocatedByGroup();
            processedAtStart = processed.get();
            schedAtStart = SchedulerTimes.read();
          }
          long now = System.currentTimeMillis();
          RawArticle a = i % every == every / 2 ? relevant.next(Instant.ofEpochMilli(now))
              : gen.next(Instant.ofEpochMilli(now));
          String id = Hashing.articleId(a.key());
          if (i >= warm) {
            long[] t = new long[Stage.values().length + 1];
            t[SENT] = System.nanoTime();
            seen.put(id, t);
          }
          producer.send(new ProducerRecord<>(Topics.RAW.name(), null, now, a.key(), a));
        }
        producer.flush();
        double offered = (total - warm) / ((System.nanoTime() - measuredFrom[0]) / 1e9);
        out.printf("offered: %d articles, %.0f articles/s while measuring (%d sent more than 0.1 s late)%n",
            total, offered, behind);
      }
      long measured = total - Math.round(rate * warmup);
      deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (System.nanoTime() < deadline && count(seen, Stage.PROCESSED_VISIBLE) < measured) {
        Thread.sleep(200);
      }
      Thread.sleep(3_000); // the last alerts
      stop.set(true);
      committed.join();
      uncommitted.join();
      Map<String, Long> cpuAtEnd = cpuByGroup();
      Map<String, SchedulerTimes.Times> schedAtEnd = SchedulerTimes.read();
      long wallNanos = System.nanoTime() - measuredFrom[0];
      // per measured article, and per record that reached news.processed in the same time: a run that
      // falls behind works off a backlog, and the second tells its cost per record
      long processedInWindow = Math.max(1, processed.get() - processedAtStart);
      StringBuilder cpu = new StringBuilder(String.format(
          "CPU time from the end of the warm-up, per measured article / per record processed (and share of one "
              + "core over %.0f s):", wallNanos / 1e9));
      long all = 0;
      for (Map.Entry<String, Long> e : cpuAtEnd.entrySet()) {
        long used = e.getValue() - cpuAtStart.getOrDefault(e.getKey(), 0L);
        all += used;
        cpu.append(String.format(" %s %.2f / %.2f ms (%.0f %%);", e.getKey(), used / 1e6 / measured,
            used / 1e6 / processedInWindow, 100.0 * used / wallNanos));
      }
      cpu.append(String.format(" all threads %.2f / %.2f ms (%.0f %%)", all / 1e6 / measured,
          all / 1e6 / processedInWindow, 100.0 * all / wallNanos));
      out.println(cpu);
      Map<String, Long> allocAtEnd = allocatedByGroup();
      StringBuilder alloc = new StringBuilder(String.format("allocated from the end of the warm-up (%d records "
          + "reached news.processed meanwhile), per measured article / per record processed:", processedInWindow));
      for (Map.Entry<String, Long> e : allocAtEnd.entrySet()) {
        if (e.getKey().endsWith("stream threads")) {
          long bytes = e.getValue() - allocAtStart.getOrDefault(e.getKey(), 0L);
          alloc.append(String.format(" %s %.1f / %.1f KB;", e.getKey(), bytes / 1024.0 / measured,
              bytes / 1024.0 / processedInWindow));
        }
      }
      out.println(alloc);
      if (!schedAtEnd.isEmpty()) {
        out.println(SchedulerTimes.describe(schedAtStart, schedAtEnd, wallNanos,
            Runtime.getRuntime().availableProcessors()));
      }
      out.printf("processed: %d records in all (start-up articles and warm-up included)%n", processed.get());
      out.printf("raw -> processed: %s%n", summary(between(seen, SENT, Stage.PROCESSED_VISIBLE.slot()), measured));
      out.printf("raw -> alert:     %s%n", summary(between(seen, SENT, Stage.ALERT_VISIBLE.slot()),
          every == Long.MAX_VALUE ? -1 : (measured + every - 1) / every));
      out.println("stages (each from the one before; written = seen by a read_uncommitted consumer, "
          + "committed = by a read_committed one):");
      int from = SENT;
      for (Stage st : Stage.values()) {
        out.printf("  %-52s %s%n", st.text, summary(between(seen, from, st.slot()), -1));
        from = st.slot();
      }
      slowest(seen, out);
      timeline(seen, out);
    }
  }

  /**
   * CPU time of this process's live threads so far, by part: the processor's stream threads, the
   * sink's, the embedded broker (its threads' names), the rest. GC and compiler threads are not Java
   * threads and are not counted.
   */
  static Map<String, Long> cpuByGroup() {
    java.lang.management.ThreadMXBean tm = java.lang.management.ManagementFactory.getThreadMXBean();
    Map<String, Long> out = new java.util.TreeMap<>();
    for (java.lang.management.ThreadInfo ti : tm.getThreadInfo(tm.getAllThreadIds())) {
      if (ti == null) {
        continue;
      }
      long ns = tm.getThreadCpuTime(ti.getThreadId());
      if (ns < 0) {
        continue;
      }
      out.merge(group(ti.getThreadName()), ns, Long::sum);
    }
    return out;
  }

  /** The part a Java thread belongs to by its name: processor or sink stream threads, broker, other. */
  private static String group(String n) {
    return n.contains("processor") && n.contains("StreamThread") && !n.contains("producer") ? "processor stream threads"
        : n.contains("sink") && n.contains("StreamThread") && !n.contains("producer") ? "sink stream threads"
        : n.startsWith("data-plane") || n.startsWith("kafka-") && !n.startsWith("kafka-producer")
            || n.contains("Txn") || n.startsWith("controller") || n.startsWith("broker") || n.startsWith("quorum")
            || n.startsWith("raft") || n.startsWith("ExpirationReaper") || n.startsWith("LogDirFailure")
            ? "broker" : "other";
  }

  /**
   * Bytes allocated so far by this process's live Java threads, grouped as {@link #cpuByGroup} groups
   * them (the JVM's per-thread counters; empty where the JVM does not count).
   */
  static Map<String, Long> allocatedByGroup() {
    Map<String, Long> out = new java.util.TreeMap<>();
    if (!(java.lang.management.ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean tm)
        || !tm.isThreadAllocatedMemorySupported() || !tm.isThreadAllocatedMemoryEnabled()) {
      return out;
    }
    for (java.lang.management.ThreadInfo ti : tm.getThreadInfo(tm.getAllThreadIds())) {
      if (ti == null) {
        continue;
      }
      long bytes = tm.getThreadAllocatedBytes(ti.getThreadId());
      if (bytes >= 0) {
        out.merge(group(ti.getThreadName()), bytes, Long::sum);
      }
    }
    return out;
  }

  /** The largest raw -> processed time of the articles sent in each second: when stalls happen. */
  private static void timeline(Map<String, long[]> seen, PrintStream out) {
    long first = seen.values().stream().mapToLong(t -> t[SENT]).min().orElse(0);
    java.util.TreeMap<Long, Long> worst = new java.util.TreeMap<>();
    for (long[] t : seen.values()) {
      if (t[Stage.PROCESSED_VISIBLE.slot()] != 0) {
        worst.merge((t[SENT] - first) / 1_000_000_000L, t[Stage.PROCESSED_VISIBLE.slot()] - t[SENT], Math::max);
      }
    }
    StringBuilder sb = new StringBuilder("largest raw -> processed (ms) of the articles sent in each second:");
    worst.forEach((sec, ns) -> sb.append(' ').append(ns / 1_000_000));
    out.println(sb);
  }

  /** Per stage, the mean of the slowest tenth of the articles by raw -> processed: where a stall sits. */
  private static void slowest(Map<String, long[]> seen, PrintStream out) {
    List<long[]> done = new ArrayList<>();
    for (long[] t : seen.values()) {
      if (t[Stage.PROCESSED_VISIBLE.slot()] != 0 && t[Stage.DEDUP_INPUT_WRITTEN.slot()] != 0
          && t[Stage.DEDUP_INPUT_VISIBLE.slot()] != 0 && t[Stage.PROCESSED_WRITTEN.slot()] != 0) {
        done.add(t);
      }
    }
    if (done.isEmpty()) {
      return;
    }
    done.sort(java.util.Comparator.comparingLong(t -> -(t[Stage.PROCESSED_VISIBLE.slot()] - t[SENT])));
    List<long[]> worst = done.subList(0, Math.max(1, done.size() / 10));
    StringBuilder sb = new StringBuilder("slowest tenth (" + worst.size() + " articles), mean ms per stage:");
    int from = SENT;
    for (Stage st : List.of(Stage.DEDUP_INPUT_WRITTEN, Stage.DEDUP_INPUT_VISIBLE, Stage.PROCESSED_WRITTEN,
        Stage.PROCESSED_VISIBLE)) {
      double sum = 0;
      for (long[] t : worst) {
        sum += t[st.slot()] - t[from];
      }
      sb.append(String.format(" %s %.0f;", st.name().toLowerCase(java.util.Locale.ROOT), sum / worst.size() / 1e6));
      from = st.slot();
    }
    out.println(sb);
  }

  private static long count(Map<String, long[]> seen, Stage stage) {
    return seen.values().stream().filter(t -> t[stage.slot()] != 0).count();
  }

  /** The times from moment {@code from} to moment {@code to} of every article seen at both. */
  private static List<Long> between(Map<String, long[]> seen, int from, int to) {
    List<Long> out = new ArrayList<>();
    for (long[] t : seen.values()) {
      if (t[from] != 0 && t[to] != 0) {
        out.add(t[to] - t[from]);
      }
    }
    return out;
  }

  /**
   * Notes when each measured article is first seen on the dedup repartition topic, news.processed and
   * news.alerts (the first alert naming it, revision 1), as a read_committed or read_uncommitted
   * consumer sees them.
   */
  private static void read(NewsmonConfig config, boolean committed, String dedupInput, Map<String, long[]> seen,
      AtomicLong processed, AtomicBoolean stop) {
    java.util.Properties p = KafkaClients.consumer(config, null);
    p.put(org.apache.kafka.clients.consumer.ConsumerConfig.ISOLATION_LEVEL_CONFIG,
        committed ? "read_committed" : "read_uncommitted");
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
        new ByteArrayDeserializer())) {
      List<TopicPartition> parts = new ArrayList<>();
      while (!stop.get() && parts.isEmpty()) {
        // the repartition topic exists once the processor has started: it has, before the load
        parts.addAll(ProcessorBenchmark.partitions(c, dedupInput));
      }
      parts.addAll(ProcessorBenchmark.partitions(c, Topics.PROCESSED.name()));
      parts.addAll(ProcessorBenchmark.partitions(c, Topics.ALERTS.name()));
      c.assign(parts);
      c.seekToBeginning(parts);
      Stage input = committed ? Stage.DEDUP_INPUT_VISIBLE : Stage.DEDUP_INPUT_WRITTEN;
      Stage out = committed ? Stage.PROCESSED_VISIBLE : Stage.PROCESSED_WRITTEN;
      Stage alerted = committed ? Stage.ALERT_VISIBLE : Stage.ALERT_WRITTEN;
      while (!stop.get()) {
        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(20))) {
          long now = System.nanoTime();
          String articleId = null;
          Stage stage;
          if (r.topic().equals(Topics.ALERTS.name())) {
            Alert alert = ALERT.fromBytes(r.value());
            articleId = alert.revision() == 1 ? alert.articleId() : null;
            stage = alerted;
          } else {
            articleId = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
            stage = r.topic().equals(dedupInput) ? input : out;
            if (stage == out && processed != null) {
              processed.incrementAndGet();
            }
          }
          long[] t = articleId == null ? null : seen.get(articleId);
          if (t != null && t[stage.slot()] == 0) {
            t[stage.slot()] = now;
          }
        }
      }
    }
  }

  private static String summary(List<Long> nanos, long expected) {
    if (nanos.isEmpty()) {
      return "no samples";
    }
    long[] v = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    return String.format("%d samples%s, p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms", v.length,
        expected < 0 ? "" : " of " + expected, pct(v, 50), pct(v, 90), pct(v, 99), v[v.length - 1] / 1e6);
  }

  private static double pct(long[] sorted, double p) {
    int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }
}
