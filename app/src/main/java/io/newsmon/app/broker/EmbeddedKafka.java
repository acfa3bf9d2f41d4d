package io.newsmon.app.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import io.newsmon.app.logging.Logging;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka broker (combined broker and KRaft controller) running inside this process,
 * built from Kafka's own server jars. It stores its data in a directory: a directory it formatted
 * before is reused, so a restart on the same directory keeps every topic and offset.
 *
 * <p>Replication factors of the internal topics are 1 (one node) and the initial rebalance delay
 * is 0, so Streams applications start without the usual 3 s wait.
 */
public final class EmbeddedKafka implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
  private static final int NODE_ID = 1;
  /** The broker's own log, in its data directory (see {@link Logging#brokerToFile}). */
  public static final String LOG_FILE = "broker.log";

  private final Path dataDir;
  private final int port;
  private final KafkaRaftServer server;
  private final boolean deleteOnClose;
  private final CompletableFuture<Boolean> crashedIncarnationRemoved;

  private EmbeddedKafka(Path dataDir, int port, KafkaRaftServer server, boolean deleteOnClose,
      CompletableFuture<Boolean> crashedIncarnationRemoved) {
    this.dataDir = dataDir;
    this.port = port;
    this.server = server;
    this.deleteOnClose = deleteOnClose;
    this.crashedIncarnationRemoved = crashedIncarnationRemoved;
  }

  /** Starts a broker whose data lives in a new temporary directory, deleted on close. */
  public static EmbeddedKafka startTemporary() {
    try {
      return start(Files.createTempDirectory("newsmon-kafka-"), 0, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory for the embedded broker", e);
    }
  }

  /**
   * Starts a broker on {@code dataDir}, formatting it first when it is new.
   *
   * @param port the client port on 127.0.0.1; 0 picks a free one
   * @param deleteOnClose whether {@link #close()} removes the directory
   */
  public static EmbeddedKafka start(Path dataDir, int port, boolean deleteOnClose) {
    long started = System.nanoTime();
    try {
      Files.createDirectories(dataDir);
      Path logDir = dataDir.resolve("kafka-logs").toAbsolutePath();
      int clientPort = port == 0 ? freePort() : port;
      int controllerPort = freePort();
      Properties props = brokerProperties(logDir, clientPort, controllerPort);
      boolean crashed = CrashedIncarnation.lastRunCrashed(logDir);
      if (!Files.exists(logDir.resolve("meta.properties"))) {
        format(logDir);
      }
      Logging.brokerToFile(dataDir.resolve(LOG_FILE));
      KafkaConfig config = KafkaConfig.fromProps(props, false);
      KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
      CompletableFuture<Boolean> removed = crashed
          ? CrashedIncarnation.removeInBackground("127.0.0.1:" + controllerPort, NODE_ID, Duration.ofSeconds(60))
          : CompletableFuture.completedFuture(false);
      server.startup();
      EmbeddedKafka kafka = new EmbeddedKafka(dataDir, clientPort, server, deleteOnClose, removed);
      kafka.awaitReady(Duration.ofSeconds(60));
      LOG.info("embedded Kafka broker ready on {} in {} ms (data in {}, its log in {})", kafka.bootstrapServers(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), dataDir, dataDir.resolve(LOG_FILE));
      return kafka;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded Kafka broker in " + dataDir, e);
    }
  }

  /**
   * The single node's properties: those of any node ({@link #nodeProperties}) plus what makes a
   * restart after a crash ({@code kill -9} of {@code newsmon run}) quick on one node. They apply to
   * this broker only, never to a cluster newsmon connects to (decision 15):
   *
   * <ul>
   *   <li>segments roll by size only: replayed articles carry their publication times as record
   *       timestamps, and rolling by time (7 days between the first and the newest timestamp of a
   *       segment) cut a segment every few records, all of which are recovered one by one after a
   *       crash; 4 MB segments bound what a recovery reads, and let compaction shorten the
   *       changelogs Streams restores from after a crash (exactly-once wipes the local stores);
   *   <li>one partition each for the group and transaction coordinators' logs (a data directory
   *       made before keeps the partitions it has: Kafka takes the existing count), small segments
   *       for them so compaction keeps what the coordinators load short;
   *   <li>recovery points written every 5 s instead of every minute, so fewer segments count as
   *       unflushed after a crash;
   *   <li>a broker heartbeat every 500 ms instead of 2 s: a registration the controller refused is
   *       tried again, and a registered broker unfenced, that much sooner. After a crash, the dead
   *       incarnation's registration is removed at start ({@link CrashedIncarnation}, decision 16)
   *       rather than waited out for the 9 s session.
   * </ul>
   */
  static Properties brokerProperties(Path logDir, int clientPort, int controllerPort) {
    Properties p = nodeProperties(NODE_ID, logDir, clientPort, controllerPort, NODE_ID + "@127.0.0.1:" + controllerPort,
        1, 1);
    p.put("log.roll.ms", Long.toString(Long.MAX_VALUE));
    p.put("log.segment.bytes", Integer.toString(4 * 1024 * 1024));
    p.put("offsets.topic.num.partitions", "1");
    p.put("offsets.topic.segment.bytes", Integer.toString(4 * 1024 * 1024));
    p.put("transaction.state.log.num.partitions", "1");
    p.put("transaction.state.log.segment.bytes", Integer.toString(4 * 1024 * 1024));
    p.put("log.flush.offset.checkpoint.interval.ms", "5000");
    p.put("broker.heartbeat.interval.ms", "500");
    return p;
  }

  /**
   * The properties of one combined broker and controller node on 127.0.0.1.
   *
   * @param voters the controller quorum, {@code id@host:port,...}
   * @param replication replication factor of the internal topics and default of new topics
   * @param minInsync {@code min.insync.replicas} of every topic and of the transaction log
   */
  static Properties nodeProperties(int nodeId, Path logDir, int clientPort, int controllerPort, String voters,
      int replication, int minInsync) {
    String rf = Integer.toString(replication);
    String minIsr = Integer.toString(minInsync);
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", Integer.toString(nodeId));
    p.put("controller.quorum.voters", voters);
    p.put("listeners", "PLAINTEXT://127.0.0.1:" + clientPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + clientPort);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("log.dirs", logDir.toString());
    p.put("offsets.topic.replication.factor", rf);
    p.put("offsets.topic.num.partitions", "4");
    p.put("transaction.state.log.replication.factor", rf);
    p.put("transaction.state.log.min.isr", minIsr);
    p.put("transaction.state.log.num.partitions", "4");
    p.put("share.coordinator.state.topic.replication.factor", rf);
    p.put("share.coordinator.state.topic.min.isr", minIsr);
    p.put("min.insync.replicas", minIsr);
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("num.partitions", "1");
    p.put("default.replication.factor", rf);
    p.put("auto.create.topics.enable", "true");
    p.put("message.max.bytes", Integer.toString(10 * 1024 * 1024));
    p.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
    p.put("num.network.threads", "2");
    p.put("num.io.threads", "2");
    return p;
  }

  private static void format(Path logDir) {
    format(logDir, NODE_ID, Uuid.randomUuid().toString());
  }

  /** Formats a node's log directory for the cluster {@code clusterId}; a formatted one is left alone. */
  static void format(Path logDir, int nodeId, String clusterId) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      new Formatter()
          .setPrintStream(ps)
          .setNodeId(nodeId)
          .setClusterId(clusterId)
          .setDirectories(List.of(logDir.toString()))
          .setControllerListenerName("CONTROLLER")
          .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
          .setReleaseVersion(MetadataVersion.latestProduction())
          .setIgnoreFormatted(true)
          .run();
    } catch (Exception e) {
      throw new IllegalStateException("cannot format the embedded broker's directory " + logDir + ": "
          + e.getMessage() + " " + out.toString(StandardCharsets.UTF_8), e);
    }
  }

  private void awaitReady(Duration timeout) {
    awaitNodes(bootstrapServers(), 1, timeout, () -> { });
  }

  /**
   * Waits until the cluster at {@code bootstrap} reports at least {@code nodes} live brokers.
   *
   * @param check run between attempts; throws to give up early (a node process that died)
   */
  static void awaitNodes(String bootstrap, int nodes, Duration timeout, Runnable check) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Admin admin = Admin.create(p)) {
      while (true) {
        try {
          if (admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() >= nodes) {
            return;
          }
        } catch (ExecutionException | TimeoutException e) {
          // not up yet
        }
        check.run();
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("fewer than " + nodes + " brokers ready at " + bootstrap + " after " + timeout);
        }
        Thread.sleep(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the broker", e);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    }
  }

  /** The {@code bootstrap.servers} value for clients of this broker. */
  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public Path dataDir() {
    return dataDir;
  }

  /**
   * Completed with {@code true} when this start found the registration of a crashed predecessor and
   * removed it ({@link CrashedIncarnation}); {@code false} after a clean shutdown, on a new directory,
   * or when the removal was not possible (the node then waited for the old session to expire).
   */
  public CompletableFuture<Boolean> crashedIncarnationRemoved() {
    return crashedIncarnationRemoved;
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
    if (deleteOnClose) {
      Logging.closeBrokerFile();
      deleteRecursively(dataDir);
    }
  }

  /** Deletes a directory and everything in it, as far as it can; failures are logged at debug. */
  public static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          LOG.debug("could not delete {}: {}", p, e.getMessage());
        }
      });
    } catch (IOException e) {
      LOG.debug("could not delete {}: {}", dir, e.getMessage());
    }
  }
}
