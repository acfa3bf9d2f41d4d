package io.newsmon.ingestor.cli;

import io.newsmon.common.ops.OpsEndpoint;
import io.newsmon.common.ops.Readiness;
import io.newsmon.common.kafka.Topic;
import io.newsmon.common.cli.ConfigOptions;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.kafka.TopicAdmin;
import io.newsmon.common.kafka.Topics;
import io.newsmon.ingestor.IngestorService;
import io.newsmon.ingestor.source.Source;
import io.newsmon.ingestor.source.Sources;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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
    NewsmonConfig c = config.load();
    List<Source> sources = Sources.load(c);
    List<Topic<?, ?>> topics = List.of(Topics.RAW, Topics.DEADLETTER, Topics.INGEST_STATE);
    TopicAdmin.ensure(c, topics);
    CountDownLatch stop = new CountDownLatch(1);
    try (OpsEndpoint http = OpsEndpoint.start(c, "ingestor");
        IngestorService service = new IngestorService(c, sources)) {
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
      service.start();
      http.readiness("producer", Readiness.connected(service::producerMetrics))
          .readiness("topics", Readiness.topicsPresent(c, topics));
      System.err.println("ingesting " + sources.size() + " sources; Ctrl-C to stop");
      stop.await();
    }
    return 0;
  }
}
