package io.newsmon.sink.alert;

import io.newsmon.common.kafka.JsonSerde;
import io.newsmon.common.kafka.RecordBuffer;
import io.newsmon.common.record.Alert;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The alert store's values in a compact form: a format byte ({@value #FORMAT}), the alert as JSON
 * (length first), then the counted article ids, the two times and the original id as length-prefixed
 * UTF-8. A story with many copies keeps thousands of article ids; as JSON they were the bulk of the
 * work of every update (each copy rewrites the state), here they are copied as bytes. Values written
 * as JSON by earlier versions (they start with '{') are still read.
 */
public final class AlertStateSerde implements Serde<AlertState> {

  /** The first byte of a value in this form (a JSON value starts with '{'). */
  static final byte FORMAT = 1;

  private static final JsonSerde<Alert> ALERT = JsonSerde.of(Alert.class);
  private static final JsonSerde<AlertState> JSON = JsonSerde.of(AlertState.class);

  public byte[] toBytes(AlertState state) {
    if (state == null) {
      return null;
    }
    // written into this thread's buffer (the alert's JSON by Jackson, the ids as they are) and copied
    // once: no array per id, for states that count thousands of them
    RecordBuffer out = RecordBuffer.get();
    try {
      out.write(FORMAT);
      if (state.alert() == null) {
        out.writeInt(-1);
      } else {
        int lengthAt = out.size();
        out.writeInt(0);
        ALERT.write(state.alert(), out);
        out.setInt(lengthAt, out.size() - lengthAt - 4);
      }
      List<String> ids = state.articleIds();
      out.writeInt(ids.size());
      for (int i = 0, n = ids.size(); i < n; i++) {
        putString(out, ids.get(i));
      }
      putInstant(out, state.publishedAt());
      out.write(state.pending() ? 1 : 0);
      putInstant(out, state.changedAt());
      putString(out, state.originalId());
      return out.toByteArray();
    } finally {
      out.release();
    }
  }

  public AlertState fromBytes(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    if (bytes.length == 0 || bytes[0] != FORMAT) {
      return JSON.fromBytes(bytes);
    }
    try {
      ByteBuffer in = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
      byte[] alertBytes = getBytes(in);
      Alert alert = alertBytes == null ? null : ALERT.fromBytes(alertBytes);
      int n = in.getInt();
      if (n < 0 || n > in.remaining() / 4) {
        throw new SerializationException("alert state with " + n + " article ids in " + bytes.length + " bytes");
      }
      List<String> ids = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        ids.add(getString(in));
      }
      Instant publishedAt = getInstant(in);
      boolean pending = in.get() != 0;
      Instant changedAt = getInstant(in);
      String original = getString(in);
      return new AlertState(alert, ids, publishedAt, pending, changedAt, original);
    } catch (BufferUnderflowException | IllegalArgumentException e) {
      throw new SerializationException("a truncated or damaged alert state (" + bytes.length + " bytes)", e);
    }
  }

  /** Length (-1 for null) and UTF-8 bytes. */
  private static void putString(RecordBuffer out, String s) {
    if (s == null) {
      out.writeInt(-1);
    } else {
      out.writeUtf8(s);
    }
  }

  private static byte[] getBytes(ByteBuffer in) {
    int len = in.getInt();
    if (len < 0) {
      return null;
    }
    if (len > in.remaining()) {
      throw new BufferUnderflowException();
    }
    byte[] b = new byte[len];
    in.get(b);
    return b;
  }

  private static String getString(ByteBuffer in) {
    int len = in.getInt();
    if (len < 0) {
      return null;
    }
    if (len > in.remaining()) {
      throw new BufferUnderflowException();
    }
    String s = new String(in.array(), in.arrayOffset() + in.position(), len, StandardCharsets.UTF_8);
    in.position(in.position() + len);
    return s;
  }

  /** A presence byte, epoch seconds and nanoseconds. */
  private static void putInstant(RecordBuffer out, Instant t) {
    out.write(t == null ? 0 : 1);
    out.writeLong(t == null ? 0 : t.getEpochSecond());
    out.writeInt(t == null ? 0 : t.getNano());
  }

  private static Instant getInstant(ByteBuffer in) {
    boolean present = in.get() != 0;
    long seconds = in.getLong();
    int nanos = in.getInt();
    return present ? Instant.ofEpochSecond(seconds, nanos) : null;
  }

  @Override
  public Serializer<AlertState> serializer() {
    return (topic, data) -> toBytes(data);
  }

  @Override
  public Deserializer<AlertState> deserializer() {
    return (topic, data) -> fromBytes(data);
  }
}
