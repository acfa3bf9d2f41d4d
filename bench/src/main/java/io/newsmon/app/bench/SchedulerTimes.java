package io.newsmon.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where this process's threads spent their time, as Linux's scheduler counts it
 * ({@code /proc/self/task/<tid>/schedstat}: nanoseconds on a CPU, nanoseconds runnable but waiting for
 * one). Unlike thread CPU time, this covers every thread (the collector, the JIT compiler, RocksDB's own
 * threads) and tells a thread that is slow because it waits for a CPU from one that waits for I/O or
 * for a lock (neither running nor runnable). Empty where {@code /proc} has no schedstat (not Linux).
 */
final class SchedulerTimes {

  /** Time of one part so far: on a CPU and runnable but waiting for one, in nanoseconds. */
  record Times(long running, long waiting) {
    Times plus(Times o) {
      return new Times(running + o.running, waiting + o.waiting);
    }

    Times minus(Times o) {
      return new Times(running - o.running, waiting - o.waiting);
    }
  }

  private SchedulerTimes() {}

  /** Every thread of this process by part ({@link #part} of its name), and "process" for them all. */
  static Map<String, Times> read() {
    Map<String, Times> out = new TreeMap<>();
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) {
      return out;
    }
    try (var dirs = Files.list(tasks)) {
      for (Path t : (Iterable<Path>) dirs::iterator) {
        try {
          Times times = parse(Files.readString(t.resolve("schedstat")));
          if (times != null) {
            out.merge(part(Files.readString(t.resolve("comm")).strip()), times, Times::plus);
            out.merge("process", times, Times::plus);
          }
        } catch (IOException e) {
          // the thread ended between the listing and the read
        }
      }
    } catch (IOException e) {
      return out;
    }
    return out;
  }

  /** A schedstat line ("running waiting timeslices"), or null when it is not one. */
  static Times parse(String schedstat) {
    String[] f = schedstat.strip().split("\\s+");
    if (f.length < 2) {
      return null;
    }
    try {
      return new Times(Long.parseLong(f[0]), Long.parseLong(f[1]));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * The part a thread belongs to by its native name (Linux keeps the first 15 characters of the Java
   * name): the processor's and the sink's stream threads, the JIT compiler, the collector; the rest
   * together.
   */
  static String part(String comm) {
    if (comm.startsWith("newsmon-process")) {
      return "processor stream threads";
    }
    if (comm.startsWith("newsmon-sink")) {
      return "sink stream threads";
    }
    if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) {
      return "JIT compiler";
    }
    if (comm.startsWith("GC Thread") || comm.startsWith("VM Thread") || comm.startsWith("ParGC")) {
      return "collector";
    }
    return "other threads";
  }

  /**
   * One line: the whole process's CPU in cores over {@code wallNanos}, and for each part its cores
   * and how long its threads waited for a CPU (in cores: 0.5 is one thread runnable half the time
   * without a CPU).
   */
  static String describe(Map<String, Times> start, Map<String, Times> end, long wallNanos, int cores) {
    StringBuilder sb = new StringBuilder();
    Times all = end.getOrDefault("process", new Times(0, 0)).minus(start.getOrDefault("process", new Times(0, 0)));
    sb.append(String.format("scheduler (every thread: collector, JIT compiler and RocksDB's included): process %.2f of %d "
        + "cores, its threads waiting for a CPU %.2f cores;", all.running() / (double) wallNanos, cores,
        all.waiting() / (double) wallNanos));
    for (Map.Entry<String, Times> e : end.entrySet()) {
      if (e.getKey().equals("process")) {
        continue;
      }
      Times d = e.getValue().minus(start.getOrDefault(e.getKey(), new Times(0, 0)));
      sb.append(String.format(" %s running %.2f, waiting %.2f;", e.getKey(), d.running() / (double) wallNanos,
          d.waiting() / (double) wallNanos));
    }
    return sb.toString();
  }
}
