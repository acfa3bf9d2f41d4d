package io.newsmon.app.cli;

import io.newsmon.app.Pipeline;
import io.newsmon.app.broker.EmbeddedKafka;
import io.newsmon.app.demo.DemoArchive;
import io.newsmon.app.demo.DemoSite;
import io.newsmon.common.cli.ConfigOptions;
import io.newsmon.common.config.DemoSettings;
import io.newsmon.common.config.KafkaSettings;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.lifecycle.RunUntilStopped;
import io.newsmon.common.ops.OpsEndpoint;
import io.newsmon.common.record.Alert;
import io.newsmon.sink.AlertPrinter;
import io.newsmon.sink.cli.AlertWatcher;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The whole pipeline on an embedded broker and a bundled sample site, printing alerts. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {
        "Run the whole pipeline on this machine, without internet: an embedded Kafka broker, a sample "
            + "news site on 127.0.0.1 (a feed and its article pages), and a replay of a bundled sample "
            + "archive in six languages. Prints every alert as it is raised; Ctrl-C stops it.",
        "Everything lives in a temporary directory removed at exit."})
public final class DemoCommand implements Callable<Integer> {

  @Mixin ConfigOptions options;

  @Option(names = "--broker-logs",
      description = "Show the embedded broker's warnings and errors on the terminal (setting "
          + "embedded.broker-logs=console) instead of in broker.log in its data directory.")
  boolean brokerLogs;

  @Option(names = "--exit-after-alerts", paramLabel = "N",
      description = "Exit (status 0) once N distinct alerts were printed.")
  Integer exitAfterAlerts;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "3m",
      description = "With --exit-after-alerts: give up (status 1) after this long. Default: ${DEFAULT-VALUE}.")
  String timeout;

  @Override
  public Integer call() throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    NewsmonConfig config = options.load().with(brokerLogs ? java.util.Map.of("embedded.broker-logs", "console") : java.util.Map.of())
        .with("ingestor.allow-hosts", "127.0.0.1")
        .with("ingestor.host-delay", "0s")
        .with("ingestor.poll-interval", "20s");
    Duration limit = NewsmonConfig.parseDuration(timeout);
    Path work = Files.createTempDirectory("newsmon-demo-");
    long started = System.nanoTime();
    out.println("newsmon demo: starting an embedded Kafka broker, the processor and the sink...");
    try (OpsEndpoint http = OpsEndpoint.start(config, "demo");
        DemoSite site = DemoSite.start(config.get(DemoSettings.HTTP_PORT));
        RunUntilStopped run = RunUntilStopped.install("demo")) {
      run.afterClose(() -> EmbeddedKafka.deleteRecursively(work)); // before a Ctrl-C lets the JVM exit
      Pipeline pipeline = run.adopt(Pipeline.start(config, work.resolve("kafka"), true, work.resolve("state"),
          DemoArchive.sources(site), http));
      out.printf("newsmon demo: broker %s, sample site %s (feed %s)%n",
          pipeline.config().get(KafkaSettings.BOOTSTRAP_SERVERS), site.baseUrl(), site.feedUrl());
      if (http.enabled()) {
        out.printf("newsmon demo: live alerts page %s (metrics %smetrics, health %shealth/ready)%n",
            http.url(), http.url(), http.url());
      }
      long replayed = DemoArchive.replay(pipeline.config());
      out.printf("newsmon demo: replayed %d archived articles into news.raw; the ingestor is polling the "
          + "sample feed. Alerts:%n%n", replayed);
      Set<String> seen = new HashSet<>();
      AlertWatcher.follow(pipeline.config(), true,
          () -> run.running() && !(exitAfterAlerts != null && seen.size() >= exitAfterAlerts)
              && !(exitAfterAlerts != null && System.nanoTime() - started > limit.toNanos()),
          (Alert alert) -> {
            seen.add(alert.alertId());
            out.println(AlertPrinter.format(alert));
          });
      if (run.exitCode() != RunUntilStopped.OK) {
        return run.exitCode();
      }
      if (exitAfterAlerts != null && seen.size() < exitAfterAlerts) {
        System.err.printf("newsmon demo: only %d of %d alerts after %s%n", seen.size(), exitAfterAlerts, limit);
        return 1;
      }
      out.printf("%nnewsmon demo: %d alert%s; stopping.%n", seen.size(), seen.size() == 1 ? "" : "s");
      return 0;
    } finally {
      EmbeddedKafka.deleteRecursively(work);
    }
  }
}
