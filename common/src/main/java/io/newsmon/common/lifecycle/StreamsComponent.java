package io.newsmon.common.lifecycle;

import org.apache.kafka.streams.KafkaStreams;

/** The {@link Component.State} of a Kafka Streams client. */
public final class StreamsComponent {

  private StreamsComponent() {}

  /**
   * CREATED before the client exists; RUNNING while it is created, rebalancing or running; FAILED
   * once it is in error, or shut down while its owner did not close it (the {@link CrashPolicy} gave
   * up); STOPPED once its owner closed it.
   *
   * @param streams the client, or null before start
   * @param closed whether the owner closed it
   */
  public static Component.State state(KafkaStreams streams, boolean closed) {
    if (closed) {
      return Component.State.STOPPED;
    }
    if (streams == null) {
      return Component.State.CREATED;
    }
    return switch (streams.state()) {
      case CREATED, REBALANCING, RUNNING -> Component.State.RUNNING;
      case PENDING_ERROR, ERROR, PENDING_SHUTDOWN, NOT_RUNNING -> Component.State.FAILED;
    };
  }
}
