package io.newsmon.app.broker;

import io.newsmon.app.logging.Logging;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

/**
 * One node of a {@link KafkaCluster}, run as its own JVM: formats its directory when new, starts a
 * combined broker and controller, writes its log to {@code broker.log} in its directory, prints
 * {@code STARTED} and runs until its standard input closes or it is stopped (SIGTERM: a clean
 * shutdown).
 *
 * <p>Arguments: node id, directory, client port, controller port, voters ({@code id@host:port,...}),
 * cluster id, replication factor.
 */
public final class ClusterNode {

  private ClusterNode() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 7) {
      System.err.println("usage: ClusterNode NODE_ID DIR CLIENT_PORT CONTROLLER_PORT VOTERS CLUSTER_ID REPLICATION");
      System.exit(2);
    }
    int nodeId = Integer.parseInt(args[0]);
    Path dir = Path.of(args[1]);
    int clientPort = Integer.parseInt(args[2]);
    int controllerPort = Integer.parseInt(args[3]);
    Files.createDirectories(dir);
    Logging.configure();
    Logging.brokerToFile(dir.resolve(EmbeddedKafka.LOG_FILE));
    Path logDir = dir.resolve("kafka-logs").toAbsolutePath();
    Properties props = EmbeddedKafka.nodeProperties(nodeId, logDir, clientPort, controllerPort, args[4],
        Integer.parseInt(args[6]));
    if (!Files.exists(logDir.resolve("meta.properties"))) {
      EmbeddedKafka.format(logDir, nodeId, args[5]);
    }
    // the parent holds our standard input open; when it goes away (even mid-startup), so do we
    Thread watch = new Thread(() -> {
      try {
        while (System.in.read() >= 0) {
          // ignore input
        }
      } catch (java.io.IOException e) {
        // parent gone
      }
      System.exit(0);
    }, "parent-watch");
    watch.setDaemon(true);
    watch.start();
    KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.shutdown();
      server.awaitShutdown();
    }, "node-shutdown"));
    server.startup();
    System.out.println("STARTED node " + nodeId + " on 127.0.0.1:" + clientPort);
    System.out.flush();
    watch.join();
  }
}
