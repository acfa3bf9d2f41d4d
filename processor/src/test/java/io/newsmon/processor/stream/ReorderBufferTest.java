package io.newsmon.processor.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReorderBufferTest {

  /** Four partitions' contents: {partition, record time, id}, each partition in offset order. */
  static List<long[]> partitions(long seed) {
    Random r = new Random(seed);
    List<long[]> out = new ArrayList<>();
    for (int p = 0; p < 4; p++) {
      long t = 1_000;
      for (int i = 0; i < 30; i++) {
        t += r.nextInt(5) == 0 ? -r.nextInt(200) : r.nextInt(50); // mostly increasing, some out of order
        out.add(new long[] {p, t, p * 100 + i});
      }
    }
    return out;
  }

  /** Feeds the partitions in a random interleaving (offset order kept within each) and returns the released ids. */
  static List<Long> run(List<long[]> records, long interleavingSeed) {
    ReorderBuffer<Long> buffer = new ReorderBuffer<>(500, 2_000, 10_000, 4);
    Random r = new Random(interleavingSeed);
    int[] next = new int[4];
    List<List<long[]>> byPartition = new ArrayList<>();
    for (int p = 0; p < 4; p++) {
      int pp = p;
      byPartition.add(records.stream().filter(x -> x[0] == pp).toList());
    }
    List<Long> released = new ArrayList<>();
    long now = 0;
    int left = records.size();
    while (left > 0) {
      int p = r.nextInt(4);
      if (next[p] == byPartition.get(p).size()) {
        continue;
      }
      int burst = 1 + r.nextInt(5); // a transaction's worth from one partition
      for (int i = 0; i < burst && next[p] < byPartition.get(p).size(); i++, left--) {
        long[] x = byPartition.get(p).get(next[p]++);
        now += r.nextInt(3); // the whole run stays well within the wait: every partition keeps up
        buffer.add(p, x[1], Long.toString(x[2]), x[2], now);
        buffer.release(now).forEach(h -> released.add(h.item()));
      }
    }
    buffer.release(now + 10_000).forEach(h -> released.add(h.item()));
    return released;
  }

  @Test
  void theReleasedOrderDoesNotDependOnHowThePartitionsInterleave() {
    List<long[]> records = partitions(1);
    List<Long> first = run(records, 11);
    assertThat(first).hasSize(records.size()).doesNotHaveDuplicates();
    for (long seed = 12; seed < 40; seed++) {
      assertThat(run(records, seed)).as("interleaving %d", seed).isEqualTo(first);
    }
  }

  @Test
  void increasingRecordTimesComeOutInTimeOrderAndEachPartitionInItsOwnOrder() {
    List<long[]> records = new ArrayList<>();
    for (int p = 0; p < 4; p++) {
      for (int i = 0; i < 10; i++) {
        records.add(new long[] {p, 1_000 + i * 10L + p, p * 100 + i});
      }
    }
    List<Long> out = run(records, 3);
    List<Long> byTime = records.stream().sorted((a, b) -> Long.compare(a[1], b[1])).map(x -> x[2]).toList();
    assertThat(out).isEqualTo(byTime);

    List<long[]> unordered = partitions(2);
    List<Long> merged = run(unordered, 5);
    for (int p = 0; p < 4; p++) {
      long pp = p;
      List<Long> inPartition = unordered.stream().filter(x -> x[0] == pp).map(x -> x[2]).toList();
      assertThat(merged.stream().filter(id -> id / 100 == pp).toList()).isEqualTo(inPartition);
    }
  }

  @Test
  void aHeadWaitsForAPartitionWithNothingQueuedThenGoesAfterTheWait() {
    ReorderBuffer<String> buffer = new ReorderBuffer<>(500, 2_000, 100, 2);
    buffer.add(0, 10, "a", "a", 1_000);
    assertThat(buffer.release(1_000)).isEmpty();
    assertThat(buffer.release(1_499)).isEmpty();
    assertThat(buffer.release(1_500)).extracting(ReorderBuffer.Held::item).containsExactly("a");
    assertThat(buffer.isEmpty()).isTrue();
  }

  @Test
  void anArrivalWithAWaitOfItsOwnWaitsThatLongAndIsHeldInProportion() {
    ReorderBuffer<String> buffer = new ReorderBuffer<>(500, 2_000, 100, 2);
    // a replayed article waits 10 s for the silent partition 1, where a live one waits 0.5 s
    buffer.add(0, 10, "replayed", "replayed", 1_000, 10_000);
    assertThat(buffer.release(1_500)).isEmpty();
    assertThat(buffer.release(10_999)).isEmpty();
    assertThat(buffer.release(11_000)).extracting(ReorderBuffer.Held::item).containsExactly("replayed");
    // partition 1 late by 9 s still comes first when its article is earlier
    buffer.add(0, 30, "second", "second", 20_000, 10_000);
    buffer.add(1, 20, "first", "first", 29_000, 10_000);
    assertThat(buffer.release(29_000)).extracting(ReorderBuffer.Held::item).containsExactly("first");
    // partition 1 keeps sending earlier articles within the wait, each released at once, so "second"
    // waits on until its hold bound: 4 x 10 s after its arrival
    for (long t = 29_000 + 5_000; t < 60_000; t += 5_000) {
      buffer.add(1, 21 + (t - 29_000) / 5_000, "p1-" + t, "p1-" + t, t, 10_000);
      assertThat(buffer.release(t)).extracting(ReorderBuffer.Held::item).containsExactly("p1-" + t);
    }
    assertThat(buffer.release(59_999)).isEmpty();
    assertThat(buffer.release(60_000)).extracting(ReorderBuffer.Held::item).containsExactly("second");
  }

  @Test
  void aHeadGoesAsSoonAsEveryPartitionHasSomethingToCompareWith() {
    ReorderBuffer<String> buffer = new ReorderBuffer<>(500, 2_000, 100, 2);
    buffer.add(1, 20, "late", "late", 1_000);
    assertThat(buffer.release(1_000)).isEmpty();
    buffer.add(0, 10, "early", "early", 1_050);
    // "early" is the smallest head and partition 1 has a head: released; "late" then waits for partition 0
    assertThat(buffer.release(1_050)).extracting(ReorderBuffer.Held::item).containsExactly("early");
    assertThat(buffer.release(1_499)).isEmpty();
    assertThat(buffer.release(1_550)).extracting(ReorderBuffer.Held::item).containsExactly("late");
  }

  @Test
  void holdAndSizeBoundsReleaseWithoutWaiting() {
    ReorderBuffer<String> buffer = new ReorderBuffer<>(500, 800, 2, 2);
    buffer.add(0, 10, "a", "a", 1_000);
    buffer.add(1, 5, "b", "b", 1_000);
    // partition 1 keeps arriving, so partition 0's later head keeps waiting for it...
    assertThat(buffer.release(1_000)).extracting(ReorderBuffer.Held::item).containsExactly("b");
    buffer.add(1, 30, "c", "c", 1_400);
    assertThat(buffer.release(1_400)).extracting(ReorderBuffer.Held::item).containsExactly("a");
    assertThat(buffer.release(1_799)).isEmpty();
    buffer.add(0, 40, "d", "d", 1_800);
    assertThat(buffer.release(1_800)).extracting(ReorderBuffer.Held::item).containsExactly("c");
    // partition 1 keeps sending earlier records, each within the wait of the one before...
    buffer.add(1, 35, "e", "e", 2_200);
    assertThat(buffer.release(2_200)).extracting(ReorderBuffer.Held::item).containsExactly("e");
    buffer.add(1, 36, "f", "f", 2_550);
    assertThat(buffer.release(2_550)).extracting(ReorderBuffer.Held::item).containsExactly("f");
    assertThat(buffer.release(2_599)).isEmpty();
    // ... so "d" goes at the hold bound (800 ms after its arrival), not after a quiet wait
    assertThat(buffer.release(2_600)).extracting(ReorderBuffer.Held::item).containsExactly("d");

    for (String s : List.of("x", "y", "z")) {
      buffer.add(0, 50, s, s, 3_000);
    }
    assertThat(buffer.release(3_000)).extracting(ReorderBuffer.Held::item).containsExactly("x");
    assertThat(buffer.size()).isEqualTo(2);
  }

  @Test
  void negativeBoundsAreRefused() {
    assertThatThrownBy(() -> new ReorderBuffer<>(-1, 0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
