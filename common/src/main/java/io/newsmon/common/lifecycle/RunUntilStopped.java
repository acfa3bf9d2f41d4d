package io.newsmon.common.lifecycle;

import io.newsmon.common.config.NewsmonConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How every long-running command runs its components: a shutdown hook (Ctrl-C, SIGTERM) that asks the
 * command to stop and keeps the JVM alive until the components are closed, so producers flush and
 * Streams clients commit; components closed newest first; an exit status saying whether a component
 * failed.
 *
 * <pre>
 * try (OpsEndpoint http = ...; RunUntilStopped run = RunUntilStopped.install("process")) {
 *   run.start(config, new ProcessorService(config, null));   // topics created, then started
 *   return run.await(Duration.ofSeconds(30), () -> log progress);
 * } // closes the components, then lets the JVM exit
 * </pre>
 *
 * <p>Exit status: {@link #OK} when stopped by a signal or by {@link #stop()}; {@link #FAILED} when a
 * component reported {@link Component.State#FAILED} (for example a Streams client shut down by the
 * {@link CrashPolicy}).
 */
public final class RunUntilStopped implements AutoCloseable {

  public static final int OK = 0;
  public static final int FAILED = 1;
  /** How long the shutdown hook keeps the JVM alive for the components to close. */
  static final Duration CLOSE_WAIT = Duration.ofSeconds(90);

  private static final Logger LOG = LoggerFactory.getLogger(RunUntilStopped.class);

  private final String name;
  private final List<Component> components = new ArrayList<>();
  private final CountDownLatch stop = new CountDownLatch(1);
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Thread hook;
  private volatile Component failed;
  private final List<Runnable> afterClose = new ArrayList<>();

  private RunUntilStopped(String name, boolean withHook) {
    this.name = name;
    if (withHook) {
      this.hook = new Thread(() -> {
        stop.countDown();
        try {
          closed.await(CLOSE_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "newsmon-" + name + "-stop");
      Runtime.getRuntime().addShutdownHook(hook);
    } else {
      this.hook = null;
    }
  }

  /** Installs the shutdown hook of command {@code name}. */
  public static RunUntilStopped install(String name) {
    return new RunUntilStopped(name, true);
  }

  /** The same without a shutdown hook: stopped by {@link #stop()} only (tests). */
  public static RunUntilStopped withoutHook(String name) {
    return new RunUntilStopped(name, false);
  }

  /** Creates the component's missing topics, starts it, and closes it on {@link #close()}. */
  public <C extends Component> C start(NewsmonConfig config, C component) {
    components.add(component); // closed even when its start fails half way
    Component.startAll(config, List.of(component));
    return component;
  }

  /** Watches and later closes a component that was started elsewhere. */
  public <C extends Component> C adopt(C component) {
    components.add(component);
    return component;
  }

  /** Runs {@code action} once the components are closed (a clean-up the shutdown hook waits for too). */
  public void afterClose(Runnable action) {
    afterClose.add(action);
  }

  /** Asks {@link #await} to return, as a signal would. */
  public void stop() {
    stop.countDown();
  }

  /** True until a signal or {@link #stop()} came, or a component failed: the condition of a foreground loop. */
  public boolean running() {
    return stop.getCount() > 0 && checkFailed() == null;
  }

  /** {@link #running()} as a supplier, for loops that take one. */
  public BooleanSupplier keepGoing() {
    return this::running;
  }

  /**
   * Blocks until a signal or {@link #stop()}, or until a component fails (checked every second).
   *
   * @param every how often {@code onTick} runs (e.g. a progress line); null: never
   * @return {@link #OK}, or {@link #FAILED} when a component failed
   */
  public int await(Duration every, Runnable onTick) throws InterruptedException {
    long tickNanos = every == null ? Long.MAX_VALUE : Math.max(1, every.toNanos());
    long nextTick = System.nanoTime() + tickNanos;
    while (checkFailed() == null
        && !stop.await(Math.min(1000, Math.max(1, (nextTick - System.nanoTime()) / 1_000_000)),
        TimeUnit.MILLISECONDS)) {
      if (onTick != null && System.nanoTime() - nextTick >= 0) {
        onTick.run();
        nextTick = System.nanoTime() + tickNanos;
      }
    }
    return exitCode();
  }

  /** {@link #FAILED} once a component failed, else {@link #OK}. */
  public int exitCode() {
    return checkFailed() == null ? OK : FAILED;
  }

  private Component checkFailed() {
    if (failed == null) {
      for (Component c : components) {
        if (c.state() == Component.State.FAILED) {
          failed = c;
          LOG.error("newsmon {}: the {} stopped on an error (see above); stopping with exit status {}", name,
              c.name(), FAILED);
          break;
        }
      }
    }
    return failed;
  }

  /** Closes the components newest first, runs the {@link #afterClose} actions, then lets a pending shutdown proceed. */
  @Override
  public void close() {
    try {
      for (int i = components.size() - 1; i >= 0; i--) {
        Component c = components.get(i);
        try {
          c.close();
        } catch (RuntimeException e) {
          LOG.warn("error while stopping the {}: {}", c.name(), e.toString());
        }
      }
      components.clear();
      for (Runnable action : afterClose) {
        try {
          action.run();
        } catch (RuntimeException e) {
          LOG.warn("error while cleaning up after newsmon {}: {}", name, e.toString());
        }
      }
    } finally {
      closed.countDown();
      if (hook != null) {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
          // the JVM is shutting down already
        }
      }
    }
  }
}
