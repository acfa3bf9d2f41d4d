package io.newsmon.sink.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmon.common.kafka.JsonSerde;
import io.newsmon.common.record.Alert;
import io.newsmon.common.record.Analysis;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AlertStateSerdeTest {

  private final AlertStateSerde serde = new AlertStateSerde();

  private static Alert alert(int copies) {
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < copies; i++) {
      urls.add("https://copy" + i + ".example/é?x=" + i);
    }
    return new Alert(1, "al-1", 3, "morocco-kazakhstan", "st-1", "a-1", "https://le360.ma/a", "Астана — Рабат \"ق\"",
        "fr", Instant.parse("2026-03-01T08:00:00Z"), 0.8125, List.of("diplomacy"),
        List.of(new Analysis.Evidence("le Kazakhstan et le Maroc", 10, 35)), new Alert.Copies(copies, urls),
        Instant.parse("2026-03-01T08:00:01.123456789Z"), Instant.parse("2026-03-01T09:00:00Z"), "1",
        List.of(new Alert.Coverage("ru", "kazinform.kz", "https://kazinform.kz/b")));
  }

  @Test
  void statesComeBackEqual() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      ids.add("a-" + Integer.toHexString(i * 7919) + (i % 3 == 0 ? "-ü" : ""));
    }
    List<AlertState> states = List.of(
        new AlertState(alert(40), ids, Instant.parse("2026-03-01T08:00:00Z"), true,
            Instant.parse("2026-03-01T08:00:30Z"), "a-1"),
        new AlertState(alert(0), List.of("a-1"), null, false, null, null),
        new AlertState(alert(1), List.of(), Instant.EPOCH, false, Instant.parse("1969-12-31T23:59:59.5Z")));
    for (AlertState s : states) {
      byte[] b = serde.toBytes(s);
      assertThat(b[0]).isEqualTo(AlertStateSerde.FORMAT);
      assertThat(serde.fromBytes(b)).isEqualTo(s);
    }
    assertThat(serde.toBytes(null)).isNull();
    assertThat(serde.fromBytes(null)).isNull();
  }

  @Test
  void statesWrittenAsJsonByEarlierVersionsAreRead() {
    AlertState s = new AlertState(alert(2), List.of("a-1", "a-2", "a-3"), Instant.parse("2026-03-01T08:00:00Z"),
        false, Instant.parse("2026-03-01T08:00:00Z"), "a-1");
    byte[] json = JsonSerde.of(AlertState.class).toBytes(s);
    assertThat(json[0]).isEqualTo((byte) '{');
    assertThat(serde.fromBytes(json)).isEqualTo(s);
  }

  @Test
  void damagedValuesGiveASerializationError() {
    byte[] b = serde.toBytes(new AlertState(alert(3), List.of("a-1", "a-2"), Instant.EPOCH, false, Instant.EPOCH));
    assertThatThrownBy(() -> serde.fromBytes(Arrays.copyOf(b, b.length - 5)))
        .isInstanceOf(SerializationException.class).hasMessageContaining("alert state");
    byte[] huge = b.clone();
    int at = 1 + 4 + java.nio.ByteBuffer.wrap(b, 1, 4).getInt();
    huge[at] = 0x7f; // an id count larger than the value
    assertThatThrownBy(() -> serde.fromBytes(huge)).isInstanceOf(SerializationException.class);
  }

  /** The value is its parts one after the other, each encoded on its own (the layout the store holds). */
  @Test
  void theValueIsItsPartsEncodedOneAfterTheOther() throws Exception {
    List<String> ids = List.of("a-1", "a-\u00fc\u0436", "");
    for (AlertState s : List.of(
        new AlertState(alert(3), ids, Instant.parse("2026-03-01T08:00:00Z"), true,
            Instant.parse("2026-03-01T08:00:30.25Z"), "a-\u00e9"),
        new AlertState(alert(0), List.of("a-1"), null, false, null, null))) {
      java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
      try (java.io.DataOutputStream out = new java.io.DataOutputStream(expected)) {
        out.writeByte(AlertStateSerde.FORMAT);
        byte[] alert = JsonSerde.of(Alert.class).toBytes(s.alert());
        out.writeInt(alert.length);
        out.write(alert);
        out.writeInt(s.articleIds().size());
        for (String id : s.articleIds()) {
          writeString(out, id);
        }
        for (int k = 0; k < 2; k++) {
          Instant t = k == 0 ? s.publishedAt() : s.changedAt();
          out.writeByte(t == null ? 0 : 1);
          out.writeLong(t == null ? 0 : t.getEpochSecond());
          out.writeInt(t == null ? 0 : t.getNano());
          if (k == 0) {
            out.writeByte(s.pending() ? 1 : 0);
          }
        }
        writeString(out, s.originalId());
      }
      assertThat(serde.toBytes(s)).isEqualTo(expected.toByteArray());
    }
  }

  private static void writeString(java.io.DataOutputStream out, String s) throws java.io.IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }
}
