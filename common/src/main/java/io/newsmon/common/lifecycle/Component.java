package io.newsmon.common.lifecycle;

import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.kafka.Topic;
import io.newsmon.common.kafka.TopicAdmin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A long-running part of newsmon (the ingestor, the processor, the sink, the whole pipeline): it
 * declares the topics it reads and writes, is started once, reports its state and is closed once.
 * Whoever starts a component first creates its missing topics ({@link #startAll}); a component never
 * creates topics itself. {@link RunUntilStopped} runs components until a signal or a failure.
 */
public interface Component extends AutoCloseable {

  /** Where a component is in its life. */
  enum State {
    /** Built, not started. */
    CREATED,
    /** Started and working (a Streams client may be rebalancing). */
    RUNNING,
    /** Stopped on its own because of an error it could not get over; the process should exit non-zero. */
    FAILED,
    /** Closed. */
    STOPPED
  }

  /** A short name for logs: {@code ingestor}, {@code processor}, {@code sink}. */
  String name();

  /** The topics this component reads or writes; they must exist before {@link #start()}. */
  List<Topic<?, ?>> topics();

  /** Starts the component's threads and clients; called once. */
  void start();

  State state();

  /** Stops the component, waiting (bounded) for its clients to flush and close; safe to call twice. */
  @Override
  void close();

  /** The topics of all {@code components}, each once, in order of first mention. */
  static List<Topic<?, ?>> topicsOf(List<? extends Component> components) {
    Map<String, Topic<?, ?>> byName = new LinkedHashMap<>();
    for (Component c : components) {
      for (Topic<?, ?> t : c.topics()) {
        byName.putIfAbsent(t.name(), t);
      }
    }
    return new ArrayList<>(byName.values());
  }

  /** Creates the missing topics of all {@code components}, then starts them in order. */
  static void startAll(NewsmonConfig config, List<? extends Component> components) {
    TopicAdmin.ensure(config, topicsOf(components));
    for (Component c : components) {
      c.start();
    }
  }
}
