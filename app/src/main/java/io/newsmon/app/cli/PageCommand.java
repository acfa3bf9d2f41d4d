package io.newsmon.app.cli;

import io.newsmon.app.web.AlertBoard;
import io.newsmon.app.web.AlertPage;
import io.newsmon.common.cli.ConfigOptions;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.lifecycle.RunUntilStopped;
import io.newsmon.common.kafka.Topics;
import io.newsmon.common.ops.OpsEndpoint;
import io.newsmon.common.ops.Readiness;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code newsmon page}: the live alerts page alone against a Kafka cluster. */
@Command(name = "page", mixinStandardHelpOptions = true,
    description = {
        "Serve the live alerts page (and /metrics, /health/*) on http.port against a Kafka cluster "
            + "(--bootstrap-servers), from news.alerts, news.enriched and news.deadletter, until Ctrl-C.",
        "'run' and 'demo' serve the same page themselves."})
public final class PageCommand implements Callable<Integer> {

  @Mixin ConfigOptions options;

  @Override
  public Integer call() throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    NewsmonConfig config = options.loadForCluster();
    try (OpsEndpoint http = OpsEndpoint.start(config, "page");
        AlertBoard board = new AlertBoard(config);
        RunUntilStopped run = RunUntilStopped.install("page")) {
      if (!http.enabled()) {
        throw new IllegalArgumentException("the page needs an HTTP port: http.port is -1");
      }
      http.readiness("topics", Readiness.topicsPresent(config, List.of(Topics.ALERTS, Topics.ENRICHED,
              Topics.DEADLETTER)))
          .readiness("page", () -> board.caughtUp() ? null : "reading the topics back");
      AlertPage.serve(http, board.start());
      out.printf("newsmon page: live alerts page %s%n", http.url());
      return run.await(null, null);
    }
  }
}
