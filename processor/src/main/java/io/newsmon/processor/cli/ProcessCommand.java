package io.newsmon.processor.cli;

import io.newsmon.common.config.KafkaSettings;
import io.newsmon.common.config.ProcessorSettings;
import io.newsmon.common.ops.OpsEndpoint;
import io.newsmon.common.ops.Readiness;
import io.newsmon.common.cli.ConfigOptions;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.lifecycle.RunUntilStopped;
import io.newsmon.processor.ProcessorService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsmon process}: the processor alone against a Kafka cluster, until Ctrl-C. */
@Command(name = "process", mixinStandardHelpOptions = true,
    description = "Run the processor alone against a Kafka cluster: read news.raw, detect language, "
        + "deduplicate, tag relations and write news.processed (failures to news.deadletter). "
        + "Creates missing topics. Runs until Ctrl-C.")
public final class ProcessCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(ProcessCommand.class);

  @Mixin
  ConfigOptions config;

  @Option(names = "--state-dir", paramLabel = "DIR",
      description = "Directory of the processor's state stores (default: <state.dir>/processor).")
  Path stateDir;

  @Option(names = "--progress-interval", paramLabel = "SECONDS", defaultValue = "30",
      description = "Seconds between progress lines in the log (default ${DEFAULT-VALUE}).")
  int progressSeconds;

  @Override
  public Integer call() throws Exception {
    NewsmonConfig cfg = config.loadForCluster();
    try (OpsEndpoint http = OpsEndpoint.start(cfg, "processor");
        RunUntilStopped run = RunUntilStopped.install("process")) {
      ProcessorService service = new ProcessorService(cfg, stateDir);
      http.readiness("streams", Readiness.streamsRunning(service::streams))
          .readiness("topics", Readiness.topicsPresent(cfg, service.topics()));
      run.start(cfg, service);
      LOG.info("processor running against {} (application id {}); Ctrl-C to stop",
          cfg.get(KafkaSettings.BOOTSTRAP_SERVERS), cfg.get(ProcessorSettings.APPLICATION_ID));
      int status = run.await(Duration.ofSeconds(Math.max(1, progressSeconds)), () -> {
        KafkaStreams s = service.streams();
        if (s != null) {
          LOG.info("processor {}: {} records processed", s.state(), processed(s.metrics()));
        }
      });
      LOG.info("processor stopping");
      return status;
    }
  }

  private static long processed(Map<MetricName, ? extends Metric> metrics) {
    double total = 0;
    for (Map.Entry<MetricName, ? extends Metric> e : metrics.entrySet()) {
      MetricName n = e.getKey();
      if (n.name().equals("process-total") && n.group().equals("stream-thread-metrics")
          && e.getValue().metricValue() instanceof Number v) {
        total += v.doubleValue();
      }
    }
    return (long) total;
  }
}
