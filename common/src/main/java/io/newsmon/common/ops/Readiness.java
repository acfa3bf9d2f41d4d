package io.newsmon.common.ops;

import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.kafka.KafkaClients;
import io.newsmon.common.kafka.Topic;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/** Readiness checks for {@link OpsEndpoint#readiness}: null means ready, else the reason. */
public final class Readiness {

  private Readiness() {}

  /** Ready while the Streams application is RUNNING. */
  public static Supplier<String> streamsRunning(Supplier<KafkaStreams> streams) {
    return () -> {
      KafkaStreams s = streams.get();
      if (s == null) {
        return "not started";
      }
      KafkaStreams.State state = s.state();
      return state == KafkaStreams.State.RUNNING ? null : "Streams " + state;
    };
  }

  /** Ready while the client has at least one open connection to a broker (from its metrics). */
  public static Supplier<String> connected(Supplier<Map<MetricName, ? extends Metric>> metrics) {
    return () -> {
      Map<MetricName, ? extends Metric> m = metrics.get();
      if (m == null) {
        return "not started";
      }
      for (Map.Entry<MetricName, ? extends Metric> e : m.entrySet()) {
        if (e.getKey().name().equals("connection-count") && e.getValue().metricValue() instanceof Number n
            && n.doubleValue() > 0) {
          return null;
        }
      }
      return "no connection to a broker";
    };
  }

  /**
   * Ready while every topic exists. Asks the cluster at most every 10 s (a verdict is cached), with
   * an admin client kept for the life of the process.
   */
  public static Supplier<String> topicsPresent(NewsmonConfig config, Collection<? extends Topic<?, ?>> topics) {
    List<String> names = topics.stream().map(Topic::name).toList();
    return new TopicCheck(config, names);
  }

  /** The check of {@link #topicsPresent}; closing it closes its admin client. */
  private static final class TopicCheck implements Supplier<String>, AutoCloseable {
      private final NewsmonConfig config;
      private final List<String> names;
      private Admin admin;
      private long checkedAt;
      private String verdict = "not checked yet";

      TopicCheck(NewsmonConfig config, List<String> names) {
        this.config = config;
        this.names = names;
      }

      @Override
      public synchronized String get() {
        long now = System.nanoTime();
        if (verdict == null && now - checkedAt < TimeUnit.SECONDS.toNanos(10)) {
          return null;
        }
        try {
          if (admin == null) {
            Properties p = KafkaClients.base(config);
            p.put(AdminClientConfig.CLIENT_ID_CONFIG, "newsmon-health");
            p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
            p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
            admin = Admin.create(p);
          }
          Set<String> existing = admin.listTopics().names().get(3, TimeUnit.SECONDS);
          Set<String> missing = new TreeSet<>(names);
          missing.removeAll(existing);
          verdict = missing.isEmpty() ? null : "missing topics " + missing;
        } catch (Exception e) {
          verdict = "cannot list topics: " + e.getClass().getSimpleName();
          if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
          }
        }
        checkedAt = now;
        return verdict;
      }

      @Override
      public synchronized void close() {
        if (admin != null) {
          admin.close(java.time.Duration.ofSeconds(2));
          admin = null;
        }
      }
  }
}
