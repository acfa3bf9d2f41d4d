package io.newsmon.app.cli;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.newsmon.app.Pipeline;
import io.newsmon.app.demo.SyntheticArticles;
import io.newsmon.app.broker.KafkaCluster;
import io.newsmon.app.demo.DemoArchive;
import io.newsmon.common.cli.ConfigOptions;
import io.newsmon.common.config.KafkaSettings;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.lifecycle.RunUntilStopped;
import io.newsmon.common.kafka.KafkaClients;
import io.newsmon.common.kafka.Topics;
import io.newsmon.common.ops.NewsmonMetrics;
import io.newsmon.common.ops.OpsEndpoint;
import io.newsmon.common.record.RawArticle;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code newsmon cluster}: a local Kafka cluster of three KRaft nodes, each in its own JVM, the
 * topology of docker-compose (replication factor 3, {@code min.insync.replicas=2}); optionally the
 * pipeline on it with a measured load, and a broker killed half-way.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
    description = {
        "Start a local Kafka cluster of --nodes KRaft nodes (broker and controller each), every one in "
            + "its own JVM on 127.0.0.1, with replication factor 3 and min.insync.replicas=2, as in "
            + "docker-compose. Prints the bootstrap servers and runs until Ctrl-C.",
        "With --run-pipeline: also runs processor, sink and the alerts page on it (topics with "
            + "replication factor 3), publishes the sample archive and --articles synthetic articles, "
            + "optionally kills one broker half-way (--kill-node), and prints the figures."})
public final class ClusterCommand implements Callable<Integer> {

  @Mixin ConfigOptions options;

  @Option(names = "--dir", paramLabel = "DIR", description = "Data directory of the cluster (default: <data.dir>/cluster). "
      + "An existing cluster there is restarted on its data.")
  Path dir;

  @Option(names = "--nodes", defaultValue = "3", description = "Nodes (default ${DEFAULT-VALUE}).")
  int nodes;

  @Option(names = "--node-java-options", defaultValue = "-Xms128m -Xmx512m -XX:+UseSerialGC",
      description = "JVM options of each node (default: ${DEFAULT-VALUE}).")
  String nodeJavaOptions;

  @Option(names = "--run-pipeline", description = "Run the pipeline on the cluster with a measured load, then stop.")
  boolean runPipeline;

  @Option(names = "--articles", defaultValue = "600",
      description = "With --run-pipeline: synthetic articles to publish besides the sample archive (default ${DEFAULT-VALUE}).")
  int articles;

  @Option(names = "--kill-node", paramLabel = "ID",
      description = "With --run-pipeline: kill this node (SIGKILL) once half the articles are published.")
  Integer killNode;

  @Option(names = "--stay", description = "With --run-pipeline: keep running after the figures, until Ctrl-C.")
  boolean stay;

  @Override
  public Integer call() throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    NewsmonConfig config = options.load();
    Path where = dir != null ? dir : Path.of(config.get(KafkaSettings.DATA_DIR)).resolve("cluster");
    long t0 = System.nanoTime();
    out.printf("newsmon cluster: starting %d KRaft nodes in %s...%n", nodes, where);
    try (KafkaCluster cluster = KafkaCluster.start(where, nodes, nodeJavaOptions, Duration.ofMinutes(3))) {
      out.printf("newsmon cluster: %d nodes ready in %.1f s; bootstrap servers %s%n", nodes, secs(t0),
          cluster.bootstrapServers());
      for (int i = 1; i <= nodes; i++) {
        out.printf("  node %d: pid %d, data and broker.log in %s%n", i, cluster.pid(i), cluster.nodeDir(i));
      }
      if (!runPipeline) {
        awaitCtrlC(out);
        return 0;
      }
      return runPipeline(out, cluster, config.with("bootstrap.servers", cluster.bootstrapServers())
          .with("topics.replication-factor", Integer.toString(Math.min(3, nodes))), where);
    }
  }

  private int runPipeline(PrintStream out, KafkaCluster cluster, NewsmonConfig config, Path where) throws Exception {
    long t0 = System.nanoTime();
    try (OpsEndpoint http = OpsEndpoint.start(config, "cluster");
        Pipeline pipeline = Pipeline.start(config, where, false, where.resolve("state"), List.of(), http)) {
      out.printf("newsmon cluster: pipeline started in %.1f s%s%n", secs(t0),
          http.enabled() ? "; alerts page " + http.url() : "");
      describe(out, config);
      double analysedBefore = counted("newsmon.articles.analysed");
      long t1 = System.nanoTime();
      long published = DemoArchive.replay(config);
      List<RawArticle> load = SyntheticArticles.generate(articles, 42);
      try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(
          KafkaClients.producer(config, "newsmon-cluster-load"), Topics.RAW.keySerde().serializer(),
          Topics.RAW.valueSerde().serializer())) {
        for (int i = 0; i < load.size(); i++) {
          if (killNode != null && i == load.size() / 2) {
            producer.flush();
            long k = System.nanoTime();
            cluster.kill(killNode);
            out.printf("newsmon cluster: killed node %d (SIGKILL) after %d articles, in %.1f s; %d of %d nodes "
                + "left%n", killNode, published, secs(k), nodes - 1, nodes);
          }
          RawArticle a = load.get(i);
          producer.send(new ProducerRecord<>(Topics.RAW.name(), a.key(), a));
          published++;
        }
        producer.flush();
      }
      double publishSecs = secs(t1);
      out.printf(Locale.ROOT, "newsmon cluster: published %d articles (acks=all) in %.1f s, %.0f/s%n", published,
          publishSecs, published / publishSecs);
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
      while (counted("newsmon.articles.analysed") - analysedBefore < published && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      double analysed = counted("newsmon.articles.analysed") - analysedBefore;
      double e2e = secs(t1);
      while (lag("sink") > 0 && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      out.printf(Locale.ROOT, "newsmon cluster: analysed %.0f of %d articles %.1f s after the first was published "
              + "(%.0f/s end to end); duplicates %.0f, stories %.0f, alerts raised %.0f, dead letters %.0f%n",
          analysed, published, e2e, analysed / e2e, counted("newsmon.duplicates"), counted("newsmon.stories"),
          counted("newsmon.alerts.raised"), counted("newsmon.deadletters"));
      describe(out, config);
      boolean complete = analysed >= published;
      if (stay) {
        awaitCtrlC(out);
      }
      return complete ? 0 : 1;
    }
  }

  private static void describe(PrintStream out, NewsmonConfig config) throws Exception {
    try (Admin admin = Admin.create(KafkaClients.base(config))) {
      TopicDescription d = admin.describeTopics(List.of(Topics.RAW.name())).allTopicNames().get(30, TimeUnit.SECONDS)
          .get(Topics.RAW.name());
      int replicas = d.partitions().get(0).replicas().size();
      int minIsr = d.partitions().stream().mapToInt(p -> p.isr().size()).min().orElse(0);
      ConfigResource broker = new ConfigResource(ConfigResource.Type.TOPIC, Topics.RAW.name());
      String minInsync = admin.describeConfigs(List.of(broker)).all().get(30, TimeUnit.SECONDS).get(broker)
          .get("min.insync.replicas").value();
      out.printf("newsmon cluster: %s has %d partitions, %d replicas each, smallest in-sync set %d, "
          + "min.insync.replicas=%s%n", Topics.RAW.name(), d.partitions().size(), replicas, minIsr, minInsync);
    }
  }

  private static double counted(String name) {
    return NewsmonMetrics.registry().find(name).counters().stream().mapToDouble(Counter::count).sum();
  }

  private static double lag(String component) {
    return NewsmonMetrics.registry().find("newsmon.consumer.lag").tags("component", component).gauges()
        .stream().mapToDouble(Gauge::value).sum();
  }

  private static double secs(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static void awaitCtrlC(PrintStream out) throws InterruptedException {
    try (RunUntilStopped run = RunUntilStopped.install("cluster")) {
      out.println("newsmon cluster: running; Ctrl-C stops it.");
      run.await(null, null);
    }
  }
}
