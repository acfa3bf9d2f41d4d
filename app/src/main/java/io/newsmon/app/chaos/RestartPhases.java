package io.newsmon.app.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the time of one restart of {@code newsmon run} went, read from the log lines it wrote after
 * the kill: the embedded broker's log ({@code broker.log}: controller, log recovery, registration,
 * coordinators) and the process output (Streams state changes and changelog restoration). Each
 * phase is the time from the kill to the line that ends it; lines are {@code HH:mm:ss.SSS ...}.
 */
final class RestartPhases {

  /** One phase: its name, the seconds from the kill to its end, and what the line said (or ""). */
  record Phase(String name, double seconds, String detail) {}

  private record Rule(String name, Pattern pattern, boolean last) {}

  private static final Pattern TIME = Pattern.compile("^(\\d\\d:\\d\\d:\\d\\d\\.\\d{3}) ");

  private static final List<Rule> BROKER = List.of(
      new Rule("process up, broker starting (first broker log line)", Pattern.compile("."), false),
      new Rule("controller active (KRaft metadata log replayed)", Pattern.compile("Becoming the active controller"), false),
      new Rule("logs recovered", Pattern.compile("Loaded (\\d+) logs in (\\d+)ms"), false),
      new Rule("crashed broker incarnation fenced", Pattern.compile("handleBrokerFenced"), false),
      new Rule("broker registered", Pattern.compile("Successfully registered broker"), false),
      new Rule("broker started", Pattern.compile("Kafka Server started"), false),
      new Rule("group coordinator loaded __consumer_offsets",
          Pattern.compile("Finished loading of metadata from __consumer_offsets.*Loaded (\\d+) records"), true),
      new Rule("transaction coordinator loaded __transaction_state",
          Pattern.compile("Finished loading \\d+ transaction metadata from __transaction_state"), true),
      new Rule("first member rejoined its group", Pattern.compile("Static member .* joins group|Preparing to rebalance group"),
          false));

  private static final List<Rule> PROCESS = List.of(
      new Rule("processor Streams started", Pattern.compile("processor state CREATED -> REBALANCING"), false),
      new Rule("changelogs restored", Pattern.compile("Finished restoring changelog .* total number of (\\d+) records"),
          true),
      new Rule("processor RUNNING", Pattern.compile("processor state REBALANCING -> RUNNING"), false),
      new Rule("sink RUNNING", Pattern.compile("stream-client \\[newsmon-sink.*State transition from REBALANCING to RUNNING"),
          false));

  private RestartPhases() {}

  /** The size of a log file now, to read only what is written after it. */
  static long mark(Path log) {
    try {
      return Files.exists(log) ? Files.size(log) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  /**
   * The phases of one restart.
   *
   * @param killed the wall-clock time (this machine's zone, as the logs) of the kill
   * @param brokerFrom, processFrom sizes of the logs at the kill ({@link #mark})
   * @param until phases ending later than this many seconds after the kill are ignored (the next
   *     restart's, or ordinary rebalances long after)
   */
  static List<Phase> read(Path brokerLog, long brokerFrom, Path processLog, long processFrom, LocalTime killed,
      double until) {
    List<Phase> out = new ArrayList<>();
    out.addAll(scan(brokerLog, brokerFrom, BROKER, killed, until));
    out.addAll(scan(processLog, processFrom, PROCESS, killed, until));
    out.sort(java.util.Comparator.comparingDouble(Phase::seconds));
    return out;
  }

  static List<Phase> scan(Path log, long from, List<Rule> rules, LocalTime killed, double until) {
    Map<String, Phase> found = new LinkedHashMap<>();
    long restoredRecords = 0;
    for (String line : linesAfter(log, from)) {
      Matcher t = TIME.matcher(line);
      if (!t.find()) {
        continue;
      }
      double s;
      try {
        s = secondsBetween(killed, LocalTime.parse(t.group(1)));
      } catch (DateTimeParseException e) {
        continue;
      }
      if (s > until) {
        break;
      }
      for (Rule r : rules) {
        Matcher m = r.pattern().matcher(line);
        if (!m.find() || (!r.last() && found.containsKey(r.name()))) {
          continue;
        }
        String detail = "";
        if (r.name().equals("logs recovered")) {
          detail = m.group(1) + " logs in " + m.group(2) + " ms";
        } else if (r.name().equals("changelogs restored")) {
          restoredRecords += Long.parseLong(m.group(1));
          detail = restoredRecords + " records";
        } else if (m.groupCount() > 0 && r.last()) {
          detail = m.group(1) + " records (last partition)";
        }
        found.put(r.name(), new Phase(r.name(), s, detail));
      }
    }
    return new ArrayList<>(found.values());
  }

  /** Seconds from {@code a} to {@code b}, across midnight when {@code b} is earlier. */
  static double secondsBetween(LocalTime a, LocalTime b) {
    long ms = Duration.between(a, b).toMillis();
    if (ms < -Duration.ofHours(12).toMillis()) {
      ms += Duration.ofDays(1).toMillis();
    }
    return ms / 1000.0;
  }

  private static List<String> linesAfter(Path log, long from) {
    if (!Files.exists(log)) {
      return List.of();
    }
    try {
      byte[] all = Files.readAllBytes(log);
      int start = (int) Math.min(from, all.length);
      return List.of(new String(all, start, all.length - start, StandardCharsets.UTF_8).split("\n"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + log, e);
    }
  }
}
