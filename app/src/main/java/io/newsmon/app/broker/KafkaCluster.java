package io.newsmon.app.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A KRaft cluster of {@code n} nodes on 127.0.0.1, each a combined broker and controller in its own
 * JVM ({@link BrokerProcess}, run as a {@link JavaProcess}), the topology of docker-compose's three
 * brokers: topics and internal topics replicated {@code min(3, n)} times, {@code
 * min.insync.replicas=min(2, n)}, so losing any one of three nodes loses and stops nothing.
 *
 * <p>Ports and the cluster id are kept in {@code DIR/cluster.properties}, node N's data, its broker
 * log and its process output in {@code DIR/node-N}, so a cluster, or one node killed with {@code
 * kill -9}, starts again on its data. Nodes end with their launcher, even when it is killed
 * ({@link ParentWatch}).
 *
 * <p>Used by {@code newsmon cluster} and the fault program. Run alone: {@code java -cp newsmon.jar
 * io.newsmon.app.broker.KafkaCluster DIR [NODES]} prints the bootstrap servers and runs until Ctrl-C.
 */
public final class KafkaCluster implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaCluster.class);
  static final String STATE = "cluster.properties";

  private final Path dir;
  private final int[] clientPorts;
  private final List<JavaProcess> nodes;

  private KafkaCluster(Path dir, int[] clientPorts, List<JavaProcess> nodes) {
    this.dir = dir;
    this.clientPorts = clientPorts;
    this.nodes = nodes;
  }

  /**
   * Starts (or restarts on its data) a cluster of {@code count} nodes in {@code dir} and waits until
   * every broker is registered.
   *
   * @param javaOptions options of each node's JVM, e.g. {@code -Xmx512m}
   * @throws IllegalStateException when they are not up within {@code timeout} or a node exits
   */
  public static KafkaCluster start(Path dir, int count, List<String> javaOptions, Duration timeout) {
    long started = System.nanoTime();
    KafkaCluster cluster = open(dir, count, javaOptions);
    // every node first: a node's startup waits for the controller quorum, which needs the others
    cluster.nodes.forEach(JavaProcess::start);
    try {
      cluster.awaitNodes(count, timeout);
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
    LOG.info("Kafka cluster of {} nodes ready on {} in {} ms (data and logs in {})", count,
        cluster.bootstrapServers(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), dir);
    return cluster;
  }

  /** {@link #start(Path, int, List, Duration)} with JVM options given as one string. */
  public static KafkaCluster start(Path dir, int count, String javaOptions, Duration timeout) {
    return start(dir, count, Arrays.stream(javaOptions.trim().split("\\s+")).filter(o -> !o.isEmpty()).toList(),
        timeout);
  }

  /** The cluster in {@code dir}, its ports and id chosen and recorded when the directory is new. */
  static KafkaCluster open(Path dir, int count, List<String> javaOptions) {
    Properties p = state(dir, count);
    int[] client = new int[count];
    int[] controller = new int[count];
    for (int i = 1; i <= count; i++) {
      client[i - 1] = Integer.parseInt(p.getProperty("node." + i + ".client-port"));
      controller[i - 1] = Integer.parseInt(p.getProperty("node." + i + ".controller-port"));
    }
    String voters = String.join(",", IntStream.rangeClosed(1, count)
        .mapToObj(i -> i + "@127.0.0.1:" + controller[i - 1]).toList());
    int replication = Math.min(3, count);
    int minInsync = Math.min(2, count);
    List<JavaProcess> nodes = new ArrayList<>();
    for (int id = 1; id <= count; id++) {
      Path nodeDir = dir.resolve("node-" + id).toAbsolutePath();
      nodes.add(new JavaProcess("node-" + id, javaOptions, BrokerProcess.class.getName(),
          List.of("--node-id", Integer.toString(id), "--dir", nodeDir.toString(),
              "--port", Integer.toString(client[id - 1]), "--controller-port", Integer.toString(controller[id - 1]),
              "--voters", voters, "--cluster-id", p.getProperty("cluster.id"),
              "--replication", Integer.toString(replication), "--min-insync", Integer.toString(minInsync)),
          nodeDir));
    }
    return new KafkaCluster(dir, client, nodes);
  }

  private static Properties state(Path dir, int count) {
    try {
      Files.createDirectories(dir);
      Path state = dir.resolve(STATE);
      Properties p = new Properties();
      if (Files.exists(state)) {
        try (InputStream in = Files.newInputStream(state)) {
          p.load(in);
        }
        if (Integer.parseInt(p.getProperty("nodes")) != count) {
          throw new IllegalArgumentException("the cluster in " + dir + " has " + p.getProperty("nodes")
              + " nodes, not " + count);
        }
        return p;
      }
      p.setProperty("nodes", Integer.toString(count));
      p.setProperty("cluster.id", Uuid.randomUuid().toString());
      for (int i = 1; i <= count; i++) {
        p.setProperty("node." + i + ".client-port", Integer.toString(EmbeddedKafka.freePort()));
        p.setProperty("node." + i + ".controller-port", Integer.toString(EmbeddedKafka.freePort()));
      }
      try (OutputStream out = Files.newOutputStream(state)) {
        p.store(out, "newsmon local Kafka cluster: ports and cluster id");
      }
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the cluster directory " + dir, e);
    }
  }

  /** {@code host:port,...} of every node. */
  public String bootstrapServers() {
    StringJoiner j = new StringJoiner(",");
    for (int port : clientPorts) {
      j.add("127.0.0.1:" + port);
    }
    return j.toString();
  }

  public int size() {
    return nodes.size();
  }

  /** Node {@code id} (1-based): its process. */
  public JavaProcess node(int id) {
    return nodes.get(id - 1);
  }

  /** Node {@code id}'s directory: its data, {@code broker.log} and its process output. */
  public Path nodeDir(int id) {
    return dir.resolve("node-" + id);
  }

  /** {@code kill -9} of node {@code id}, as a crash would; waits until the process is gone. */
  public void kill(int id) {
    node(id).kill();
  }

  /** Stops node {@code id} cleanly (SIGTERM: controlled shutdown), killing it after 60 s. */
  public void stop(int id) {
    node(id).stop(60);
  }

  /** Starts node {@code id} again on its directory and ports (does not wait for it; see {@link #awaitNodes}). */
  public void restart(int id) {
    JavaProcess n = node(id);
    synchronized (n) {
      if (!n.alive()) {
        n.start();
      }
    }
  }

  /** The process id of node {@code id}, or -1 when it is not running. */
  public long pid(int id) {
    return node(id).alive() ? node(id).pid() : -1;
  }

  /**
   * Waits until at least {@code count} brokers are registered with the cluster.
   *
   * @throws IllegalStateException when they are not within {@code timeout}, or a node exited by itself
   */
  public void awaitNodes(int count, Duration timeout) {
    try {
      EmbeddedKafka.awaitNodes(bootstrapServers(), count, timeout, () -> {
        for (JavaProcess n : nodes) {
          Integer exit = n.exitCode();
          if (exit != null && exit != 137) {
            throw new IllegalStateException(n.name() + " exited with status " + exit + "; see " + n.log());
          }
        }
      });
    } catch (IllegalStateException e) {
      throw new IllegalStateException(e.getMessage() + " (node logs in " + dir + "/node-*)", e);
    }
  }

  /** Stops every node (SIGTERM, then SIGKILL after 60 s), all at once. */
  @Override
  public void close() {
    nodes.parallelStream().forEach(n -> n.stop(60));
  }

  public static void main(String[] args) throws InterruptedException {
    if (args.length < 1) {
      System.err.println("usage: KafkaCluster DIR [NODES]");
      System.exit(2);
    }
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    KafkaCluster cluster = start(Path.of(args[0]), count, List.of("-Xmx512m", "-XX:+UseSerialGC"),
        Duration.ofMinutes(2));
    Runtime.getRuntime().addShutdownHook(new Thread(cluster::close));
    System.out.println(cluster.bootstrapServers());
    Thread.currentThread().join();
  }
}
