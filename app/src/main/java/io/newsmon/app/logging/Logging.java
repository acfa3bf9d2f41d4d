package io.newsmon.app.logging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The logging of the {@code newsmon} command: SLF4J over the JDK's {@code java.util.logging}, one
 * line per event on standard error, naming the component (ingestor, processor, sink, page, broker,
 * kafka) and the logger. newsmon logs at INFO, Kafka's clients at SEVERE (ERROR) only.
 *
 * <p>The embedded broker's own loggers ({@code kafka.*}, {@code state.change.logger} and the server
 * packages of {@code org.apache.kafka}) go to a file under the broker's data directory
 * ({@link #brokerToFile}), never to the terminal, unless asked for ({@code embedded.broker-logs}).
 * A logger's level can be raised with {@code -Dnewsmon.log.<logger>=FINE} (DEBUG).
 *
 * <p>Also usable as {@code -Djava.util.logging.config.class=io.newsmon.app.logging.Logging} (tests).
 */
public final class Logging {

  /** Loggers of the broker and controller (server side), as opposed to the clients'. */
  static final List<String> BROKER_LOGGERS = List.of("kafka", "state.change.logger",
      "org.apache.kafka.server", "org.apache.kafka.storage", "org.apache.kafka.raft",
      "org.apache.kafka.controller", "org.apache.kafka.metadata", "org.apache.kafka.image",
      "org.apache.kafka.coordinator", "org.apache.kafka.queue", "org.apache.kafka.security",
      "org.apache.kafka.snapshot", "org.apache.kafka.network", "org.apache.kafka.timeline");

  /** Loggers whose configuration must outlive this call (java.util.logging keeps weak references). */
  private static final List<Logger> KEPT = new ArrayList<>();
  private static FileHandler brokerFile;
  private static boolean configured;
  private static boolean brokerOnConsole;

  /** Configures logging when instantiated by {@code java.util.logging.config.class}. */
  public Logging() {
    configure();
  }

  /** Sets up the console handler and levels; idempotent. */
  public static synchronized void configure() {
    if (configured) {
      return;
    }
    configured = true;
    LogManager.getLogManager().reset();
    Logger root = keep("");
    root.setLevel(Level.WARNING);
    ConsoleHandler console = new ConsoleHandler(); // standard error
    console.setLevel(Level.ALL);
    console.setFormatter(new OneLine());
    root.addHandler(console);
    keep("io.newsmon").setLevel(Level.INFO);
    keep("org.apache.kafka").setLevel(Level.SEVERE);
    keep("kafka").setLevel(Level.SEVERE);
    keep("state.change.logger").setLevel(Level.SEVERE);
    for (String name : System.getProperties().stringPropertyNames()) {
      if (name.startsWith("newsmon.log.")) {
        keep(name.substring("newsmon.log.".length())).setLevel(level(System.getProperty(name)));
      }
    }
  }

  private static Logger keep(String name) {
    Logger l = Logger.getLogger(name);
    KEPT.add(l);
    return l;
  }

  private static Level level(String s) {
    return switch (s.strip().toUpperCase(Locale.ROOT)) {
      case "TRACE" -> Level.FINEST;
      case "DEBUG" -> Level.FINE;
      case "INFO" -> Level.INFO;
      case "WARN" -> Level.WARNING;
      case "ERROR" -> Level.SEVERE;
      case "OFF" -> Level.OFF;
      default -> Level.parse(s.strip().toUpperCase(Locale.ROOT));
    };
  }

  /**
   * Sends the broker's loggers to {@code file} (appended, at INFO) instead of the terminal, unless
   * {@link #brokerToConsole} was called. A later call moves them to the new file (the loggers are
   * the process's: with two brokers in one process, both write to the newest file).
   */
  public static synchronized void brokerToFile(Path file) {
    configure();
    if (brokerOnConsole) {
      return;
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      FileHandler handler = new FileHandler(file.toAbsolutePath().toString(), 20 * 1024 * 1024, 1, true);
      handler.setFormatter(new OneLine());
      handler.setLevel(Level.ALL);
      for (String name : BROKER_LOGGERS) {
        Logger l = keep(name);
        if (brokerFile != null) {
          l.removeHandler(brokerFile);
        }
        l.setUseParentHandlers(false);
        l.setLevel(Level.INFO);
        l.addHandler(handler);
      }
      if (brokerFile != null) {
        brokerFile.close();
      }
      brokerFile = handler;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the broker's log to " + file, e);
    }
  }

  /** Shows the broker's warnings and errors on the terminal (the default is the file). */
  public static synchronized void brokerToConsole() {
    configure();
    brokerOnConsole = true;
    for (String name : BROKER_LOGGERS) {
      Logger l = keep(name);
      if (brokerFile != null) {
        l.removeHandler(brokerFile);
      }
      l.setUseParentHandlers(true);
      l.setLevel(Level.WARNING);
    }
  }

  /** The component a log event belongs to: from the logger's package, else the thread's name. */
  static String component(String logger, String thread) {
    String l = logger == null ? "" : logger;
    if (l.startsWith("io.newsmon.ingestor")) {
      return "ingestor";
    }
    if (l.startsWith("io.newsmon.processor")) {
      return "processor";
    }
    if (l.startsWith("io.newsmon.sink")) {
      return "sink";
    }
    if (l.startsWith("io.newsmon.app.web")) {
      return "page";
    }
    for (String b : BROKER_LOGGERS) {
      if (l.equals(b) || l.startsWith(b + ".")) {
        return "broker";
      }
    }
    if (l.startsWith("io.newsmon.app.broker")) {
      return "broker";
    }
    String t = thread == null ? "" : thread;
    if (t.contains("processor")) {
      return "processor";
    }
    if (t.contains("sink")) {
      return "sink";
    }
    if (t.contains("ingest")) {
      return "ingestor";
    }
    if (t.contains("newsmon-page")) {
      return "page";
    }
    return l.startsWith("io.newsmon") ? "newsmon" : l.startsWith("org.apache.kafka") ? "kafka" : "lib";
  }

  /** {@code HH:mm:ss.SSS LEVEL [component] Logger: message}, on one line. */
  static final class OneLine extends Formatter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
        .withZone(ZoneId.systemDefault());

    @Override
    public String format(LogRecord r) {
      String logger = r.getLoggerName() == null ? "" : r.getLoggerName();
      StringBuilder sb = new StringBuilder(160);
      sb.append(TIME.format(Instant.ofEpochMilli(r.getMillis()))).append(' ')
          .append(levelName(r.getLevel())).append(" [")
          .append(component(logger, Thread.currentThread().getName())).append("] ")
          .append(logger.substring(logger.lastIndexOf('.') + 1)).append(": ")
          .append(oneLine(formatMessage(r)));
      Throwable t = r.getThrown();
      if (t != null) {
        if (System.getenv("NEWSMON_DEBUG") != null) {
          java.io.StringWriter w = new java.io.StringWriter();
          t.printStackTrace(new java.io.PrintWriter(w));
          sb.append(System.lineSeparator()).append(w.toString().stripTrailing());
        } else {
          sb.append(" (").append(oneLine(String.valueOf(t))).append(')');
        }
      }
      return sb.append(System.lineSeparator()).toString();
    }

    private static String oneLine(String s) {
      return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ');
    }

    private static String levelName(Level level) {
      int v = level.intValue();
      if (v >= Level.SEVERE.intValue()) {
        return "ERROR";
      }
      if (v >= Level.WARNING.intValue()) {
        return "WARN ";
      }
      if (v >= Level.INFO.intValue()) {
        return "INFO ";
      }
      return v >= Level.FINE.intValue() ? "DEBUG" : "TRACE";
    }
  }

  /** Closes the broker's log file, if any. */
  public static synchronized void closeBrokerFile() {
    if (brokerFile != null) {
      for (String name : BROKER_LOGGERS) {
        Logger.getLogger(name).removeHandler(brokerFile);
      }
      brokerFile.close();
      brokerFile = null;
    }
  }
}
