package io.newsmon.app.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A KRaft cluster of several nodes on this machine, each a separate {@link BrokerProcess} (combined
 * broker and controller) with its own directory and fixed ports, so a node can be killed with
 * {@code kill -9} and started again where it was. Topics get {@code replication} replicas and
 * {@code min.insync.replicas=minInsync}: with 3 and 2, losing any one node loses nothing and stops
 * nothing.
 *
 * <p>Run alone: {@code java -cp newsmon.jar io.newsmon.app.broker.LocalCluster DIR [NODES]} prints
 * the bootstrap servers and runs until Ctrl-C.
 */
public final class LocalCluster implements AutoCloseable {

  private final List<JavaProcess> nodes;
  private final List<Integer> clientPorts;

  private LocalCluster(List<JavaProcess> nodes, List<Integer> clientPorts) {
    this.nodes = nodes;
    this.clientPorts = clientPorts;
  }

  /**
   * Starts {@code count} nodes with data under {@code dir} (node N in {@code dir/node-N}, logs in
   * {@code dir/logs}) and waits until all of them are registered.
   *
   * @param heap the heap of each node, such as {@code 384m}
   */
  public static LocalCluster start(Path dir, int count, int replication, int minInsync, String heap,
      Duration timeout) {
    List<Integer> clientPorts = new ArrayList<>();
    List<Integer> controllerPorts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      clientPorts.add(freePort());
      controllerPorts.add(freePort());
    }
    String voters = java.util.stream.IntStream.range(0, count)
        .mapToObj(i -> (i + 1) + "@127.0.0.1:" + controllerPorts.get(i)).collect(Collectors.joining(","));
    String clusterId = Uuid.randomUuid().toString();
    List<JavaProcess> nodes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int id = i + 1;
      nodes.add(new JavaProcess("broker-" + id, List.of("-Xmx" + heap, "-XX:+UseSerialGC"),
          BrokerProcess.class.getName(),
          List.of("--node-id", Integer.toString(id), "--dir", dir.resolve("node-" + id).toString(),
              "--port", clientPorts.get(i).toString(), "--controller-port", controllerPorts.get(i).toString(),
              "--voters", voters, "--cluster-id", clusterId,
              "--replication", Integer.toString(replication), "--min-insync", Integer.toString(minInsync)),
          dir.resolve("logs")));
    }
    LocalCluster cluster = new LocalCluster(nodes, clientPorts);
    nodes.forEach(JavaProcess::start);
    try {
      cluster.awaitNodes(count, timeout);
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  /** {@code host:port,...} of every node. */
  public String bootstrapServers() {
    return clientPorts.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
  }

  public int size() {
    return nodes.size();
  }

  /** Node {@code id} (1-based). */
  public JavaProcess node(int id) {
    return nodes.get(id - 1);
  }

  /** {@code kill -9} of node {@code id}. */
  public void kill(int id) {
    node(id).kill();
  }

  /** Starts node {@code id} again on its directory and ports. */
  public void restart(int id) {
    node(id).start();
  }

  /**
   * Waits until at least {@code count} nodes are registered with the cluster.
   *
   * @throws IllegalStateException when they are not within {@code timeout}
   */
  public void awaitNodes(int count, Duration timeout) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Admin admin = Admin.create(p)) {
      while (true) {
        try {
          if (admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() >= count) {
            return;
          }
        } catch (ExecutionException | TimeoutException e) {
          // not up yet
        }
        for (JavaProcess n : nodes) {
          if (n.exitCode() != null && n.starts() > 0 && !n.alive() && n.exitCode() != 137) {
            throw new IllegalStateException(n.name() + " exited with " + n.exitCode() + "; see " + n.log());
          }
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(count + " broker nodes were not up within " + timeout
              + "; see the logs in " + nodes.get(0).log().getParent());
        }
        Thread.sleep(200);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the cluster", e);
    }
  }

  /** Stops every node (SIGTERM, then SIGKILL after 20 s). */
  @Override
  public void close() {
    nodes.parallelStream().forEach(n -> n.stop(20));
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }

  public static void main(String[] args) throws InterruptedException {
    if (args.length < 1) {
      System.err.println("usage: LocalCluster DIR [NODES]");
      System.exit(2);
    }
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    LocalCluster cluster = start(Path.of(args[0]), count, Math.min(3, count), Math.min(2, count), "512m",
        Duration.ofSeconds(120));
    Runtime.getRuntime().addShutdownHook(new Thread(cluster::close));
    System.out.println(cluster.bootstrapServers());
    Thread.currentThread().join();
  }
}
