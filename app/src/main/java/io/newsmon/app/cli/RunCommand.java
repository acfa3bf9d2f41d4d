package io.newsmon.app.cli;

import io.newsmon.app.Pipeline;
import io.newsmon.common.cli.ConfigOptions;
import io.newsmon.common.config.KafkaSettings;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.lifecycle.RunUntilStopped;
import io.newsmon.common.ops.OpsEndpoint;
import io.newsmon.ingestor.source.Source;
import io.newsmon.ingestor.source.Sources;
import io.newsmon.sink.AlertPrinter;
import io.newsmon.sink.cli.AlertWatcher;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The whole pipeline in one process on the configured sources, until Ctrl-C. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {
        "Run ingestor, processor and sink in one process on the configured sources "
            + "(ingestor.sources; default: the bundled list), against --bootstrap-servers, or an "
            + "embedded Kafka broker whose data is kept in data.dir (default ./data) when none is given.",
        "Prints alerts as they are raised; Ctrl-C stops it cleanly, and a restart carries on."})
public final class RunCommand implements Callable<Integer> {

  @Mixin ConfigOptions options;

  @Option(names = "--broker-logs",
      description = "Show the embedded broker's warnings and errors on the terminal (setting "
          + "embedded.broker-logs=console) instead of in broker.log in its data directory.")
  boolean brokerLogs;

  @Option(names = "--quiet", description = "Do not print alerts (they still go to the alert topics).")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    NewsmonConfig config = options.load().with(brokerLogs ? java.util.Map.of("embedded.broker-logs", "console") : java.util.Map.of());
    List<Source> sources = Sources.load(config);
    Path dataDir = Path.of(config.get(KafkaSettings.DATA_DIR));
    try (OpsEndpoint http = OpsEndpoint.start(config, "run");
        RunUntilStopped run = RunUntilStopped.install("run")) {
      Pipeline pipeline = run.adopt(Pipeline.start(config, dataDir.resolve("kafka"), false,
          Path.of(config.get(KafkaSettings.STATE_DIR)), sources, http));
      out.printf("newsmon run: %d sources, Kafka at %s. Ctrl-C stops.%n", sources.size(),
          pipeline.config().get(KafkaSettings.BOOTSTRAP_SERVERS));
      if (http.enabled()) {
        out.printf("newsmon run: alerts page %s  metrics %smetrics%n", http.url(), http.url());
      }
      if (quiet) {
        return run.await(null, null);
      }
      AlertWatcher.follow(pipeline.config(), false, run.keepGoing(), a -> out.println(AlertPrinter.format(a)));
      return run.exitCode();
    }
  }
}
