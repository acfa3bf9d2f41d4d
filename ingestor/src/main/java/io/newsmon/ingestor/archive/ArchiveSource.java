package io.newsmon.ingestor.archive;

import io.newsmon.common.record.RawArticle;
import io.newsmon.ingestor.ArticleSource;
import io.newsmon.ingestor.Failure;
import io.newsmon.ingestor.RawArticles;
import io.newsmon.ingestor.fetch.Charsets;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Archived articles, read once, with origin {@code replay}: what {@code newsmon replay} publishes
 * and {@code newsmon analyze} analyses.
 *
 * <ul>
 *   <li>JSON-lines files ({@code .jsonl}, {@code .ndjson}, {@code .json}): one article object per
 *       line, see {@link JsonlArticles}; labelled by their {@code id}, else {@code file:line};
 *   <li>{@code .txt} files: the first line is the title when it is short (at most
 *       {@value RawArticles#MAX_TITLE_CHARS} characters) and more text follows, the rest the text;
 *   <li>{@code .html}, {@code .htm}, {@code .xhtml} files: the article extracted from the page;
 *   <li>WARC files ({@code .warc}): every 2xx HTML {@code response} record, the URL being its target
 *       URI and the fetch time its WARC-Date; a truncated single-member {@code .warc.gz} is read up to
 *       the cut;
 *   <li>any of these compressed with gzip ({@code .gz});
 *   <li>folders, walked recursively in name order, of any of these (hidden files and other file
 *       types are skipped, while another file type named directly is a failure).
 * </ul>
 *
 * <p>A .txt or .html file's URL is its {@code file:} URI, its fetch time its modification time
 * (unless {@link #withoutFileTimes}) and its label its name (without {@code .gz}). Text is decoded, pages extracted and keys normalised by
 * {@link RawArticles}, as for live pages, so a page replayed from an archive gets the key (and the
 * article id) it gets when ingested live. Binary content (an image or program named .txt or .html)
 * is refused. A bad line, file or record is a failure with the reason; it never stops the read.
 */
public final class ArchiveSource implements ArticleSource {

  /** The {@code sourceId} of archived articles and of archive failures. */
  public static final String SOURCE_ID = "replay";

  /** Kinds of input, by file name. */
  enum Kind { JSONL, TEXT, HTML, WARC, OTHER }

  private final List<Path> paths;
  private final InputStream stream;
  private final String streamName;
  private final RawArticles pages;
  private final boolean fileTimes;

  private ArchiveSource(List<Path> paths, InputStream stream, String streamName, RawArticles pages,
      boolean fileTimes) {
    this.paths = List.copyOf(paths);
    this.stream = stream;
    this.streamName = streamName;
    this.pages = pages;
    this.fileTimes = fileTimes;
  }

  public ArchiveSource(List<Path> paths, RawArticles pages) {
    this(paths, null, null, pages, true);
  }

  public ArchiveSource(List<Path> paths) {
    this(paths, new RawArticles());
  }

  /** JSON lines read from {@code in} (such as standard input), their places named {@code name:line}. */
  public static ArchiveSource jsonLines(String name, InputStream in) {
    return new ArchiveSource(List.of(), in, name, new RawArticles(), true);
  }

  /**
   * This archive with .txt and .html files given no fetch time (instead of their modification time),
   * so that nothing but their content and order matters ({@code newsmon analyze}).
   */
  public ArchiveSource withoutFileTimes() {
    return new ArchiveSource(paths, stream, streamName, pages, false);
  }

  @Override
  public String name() {
    return stream != null ? streamName : paths.stream().map(Path::toString).collect(Collectors.joining(" "));
  }

  @Override
  public Status read(Receiver out) {
    if (stream != null) {
      try {
        readJsonLines(streamName, streamName, stream, out);
      } catch (IOException e) {
        fail(out, streamName, "cannot read: " + e.getMessage());
      }
      return Status.OK;
    }
    for (Path p : paths) {
      if (!Files.exists(p)) {
        fail(out, p.toString(), "no such file or directory");
      } else if (Files.isDirectory(p)) {
        readFolder(p, out);
      } else {
        readFile(p, out, true);
      }
    }
    return Status.OK;
  }

  static Kind kindOf(Path file) {
    String n = baseName(file).toLowerCase(Locale.ROOT);
    if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json")) {
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

  /** The file's name without a {@code .gz} ending: the label of the article a file holds. */
  static String baseName(Path file) {
    String n = file.getFileName().toString();
    return isGzip(file) ? n.substring(0, n.length() - 3) : n;
  }

  private static boolean isGzip(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
  }

  private static InputStream open(Path f) throws IOException {
    InputStream in = Files.newInputStream(f);
    return isGzip(f) ? new GZIPInputStream(in, 64 * 1024) : in;
  }

  private void readFolder(Path dir, Receiver out) {
    List<Path> entries;
    try (Stream<Path> walk = Files.walk(dir)) {
      entries = walk.filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().startsWith("."))
          .sorted().toList();
    } catch (IOException e) {
      fail(out, dir.toString(), "cannot list the folder: " + e.getMessage());
      return;
    }
    for (Path f : entries) {
      readFile(f, out, false);
    }
  }

  private void readFile(Path f, Receiver out, boolean named) {
    switch (kindOf(f)) {
      case JSONL -> {
        try (InputStream in = open(f)) {
          readJsonLines(f.toString(), baseName(f), in, out);
        } catch (IOException e) {
          fail(out, f.toString(), "cannot read: " + e.getMessage());
        }
      }
      case WARC -> readWarc(f, out);
      case TEXT, HTML -> readPage(f, out);
      default -> {
        if (named) {
          fail(out, f.toString(), "unknown file type: archives are .jsonl, .json, .txt, .html and .warc "
              + "files (optionally .gz) and folders of them");
        } else {
          out.skipped(f.toString());
        }
      }
    }
  }

  private static void readJsonLines(String where, String name, InputStream in, Receiver out) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    long n = 0;
    while ((line = r.readLine()) != null) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      JsonlArticles.Entry e;
      try {
        e = JsonlArticles.parseEntry(line);
      } catch (IllegalArgumentException ex) {
        fail(out, where + ":" + n, ex.getMessage());
        continue;
      }
      out.article(e.article(), where + ":" + n, e.id() != null ? e.id() : name + ":" + n);
    }
  }

  private void readPage(Path f, Receiver out) {
    RawArticle a;
    try {
      byte[] content;
      try (InputStream in = open(f)) {
        content = in.readAllBytes();
      }
      Instant modified = fileTimes ? Files.getLastModifiedTime(f).toInstant() : null;
      String url = f.toAbsolutePath().normalize().toUri().toString();
      refuseBinary(content);
      a = kindOf(f) == Kind.TEXT
          ? RawArticles.text(url, content, null, modified).sourceId(SOURCE_ID).origin("replay").build()
          : requireText(pages.html(url, content, null, modified).sourceId(SOURCE_ID).origin("replay").build());
    } catch (NoSuchFileException e) {
      fail(out, f.toString(), "no such file or directory");
      return;
    } catch (IOException e) {
      fail(out, f.toString(), "cannot read: " + e.getMessage());
      return;
    } catch (RuntimeException e) {
      fail(out, f.toString(), e.getMessage() == null ? e.toString() : e.getMessage());
      return;
    }
    out.article(a, f.toString(), baseName(f));
  }

  private static RawArticle requireText(RawArticle a) {
    if ((a.text() == null || a.text().isBlank()) && (a.title() == null || a.title().isBlank())) {
      throw new IllegalArgumentException("no article text found in the HTML");
    }
    return a;
  }

  private static void refuseBinary(byte[] content) {
    if (Charsets.looksBinary(content)) {
      throw new IllegalArgumentException("binary content (an image, archive or program?), not text or HTML");
    }
  }

  private void readWarc(Path f, Receiver out) {
    try (WarcReader reader = isGzip(f) ? new WarcReader(new TruncationTolerantGzip(Files.newInputStream(f)))
        : new WarcReader(f)) {
      reader.onWarning(w -> { });
      while (true) {
        long offset = reader.position();
        String where = f + "@" + offset;
        WarcRecord record;
        try {
          var next = reader.next();
          if (next.isEmpty()) {
            break;
          }
          record = next.get();
        } catch (IOException | RuntimeException e) {
          fail(out, where, "unreadable WARC record, rest of the file skipped: " + e.getMessage());
          break;
        }
        if (!(record instanceof WarcResponse response)) {
          out.skipped(where);
          continue;
        }
        RawArticle a;
        try {
          HttpResponse http = response.http();
          MediaType type = http.contentType();
          String base = type == null ? "" : type.base().toString().toLowerCase(Locale.ROOT);
          if (http.status() < 200 || http.status() >= 300
              || !(base.equals("text/html") || base.equals("application/xhtml+xml"))) {
            out.skipped(where);
            continue;
          }
          byte[] body;
          try (InputStream in = http.bodyDecoded().stream()) {
            body = in.readAllBytes();
          }
          refuseBinary(body);
          a = requireText(pages.html(response.target(), body, type.toString(), response.date())
              .sourceId(SOURCE_ID).origin("replay").httpStatus(http.status()).build());
        } catch (IOException | RuntimeException e) {
          fail(out, where, (response.target() == null ? "" : response.target() + ": ")
              + (e.getMessage() == null ? e.toString() : e.getMessage()));
          continue;
        }
        out.article(a, where, response.target());
      }
    } catch (IOException | RuntimeException e) {
      fail(out, f.toString(), "not a readable WARC file: " + e.getMessage());
    }
  }

  private static void fail(Receiver out, String where, String reason) {
    out.failure(new Failure(SOURCE_ID, where, "unreadable", reason, null, null));
  }

  /** Every article under {@code paths}, failures dropped (for tools and tests). */
  public static List<RawArticle> readAll(List<Path> paths) {
    List<RawArticle> all = new ArrayList<>();
    new ArchiveSource(paths).read(new Receiver() {
      @Override
      public void article(RawArticle article, String where, String label) {
        all.add(article);
      }

      @Override
      public void failure(Failure failure) {}
    });
    return all;
  }

  /**
   * A gzip stream that ends quietly where a truncated file ends, instead of failing the read that
   * reaches the cut. A WARC compressed as one gzip member (not one per record) then still yields every
   * record complete before the cut; the record cut in two is reported as unreadable by the WARC reader.
   */
  static final class TruncationTolerantGzip extends GZIPInputStream {
    TruncationTolerantGzip(InputStream in) throws IOException {
      super(in, 64 * 1024);
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      try {
        return super.read(buf, off, len);
      } catch (EOFException truncated) {
        return -1;
      }
    }
  }
}
