package io.newsmon.app.broker;

import io.newsmon.app.logging.Logging;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

/**
 * One node of a multi-node KRaft cluster (combined broker and controller) as a process of its own:
 * {@code java -cp newsmon.jar io.newsmon.app.broker.BrokerProcess --node-id 1 --dir DIR --port 19092
 * --controller-port 19093 --voters 1@127.0.0.1:19093,2@... --cluster-id ID [--replication 3]
 * [--min-insync 2]}. It formats {@code DIR} on the first start and reuses it afterwards, so a node
 * killed with {@code kill -9} and started again on the same directory recovers its logs and rejoins.
 * It stops with SIGTERM, and by itself when its standard input closes (its launcher died), so a
 * crashed launcher leaves no broker behind. Its broker's own log is {@code DIR/broker.log}.
 * {@link KafkaCluster} starts and kills these.
 */
public final class BrokerProcess {

  private BrokerProcess() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> a = options(args);
    int nodeId = Integer.parseInt(required(a, "node-id"));
    Path dir = Path.of(required(a, "dir")).toAbsolutePath();
    Path logDir = dir.resolve("kafka-logs");
    int port = Integer.parseInt(required(a, "port"));
    int controllerPort = Integer.parseInt(required(a, "controller-port"));
    Properties props = properties(nodeId, logDir, port, controllerPort, required(a, "voters"),
        Integer.parseInt(a.getOrDefault("replication", "3")), Integer.parseInt(a.getOrDefault("min-insync", "2")));
    Files.createDirectories(logDir);
    Logging.configure();
    Logging.brokerToFile(dir.resolve(EmbeddedKafka.LOG_FILE));
    if (!Files.exists(logDir.resolve("meta.properties"))) {
      EmbeddedKafka.format(logDir, nodeId, required(a, "cluster-id"));
    }
    KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.shutdown();
      server.awaitShutdown();
    }, "broker-shutdown"));
    ParentWatch.exitWhenStdinCloses();
    server.startup();
    System.err.println("broker node " + nodeId + " started on 127.0.0.1:" + port + "; its log in "
        + dir.resolve(EmbeddedKafka.LOG_FILE));
    server.awaitShutdown();
  }

  /**
   * The properties of one node: the embedded broker's, with this node's id, the cluster's voters
   * and the replication of a multi-node cluster (internal topics and new topics replicated
   * {@code replication} times, {@code min.insync.replicas} as given).
   */
  static Properties properties(int nodeId, Path logDir, int port, int controllerPort, String voters,
      int replication, int minInsync) {
    Properties p = EmbeddedKafka.nodeProperties(nodeId, logDir, port, controllerPort, voters, replication,
        minInsync);
    // a node that comes back takes its partitions' leadership back soon, so load spreads again
    p.put("leader.imbalance.check.interval.seconds", "10");
    return p;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
      }
      m.put(args[i].substring(2), args[i + 1]);
    }
    return m;
  }

  private static String required(Map<String, String> a, String name) {
    String v = a.get(name);
    if (v == null) {
      throw new IllegalArgumentException("missing --" + name);
    }
    return v;
  }
}
