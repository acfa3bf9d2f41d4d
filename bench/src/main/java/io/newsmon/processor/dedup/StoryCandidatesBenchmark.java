package io.newsmon.processor.dedup;

import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.processor.fingerprint.Fingerprint;
import io.newsmon.processor.fingerprint.Fingerprinter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Cost of the dedup step's story matching when many stories share their entities: synthetic
 * articles of one country pair (the same dozen ministers, cities and ministries in every article),
 * arriving in event-time order, several hundred a day, each with a kind of action, a stated day,
 * names and quantities drawn from small pools, and a text of its own (no copies). Prints the time
 * per article of {@link Deduplicator#decide} (fingerprints computed before timing), the number of
 * stories and a hash of every decision, so two builds can be compared on the same input.
 *
 * <p>Run: {@code java -cp 'bench/target/newsmon-bench.jar:bench/target/lib/*' io.newsmon.processor.dedup.StoryCandidatesBenchmark
 * [articles] [per-day] [rounds]} (defaults 6000, 400, 3).
 */
public final class StoryCandidatesBenchmark {

  private StoryCandidatesBenchmark() {}

  record Input(String id, long eventTime, List<String> entities, List<String> topics, List<String> event,
      Fingerprint fp) {}

  static List<Input> inputs(int n, int perDay, long seed) {
    Random r = new Random(seed);
    String[] entities = {"ma:bourita", "kz:kosherbayev", "kz:tokayev", "ma:mohammed-vi", "ma:rabat", "kz:astana",
        "kz:almaty", "ma:casablanca", "ma:mfa", "kz:mfa", "kz:kazinform", "ma:map"};
    String[] kinds = {"visit", "call", "message", "signing", "ratification", "shipment", "launch", "forum",
        "consultations"};
    String[] topics = {"trade", "security", "culture-religion", "tourism-visas-flights", "education", "energy"};
    String[] words = new String[4000];
    for (int i = 0; i < words.length; i++) {
      words[i] = Long.toString(Math.abs(r.nextLong()) % 2_000_000_000L, 36);
    }
    LocalDate start = LocalDate.parse("2026-01-01");
    List<Input> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      long t = start.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli()
          + (long) i * Duration.ofDays(1).toMillis() / perDay;
      LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(t), ZoneOffset.UTC);
      Set<String> ents = new HashSet<>();
      for (int k = 3 + r.nextInt(4); ents.size() < k; ) {
        ents.add(entities[r.nextInt(entities.length)]);
      }
      List<String> ev = new ArrayList<>();
      ev.add("a:" + kinds[r.nextInt(kinds.length)]);
      if (r.nextBoolean()) {
        ev.add("d:" + day.minusDays(r.nextInt(2)));
      }
      ev.add("p:" + day);
      Set<String> names = new HashSet<>();
      for (int k = 10 + r.nextInt(20); names.size() < k; ) {
        names.add("n:" + words[r.nextInt(300)].substring(0, 3));
      }
      ev.addAll(names);
      for (int k = r.nextInt(4); k > 0; k--) {
        ev.add("q:" + (1000 * (1 + r.nextInt(50))));
      }
      ev.add("w:morocco-kazakhstan");
      StringBuilder text = new StringBuilder();
      for (int k = 0; k < 120; k++) {
        text.append(words[r.nextInt(words.length)]).append(k % 15 == 14 ? ". " : " ");
      }
      List<String> tp = List.of(topics[r.nextInt(topics.length)]);
      out.add(new Input("x" + i, t, List.copyOf(ents), tp, ev, Fingerprinter.fingerprint(text.toString())));
    }
    return out;
  }

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 6000;
    int perDay = args.length > 1 ? Integer.parseInt(args[1]) : 400;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    List<Input> in = inputs(n, perDay, 42);
    Deduplicator d = new Deduplicator(Deduplicator.Settings.from(NewsmonConfig.defaults()));
    for (int round = 1; round <= rounds; round++) {
      InMemoryDedupState state = new InMemoryDedupState();
      long hash = 17;
      Set<String> stories = new HashSet<>();
      java.lang.management.ThreadMXBean tm = java.lang.management.ManagementFactory.getThreadMXBean();
      long c0 = tm.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      for (Input a : in) {
        Deduplicator.Decision dec = d.decide(state, a.id(), a.eventTime(), "h" + a.id(), a.entities(), a.topics(),
            a.event(), a.fp(), a.eventTime());
        hash = 31 * hash + dec.storyId().hashCode() + 7 * java.util.Objects.hashCode(dec.duplicateOf());
        stories.add(dec.storyId());
      }
      long ns = System.nanoTime() - t0;
      long cpu = tm.getCurrentThreadCpuTime() - c0;
      System.out.printf("round %d: %d articles (%d a day), %.1f µs per article (%.1f CPU µs), %.0f articles/s, "
              + "%d stories, decisions hash %016x, load average %.1f%n", round, n, perDay, ns / 1e3 / n, cpu / 1e3 / n,
          n / (ns / 1e9), stories.size(), hash,
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }
}
