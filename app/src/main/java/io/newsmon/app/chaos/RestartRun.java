package io.newsmon.app.chaos;

import io.newsmon.app.Main;
import io.newsmon.app.broker.EmbeddedKafka;
import io.newsmon.app.broker.JavaProcess;
import io.newsmon.common.config.KafkaSettings;
import io.newsmon.common.kafka.Topics;
import io.newsmon.common.record.ProcessedArticle;
import io.newsmon.common.record.RawArticle;
import io.newsmon.common.util.Hashing;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * {@code kill -9} of the all-in-one {@code newsmon run} (embedded broker with its data in a data
 * directory, processor, sink and ingestor in one process) in the middle of ingesting an archive and a
 * site, then a restart on the same directory, several times; measures how long after each restart
 * the processor, the sink and the ingestor produce again, and checks at the end that every article
 * was processed and enriched exactly once.
 */
final class RestartRun {

  /** Settings of the measurement; {@code extra} are added to {@code run}'s command line. */
  record Settings(int archiveArticles, int rounds, List<String> extra, Path work, PrintStream out) {}

  private final Settings s;
  private final PrintStream out;

  RestartRun(Settings s) {
    this.s = s;
    this.out = s.out();
  }

  int run() throws Exception {
    Path archive = s.work().resolve("archive.jsonl");
    ChaosInputs inputs = ChaosInputs.generate(s.archiveArticles(), 1500, 0,
        io.newsmon.common.config.NewsmonConfig.defaults().get(KafkaSettings.TOPICS_PARTITIONS));
    inputs.writeArchive(archive);
    Set<String> archiveIds = inputs.archiveIds;
    int port = freePort();
    String bs = "127.0.0.1:" + port;
    List<RawArticle> siteArticles = inputs.site;
    try (ChaosSite site = ChaosSite.start(siteArticles)) {
      Set<String> siteIds = new HashSet<>();
      for (int i = 0; i < site.size(); i++) {
        siteIds.add(ChaosInputs.siteId(site.articleUrl(i)));
      }
      Path sources = s.work().resolve("sources.yaml");
      Files.writeString(sources, "sources:\n  - id: local-desk\n    kind: feed\n    url: " + site.feedUrl()
          + "\n    interval: 10s\n");
      Path data = s.work().resolve("data");
      List<String> args = new ArrayList<>(List.of("run", "--quiet", "--set", "data.dir=" + data,
          "--set", "state.dir=" + data.resolve("state"), "--set", "embedded.port=" + port,
          "--set", "ingestor.sources=" + sources, "--set", "ingestor.allow-hosts=127.0.0.1",
          "--set", "ingestor.host-delay=0s", "--set", "http.port=0"));
      args.addAll(s.extra());
      // Streams' state changes and changelog restoration in the process output, for the phases
      JavaProcess run = new JavaProcess("run", List.of("-Xmx1g", "-XX:+UseSerialGC",
          "-Dnewsmon.log.org.apache.kafka.streams.KafkaStreams=INFO",
          "-Dnewsmon.log.org.apache.kafka.streams.processor.internals.StoreChangelogReader=INFO"),
          Main.class.getName(), args, s.work().resolve("logs"));
      Path brokerLog = data.resolve("kafka").resolve(EmbeddedKafka.LOG_FILE);
      run.start();
      awaitPort(port, Duration.ofMinutes(2));
      java.util.concurrent.ScheduledExecutorService releaser =
          java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
      releaser.scheduleAtFixedRate(site::releaseNext, 0, 500, java.util.concurrent.TimeUnit.MILLISECONDS);
      JavaProcess replay = new JavaProcess("replay", List.of("-Xmx512m"), Main.class.getName(),
          List.of("replay", "--bootstrap-servers", bs, "--quiet", "--rate", "100/s", archive.toString()),
          s.work().resolve("logs")).start();
      List<double[]> figures = new ArrayList<>();
      try (TopicTail<RawArticle> raw = new TopicTail<>(bs, Topics.RAW.name(), Topics.RAW.valueSerde().deserializer(),
              r -> Hashing.articleId(r.key()));
          TopicTail<ProcessedArticle> processed = new TopicTail<>(bs, Topics.PROCESSED.name(),
              Topics.PROCESSED.valueSerde().deserializer(), ProcessedArticle::id);
          TopicTail<ProcessedArticle> enriched = new TopicTail<>(bs, Topics.ENRICHED.name(),
              Topics.ENRICHED.valueSerde().deserializer(), ProcessedArticle::id)) {
        for (int round = 1; round <= s.rounds(); round++) {
          int target = processed.count() + Math.max(100, s.archiveArticles() / (3 * s.rounds()));
          await(Duration.ofMinutes(5), () -> processed.count() >= target);
          // what the topics held when it died: records past these are work done after the restart
          var p0 = TopicTail.logEnds(bs, Topics.PROCESSED.name());
          var e0 = TopicTail.logEnds(bs, Topics.ENRICHED.name());
          var r0 = TopicTail.logEnds(bs, Topics.RAW.name());
          long brokerMark = RestartPhases.mark(brokerLog);
          long runMark = RestartPhases.mark(run.log());
          run.kill();
          long restart = System.nanoTime();
          LocalTime killed = LocalTime.now();
          run.start();
          double brokerUp = awaitPort(port, Duration.ofMinutes(5)) ? seconds(restart) : -1;
          // what the dying process committed between the first look and the kill is not resumption:
          // the restarted components write nothing before the broker answers and they have started
          Map<Integer, Long> p1 = logEndsOnceUp(bs, Topics.PROCESSED.name(), p0);
          Map<Integer, Long> e1 = logEndsOnceUp(bs, Topics.ENRICHED.name(), e0);
          Map<Integer, Long> r1 = logEndsOnceUp(bs, Topics.RAW.name(), r0);
          double proc = await(Duration.ofMinutes(5), () -> processed.beyond(p1)) ? seconds(restart) : -1;
          double enr = await(Duration.ofMinutes(5), () -> enriched.beyond(e1)) ? seconds(restart) : -1;
          // the ingestor publishes again: a site article past what news.raw held when the broker came
          // back (the site releases two a second, so one is always waiting; the replay writes the rest)
          double ing = await(Duration.ofMinutes(5), () -> raw.beyond(r1, siteIds::contains)) ? seconds(restart) : -1;
          figures.add(new double[] {brokerUp, proc, enr, ing});
          out.printf("restart %d: broker answering after %.1f s; processing again after %.1f s; sink after %.1f s;"
              + " ingestor after %.1f s (load average %s)%n", round, brokerUp, proc, enr, ing, loadAverage());
          double slowest = Math.max(proc, Math.max(enr, ing));
          for (RestartPhases.Phase ph : RestartPhases.read(brokerLog, brokerMark, run.log(), runMark, killed,
              slowest + 5)) {
            out.printf("  %5.1f s  %s%s%n", ph.seconds(), ph.name(), ph.detail().isEmpty() ? "" : " (" + ph.detail() + ")");
          }
        }
        Set<String> expected = new HashSet<>(archiveIds);
        await(Duration.ofMinutes(10), () -> expected.stream().allMatch(processed::seen));
      } finally {
        releaser.shutdownNow();
        replay.stop(5);
      }
      TopicAudit audit = TopicAudit.read(bs);
      run.stop(60);
      long lost = archiveIds.stream().filter(id -> !audit.processed.containsKey(id)).count();
      long extra = audit.processed.entrySet().stream()
          .filter(e -> e.getValue() > audit.raw.getOrDefault(e.getKey(), 0)).count();
      long dup = audit.enriched.values().stream().filter(n -> n > 1).count();
      double worst = figures.stream().mapToDouble(f -> Math.max(f[1], Math.max(f[2], f[3]))).max().orElse(-1);
      boolean failed = figures.stream().anyMatch(f -> f[1] < 0 || f[2] < 0 || f[3] < 0);
      out.println();
      out.println("== all-in-one restart figures ==");
      out.printf("load average at the end: %s%n", loadAverage());
      out.printf("settings added to 'run': %s%n", s.extra().isEmpty() ? "(none)" : String.join(" ", s.extra()));
      out.printf("restarts: %d; slowest resumption (processor, sink or ingestor producing again): %.1f s%n",
          figures.size(), worst);
      out.printf("archive articles lost before news.processed: %d; ids with more processed records than raw: %d;"
          + " news.enriched ids with more than one record: %d%n", lost, extra, dup);
      boolean ok = !failed && lost == 0 && extra == 0 && dup == 0 && worst <= 15;
      out.println(ok ? "RESULT: resumed within 15 s every time, nothing lost or doubled"
          : "RESULT: some check failed (see above)");
      return ok ? 0 : 1;
    }
  }

  /**
   * The log ends of {@code topic} as soon as the restarted broker answers for it, each at least the
   * one in {@code before}.
   */
  private static Map<Integer, Long> logEndsOnceUp(String bs, String topic, Map<Integer, Long> before) {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (true) {
      try {
        Map<Integer, Long> now = new HashMap<>(TopicTail.logEnds(bs, topic));
        before.forEach((p, o) -> now.merge(p, o, Math::max));
        return now;
      } catch (RuntimeException e) {
        if (System.nanoTime() > deadline) {
          return before;
        }
      }
    }
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (java.io.IOException e) {
      return String.format("%.1f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
          .getSystemLoadAverage());
    }
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static boolean awaitPort(int port, Duration limit) {
    return await(limit, () -> {
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
        return true;
      } catch (java.io.IOException e) {
        return false;
      }
    });
  }

  private static boolean await(Duration limit, BooleanSupplier done) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  private static int freePort() throws java.io.IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
