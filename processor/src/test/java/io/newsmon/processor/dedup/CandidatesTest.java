package io.newsmon.processor.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Candidates} against a {@link LinkedHashSet}, and {@link Deduplicator#appended} against a list copy. */
class CandidatesTest {

  @Test
  void keepsTheDistinctIdsInTheOrderFirstAddedAsALinkedHashSet() {
    Random r = new Random(11);
    for (int round = 0; round < 300; round++) {
      int pool = 1 + r.nextInt(400);
      Candidates got = new Candidates(1 + r.nextInt(300));
      LinkedHashSet<String> expected = new LinkedHashSet<>();
      for (int i = 0, n = r.nextInt(2_000); i < n; i++) {
        // new String objects each time: equal ids in other objects, as decoded buckets hold them
        String id = new String("a-" + Long.toHexString(r.nextInt(pool) * 0x9E3779B97F4A7C15L));
        assertThat(got.add(id)).isEqualTo(expected.add(id));
      }
      assertThat(got.size()).isEqualTo(expected.size());
      List<String> order = new ArrayList<>();
      for (int i = 0; i < got.size(); i++) {
        order.add(got.get(i));
      }
      assertThat(order).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void idsWithTheSameHashCodeStayApart() {
    Candidates c = new Candidates(4);
    // "Aa" and "BB" share their hash code, and so do their concatenations
    for (String s : new String[] {"AaAa", "BBBB", "AaBB", "BBAa", "AaAa", "BBBB"}) {
      c.add(s);
    }
    assertThat(c.size()).isEqualTo(4);
    assertThat(List.of(c.get(0), c.get(1), c.get(2), c.get(3))).containsExactly("AaAa", "BBBB", "AaBB", "BBAa");
    assertThatThrownBy(() -> c.get(4)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void appendedMovesTheIdToTheEndAndKeepsTheNewestAsAListCopyDid() {
    Random r = new Random(5);
    for (int round = 0; round < 5_000; round++) {
      List<String> ids = new ArrayList<>();
      for (int i = 0, n = r.nextInt(Deduplicator.MAX_BUCKET + 6); i < n; i++) {
        ids.add("a-" + i);
      }
      String id = "a-" + r.nextInt(Deduplicator.MAX_BUCKET + 8);
      List<String> expected = new ArrayList<>(ids);
      expected.remove(id);
      expected.add(id);
      if (expected.size() > Deduplicator.MAX_BUCKET) {
        expected = expected.subList(expected.size() - Deduplicator.MAX_BUCKET, expected.size());
      }
      assertThat(Deduplicator.appended(List.copyOf(ids), id)).as("%s + %s", ids, id).isEqualTo(expected);
    }
  }
}
