package io.newsmon.sink.cli;

import io.newsmon.common.cli.ConfigOptions;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.kafka.JsonSerde;
import io.newsmon.common.kafka.KafkaClients;
import io.newsmon.common.kafka.Topic;
import io.newsmon.common.kafka.Topics;
import io.newsmon.common.record.Alert;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newsmon watch}: prints alerts as they arrive. */
@Command(name = "watch", mixinStandardHelpOptions = true,
    description = {
        "Print alerts as they arrive: one readable line each (time, watch, score, language, title, topics, URL; "
            + "'updated (copies: N)' for updates), or the alert JSON with --json.",
        "Reads alerts.<ID> with --watch (news.alerts filtered by watch when that topic does not exist), "
            + "else news.alerts. Stops on Ctrl-C, after --max alerts or after --timeout."})
public final class WatchCommand implements Callable<Integer> {

  @Mixin
  ConfigOptions config;

  @Spec
  CommandSpec spec;

  @Option(names = "--watch", paramLabel = "ID", description = "Only alerts of this watch.")
  String watch;

  @Option(names = "--from-beginning", description = "Print every stored alert first, not only new ones.")
  boolean fromBeginning;

  @Option(names = "--json", description = "Print each alert as one JSON line.")
  boolean json;

  @Option(names = "--max", paramLabel = "N", description = "Stop after N alerts (default: no limit).")
  int max;

  @Option(names = "--timeout", paramLabel = "DURATION",
      description = "Stop after this long, e.g. 30s, 5m (default: no limit).")
  String timeout;

  @Override
  public Integer call() {
    NewsmonConfig c = config.load();
    Duration limit = timeout == null ? null : NewsmonConfig.parseDuration(timeout);
    Topic<String, Alert> topic = watch == null ? Topics.ALERTS : Topics.watchAlerts(watch);
    Properties p = KafkaClients.consumer(c, null);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsmon-watch");
    try (KafkaConsumer<String, Alert> consumer =
             new KafkaConsumer<>(p, new StringDeserializer(), JsonSerde.of(Alert.class).deserializer())) {
      List<PartitionInfo> parts = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30));
      if ((parts == null || parts.isEmpty()) && watch != null) {
        spec.commandLine().getErr().println("watch: no topic " + topic.name() + "; reading "
            + Topics.ALERTS.name() + " for watch " + watch);
        topic = Topics.ALERTS;
        parts = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30));
      }
      if (parts == null || parts.isEmpty()) {
        spec.commandLine().getErr().println("watch: topic " + topic.name()
            + " does not exist yet; start the sink ('newsmon sink' or 'newsmon run') first");
        return 1;
      }
      List<TopicPartition> tps = parts.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
      consumer.assign(tps);
      if (fromBeginning) {
        consumer.seekToBeginning(tps);
      } else {
        consumer.seekToEnd(tps);
      }
      Thread hook = new Thread(consumer::wakeup, "newsmon-watch-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        new AlertWatcher(consumer, new java.io.PrintStream(System.out, true, java.nio.charset.StandardCharsets.UTF_8),
            json, watch).run(max, limit);
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
          // already shutting down
        }
      }
    }
    return 0;
  }
}
