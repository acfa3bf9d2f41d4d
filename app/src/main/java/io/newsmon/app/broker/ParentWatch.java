package io.newsmon.app.broker;

import java.io.IOException;
import java.io.InputStream;

/**
 * Ends a child process when its launcher goes away: the launcher keeps the child's standard input
 * open as a pipe, and when that pipe closes (the launcher exited or was killed) the child exits
 * through its shutdown hooks. For processes started as a {@link JavaProcess} ({@link KafkaCluster}'s
 * nodes, the fault program's components).
 */
public final class ParentWatch {

  private ParentWatch() {}

  /** Starts a daemon thread that reads standard input and calls {@code System.exit(0)} at its end. */
  public static void exitWhenStdinCloses() {
    Thread t = new Thread(() -> {
      try {
        InputStream in = System.in;
        byte[] buf = new byte[256];
        while (in.read(buf) >= 0) {
          // nothing is sent on the pipe; read until it closes
        }
      } catch (IOException e) {
        // treated as closed
      }
      System.exit(0);
    }, "parent-watch");
    t.setDaemon(true);
    t.start();
  }

  /** Runs a main class after starting the watch: {@code ParentWatch MAIN-CLASS ARGS...}. */
  public static void main(String[] args) throws Throwable {
    exitWhenStdinCloses();
    String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
    Class.forName(args[0]).getMethod("main", String[].class).invoke(null, (Object) rest);
  }
}
