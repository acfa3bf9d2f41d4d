package io.newsmon.app.chaos;

import io.newsmon.app.broker.EmbeddedKafka;
import io.newsmon.common.config.NewsmonConfig;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsmon chaos}: the fault program (a benchmark-style program that prints figures). */
@Command(name = "chaos", mixinStandardHelpOptions = true,
    description = {
        "The fault program: runs the same input (a replayed archive and a local site) once undisturbed on "
            + "the embedded broker, then on a three-node cluster (replication 3, min.insync.replicas=2) with "
            + "the ingestor, two processors and two sinks as separate processes while it kills components and "
            + "the partition leader with kill -9, fails the webhook receiver for a while and makes the site "
            + "answer 500, 429 and slowly. Prints what was lost, doubled or changed, and the time each fault "
            + "took to heal. Exit code 0 when every check passed.",
        "--restart instead measures the kill -9 and restart of the all-in-one 'newsmon run'.",
        "Takes about 6 minutes by default (--quick), about 20 with --full. Wants a few GB of memory."})
public final class ChaosCommand implements Callable<Integer> {

  @Option(names = "--full", description = "The full run: more articles, more kills, longer faults.")
  boolean full;

  @Option(names = "--restart", description = "Measure the kill -9 restart of the all-in-one 'newsmon run'.")
  boolean restart;

  @Option(names = "--articles", paramLabel = "N", description = "Original archive articles (default 1500, "
      + "--full 4000; a copy of every seventh is added).")
  Integer articles;

  @Option(names = "--webhook-outage", paramLabel = "DURATION",
      description = "How long the webhook receiver fails (default 30s, --full 3m).")
  String webhookOutage;

  @Option(names = "--rounds", paramLabel = "N",
      description = "Kills of each component (default 2, --full 3); restarts with --restart (default 3).")
  Integer rounds;

  @Option(names = "--run-set", paramLabel = "KEY=VALUE",
      description = "With --restart: a setting for 'newsmon run' (repeatable), e.g. instance.id=none.")
  Map<String, String> runSettings = new java.util.LinkedHashMap<>();

  @Option(names = "--work", paramLabel = "DIR", description = "Working directory (default: a temporary one, "
      + "removed at the end unless --keep).")
  Path work;

  @Option(names = "--keep", description = "Keep the working directory (logs of every process are in it).")
  boolean keep;

  @Override
  public Integer call() throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Path dir = work != null ? Files.createDirectories(work) : Files.createTempDirectory("newsmon-chaos-");
    out.printf("chaos: working in %s (%s mode)%n", dir, restart ? "restart" : full ? "full" : "quick");
    try {
      if (restart) {
        List<String> extra = new ArrayList<>();
        runSettings.forEach((k, v) -> extra.addAll(List.of("--set", k + "=" + v)));
        return new RestartRun(new RestartRun.Settings(articles != null ? articles : 1500,
            rounds != null ? rounds : 3, extra, dir, out)).run();
      }
      Duration outage = NewsmonConfig.parseDuration(webhookOutage != null ? webhookOutage : full ? "3m" : "30s");
      return new FaultRun(new FaultRun.Settings(articles != null ? articles : full ? 3000 : 600,
          full ? 1500 : 600, rounds != null ? rounds : full ? 3 : 2, outage,
          full ? Duration.ofSeconds(60) : Duration.ofSeconds(20), full ? Duration.ofSeconds(60) : Duration.ofSeconds(20),
          full ? "15/s" : "8/s", dir, out)).run();
    } finally {
      if (!keep && work == null) {
        EmbeddedKafka.deleteRecursively(dir);
      } else {
        out.println("chaos: logs in " + dir);
      }
    }
  }
}
