package io.newsmon.sink.cli;

import io.newsmon.common.cli.ConfigOptions;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.kafka.Topic;
import io.newsmon.common.kafka.Topics;
import io.newsmon.common.lifecycle.RunUntilStopped;
import io.newsmon.common.record.Alert;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newsmon watch}: prints alerts as they arrive. */
@Command(name = "watch", mixinStandardHelpOptions = true,
    description = {
        "Print alerts as they arrive: one readable line each (time, watch, score, language, title, topics, URL; "
            + "'updated (copies: N)' for updates, with the story's other reports when there are any), "
            + "or the alert JSON with --json.",
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
    NewsmonConfig c = config.loadForCluster();
    Duration limit = timeout == null ? null : NewsmonConfig.parseDuration(timeout);
    Topic<String, Alert> topic = watch == null ? Topics.ALERTS : Topics.watchAlerts(watch);
    try (RunUntilStopped run = RunUntilStopped.install("watch");
        KafkaConsumer<String, Alert> consumer = AlertWatcher.consumer(c, "newsmon-watch")) {
      boolean found = AlertWatcher.assign(consumer, topic, fromBeginning);
      if (!found && watch != null) {
        spec.commandLine().getErr().println("watch: no topic " + topic.name() + "; reading "
            + Topics.ALERTS.name() + " for watch " + watch);
        topic = Topics.ALERTS;
        found = AlertWatcher.assign(consumer, topic, fromBeginning);
      }
      if (!found) {
        spec.commandLine().getErr().println("watch: topic " + topic.name()
            + " does not exist yet; start the sink ('newsmon sink' or 'newsmon run') first");
        return 1;
      }
      new AlertWatcher(consumer, new PrintStream(System.out, true, StandardCharsets.UTF_8), json, watch)
          .run(max, limit, run.keepGoing());
    }
    return 0;
  }
}
