package io.newsmon.app.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Java main class run as a separate OS process on this program's class path, restartable with the
 * same command line: its output is appended to a log file, its standard input is a pipe watched by
 * {@link ParentWatch} (so it ends when this program ends, even on {@code kill -9}), and it can be
 * killed with SIGKILL ({@link #kill()}) or stopped with SIGTERM ({@link #stop()}).
 */
public final class JavaProcess {

  private final String name;
  private final List<String> command;
  private final Path log;
  private Process process;
  private int starts;

  /**
   * @param name a short name for messages and the log file
   * @param jvmOptions options such as {@code -Xmx512m}
   * @param mainClass the class whose {@code main} runs (behind {@link ParentWatch})
   * @param args its arguments
   * @param logDir where {@code NAME.log} is written
   */
  public JavaProcess(String name, List<String> jvmOptions, String mainClass, List<String> args, Path logDir) {
    this.name = name;
    List<String> c = new ArrayList<>();
    c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    c.addAll(jvmOptions);
    c.add("-cp");
    c.add(System.getProperty("java.class.path"));
    c.add(ParentWatch.class.getName());
    c.add(mainClass);
    c.addAll(args);
    this.command = List.copyOf(c);
    this.log = logDir.resolve(name + ".log");
  }

  /** Starts the process (again, after a kill or a stop). */
  public synchronized JavaProcess start() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(name + " is already running");
    }
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .redirectInput(ProcessBuilder.Redirect.PIPE);
      process = pb.start();
      starts++;
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  /** {@code kill -9}: the process gets no chance to clean up. Waits until it is gone. */
  public synchronized void kill() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** SIGTERM, waiting up to {@code seconds} for a clean exit, then SIGKILL. */
  public synchronized void stop(int seconds) {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  public synchronized boolean alive() {
    return process != null && process.isAlive();
  }

  /** The exit code once it has ended, else null. */
  public synchronized Integer exitCode() {
    return process == null || process.isAlive() ? null : process.exitValue();
  }

  public synchronized long pid() {
    return process == null ? -1 : process.pid();
  }

  public String name() {
    return name;
  }

  public Path log() {
    return log;
  }

  /** How many times it was started. */
  public synchronized int starts() {
    return starts;
  }
}
