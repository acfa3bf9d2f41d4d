package io.newsmon.sink.cli;

import io.newsmon.common.ops.OpsEndpoint;
import io.newsmon.common.ops.Readiness;
import io.newsmon.common.cli.ConfigOptions;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.lifecycle.RunUntilStopped;
import io.newsmon.sink.SinkService;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsmon sink}: the sink alone against a Kafka cluster. */
@Command(name = "sink", mixinStandardHelpOptions = true,
    description = {
        "Run the sink alone against a Kafka cluster until Ctrl-C: news.processed in; news.enriched, "
            + "news.alerts and alerts.<watch> out; plus the webhook (sink.webhook.url) and daily alert "
            + "files (sink.files.dir) when configured.",
        "Needs --bootstrap-servers (or NEWSMON_BOOTSTRAP_SERVERS). Exit code 1 when the Streams "
            + "application stops on an error."})
public final class SinkCommand implements Callable<Integer> {

  @Mixin
  ConfigOptions config;

  @Option(names = "--state-dir", paramLabel = "DIR",
      description = "Streams state directory (default: <state.dir>/sink).")
  Path stateDir;

  @Override
  public Integer call() throws InterruptedException {
    NewsmonConfig c = config.loadForCluster();
    try (OpsEndpoint http = OpsEndpoint.start(c, "sink");
        RunUntilStopped run = RunUntilStopped.install("sink")) {
      SinkService service = new SinkService(c, stateDir);
      http.readiness("streams", Readiness.streamsRunning(service::streams))
          .readiness("topics", Readiness.topicsPresent(c, service.topics()));
      run.start(c, service);
      return run.await(null, null);
    }
  }
}
