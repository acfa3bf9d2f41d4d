package io.newsmon.sink.replay;

import io.newsmon.common.ops.NewsmonMetrics;
import io.newsmon.common.kafka.Topics;
import io.newsmon.common.record.RawArticle;
import io.newsmon.ingestor.extract.ArticleExtractor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Reads archived articles and hands them on as {@link RawArticle}s with origin {@code replay}:
 *
 * <ul>
 *   <li>JSONL archives ({@code .jsonl}, {@code .ndjson}, optionally {@code .gz}): one article per line,
 *       see {@link JsonlArticles};
 *   <li>folders (walked recursively, in name order) of {@code .txt} and {@code .html}/{@code .htm}
 *       files, the URL being the file's {@code file:} URI, and of any of the other kinds;
 *   <li>WARC files ({@code .warc}, {@code .warc.gz}): every 2xx HTML {@code response} record, the URL
 *       being its target URI and the fetch time its WARC-Date.
 * </ul>
 *
 * <p>{@link #publish} sends them to {@code news.raw} keyed by {@link RawArticle#key()} with the
 * article's publication time as the record timestamp (else the WARC-Date or the file's modification
 * time; never in the future). A bad line, file or record is counted and reported in the
 * {@link ReplayResult}; it never stops the replay. Not thread-safe: one replay at a time.
 */
public final class Replayer {

  /** Failures kept in a result (all are counted). */
  public static final int MAX_FAILURES_KEPT = 1000;

  /** Receives each article with the timestamp it should be published under (epoch ms). */
  @FunctionalInterface
  public interface ArticleSink {
    void accept(RawArticle article, long timestamp) throws Exception;
  }

  private final FileArticles files;
  private final double ratePerSecond;
  private final PrintStream progress;
  private final Duration progressEvery;

  private long read;
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private long skipped;
  private final List<ReplayResult.Failure> failures = new ArrayList<>();
  private long started;
  private long lastProgress;
  private long nextSlotNanos;
  private String current = "";

  /**
   * @param ratePerSecond most articles handed on per second; 0 or less: no limit (the default)
   * @param progress where a progress line is printed every {@code progressEvery}; null: none
   */
  public Replayer(ArticleExtractor extractor, double ratePerSecond, PrintStream progress, Duration progressEvery) {
    this.files = new FileArticles(extractor);
    this.ratePerSecond = ratePerSecond;
    this.progress = progress;
    this.progressEvery = progressEvery;
  }

  /** No rate limit, no progress output. */
  public Replayer() {
    this(new ArticleExtractor(), 0, null, Duration.ofSeconds(1));
  }

  /**
   * Publishes the articles under {@code paths} to {@code news.raw} and waits for the broker's
   * acknowledgements; an article the broker refuses is counted as failed with the reason.
   */
  public ReplayResult publish(Producer<String, RawArticle> producer, List<Path> paths) {
    ReplayResult r = replay(paths, (article, timestamp) -> producer.send(
        new ProducerRecord<>(Topics.RAW.name(), null, timestamp, article.key(), article),
        (metadata, error) -> {
          if (error == null) {
            published.incrementAndGet();
            NewsmonMetrics.replayed(1);
          } else {
            fail(article.url(), "not published: " + error.getMessage());
          }
        }), false);
    producer.flush();
    printProgress(true);
    return result();
  }

  /** Hands every article to {@code sink} (for tests and tools), ignoring timestamps. */
  public ReplayResult replay(List<Path> paths, Consumer<RawArticle> sink) {
    return replay(paths, (a, ts) -> sink.accept(a));
  }

  /** Hands every article with its timestamp to {@code sink}. */
  public ReplayResult replay(List<Path> paths, ArticleSink sink) {
    return replay(paths, sink, true);
  }

  private ReplayResult replay(List<Path> paths, ArticleSink sink, boolean countPublished) {
    read = 0;
    published.set(0);
    failed.set(0);
    skipped = 0;
    failures.clear();
    started = System.nanoTime();
    lastProgress = started;
    nextSlotNanos = started;
    ArticleSink counting = countPublished ? (a, ts) -> {
      sink.accept(a, ts);
      published.incrementAndGet();
    } : sink;
    for (Path p : paths) {
      if (!Files.exists(p)) {
        fail(p.toString(), "no such file or directory");
      } else if (Files.isDirectory(p)) {
        replayFolder(p, counting);
      } else {
        replayFile(p, counting, true);
      }
    }
    if (countPublished) {
      printProgress(true);
    }
    return result();
  }

  private ReplayResult result() {
    synchronized (failures) {
      return new ReplayResult(read, published.get(), failed.get(), skipped, failures);
    }
  }

  private void replayFolder(Path dir, ArticleSink sink) {
    List<Path> entries;
    try (Stream<Path> walk = Files.walk(dir)) {
      entries = walk.filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().startsWith("."))
          .sorted().toList();
    } catch (IOException e) {
      fail(dir.toString(), "cannot list the folder: " + e.getMessage());
      return;
    }
    for (Path f : entries) {
      replayFile(f, sink, false);
    }
  }

  /** Kinds of input, by file name. */
  enum Kind { JSONL, TEXT, HTML, WARC, OTHER }

  static Kind kindOf(Path file) {
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".gz")) {
      n = n.substring(0, n.length() - 3);
      if (n.endsWith(".warc")) {
        return Kind.WARC;
      }
      return n.endsWith(".jsonl") || n.endsWith(".ndjson") ? Kind.JSONL : Kind.OTHER;
    }
    if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
      return Kind.JSONL;
    }
    if (n.endsWith(".warc")) {
      return Kind.WARC;
    }
    if (n.endsWith(".txt")) {
      return Kind.TEXT;
    }
    return n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".xhtml") ? Kind.HTML : Kind.OTHER;
  }

  private void replayFile(Path f, ArticleSink sink, boolean named) {
    current = f.getFileName().toString();
    switch (kindOf(f)) {
      case JSONL -> replayJsonl(f, sink);
      case WARC -> replayWarc(f, sink);
      case TEXT, HTML -> replayPage(f, sink);
      default -> {
        if (named) {
          fail(f.toString(), "unknown file type: replay reads .jsonl, .txt, .html and .warc (optionally .gz)");
        } else {
          skipped++;
        }
      }
    }
  }

  private void replayJsonl(Path f, ArticleSink sink) {
    try (InputStream raw = Files.newInputStream(f);
         InputStream in = f.toString().toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(raw) : raw;
         BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      long n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        RawArticle a;
        try {
          a = JsonlArticles.parse(line);
        } catch (IllegalArgumentException e) {
          fail(f + ":" + n, e.getMessage());
          continue;
        }
        emit(a, f + ":" + n, fallbackTime(a, null), sink);
      }
    } catch (IOException e) {
      fail(f.toString(), "cannot read: " + e.getMessage());
    }
  }

  private void replayPage(Path f, ArticleSink sink) {
    RawArticle a;
    Instant modified;
    try {
      byte[] content = Files.readAllBytes(f);
      modified = Files.getLastModifiedTime(f).toInstant();
      String url = f.toAbsolutePath().normalize().toUri().toString();
      a = kindOf(f) == Kind.TEXT ? files.fromText(url, content) : files.fromHtml(url, content, null, null);
    } catch (IOException e) {
      fail(f.toString(), "cannot read: " + e.getMessage());
      return;
    } catch (RuntimeException e) {
      fail(f.toString(), e.getMessage() == null ? e.toString() : e.getMessage());
      return;
    }
    emit(a, f.toString(), fallbackTime(a, modified), sink);
  }

  private void replayWarc(Path f, ArticleSink sink) {
    try (WarcReader reader = f.toString().toLowerCase(Locale.ROOT).endsWith(".gz")
        ? new WarcReader(new TruncationTolerantGzip(Files.newInputStream(f))) : new WarcReader(f)) {
      reader.onWarning(w -> { });
      while (true) {
        long offset = reader.position();
        WarcRecord record;
        try {
          var next = reader.next();
          if (next.isEmpty()) {
            break;
          }
          record = next.get();
        } catch (IOException | RuntimeException e) {
          fail(f + "@" + offset, "unreadable WARC record, rest of the file skipped: " + e.getMessage());
          break;
        }
        if (!(record instanceof WarcResponse response)) {
          skipped++;
          continue;
        }
        RawArticle a;
        try {
          HttpResponse http = response.http();
          MediaType type = http.contentType();
          String base = type == null ? "" : type.base().toString().toLowerCase(Locale.ROOT);
          if (http.status() < 200 || http.status() >= 300
              || !(base.equals("text/html") || base.equals("application/xhtml+xml"))) {
            skipped++;
            continue;
          }
          String cs = type.parameters().get("charset");
          Charset charset = null;
          if (cs != null) {
            try {
              charset = Charset.forName(cs);
            } catch (IllegalArgumentException e) {
              charset = null;
            }
          }
          byte[] body;
          try (InputStream in = http.bodyDecoded().stream()) {
            body = in.readAllBytes();
          }
          a = files.fromHtml(response.target(), body, charset, response.date());
          a = a.toBuilder().httpStatus(http.status()).build();
        } catch (IOException | RuntimeException e) {
          fail(f + "@" + offset, (response.target() == null ? "" : response.target() + ": ")
              + (e.getMessage() == null ? e.toString() : e.getMessage()));
          continue;
        }
        emit(a, f + "@" + offset, fallbackTime(a, response.date()), sink);
      }
    } catch (IOException | RuntimeException e) {
      fail(f.toString(), "not a readable WARC file: " + e.getMessage());
    }
  }

  private static Instant fallbackTime(RawArticle a, Instant fallback) {
    if (a.publishedAt() != null) {
      return a.publishedAt();
    }
    return a.fetchedAt() != null ? a.fetchedAt() : fallback;
  }

  private void emit(RawArticle a, String where, Instant time, ArticleSink sink) {
    read++;
    long now = System.currentTimeMillis();
    long ts = time == null || time.isBefore(java.time.Instant.EPOCH) || time.isAfter(java.time.Instant.ofEpochMilli(now))
        ? now : time.toEpochMilli();
    pace();
    try {
      sink.accept(a, ts);
    } catch (Exception e) {
      fail(where, "not published: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
    }
    printProgress(false);
  }

  /** Waits for the next slot of the rate limit (fixed spacing of 1/rate seconds). */
  private void pace() {
    if (ratePerSecond <= 0) {
      return;
    }
    long now = System.nanoTime();
    if (nextSlotNanos > now) {
      try {
        Thread.sleep((nextSlotNanos - now) / 1_000_000, (int) ((nextSlotNanos - now) % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("replay interrupted", e);
      }
    } else {
      nextSlotNanos = now;
    }
    nextSlotNanos += (long) (1_000_000_000L / ratePerSecond);
  }

  private void fail(String where, String reason) {
    failed.incrementAndGet();
    synchronized (failures) {
      if (failures.size() < MAX_FAILURES_KEPT) {
        failures.add(new ReplayResult.Failure(where, reason));
      }
    }
  }

  private void printProgress(boolean last) {
    if (progress == null) {
      return;
    }
    long now = System.nanoTime();
    if (!last && now - lastProgress < progressEvery.toNanos()) {
      return;
    }
    lastProgress = now;
    double secs = Math.max(1e-3, (now - started) / 1e9);
    progress.printf(Locale.ROOT, "replay: %d read, %d published, %d failed, %d skipped, %.1f/s%s%n",
        read, published.get(), failed.get(), skipped, read / secs, last ? "" : " (" + current + ")");
  }

  /**
   * A gzip stream that ends quietly where a truncated file ends, instead of failing the read that
   * reaches the cut. A WARC compressed as one gzip member (not one per record) then still yields every
   * record complete before the cut; the record cut in two is reported as unreadable by the WARC reader.
   */
  static final class TruncationTolerantGzip extends java.util.zip.GZIPInputStream {
    TruncationTolerantGzip(InputStream in) throws IOException {
      super(in, 64 * 1024);
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      try {
        return super.read(buf, off, len);
      } catch (java.io.EOFException truncated) {
        return -1;
      }
    }
  }
}
