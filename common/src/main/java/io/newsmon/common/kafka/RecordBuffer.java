package io.newsmon.common.kafka;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte array, written big-endian as {@link java.nio.ByteBuffer} writes, that a thread
 * reuses for every record it writes: the record's parts (JSON included, which Jackson writes into it as
 * an {@link OutputStream}) go straight into it, and the record is one copy of it, of the exact size.
 * Without it each part was an array of its own (Jackson's in growing blocks), copied into the record's. An array grown past {@value #KEPT_BYTES} bytes (a very long article) is not kept
 * for the next record. Not thread-safe: {@link #get} gives each thread its own.
 */
public final class RecordBuffer extends OutputStream {

  /** The size of a thread's array to start with: most records fit. */
  public static final int INITIAL_BYTES = 16 * 1024;
  /** The largest array kept from one record to the next. */
  public static final int KEPT_BYTES = 256 * 1024;

  private static final ThreadLocal<RecordBuffer> BUFFERS = ThreadLocal.withInitial(RecordBuffer::new);

  private byte[] buf = new byte[INITIAL_BYTES];
  private int n;
  private boolean inUse;

  private RecordBuffer() {}

  /**
   * This thread's buffer, empty; {@link #release} gives it back. A thread that asks
   * again before giving it back (a serde called while another writes) gets a buffer of its own.
   */
  public static RecordBuffer get() {
    RecordBuffer b = BUFFERS.get();
    if (b.inUse) {
      b = new RecordBuffer();
    }
    b.inUse = true;
    b.n = 0;
    return b;
  }

  /** The bytes written so far. */
  public int size() {
    return n;
  }

  private void room(int more) {
    if (n + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(2 * buf.length, n + more));
    }
  }

  @Override
  public void write(int v) {
    room(1);
    buf[n++] = (byte) v;
  }

  @Override
  public void write(byte[] b) {
    write(b, 0, b.length);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    room(len);
    System.arraycopy(b, off, buf, n, len);
    n += len;
  }

  public void writeInt(int v) {
    room(4);
    setInt(n, v);
    n += 4;
  }

  /** Writes {@code v} over the four bytes at {@code at} (a length known only after what follows it). */
  public void setInt(int at, int v) {
    buf[at] = (byte) (v >>> 24);
    buf[at + 1] = (byte) (v >>> 16);
    buf[at + 2] = (byte) (v >>> 8);
    buf[at + 3] = (byte) v;
  }

  public void writeLong(long v) {
    room(8);
    for (int s = 56; s >= 0; s -= 8) {
      buf[n++] = (byte) (v >>> s);
    }
  }

  /**
   * The length of {@code s} in UTF-8 (4 bytes) and its UTF-8 bytes, as {@link String#getBytes} gives
   * them: ASCII written as it is, anything else encoded by the JDK.
   */
  public void writeUtf8(String s) {
    int len = s.length();
    room(4 + len);
    int at = n + 4;
    for (int i = 0; i < len; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        writeInt(b.length);
        write(b, 0, b.length);
        return;
      }
      buf[at + i] = (byte) c;
    }
    setInt(n, len);
    n = at + len;
  }

  /** What was written, in an array of its own. */
  public byte[] toByteArray() {
    return Arrays.copyOf(buf, n);
  }

  /** Gives the buffer back to its thread (in a {@code finally}: a failed write gives it back too). */
  public void release() {
    if (buf.length > KEPT_BYTES) {
      buf = new byte[INITIAL_BYTES];
    }
    n = 0;
    inUse = false;
  }

  /** Nothing to do: what Jackson writes stays in the buffer (it closes its target when done). */
  @Override
  public void close() {}
}
