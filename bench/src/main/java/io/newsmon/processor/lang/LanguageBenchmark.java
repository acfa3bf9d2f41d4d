package io.newsmon.processor.lang;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Detections per second of {@link LanguageIdentifier} per script group, on short texts (the title
 * alone) and long ones (title and text, at least the 600 characters the processor samples), and the
 * heap each group's models take when they are first used. A benchmark program that prints figures.
 *
 * <pre>
 * java -Xmx1g -cp 'app/target/lib/*' io.newsmon.processor.lang.LanguageBenchmark \
 *     processor/src/test/resources/lang/samples.json [--seconds 1]
 * </pre>
 *
 * <p>The input is labelled articles as read by {@link LanguageAccuracy}; each article counts for the
 * script group of its language. Groups are run from those without a model to the largest model
 * group, so the heap growth printed for a group is what loading its models cost. Rates are wall-clock
 * and CPU time of the one benchmark thread (the CPU figure is the steadier one on a shared machine).
 */
public final class LanguageBenchmark {

  private LanguageBenchmark() {}

  public static void main(String[] args) throws IOException {
    double seconds = 1;
    boolean fastPath = true;
    List<LanguageAccuracy.Sample> samples = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--seconds" -> seconds = Double.parseDouble(args[++i]);
        case "--no-fast-path" -> fastPath = false;
        default -> samples.addAll(LanguageAccuracy.read(Path.of(args[i])));
      }
    }
    if (samples.isEmpty()) {
      System.err.println("usage: LanguageBenchmark [--seconds S] [--no-fast-path] FILE_OR_FOLDER...");
      System.exit(2);
    }
    Map<ScriptGroup, List<LanguageAccuracy.Sample>> byGroup = new EnumMap<>(ScriptGroup.class);
    for (LanguageAccuracy.Sample s : samples) {
      byGroup.computeIfAbsent(LanguageAccuracy.group(s.lang()), g -> new ArrayList<>()).add(s);
    }
    Runtime rt = Runtime.getRuntime();
    System.out.printf(Locale.ROOT, "machine: %d cores, %d MB max heap, Java %s; fast path %s; %d articles%n",
        rt.availableProcessors(), rt.maxMemory() >> 20, System.getProperty("java.version"), fastPath,
        samples.size());
    long base = usedHeap();
    LanguageIdentifier id = LanguageIdentifier.shared(List.of(LanguageIdentifier.ALL), 600, 0.2, fastPath);
    System.out.printf(Locale.ROOT, "%-10s %5s %9s %14s %14s %9s %14s %14s %12s%n", "group", "texts",
        "short ch", "short det/s", "short µs cpu", "long ch", "long det/s", "long µs cpu", "heap +MB");
    List<ScriptGroup> order = new ArrayList<>();
    for (ScriptGroup g : ScriptGroup.values()) {
      if (g.decision() != ScriptGroup.Decision.MODEL) {
        order.add(g);
      }
    }
    order.addAll(List.of(ScriptGroup.DEVANAGARI, ScriptGroup.ARABIC, ScriptGroup.CYRILLIC, ScriptGroup.LATIN));
    long before = usedHeap();
    for (ScriptGroup g : order) {
      List<LanguageAccuracy.Sample> group = byGroup.get(g);
      if (group == null) {
        continue;
      }
      List<String[]> shortTexts = new ArrayList<>();
      List<String[]> longTexts = new ArrayList<>();
      for (LanguageAccuracy.Sample s : group) {
        shortTexts.add(new String[] {s.title(), null});
        String text = s.text() == null ? "" : s.text();
        StringBuilder sb = new StringBuilder(text);
        while (sb.length() > 0 && sb.length() < 600) {
          sb.append(' ').append(text);
        }
        longTexts.add(new String[] {s.title(), sb.toString()});
      }
      double[] sh = run(id, shortTexts, seconds);
      double[] lo = run(id, longTexts, seconds);
      long after = usedHeap();
      System.out.printf(Locale.ROOT, "%-10s %5d %9.0f %14.0f %14.1f %9.0f %14.0f %14.1f %12.1f%n",
          g.name().toLowerCase(Locale.ROOT), group.size(), sh[2], sh[0], sh[1], lo[2], lo[0], lo[1],
          (after - before) / 1048576.0);
      before = after;
    }
    System.out.printf(Locale.ROOT, "heap after all groups: %.1f MB above the start%n", (usedHeap() - base) / 1048576.0);
  }

  /** {detections/s (wall), µs of CPU per detection, mean characters}, after a warm-up of the same length. */
  private static double[] run(LanguageIdentifier id, List<String[]> texts, double seconds) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long chars = 0;
    for (String[] t : texts) {
      chars += (t[0] == null ? 0 : t[0].length()) + Math.min(t[1] == null ? 0 : t[1].length(), 640);
    }
    loop(id, texts, (long) (seconds * 1e9));
    long cpu0 = threads.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    long n = loop(id, texts, (long) (seconds * 1e9));
    double wall = (System.nanoTime() - t0) / 1e9;
    double cpuMicros = (threads.getCurrentThreadCpuTime() - cpu0) / 1e3;
    return new double[] {n / wall, cpuMicros / n, (double) chars / texts.size()};
  }

  private static long loop(LanguageIdentifier id, List<String[]> texts, long nanos) {
    long end = System.nanoTime() + nanos;
    long n = 0;
    int sink = 0;
    while (System.nanoTime() < end) {
      for (String[] t : texts) {
        sink += id.identify(t[0], t[1], null).code().length();
        n++;
      }
    }
    if (sink == 42) {
      System.out.print("");
    }
    return n;
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
