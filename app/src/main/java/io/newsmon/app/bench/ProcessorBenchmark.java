package io.newsmon.app.bench;

import io.newsmon.app.broker.EmbeddedKafka;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.kafka.KafkaClients;
import io.newsmon.common.kafka.TopicAdmin;
import io.newsmon.common.kafka.Topics;
import io.newsmon.common.record.RawArticle;
import io.newsmon.processor.ProcessorTopology;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Processor throughput against a pass-through topology on the same embedded broker in the same run:
 * both read the same pre-loaded news.raw (multilingual ~3 KB articles) with exactly-once, and the
 * ratio between them is the figure to quote (absolute rates drift on shared machines).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Measure processor throughput against a pass-through Streams topology on an embedded "
        + "broker, in one run, and print the figures with the machine they ran on.")
public final class ProcessorBenchmark implements Callable<Integer> {

  private static final String PASS_OUT = "bench.passthrough";

  @picocli.CommandLine.Mixin io.newsmon.common.cli.ConfigOptions options;

  @Option(names = "--articles", defaultValue = "6000", description = "Articles to push through (default ${DEFAULT-VALUE}).")
  int articles;

  @Option(names = "--threads", defaultValue = "2", description = "Stream threads for both topologies (default ${DEFAULT-VALUE}).")
  int threads;

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    if (options.load().optional("bootstrap.servers") != null) {
      throw new IllegalArgumentException("bench runs on its own embedded broker; drop --bootstrap-servers");
    }
    out.printf("machine: %d cores, %d MB max heap, Java %s, %s %s%n", Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"),
        System.getProperty("os.name"), System.getProperty("os.arch"));
    List<RawArticle> sample = SyntheticArticles.generate(Math.min(articles, 2000), 7);
    io.newsmon.processor.ArticleAnalyzer analyzer = io.newsmon.processor.ArticleAnalyzer.create(options.load());
    for (RawArticle a : sample.subList(0, Math.min(200, sample.size()))) {
      analyzer.analyze(a); // warm-up
    }
    long t0 = System.nanoTime();
    for (RawArticle a : sample) {
      analyzer.analyze(a);
    }
    out.printf("analysis alone (no Kafka, 1 thread): %.0f articles/s%n", sample.size() / ((System.nanoTime() - t0) / 1e9));
    Path work = Files.createTempDirectory("newsmon-bench-");
    try (EmbeddedKafka kafka = EmbeddedKafka.start(work.resolve("kafka"), 0, true)) {
      NewsmonConfig config = options.load().with("bootstrap.servers", kafka.bootstrapServers())
          .with("topics.partitions", "4");
      TopicAdmin.ensure(config, Topics.fixed());
      List<RawArticle> input = SyntheticArticles.generate(articles, 42);
      long bytes = 0;
      Properties pp = KafkaClients.producer(config, "bench-loader");
      try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(pp,
          Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer())) {
        for (RawArticle a : input) {
          bytes += a.text().length();
          producer.send(new ProducerRecord<>(Topics.RAW.name(), a.key(), a));
        }
        producer.flush();
      }
      out.printf("input: %d articles in news.raw (4 partitions), mean text %d chars%n", articles, bytes / articles);

      StreamsBuilder b = new StreamsBuilder();
      b.stream(Topics.RAW.name(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
          .to(PASS_OUT, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
      double[] pass = run("pass-through", b.build(), config, "bench-pass", work.resolve("s1"), PASS_OUT, out);
      double[] proc = run("processor", ProcessorTopology.build(config), config, "bench-processor",
          work.resolve("s2"), Topics.PROCESSED.name(), out);
      out.printf("ratio processor / pass-through: %.2f overall (start-up included), %.2f steady%n",
          proc[1] / pass[1], proc[0] / pass[0]);
    } finally {
      EmbeddedKafka.deleteRecursively(work);
    }
    return 0;
  }

  /** Runs one topology over the whole input; returns {steady rate, overall rate} in records/s. */
  private double[] run(String name, Topology topology, NewsmonConfig config, String appId, Path state,
      String outputTopic, PrintStream out) throws Exception {
    Properties props = KafkaClients.streams(config, appId, threads, state);
    Properties cp = KafkaClients.consumer(config, null);
    long start = System.nanoTime();
    try (KafkaStreams streams = new KafkaStreams(topology, props);
        KafkaConsumer<byte[], byte[]> counter = new KafkaConsumer<>(cp, new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      streams.start();
      long deadline = start + Duration.ofMinutes(15).toNanos();
      long n = 0;
      long first = 0;
      long last = 0;
      boolean assigned = false;
      while (n < articles && System.nanoTime() < deadline) {
        if (!assigned) {
          List<TopicPartition> parts = partitions(counter, outputTopic);
          if (parts.isEmpty()) {
            Thread.sleep(100);
            continue;
          }
          counter.assign(parts);
          counter.seekToBeginning(parts);
          assigned = true;
        }
        int got = counter.poll(Duration.ofMillis(100)).count();
        if (got > 0) {
          last = System.nanoTime();
          if (n == 0) {
            first = last;
          }
          n += got;
        }
      }
      double seconds = (last - start) / 1e9;
      double steady = n > 1 ? (n - 1) / ((last - first) / 1e9) : 0;
      out.printf("%-13s %6d records in %6.1f s (%5.1f s to the first): %8.0f records/s steady, %8.0f overall%n",
          name, n, seconds, (first - start) / 1e9, steady, n / seconds);
      streams.close(Duration.ofSeconds(30));
      return new double[] {steady, n / seconds};
    }
  }

  private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
    try {
      var infos = consumer.partitionsFor(topic, Duration.ofSeconds(2));
      return infos == null ? List.of() : infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
    } catch (org.apache.kafka.common.errors.TimeoutException e) {
      return List.of();
    }
  }
}
