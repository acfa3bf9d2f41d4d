package io.newsmon.app.broker;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.BrokerIdNotRegisteredException;
import org.apache.kafka.common.errors.NotControllerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the registration a crashed incarnation of the embedded node left in the cluster metadata,
 * so that the restarted node registers at once instead of after the broker session timeout
 * (decision 16).
 *
 * <p>After a {@code kill -9}, the metadata log still holds the dead incarnation's registration, and the
 * controller, once active again, gives it a full session ({@code broker.session.timeout.ms}, 9 s) before
 * fencing it; until then it refuses the new incarnation ("another broker is registered with that
 * broker id"). On a single node nobody else can be that registration, so when the node did not shut
 * down cleanly, this asks the node's own controller to unregister it as soon as the controller answers,
 * while this process's broker is still unregistered. The controller then treats the new registration
 * as what follows an unclean shutdown, as it would after the session timeout.
 *
 * <p>One request is sent, as soon as the node leads the metadata quorum (its controller is the active
 * one), and it is never sent again unless the controller refused it without acting on it (not the
 * active controller yet): a repeated request could reach the controller after the new incarnation has
 * registered and remove that one instead. While the dead incarnation's session lasts (9 s from the
 * controller's activation), the new incarnation cannot register, so the one request, sent at
 * activation, removes the dead one. On any other error or no answer the node simply waits for the
 * session timeout as before.
 */
final class CrashedIncarnation {

  private static final Logger LOG = LoggerFactory.getLogger(CrashedIncarnation.class);
  /** Kafka writes this file in a log directory on a clean shutdown and deletes it at start. */
  static final String CLEAN_SHUTDOWN_FILE = ".kafka_cleanshutdown";
  private static final int STARTING = 1;
  /** How long after the node first leads the quorum a refused request may still be sent again. */
  private static final Duration REFUSALS_FOR = Duration.ofSeconds(3);

  private CrashedIncarnation() {
  }

  /**
   * Whether the node's last run ended without a clean shutdown: a formatted log directory without the
   * clean-shutdown marker. Must be called before the node starts (it deletes the marker).
   */
  static boolean lastRunCrashed(Path logDir) {
    return Files.exists(logDir.resolve("meta.properties")) && !Files.exists(logDir.resolve(CLEAN_SHUTDOWN_FILE));
  }

  /**
   * Starts a daemon thread that unregisters {@code nodeId}'s crashed incarnation through the controller
   * at {@code controller} ({@code host:port}) while the broker of this process is still starting.
   *
   * @return completed with whether a registration was removed
   */
  static CompletableFuture<Boolean> removeInBackground(String controller, int nodeId, Duration giveUpAfter) {
    CompletableFuture<Boolean> removed = new CompletableFuture<>();
    Thread t = new Thread(() -> removed.complete(remove(controller, nodeId, giveUpAfter, CrashedIncarnation::brokerState)),
        "embedded-broker-crashed-incarnation");
    t.setDaemon(true);
    t.start();
    return removed;
  }

  /**
   * Asks the controller to unregister {@code nodeId} once it is active, if {@code brokerState} still
   * says this process's broker is starting (not registered).
   *
   * @return whether a registration was removed
   */
  static boolean remove(String controller, int nodeId, Duration giveUpAfter, IntSupplier brokerState) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_CONTROLLERS_CONFIG, controller);
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
    // never resent by the client: a second request could reach the controller after the new
    // incarnation registered and remove it
    p.put(AdminClientConfig.RETRIES_CONFIG, "0");
    long deadline = System.nanoTime() + giveUpAfter.toNanos();
    long leading = 0; // when the node was first seen leading the quorum
    try (Admin admin = Admin.create(p)) {
      while (System.nanoTime() < deadline) {
        if (brokerState.getAsInt() > STARTING) {
          return false; // caught up already: nothing of the old incarnation stands in the way
        }
        if (!activeController(admin, nodeId)) {
          Thread.sleep(100);
          continue;
        }
        if (leading == 0) {
          leading = System.nanoTime();
        } else if (System.nanoTime() - leading > REFUSALS_FOR.toNanos()) {
          // sessions run from the controller's activation, just after it leads the quorum: past
          // this, the dead incarnation's session may be close to expiring and a new one registering
          LOG.info("the controller of node {} kept refusing the removal; its session expires instead", nodeId);
          return false;
        }
        try {
          admin.unregisterBroker(nodeId).all().get(6, TimeUnit.SECONDS);
          LOG.info("removed the registration of node {}'s crashed incarnation; the restarted broker registers at once",
              nodeId);
          return true;
        } catch (ExecutionException e) {
          if (e.getCause() instanceof BrokerIdNotRegisteredException) {
            return false;
          }
          if (e.getCause() instanceof NotControllerException) {
            Thread.sleep(100); // refused, not applied: the controller is not active yet
            continue;
          }
          LOG.info("could not remove the crashed incarnation of node {} ({}); its session expires instead",
              nodeId, e.getCause().toString());
          return false;
        } catch (TimeoutException e) {
          // the request may still be applied: never send another
          LOG.info("no answer to the removal of node {}'s crashed incarnation; its session expires instead", nodeId);
          return false;
        }
      }
      LOG.info("the crashed incarnation of node {} was not removed within {}; its session expires instead",
          nodeId, giveUpAfter);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (RuntimeException e) {
      LOG.warn("could not remove the crashed incarnation of node {}: {}", nodeId, e.toString());
      return false;
    }
  }

  /** Whether {@code nodeId} leads the metadata quorum, i.e. its controller is the active one. */
  private static boolean activeController(Admin admin, int nodeId) throws InterruptedException {
    try {
      return admin.describeMetadataQuorum().quorumInfo().get(3, TimeUnit.SECONDS).leaderId() == nodeId;
    } catch (ExecutionException | TimeoutException e) {
      return false;
    }
  }

  /**
   * Removes the broker-state gauge a broker that ran before in this JVM left behind. Kafka registers
   * it when a broker is built and never removes it, and the metrics registry hands the existing gauge
   * back to the next broker: {@link #brokerState()} would read the stopped broker's state. Called
   * before a broker is built.
   */
  static void forgetEarlierBrokerState() {
    var registry = org.apache.kafka.server.metrics.KafkaYammerMetrics.defaultRegistry();
    registry.allMetrics().keySet().stream()
        .filter(n -> "kafka.server".equals(n.getGroup()) && "KafkaServer".equals(n.getType())
            && "BrokerState".equals(n.getName()))
        .toList()
        .forEach(registry::removeMetric);
  }

  /** This process's broker state ({@code kafka.server:type=KafkaServer,name=BrokerState}); 0 when unknown. */
  private static int brokerState() {
    try {
      MBeanServer server = ManagementFactory.getPlatformMBeanServer();
      Object value = server.getAttribute(new ObjectName("kafka.server:type=KafkaServer,name=BrokerState"), "Value");
      return ((Number) value).intValue();
    } catch (Exception e) {
      return 0;
    }
  }
}
