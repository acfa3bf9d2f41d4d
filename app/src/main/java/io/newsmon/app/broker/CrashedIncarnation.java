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
 * <p>The request is sent again every 100 ms until the controller is active; its first answer then
 * ends the attempt, and each attempt first checks that this process's broker is still unregistered.
 * The registration removed is therefore the dead incarnation's unless the new one registered between
 * that check and the controller's answer, which it can only do once the dead incarnation's session
 * (9 s from the controller's activation) has expired: the attempt is made at activation, seconds
 * before that. On any error the node simply waits for the session timeout as before.
 */
final class CrashedIncarnation {

  private static final Logger LOG = LoggerFactory.getLogger(CrashedIncarnation.class);
  /** Kafka writes this file in a log directory on a clean shutdown and deletes it at start. */
  static final String CLEAN_SHUTDOWN_FILE = ".kafka_cleanshutdown";
  private static final int STARTING = 1;

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
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
    p.put(AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, "50");
    long deadline = System.nanoTime() + giveUpAfter.toNanos();
    try (Admin admin = Admin.create(p)) {
      // until the controller is active, a request finds no active controller and times out; the
      // first answer of the active controller ends the loop (removed, or nothing to remove)
      while (System.nanoTime() < deadline) {
        if (brokerState.getAsInt() > STARTING) {
          return false; // registered already: nothing of the old incarnation stands in the way
        }
        try {
          admin.unregisterBroker(nodeId).all().get(4, TimeUnit.SECONDS);
          LOG.info("removed the registration of node {}'s crashed incarnation; the restarted broker registers at once",
              nodeId);
          return true;
        } catch (ExecutionException e) {
          if (e.getCause() instanceof BrokerIdNotRegisteredException) {
            return false;
          }
          LOG.debug("unregistering node {} failed, trying again: {}", nodeId, e.getCause().toString());
        } catch (TimeoutException e) {
          LOG.debug("unregistering node {} timed out, trying again", nodeId);
        }
        Thread.sleep(100);
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
