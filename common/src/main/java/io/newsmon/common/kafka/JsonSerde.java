package io.newsmon.common.kafka;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * JSON serde for one record type. Null values stay null (tombstones). A value that is not valid
 * JSON for the type raises {@link SerializationException} naming the type and the reason.
 */
public final class JsonSerde<T> implements Serde<T> {

  private final Class<T> type;
  private final ObjectReader reader;
  private final ObjectWriter writer;

  private JsonSerde(Class<T> type) {
    this.type = type;
    this.reader = Json.mapper().readerFor(type);
    this.writer = Json.mapper().writerFor(type);
  }

  public static <T> JsonSerde<T> of(Class<T> type) {
    return new JsonSerde<>(type);
  }

  public Class<T> type() {
    return type;
  }

  public byte[] toBytes(T value) {
    if (value == null) {
      return null;
    }
    RecordBuffer out = RecordBuffer.get();
    try {
      // into this thread's buffer, then one copy of the exact size: the bytes writeValueAsBytes gives,
      // without its blocks grown one by one and joined
      writer.writeValue(out, value);
      return out.toByteArray();
    } catch (IOException e) {
      throw new SerializationException("cannot write " + type.getSimpleName() + " as JSON: " + e.getMessage(), e);
    } finally {
      out.release();
    }
  }

  /**
   * Writes {@code value} to {@code out}: the bytes {@link #toBytes} gives (for a non-null value),
   * without an array of them. The stream is closed when done, as Jackson closes its target.
   */
  public void write(T value, java.io.OutputStream out) {
    try {
      writer.writeValue(out, value);
    } catch (IOException e) {
      throw new SerializationException("cannot write " + type.getSimpleName() + " as JSON: " + e.getMessage(), e);
    }
  }

  public T fromBytes(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    try {
      return reader.readValue(bytes);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new SerializationException("not a valid " + type.getSimpleName() + " JSON record: "
          + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new SerializationException("cannot read " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, data) -> toBytes(data);
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, data) -> fromBytes(data);
  }
}
