package io.newsmon.ingestor.cli;

import io.newsmon.common.cli.ConfigOptions;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.lifecycle.RunUntilStopped;
import io.newsmon.common.ops.OpsEndpoint;
import io.newsmon.common.ops.Readiness;
import io.newsmon.ingestor.IngestorService;
import io.newsmon.ingestor.source.Source;
import io.newsmon.ingestor.source.Sources;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code newsmon ingest}: the ingestor alone against a Kafka cluster, until interrupted. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Run the ingestor alone against a Kafka cluster (--bootstrap-servers): poll the sources of "
        + "ingestor.sources (default: the bundled list) and publish articles to news.raw until stopped.")
public class IngestCommand implements Callable<Integer> {

  @Mixin ConfigOptions config;

  @Override
  public Integer call() throws InterruptedException {
    NewsmonConfig c = config.loadForCluster();
    List<Source> sources = Sources.load(c);
    try (OpsEndpoint http = OpsEndpoint.start(c, "ingestor");
        RunUntilStopped run = RunUntilStopped.install("ingest")) {
      IngestorService service = run.start(c, new IngestorService(c, sources));
      http.readiness("producer", Readiness.connected(service::producerMetrics))
          .readiness("topics", Readiness.topicsPresent(c, service.topics()));
      System.err.println("ingesting " + sources.size() + " sources; Ctrl-C to stop");
      return run.await(null, null);
    }
  }
}
