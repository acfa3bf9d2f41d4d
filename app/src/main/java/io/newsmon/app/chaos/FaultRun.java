package io.newsmon.app.chaos;

import io.newsmon.app.Main;
import io.newsmon.app.broker.EmbeddedKafka;
import io.newsmon.app.broker.JavaProcess;
import io.newsmon.app.broker.KafkaCluster;
import io.newsmon.common.config.KafkaSettings;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.kafka.KafkaClients;
import io.newsmon.common.kafka.TopicAdmin;
import io.newsmon.common.kafka.Topics;
import io.newsmon.common.record.ProcessedArticle;
import io.newsmon.common.record.RawArticle;
import io.newsmon.common.util.Hashing;
import io.newsmon.app.Pipeline;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * The fault run: the same input through an undisturbed pipeline and through a disturbed one, then
 * the two compared. The disturbed pipeline runs on a three-node cluster ({@link KafkaCluster},
 * replication 3, min.insync.replicas 2) with every component a separate process (one ingestor, two
 * processors, two sinks, {@code newsmon replay}); the program kills components and the partition
 * leader with {@code kill -9}, makes the webhook receiver fail, and makes the site answer 500, 429
 * with Retry-After, and slowly, timing how long each fault takes to heal.
 */
final class FaultRun {

  /** Settings of one run. */
  record Settings(int archiveArticles, int siteArticles, int killRounds, Duration webhookOutage,
      Duration sourceFault, Duration brokerDown, String replayRate, Path work, PrintStream out) {}

  /** Client timeouts long enough for a cluster on a busy machine (a start gives up later). */
  private static final List<String> PATIENT = List.of("--set", "kafka.request.timeout.ms=60000",
      "--set", "kafka.default.api.timeout.ms=180000");

  private final Settings s;
  private final PrintStream out;
  private final Map<String, List<Long>> heal = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();
  private final long started = System.nanoTime();

  FaultRun(Settings s) {
    this.s = s;
    this.out = s.out();
  }

  /** Runs both, prints the figures; returns 0 when every check passed, 1 otherwise. */
  int run() throws Exception {
    Path archive = s.work().resolve("archive.jsonl");
    ChaosInputs inputs = ChaosInputs.generate(s.archiveArticles(), s.siteArticles(), 4 * s.killRounds() + 10,
        NewsmonConfig.defaults().get(KafkaSettings.TOPICS_PARTITIONS));
    inputs.writeArchive(archive);
    Set<String> archiveIds = inputs.archiveIds;
    List<RawArticle> siteArticles = inputs.site;
    List<RawArticle> probes = inputs.probes;
    try (ChaosSite site = ChaosSite.start(siteArticles); WebhookReceiver hook = WebhookReceiver.start()) {
      Set<String> siteIds = new HashSet<>();
      for (int i = 0; i < site.size(); i++) {
        siteIds.add(ChaosInputs.siteId(site.articleUrl(i)));
      }
      Set<String> inputIds = new HashSet<>(archiveIds);
      inputIds.addAll(siteIds);
      Path sources = s.work().resolve("sources.yaml");
      Files.writeString(sources, """
          sources:
            - id: local-desk
              kind: feed
              url: %s
              interval: 10s
          """.formatted(site.feedUrl()));
      out.printf("chaos: %d archive articles (%d originals, copies of every seventh), %d site articles, %d probes;"
          + " %d drawn candidates left out as near duplicates of others%n",
          archiveIds.size(), s.archiveArticles(), site.size(), probes.size(), inputs.rejected);

      out.println("chaos: undisturbed run on the embedded single broker...");
      long t0 = System.nanoTime();
      TopicAudit baseline = undisturbed(archive, site, sources, inputIds);
      out.printf("chaos: undisturbed run done in %d s: %d processed, %d enriched, %d alerts%n",
          secondsSince(t0), baseline.processed.size(), baseline.enriched.size(), baseline.alerts.size());

      out.println("chaos: disturbed run on a three-node cluster, every component a process of its own...");
      site.reset();
      long t1 = System.nanoTime();
      Disturbed d = disturbed(archive, site, hook, sources, inputIds, probes);
      out.printf("chaos: disturbed run done in %d s%n", secondsSince(t1));
      return report(baseline, d.audit, inputIds, d.probeIds, hook);
    }
  }

  // ---- the undisturbed run ----------------------------------------------------------------

  private TopicAudit undisturbed(Path archive, ChaosSite site, Path sources, Set<String> inputIds)
      throws Exception {
    Path dir = s.work().resolve("undisturbed");
    try (EmbeddedKafka broker = EmbeddedKafka.start(dir.resolve("kafka"), 0, true)) {
      String bs = broker.bootstrapServers();
      NewsmonConfig config = NewsmonConfig.defaults().with("bootstrap.servers", bs);
      TopicAdmin.ensure(config, Pipeline.topics(config));
      List<JavaProcess> procs = components(bs, dir, sources, null, 1);
      procs.forEach(JavaProcess::start);
      JavaProcess replay = replay(bs, dir, archive).start();
      try (Supervisor supervisor = new Supervisor(procs, replay);
          TopicTail<ProcessedArticle> processed = new TopicTail<>(bs, Topics.PROCESSED.name(),
          Topics.PROCESSED.valueSerde().deserializer(), ProcessedArticle::id)) {
        releaseAll(site, () -> true);
        await("every input article processed (undisturbed)", Duration.ofMinutes(15),
            () -> inputIds.stream().allMatch(processed::seen));
        waitQuiet(bs);
      } finally {
        replay.stop(5);
        procs.forEach(p -> p.stop(30));
      }
      for (JavaProcess p : procs) {
        if (p.starts() > 1) {
          notes.add("undisturbed run: " + p.name() + " exited by itself and was started " + p.starts() + " times");
        }
      }
      return TopicAudit.read(bs);
    }
  }

  // ---- the disturbed run ------------------------------------------------------------------

  private record Disturbed(TopicAudit audit, Set<String> probeIds) {}

  private Disturbed disturbed(Path archive, ChaosSite site, WebhookReceiver hook, Path sources,
      Set<String> inputIds, List<RawArticle> probes) throws Exception {
    Path dir = s.work().resolve("disturbed");
    Set<String> probeIds = new HashSet<>();
    try (KafkaCluster cluster = KafkaCluster.start(dir.resolve("cluster"), 3,
        List.of("-Xmx384m", "-XX:+UseSerialGC"), Duration.ofMinutes(10))) {
      String bs = cluster.bootstrapServers();
      NewsmonConfig config = NewsmonConfig.defaults().with(Map.of("bootstrap.servers", bs,
          "topics.replication-factor", "3"));
      TopicAdmin.ensure(config, Pipeline.topics(config));
      out.printf("chaos: cluster up at %s after %d s%n", bs, secondsSince(started));
      List<JavaProcess> procs = components(bs, dir, sources, hook.url(), 2);
      Map<String, JavaProcess> byName = new LinkedHashMap<>();
      procs.forEach(p -> byName.put(p.name(), p.start()));
      JavaProcess replay = replay(bs, dir, archive).start();
      ScheduledExecutorService releaser = Executors.newSingleThreadScheduledExecutor();
      releaser.scheduleAtFixedRate(site::releaseNext, 1, 1, TimeUnit.SECONDS);
      try (Supervisor supervisor = new Supervisor(procs, replay);
          KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(
              KafkaClients.producer(config, "chaos-probe"), Topics.RAW.keySerde().serializer(),
              Topics.RAW.valueSerde().serializer());
          TopicTail<RawArticle> raw = new TopicTail<>(bs, Topics.RAW.name(), Topics.RAW.valueSerde().deserializer(),
              r -> Hashing.articleId(r.key()));
          TopicTail<ProcessedArticle> processed = new TopicTail<>(bs, Topics.PROCESSED.name(),
              Topics.PROCESSED.valueSerde().deserializer(), ProcessedArticle::id);
          TopicTail<ProcessedArticle> enriched = new TopicTail<>(bs, Topics.ENRICHED.name(),
              Topics.ENRICHED.valueSerde().deserializer(), ProcessedArticle::id)) {
        Probes probe = new Probes(producer, probes, probeIds);
        await("the pipeline running (a first probe through)", Duration.ofMinutes(3),
            probe.sendAndSee(enriched));

        for (int round = 1; round <= s.killRounds(); round++) {
          for (String kind : List.of("processor", "sink", "ingestor")) {
            String name = kind.equals("ingestor") ? "ingestor" : kind + "-" + (1 + round % 2);
            JavaProcess p = byName.get(name);
            long k = System.nanoTime();
            synchronized (p) {
              p.kill();
              p.start(); // restarted at once, as a supervisor would
            }
            if (kind.equals("ingestor")) {
              int i = site.releaseNext();
              if (i < 0) {
                notes.add("kill -9 ingestor: every site article was already released, time to heal not measured"
                    + " (give more site articles)");
                continue;
              }
              String id = ChaosInputs.siteId(site.articleUrl(i));
              timed("kill -9 ingestor (until a new site article is in news.raw)", k, Duration.ofMinutes(3),
                  () -> raw.seen(id));
            } else {
              timed("kill -9 " + kind + " (until a new article is in " + (kind.equals("sink") ? "news.enriched" : "news.processed") + ")",
                  k, Duration.ofMinutes(3), probe.sendAndSee(kind.equals("sink") ? enriched : processed));
            }
          }
        }

        int leader = leaderOf(bs, Topics.RAW.name(), 0);
        long k = System.nanoTime();
        cluster.kill(leader);
        out.printf("chaos: killed broker %d, leader of %s-0%n", leader, Topics.RAW.name());
        timed("kill -9 partition leader broker (until a new article is in news.enriched)", k, Duration.ofMinutes(3),
            probe.sendAndSee(enriched));
        sleepUntil(k + s.brokerDown().toNanos());
        long r = System.nanoTime();
        cluster.restart(leader);
        timed("broker restart (until every partition has 3 in-sync replicas)", r, Duration.ofMinutes(5),
            () -> fullyReplicated(bs));

        hook.failing(true);
        long w = System.nanoTime();
        out.printf("chaos: webhook receiver failing for %d s%n", s.webhookOutage().toSeconds());
        sleepUntil(w + s.webhookOutage().toNanos());
        hook.failing(false);
        long back = System.nanoTime();
        timed("webhook outage (after recovery, until every alert revision so far is delivered)", back,
            Duration.ofMinutes(5), () -> undelivered(bs, hook).isEmpty());

        for (ChaosSite.Mode mode : List.of(ChaosSite.Mode.ERROR_500, ChaosSite.Mode.TOO_MANY_REQUESTS,
            ChaosSite.Mode.SLOW)) {
          site.mode(mode);
          long f = System.nanoTime();
          sleepUntil(f + s.sourceFault().toNanos());
          site.mode(ChaosSite.Mode.OK);
          int released = site.released();
          long restored = System.nanoTime();
          timed("source " + describe(mode) + " for " + s.sourceFault().toSeconds()
                  + " s (after recovery, until every released site article is in news.raw)", restored,
              Duration.ofMinutes(5), () -> allSiteArticlesIn(site, released, raw));
        }

        releaseAll(site, () -> true);
        await("the replay finished", Duration.ofMinutes(15), () -> !replay.alive());
        if (replay.exitCode() != null && replay.exitCode() != 0) {
          notes.add("newsmon replay exited with " + replay.exitCode() + " (see " + replay.log() + ")");
        }
        Set<String> expected = new HashSet<>(inputIds);
        expected.addAll(probeIds);
        await("every article processed (disturbed)", Duration.ofMinutes(15),
            () -> expected.stream().allMatch(processed::seen));
        waitQuiet(bs);
        await("every alert revision delivered to the webhook", Duration.ofMinutes(5),
            () -> undelivered(bs, hook).isEmpty());
      } finally {
        releaser.shutdownNow();
        replay.stop(5);
        procs.forEach(p -> p.stop(30));
      }
      for (JavaProcess p : procs) {
        out.printf("chaos: %s started %d times (1 + kills + restarts after exiting by itself)%n", p.name(),
            p.starts());
      }
      return new Disturbed(TopicAudit.read(bs), probeIds);
    }
  }

  /** Components of a run: the ingestor and {@code instances} processors and sinks. */
  private List<JavaProcess> components(String bs, Path dir, Path sources, String webhook, int instances) {
    List<String> common = new ArrayList<>(List.of("--bootstrap-servers", bs,
        "--set", "topics.replication-factor=" + (instances > 1 ? 3 : 1),
        "--set", "processor.dedup.window=" + ChaosInputs.DEDUP_WINDOW,
        "--set", "http.port=0")); // a free port each: several components on one machine
    common.addAll(PATIENT);
    List<JavaProcess> procs = new ArrayList<>();
    List<String> ingest = new ArrayList<>(List.of("ingest"));
    ingest.addAll(common);
    ingest.addAll(List.of("--set", "ingestor.sources=" + sources, "--set", "ingestor.allow-hosts=127.0.0.1",
        "--set", "ingestor.host-delay=0s", "--set", "ingestor.retry-backoff=2s",
        "--set", "ingestor.retry-backoff-max=10s", "--set", "ingestor.max-retry-after=30s"));
    procs.add(component("ingestor", dir, ingest));
    for (int i = 1; i <= instances; i++) {
      List<String> process = new ArrayList<>(List.of("process"));
      process.addAll(common);
      process.addAll(List.of("--set", "state.dir=" + dir.resolve("state/processor-" + i)));
      procs.add(component("processor-" + i, dir, process));
      List<String> sink = new ArrayList<>(List.of("sink"));
      sink.addAll(common);
      sink.addAll(List.of("--set", "state.dir=" + dir.resolve("state/sink-" + i)));
      if (webhook != null) {
        sink.addAll(List.of("--set", "sink.webhook.url=" + webhook, "--set", "sink.webhook.attempts=2",
            "--set", "sink.webhook.backoff=500ms", "--set", "sink.webhook.retry-pause=3s"));
      }
      procs.add(component("sink-" + i, dir, sink));
    }
    return procs;
  }

  private static JavaProcess component(String name, Path dir, List<String> args) {
    return new JavaProcess(name, List.of("-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
        Main.class.getName(), args, dir.resolve("logs"));
  }

  private JavaProcess replay(String bs, Path dir, Path archive) {
    List<String> args = new ArrayList<>(List.of("replay", "--bootstrap-servers", bs, "--quiet"));
    args.addAll(PATIENT);
    if (s.replayRate() != null) {
      args.addAll(List.of("--rate", s.replayRate()));
    }
    args.add(archive.toString());
    return new JavaProcess("replay", List.of("-Xmx512m"), Main.class.getName(), args, dir.resolve("logs"));
  }

  /**
   * Starts again, within a second, any component that exited by itself (a start that gave up on a
   * slow cluster, a Streams client that stopped on an error), as a service manager would; counted in
   * the figures as starts beyond the kills. Stopped (closed) before the components are stopped.
   */
  private static final class Supervisor implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    Supervisor(List<JavaProcess> procs, JavaProcess replay) {
      timer.scheduleWithFixedDelay(() -> {
        for (JavaProcess p : procs) {
          synchronized (p) {
            if (!p.alive()) {
              p.start();
            }
          }
        }
        // a replay that could not reach the cluster (exit 2) is run again, up to 5 times
        if (Integer.valueOf(2).equals(replay.exitCode()) && replay.starts() < 5) {
          replay.start();
        }
      }, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
      timer.shutdownNow();
      try {
        timer.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Sends one probe article straight to news.raw and tells when it reached {@code tail}. */
  private static final class Probes {
    private final KafkaProducer<String, RawArticle> producer;
    private final List<RawArticle> probes;
    private final Set<String> ids;
    private int next;

    Probes(KafkaProducer<String, RawArticle> producer, List<RawArticle> probes, Set<String> ids) {
      this.producer = producer;
      this.probes = probes;
      this.ids = ids;
    }

    BooleanSupplier sendAndSee(TopicTail<?> tail) {
      RawArticle a = probes.get(next++);
      String id = Hashing.articleId(a.key());
      ids.add(id);
      producer.send(new ProducerRecord<>(Topics.RAW.name(), a.key(), a));
      producer.flush();
      return () -> tail.seen(id);
    }
  }

  // ---- checks -----------------------------------------------------------------------------

  private int report(TopicAudit base, TopicAudit run, Set<String> inputIds, Set<String> probeIds,
      WebhookReceiver hook) {
    Set<String> expected = new HashSet<>(inputIds);
    expected.addAll(probeIds);
    long lostRaw = expected.stream().filter(id -> !run.raw.containsKey(id)).count();
    long lostProcessed = expected.stream().filter(id -> !run.processed.containsKey(id)).count();
    long rawRepeats = run.raw.values().stream().filter(n -> n > 1).count();
    long processedExtra = run.processed.entrySet().stream()
        .filter(e -> e.getValue() > run.raw.getOrDefault(e.getKey(), 0)).count();
    long enrichedDup = run.enriched.values().stream().filter(n -> n > 1).count();
    Set<String> runEnriched = new HashSet<>(run.enriched.keySet());
    runEnriched.removeAll(probeIds);
    Set<String> onlyBase = new HashSet<>(base.enriched.keySet());
    onlyBase.removeAll(runEnriched);
    Set<String> onlyRun = new HashSet<>(runEnriched);
    onlyRun.removeAll(base.enriched.keySet());
    Map<String, Integer> baseAlerts = new TreeMap<>(base.alerts);
    Map<String, Integer> runAlerts = new TreeMap<>(run.alerts);
    // probes go through the disturbed run only: an alert of theirs has nothing to be compared with
    long probeAlerts = runAlerts.keySet().stream().filter(id -> probeIds.contains(run.alertArticles.get(id))).count();
    runAlerts.keySet().removeIf(id -> probeIds.contains(run.alertArticles.get(id)));
    long alertIdsDiffer = symmetricDifference(baseAlerts.keySet(), runAlerts.keySet());
    long revisionsDiffer = baseAlerts.entrySet().stream()
        .filter(e -> runAlerts.containsKey(e.getKey()) && !runAlerts.get(e.getKey()).equals(e.getValue())).count();
    Set<String> undelivered = new HashSet<>(run.alertRevisions);
    undelivered.removeAll(hook.keys().keySet());
    long badKeys = hook.keys().entrySet().stream().filter(e -> e.getValue().size() != 1
        || !e.getValue().contains(e.getKey().replace("#", "-r"))).count();
    long baselineLost = inputIds.stream().filter(id -> !base.processed.containsKey(id)).count();

    out.println();
    out.println("== fault program figures ==");
    out.printf("load average at the end: %s; run took %d s%n", RestartRun.loadAverage(), secondsSince(started));
    out.printf("articles in: %d input (archive + site) + %d probes%n", inputIds.size(), probeIds.size());
    out.printf("undisturbed: %d processed, %d enriched, %d alerts, %d input articles missing%n",
        base.processed.size(), base.enriched.size(), base.alerts.size(), baselineLost);
    out.printf("lost from news.raw: %d; lost before news.processed: %d%n", lostRaw, lostProcessed);
    out.printf("news.raw ids published more than once (ingestor/replay retries): %d%n", rawRepeats);
    out.printf("news.processed ids with more records than in news.raw: %d%n", processedExtra);
    out.printf("news.enriched ids with more than one record: %d%n", enrichedDup);
    out.printf("enriched ids only in the undisturbed run: %d, only in the disturbed run: %d%n",
        onlyBase.size(), onlyRun.size());
    Set<String> differing = new java.util.TreeSet<>(onlyBase);
    differing.addAll(onlyRun);
    differing.stream().limit(10).forEach(id -> out.printf("  %s: undisturbed %s; disturbed %s%n", id,
        base.decisions.getOrDefault(id, "not processed"), run.decisions.getOrDefault(id, "not processed")));
    out.printf("alerts: %d undisturbed, %d disturbed; ids in one run only: %d; same id, other revision: %d"
            + " (alerts of probes, left out: %d)%n",
        baseAlerts.size(), runAlerts.size(), alertIdsDiffer, revisionsDiffer, probeAlerts);
    Set<String> differingAlerts = new java.util.TreeSet<>(baseAlerts.keySet());
    differingAlerts.addAll(runAlerts.keySet());
    differingAlerts.removeIf(id -> baseAlerts.containsKey(id) && runAlerts.containsKey(id)
        && baseAlerts.get(id).equals(runAlerts.get(id)));
    differingAlerts.stream().limit(10).forEach(id -> {
      String article = base.alertArticles.getOrDefault(id, run.alertArticles.get(id));
      out.printf("  alert %s (%s, revision %s / %s), article %s: undisturbed %s; disturbed %s%n", id,
          baseAlerts.containsKey(id) ? (runAlerts.containsKey(id) ? "both runs" : "undisturbed only") : "disturbed only",
          baseAlerts.get(id), runAlerts.get(id), article,
          base.decisions.getOrDefault(article, "not processed"), run.decisions.getOrDefault(article, "not processed"));
    });
    out.printf("webhook: %d alert revisions in news.alerts, %d undelivered; %d deliveries accepted (%d repeats), "
            + "%d refused while failing; revisions with a missing or unstable Idempotency-Key: %d%n",
        run.alertRevisions.size(), undelivered.size(), hook.accepted(),
        hook.accepted() - hook.keys().size(), hook.refused(), badKeys);
    out.println("time to heal per fault (seconds):");
    heal.forEach((fault, times) -> out.printf("  %-100s %s%n", fault,
        times.stream().map(t -> String.format("%.1f", t / 1e9)).toList()));
    notes.forEach(n -> out.println("note: " + n));
    boolean ok = lostRaw == 0 && lostProcessed == 0 && processedExtra == 0 && enrichedDup == 0
        && onlyBase.isEmpty() && onlyRun.isEmpty() && alertIdsDiffer == 0 && revisionsDiffer == 0
        && undelivered.isEmpty() && badKeys == 0 && baselineLost == 0;
    out.println(ok ? "RESULT: every check passed" : "RESULT: some check failed (see above)");
    return ok ? 0 : 1;
  }

  private static long symmetricDifference(Set<String> a, Set<String> b) {
    return a.stream().filter(x -> !b.contains(x)).count() + b.stream().filter(x -> !a.contains(x)).count();
  }

  private Set<String> undelivered(String bs, WebhookReceiver hook) {
    Set<String> revisions = new HashSet<>();
    TopicAudit.readTopic(bs, Topics.ALERTS.name(), Topics.ALERTS.valueSerde().deserializer(),
        a -> revisions.add(a.alertId() + "#" + a.revision()));
    revisions.removeAll(hook.keys().keySet());
    return revisions;
  }

  private static boolean allSiteArticlesIn(ChaosSite site, int released, TopicTail<?> raw) {
    for (int i = 0; i < released; i++) {
      if (!raw.seen(ChaosInputs.siteId(site.articleUrl(i)))) {
        return false;
      }
    }
    return true;
  }

  private static int leaderOf(String bs, String topic, int partition) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bs))) {
      TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
      return d.partitions().get(partition).leader().id();
    }
  }

  private static boolean fullyReplicated(String bs) {
    Properties p = new Properties();
    p.put("bootstrap.servers", bs);
    p.put("request.timeout.ms", "3000");
    p.put("default.api.timeout.ms", "5000");
    try (Admin admin = Admin.create(p)) {
      Set<String> names = admin.listTopics().names().get(5, TimeUnit.SECONDS);
      for (TopicDescription d : admin.describeTopics(names).allTopicNames().get(5, TimeUnit.SECONDS).values()) {
        for (TopicPartitionInfo pi : d.partitions()) {
          if (pi.isr().size() < pi.replicas().size()) {
            return false;
          }
        }
      }
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  private static String describe(ChaosSite.Mode mode) {
    return switch (mode) {
      case ERROR_500 -> "answering 500";
      case TOO_MANY_REQUESTS -> "answering 429 with Retry-After: 5";
      case SLOW -> "answering after 3 s";
      case OK -> "ok";
    };
  }

  // ---- waiting ----------------------------------------------------------------------------

  private void releaseAll(ChaosSite site, BooleanSupplier go) {
    while (go.getAsBoolean() && site.releaseNext() >= 0) {
      // one poll (every 10 s) then finds a handful of new articles, as a live feed would
      pause(250);
    }
  }

  /** Waits until nothing new arrives in news.processed and news.alerts for 8 s. */
  private void waitQuiet(String bs) {
    long last = -1;
    long stableSince = System.nanoTime();
    while (System.nanoTime() - stableSince < Duration.ofSeconds(8).toNanos()) {
      long[] n = {0};
      TopicAudit.readTopic(bs, Topics.ALERTS.name(), Topics.ALERTS.valueSerde().deserializer(), a -> n[0]++);
      TopicAudit.readTopic(bs, Topics.ENRICHED.name(), Topics.ENRICHED.valueSerde().deserializer(), a -> n[0]++);
      if (n[0] != last) {
        last = n[0];
        stableSince = System.nanoTime();
      }
      pause(1000);
    }
  }

  private void timed(String fault, long since, Duration limit, BooleanSupplier healed) {
    await(fault, limit, healed);
    long took = System.nanoTime() - since;
    heal.computeIfAbsent(fault, f -> new ArrayList<>()).add(took);
    out.printf("chaos: %-100s healed in %.1f s%n", fault, took / 1e9);
  }

  private void await(String what, Duration limit, BooleanSupplier done) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        notes.add("gave up waiting for " + what + " after " + limit.toSeconds() + " s");
        out.println("chaos: gave up waiting for " + what);
        return;
      }
      pause(250);
    }
  }

  private static void sleepUntil(long nanoTime) {
    while (System.nanoTime() < nanoTime) {
      pause(Math.max(1, Math.min(1000, (nanoTime - System.nanoTime()) / 1_000_000)));
    }
  }

  private static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private long secondsSince(long t) {
    return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t);
  }

  static void ensureDir(Path p) throws IOException {
    Files.createDirectories(p);
  }
}
