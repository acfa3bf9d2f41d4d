package io.newsmon.app.broker;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka cluster of {@code n} KRaft nodes on 127.0.0.1, each a combined broker and controller in
 * its own JVM ({@link ClusterNode}), the same topology as docker-compose's three brokers:
 * replication factor n for the internal topics and new topics, {@code min.insync.replicas=2}.
 * Directories, ports and the cluster id are kept in {@code dir}, so a cluster (or one node) restarts
 * on its data. Nodes can be stopped, killed and restarted one by one (for fault experiments).
 */
public final class KafkaCluster implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaCluster.class);
  private static final String STATE = "cluster.properties";

  private final Path dir;
  private final int[] clientPorts;
  private final int[] controllerPorts;
  private final String clusterId;
  private final String javaOptions;
  private final Process[] processes;
  private final long[] logOffsets;

  private KafkaCluster(Path dir, int[] clientPorts, int[] controllerPorts, String clusterId, String javaOptions) {
    this.dir = dir;
    this.clientPorts = clientPorts;
    this.controllerPorts = controllerPorts;
    this.clusterId = clusterId;
    this.javaOptions = javaOptions;
    this.processes = new Process[clientPorts.length];
    this.logOffsets = new long[clientPorts.length];
  }

  /**
   * Starts (or restarts) a cluster of {@code nodes} nodes in {@code dir} and waits until every broker
   * is up.
   *
   * @param javaOptions options of each node's JVM, e.g. {@code -Xmx512m}
   */
  public static KafkaCluster start(Path dir, int nodes, String javaOptions, Duration timeout) {
    long started = System.nanoTime();
    KafkaCluster cluster = open(dir, nodes, javaOptions);
    try {
      // every node first: a node's startup waits for the controller quorum, which needs the others
      for (int i = 1; i <= nodes; i++) {
        cluster.launch(i);
      }
      for (int i = 1; i <= nodes; i++) {
        cluster.awaitStarted(i, timeout);
      }
      EmbeddedKafka.awaitNodes(cluster.bootstrapServers(), nodes, timeout);
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
    LOG.info("Kafka cluster of {} nodes ready on {} in {} ms (data and logs in {})", nodes, cluster.bootstrapServers(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), dir);
    return cluster;
  }

  private static KafkaCluster open(Path dir, int nodes, String javaOptions) {
    try {
      Files.createDirectories(dir);
      Path state = dir.resolve(STATE);
      Properties p = new Properties();
      if (Files.exists(state)) {
        try (InputStream in = Files.newInputStream(state)) {
          p.load(in);
        }
        if (Integer.parseInt(p.getProperty("nodes")) != nodes) {
          throw new IllegalArgumentException("the cluster in " + dir + " has " + p.getProperty("nodes")
              + " nodes, not " + nodes);
        }
      } else {
        p.setProperty("nodes", Integer.toString(nodes));
        p.setProperty("cluster.id", Uuid.randomUuid().toString());
        for (int i = 1; i <= nodes; i++) {
          p.setProperty("node." + i + ".client-port", Integer.toString(EmbeddedKafka.freePort()));
          p.setProperty("node." + i + ".controller-port", Integer.toString(EmbeddedKafka.freePort()));
        }
        try (OutputStream out = Files.newOutputStream(state)) {
          p.store(out, "newsmon local Kafka cluster: ports and cluster id");
        }
      }
      int[] client = new int[nodes];
      int[] controller = new int[nodes];
      for (int i = 1; i <= nodes; i++) {
        client[i - 1] = Integer.parseInt(p.getProperty("node." + i + ".client-port"));
        controller[i - 1] = Integer.parseInt(p.getProperty("node." + i + ".controller-port"));
      }
      return new KafkaCluster(dir, client, controller, p.getProperty("cluster.id"), javaOptions);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the cluster directory " + dir, e);
    }
  }

  /** Starts node {@code id} (1-based) in its own JVM and waits until it says it started. */
  public synchronized void startNode(int id) {
    launch(id);
    awaitStarted(id, Duration.ofSeconds(120));
  }

  private synchronized void launch(int id) {
    if (processes[id - 1] != null && processes[id - 1].isAlive()) {
      return;
    }
    Path nodeDir = nodeDir(id);
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String o : javaOptions.trim().split("\\s+")) {
      if (!o.isEmpty()) {
        cmd.add(o);
      }
    }
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ClusterNode.class.getName(),
        Integer.toString(id), nodeDir.toAbsolutePath().toString(), Integer.toString(clientPorts[id - 1]),
        Integer.toString(controllerPorts[id - 1]), voters(), clusterId, Integer.toString(Math.min(3, size()))));
    try {
      Files.createDirectories(nodeDir);
      File out = nodeDir.resolve("process.log").toFile();
      logOffsets[id - 1] = out.length();
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(out)).start();
      processes[id - 1] = p;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start cluster node " + id, e);
    }
  }

  private void awaitStarted(int id, Duration timeout) {
    Process p = processes[id - 1];
    Path out = nodeDir(id).resolve("process.log");
    long started = logOffsets[id - 1];
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (startedSince(out, started)) {
        return;
      }
      if (!p.isAlive()) {
        throw new IllegalStateException("cluster node exited with status " + p.exitValue() + "; see " + out);
      }
      try {
        p.waitFor(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while starting a cluster node", e);
      }
    }
    throw new IllegalStateException("cluster node did not start in " + timeout + "; see " + out);
  }

  private static boolean startedSince(Path out, long offset) {
    try {
      String log = Files.readString(out, StandardCharsets.UTF_8);
      return log.substring((int) Math.min(offset, log.length())).contains("STARTED node");
    } catch (IOException e) {
      return false;
    }
  }

  /** Stops node {@code id} cleanly (SIGTERM, controlled shutdown) and waits for it. */
  public synchronized void stopNode(int id) {
    end(id, false);
  }

  /** Kills node {@code id} at once (SIGKILL), as a crash would. */
  public synchronized void killNode(int id) {
    end(id, true);
  }

  private void end(int id, boolean kill) {
    Process p = processes[id - 1];
    if (p == null) {
      return;
    }
    if (kill) {
      p.destroyForcibly();
    } else {
      p.destroy();
    }
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    processes[id - 1] = null;
  }

  /** Whether node {@code id}'s process is running. */
  public synchronized boolean isRunning(int id) {
    return processes[id - 1] != null && processes[id - 1].isAlive();
  }

  /** The process id of node {@code id}, or -1 when it is not running. */
  public synchronized long pid(int id) {
    return isRunning(id) ? processes[id - 1].pid() : -1;
  }

  public int size() {
    return clientPorts.length;
  }

  public Path nodeDir(int id) {
    return dir.resolve("node-" + id);
  }

  /** Every node's client address. */
  public String bootstrapServers() {
    StringJoiner j = new StringJoiner(",");
    for (int port : clientPorts) {
      j.add("127.0.0.1:" + port);
    }
    return j.toString();
  }

  private String voters() {
    StringJoiner j = new StringJoiner(",");
    for (int i = 0; i < controllerPorts.length; i++) {
      j.add((i + 1) + "@127.0.0.1:" + controllerPorts[i]);
    }
    return j.toString();
  }

  /** Stops every node cleanly, the last one last. */
  @Override
  public synchronized void close() {
    for (int id = size(); id >= 1; id--) {
      stopNode(id);
    }
  }
}
