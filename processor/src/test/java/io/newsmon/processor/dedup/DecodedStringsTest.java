package io.newsmon.processor.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Strings decoded through the table equal those decoded anew, and the same bytes give the same string. */
class DecodedStringsTest {

  @Test
  void idsAreTheirPrefixAndSixteenHexDigitsAndComeBackShared() {
    DecodedStrings pool = new DecodedStrings(16);
    Random r = new Random(7);
    List<long[]> seen = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      long v = i % 3 == 0 ? r.nextLong() : i; // small values too, with their leading zeros
      byte prefix = (byte) "asx".charAt(i % 3);
      String id = pool.id(prefix, v);
      assertThat(id).isEqualTo((char) prefix + "-" + String.format("%016x", v));
      assertThat(DedupEntrySerde.isId(id)).isTrue();
      // at once again: the same object; after others took the slots: still an equal string
      assertThat(pool.id(prefix, v)).isSameAs(id);
      seen.add(new long[] {prefix, v});
    }
    for (long[] s : seen) {
      assertThat(pool.id((byte) s[0], s[1])).isEqualTo((char) s[0] + "-" + String.format("%016x", s[1]));
    }
    // same value, other prefix: another id
    assertThat(pool.id((byte) 'a', 5)).isEqualTo("a-0000000000000005");
    assertThat(pool.id((byte) 's', 5)).isEqualTo("s-0000000000000005");
  }

  @Test
  void utf8StringsAreDecodedAsTheJdkDoesAndComeBackShared() {
    DecodedStrings pool = new DecodedStrings(8);
    List<String> values = List.of("n:brt", "n:~\u0628\u0648\u0631", "q:400000", "", "p:2026-03-06", "e:kz:\u0430\u0441\u0442\u0430\u043d\u0430",
        "\ud83d\ude00", "n:brs", "trade", "n:brt");
    for (int round = 0; round < 3; round++) {
      for (String v : values) {
        byte[] inner = v.getBytes(StandardCharsets.UTF_8);
        byte[] record = new byte[inner.length + 5];
        System.arraycopy(inner, 0, record, 3, inner.length);
        String s = pool.utf8(record, 3, inner.length);
        assertThat(s).isEqualTo(v);
        assertThat(pool.utf8(record, 3, inner.length)).isSameAs(s);
      }
    }
    // bytes that are no UTF-8: the JDK's replacement, as decoding anew gives
    byte[] bad = {(byte) 0xC3, 'x', (byte) 0xFF};
    assertThat(pool.utf8(bad, 0, 3)).isEqualTo(new String(bad, StandardCharsets.UTF_8));
  }
}
