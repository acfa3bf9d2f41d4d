package io.newsmon.app.broker;

import java.nio.file.Path;

/**
 * The all-in-one run's embedded node alone, as a process of its own that a test can {@code kill -9}:
 * {@code SingleNodeProcess DIR PORT}. It runs until it is killed or its standard input closes.
 */
public final class SingleNodeProcess {

  private SingleNodeProcess() {}

  public static void main(String[] args) throws Exception {
    EmbeddedKafka.start(Path.of(args[0]), Integer.parseInt(args[1]), false);
    Thread.currentThread().join();
  }
}
