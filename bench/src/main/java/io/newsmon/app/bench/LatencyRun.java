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

  static void run(NewsmonConfig config, Path work, double rate, int warmup, int seconds, PrintStream out)
      throws Exception {
    Map<String, Long> sentAt = new ConcurrentHashMap<>();
    List<Long> toProcessed = new ArrayList<>();
    List<Long> toAlert = new ArrayList<>();
    AtomicBoolean stop = new AtomicBoolean();
    long[] measuredFrom = {Long.MAX_VALUE};
    long startup = System.nanoTime();
    AtomicLong processed = new AtomicLong();
    try (Pipeline pipeline = Pipeline.start(config, work.resolve("unused"), true, work.resolve("state"), List.of());
        KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(
            KafkaClients.producer(config, "bench-latency"), Topics.RAW.keySerde().serializer(),
            Topics.RAW.valueSerde().serializer())) {
      Thread reader = new Thread(() -> read(config, sentAt, toProcessed, toAlert, measuredFrom, processed, stop),
          "bench-reader");
      reader.start();
      SyntheticArticles gen = new SyntheticArticles(99);
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
      out.printf("latency: processor (%s thread(s)) and sink started in %.1f s; offering %.0f articles/s, "
              + "%d s warm-up, %d s measured%n", config.get(ProcessorSettings.THREADS),
          (System.nanoTime() - startup) / 1e9, rate, warmup, seconds);
      long total = Math.round(rate * (warmup + seconds));
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
          }
          long now = System.currentTimeMillis();
          RawArticle a = gen.next(Instant.ofEpochMilli(now));
          String id = Hashing.articleId(a.key());
          sentAt.put(id, System.nanoTime());
          producer.send(new ProducerRecord<>(Topics.RAW.name(), null, now, a.key(), a));
        }
        producer.flush();
        double offered = (total - warm) / ((System.nanoTime() - measuredFrom[0]) / 1e9);
        out.printf("offered: %d articles, %.0f articles/s while measuring (%d sent more than 0.1 s late)%n",
            total, offered, behind);
      }
      long measured = total - Math.round(rate * warmup);
      deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (System.nanoTime() < deadline) {
        synchronized (toProcessed) {
          if (toProcessed.size() >= measured) {
            break;
          }
        }
        Thread.sleep(200);
      }
      Thread.sleep(3_000); // the last alerts
      stop.set(true);
      reader.join();
      synchronized (toProcessed) {
        out.printf("processed: %d records in all (start-up articles and warm-up included)%n", processed.get());
        out.printf("raw -> processed: %s%n", summary(toProcessed, measured));
        out.printf("raw -> alert:     %s%n", summary(toAlert, -1));
      }
    }
  }

  private static void read(NewsmonConfig config, Map<String, Long> sentAt, List<Long> toProcessed,
      List<Long> toAlert, long[] measuredFrom, AtomicLong processed, AtomicBoolean stop) {
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(KafkaClients.consumer(config, null),
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts = new ArrayList<>();
      parts.addAll(ProcessorBenchmark.partitions(c, Topics.PROCESSED.name()));
      parts.addAll(ProcessorBenchmark.partitions(c, Topics.ALERTS.name()));
      c.assign(parts);
      c.seekToBeginning(parts);
      while (!stop.get()) {
        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(20))) {
          long now = System.nanoTime();
          String articleId;
          List<Long> into;
          if (r.topic().equals(Topics.PROCESSED.name())) {
            articleId = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
            into = toProcessed;
            processed.incrementAndGet();
          } else {
            Alert alert = ALERT.fromBytes(r.value());
            articleId = alert.revision() == 1 ? alert.articleId() : null;
            into = toAlert;
          }
          Long sent = articleId == null ? null : sentAt.get(articleId);
          if (sent != null) {
            synchronized (measuredFrom) {
              if (sent < measuredFrom[0]) {
                continue;
              }
            }
            synchronized (toProcessed) {
              into.add(now - sent);
            }
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
