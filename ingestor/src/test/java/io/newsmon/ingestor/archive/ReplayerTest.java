package io.newsmon.ingestor.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newsmon.common.fixtures.RelevantArticles;
import io.newsmon.common.kafka.JsonSerde;
import io.newsmon.common.kafka.Topics;
import io.newsmon.common.record.RawArticle;
import io.newsmon.ingestor.extract.ArticleExtractor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

class ReplayerTest {

  private static final String FR_PAGE = """
      <!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Rabat et Astana renforcent leur coopération</title>
      <link rel="canonical" href="https://www.le360.ma/diplomatie/rabat-astana"></head>
      <body><nav>Accueil | Politique</nav><article><h1>Rabat et Astana renforcent leur coopération</h1>
      <p>Le ministre des Affaires étrangères du Kazakhstan a été reçu à Rabat par son homologue marocain.</p>
      <p>Les deux pays ont signé un mémorandum sur le commerce du blé et les liaisons aériennes.</p></article>
      <footer>© 2025</footer></body></html>""";

  private static final String KK_PAGE = """
      <html lang="kk"><head><meta charset="utf-8"><title>Қазақстан мен Марокко</title></head><body><article>
      <p>Қазақстан мен Марокко Корольдігі арасындағы екіжақты ынтымақтастық талқыланды.</p></article></body></html>""";

  private static final String EN_HARD_NEGATIVE = """
      <html lang="en"><head><title>Final medal table</title></head><body><article>
      <p>Kenya, Morocco, Kazakhstan, Norway and Chile each won one bronze medal at the championships.</p>
      </article></body></html>""";

  @TempDir
  Path dir;

  private final List<RawArticle> out = new ArrayList<>();
  private final Map<String, Long> timestamps = new LinkedHashMap<>();

  private ReplayResult replay(Path... paths) {
    return new Replayer().replay(List.of(paths), (a, ts) -> {
      out.add(a);
      timestamps.put(a.url(), ts);
    });
  }

  private static void writeResponse(WarcWriter w, String url, int status, String type, byte[] body, Instant date)
      throws Exception {
    HttpResponse http = new HttpResponse.Builder(status, status == 200 ? "OK" : "Not Found")
        .body(MediaType.parse(type), body).build();
    w.write(new WarcResponse.Builder(URI.create(url)).date(date).body(http).build());
  }

  @Test
  void warcFileWrittenByTheTest() throws Exception {
    Path warc = dir.resolve("crawl.warc.gz");
    Instant fetched = Instant.parse("2025-03-01T09:30:00Z");
    try (WarcWriter w = new WarcWriter(FileChannel.open(warc, StandardOpenOption.CREATE, StandardOpenOption.WRITE),
        org.netpreserve.jwarc.WarcCompression.GZIP)) {
      writeResponse(w, "https://www.le360.ma/diplomatie/rabat-astana?utm_source=x", 200, "text/html; charset=utf-8",
          FR_PAGE.getBytes(StandardCharsets.UTF_8), fetched);
      writeResponse(w, "https://kazinform.kz/kk/news/1", 200, "text/html",
          KK_PAGE.getBytes(StandardCharsets.UTF_8), fetched.plusSeconds(60));
      writeResponse(w, "https://www.le360.ma/missing", 404, "text/html", "<html>gone</html>".getBytes(), fetched);
      writeResponse(w, "https://www.le360.ma/logo.png", 200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'},
          fetched);
    }

    ReplayResult r = replay(warc);

    assertThat(r.failures()).isEmpty();
    assertThat(r.read()).isEqualTo(2);
    assertThat(r.published()).isEqualTo(2);
    assertThat(r.skipped()).as("404 and image").isEqualTo(2);
    RawArticle fr = out.get(0);
    assertThat(fr.origin()).isEqualTo("replay");
    assertThat(fr.url()).isEqualTo("https://www.le360.ma/diplomatie/rabat-astana?utm_source=x");
    assertThat(fr.canonicalUrl()).isEqualTo("https://www.le360.ma/diplomatie/rabat-astana");
    assertThat(fr.title()).isEqualTo("Rabat et Astana renforcent leur coopération");
    assertThat(fr.text()).contains("reçu à Rabat").contains("blé").doesNotContain("Accueil");
    assertThat(fr.languageHint()).isEqualTo("fr");
    assertThat(fr.fetchedAt()).isEqualTo(fetched);
    assertThat(fr.httpStatus()).isEqualTo(200);
    assertThat(out.get(1).text()).contains("Қазақстан мен Марокко");
    // no publication time in the pages: the record timestamp is the capture time
    assertThat(timestamps.get(fr.url())).isEqualTo(fetched.toEpochMilli());
  }

  @Test
  void jsonlArchiveWithMalformedLinesReportedNotFatal() throws Exception {
    Path jsonl = dir.resolve("archive.jsonl");
    Files.writeString(jsonl, String.join("\n",
        "{\"url\":\"https://hespress.com/ar/1\",\"title\":\"المغرب وكازاخستان\",\"text\":\"وقع المغرب وكازاخستان اتفاقية للتعاون في مجال الحبوب.\",\"published\":\"2025-02-28T10:00:00Z\",\"language\":\"ar\"}",
        "{not json",
        "",
        "{\"title\":\"no url nor id\",\"text\":\"x\"}",
        "{\"id\":\"es-7\",\"title\":\"Marruecos y Kazajistán\",\"text\":\"Marruecos y Kazajistán firmaron un acuerdo.\",\"publishedAt\":\"2025-03-02\"}",
        "{\"url\":\"https://x.kz/2\",\"text\":\"Казахстан\",\"published\":\"yesterday\"}",
        "[1,2,3]"), StandardCharsets.UTF_8);

    ReplayResult r = replay(jsonl);

    assertThat(r.read()).isEqualTo(2);
    assertThat(r.failed()).isEqualTo(4);
    assertThat(r.failures()).extracting(ReplayResult.Failure::where)
        .containsExactly(jsonl + ":2", jsonl + ":4", jsonl + ":6", jsonl + ":7");
    assertThat(r.failures().get(0).reason()).startsWith("not JSON");
    assertThat(r.failures().get(1).reason()).contains("no 'url'");
    assertThat(r.failures().get(2).reason()).contains("'published' is 'yesterday'");
    assertThat(out.get(0).languageHint()).isEqualTo("ar");
    assertThat(out.get(0).publishedAt()).isEqualTo(Instant.parse("2025-02-28T10:00:00Z"));
    assertThat(timestamps.get("https://hespress.com/ar/1")).isEqualTo(Instant.parse("2025-02-28T10:00:00Z").toEpochMilli());
    assertThat(out.get(1).url()).isEqualTo(JsonlArticles.ID_URL_PREFIX + "es-7");
    assertThat(out.get(1).publishedAt()).isEqualTo(Instant.parse("2025-03-02T00:00:00Z"));
  }

  @Test
  void folderOfTextAndHtmlFiles() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("pages"));
    Path txt = folder.resolve("a-ru.txt");
    Files.writeString(txt, "Казахстан и Марокко расширяют сотрудничество\n\n"
        + "Министр иностранных дел Казахстана провёл переговоры в Рабате с марокканским коллегой.\n");
    Files.setLastModifiedTime(txt, FileTime.from(Instant.parse("2025-01-15T12:00:00Z")));
    Files.writeString(folder.resolve("b-en.html"), EN_HARD_NEGATIVE);
    Files.createDirectories(folder.resolve("sub"));
    Files.writeString(folder.resolve("sub").resolve("c-fr.htm"), FR_PAGE);
    Files.write(folder.resolve("logo.png"), new byte[] {1, 2, 3});
    Files.writeString(folder.resolve("empty.txt"), "  \n");

    ReplayResult r = replay(folder);

    assertThat(r.read()).isEqualTo(3);
    assertThat(r.skipped()).isEqualTo(1);
    assertThat(r.failures()).singleElement().satisfies(f -> {
      assertThat(f.where()).endsWith("empty.txt");
      assertThat(f.reason()).isEqualTo("empty file");
    });
    RawArticle ru = out.get(0);
    assertThat(ru.title()).isEqualTo("Казахстан и Марокко расширяют сотрудничество");
    assertThat(ru.text()).startsWith("Министр иностранных дел");
    assertThat(ru.url()).startsWith("file:").endsWith("a-ru.txt");
    assertThat(timestamps.get(ru.url())).as("file time when no publication time")
        .isEqualTo(Instant.parse("2025-01-15T12:00:00Z").toEpochMilli());
    assertThat(out.get(1).text()).contains("bronze medal");
    assertThat(out.get(2).canonicalUrl()).isEqualTo("https://www.le360.ma/diplomatie/rabat-astana");
  }

  @Test
  void missingPathsAndBrokenWarcAreReported() throws Exception {
    Path broken = dir.resolve("broken.warc");
    Files.writeString(broken, "this is not a WARC file\n");
    Files.writeString(dir.resolve("notes.docx"), "not an article archive");
    ReplayResult r = replay(dir.resolve("nope.jsonl"), broken, dir.resolve("notes.docx"));
    assertThat(r.read()).isZero();
    assertThat(r.failed()).isEqualTo(3);
    assertThat(r.failures().get(0).reason()).isEqualTo("no such file or directory");
    assertThat(r.failures().get(1).where()).startsWith(broken.toString());
    assertThat(r.failures().get(2).reason()).contains("unknown file type");
  }

  @Test
  void publishesToNewsRawWithPublicationTimesAndProgress() throws Exception {
    Path jsonl = dir.resolve("a.jsonl");
    Files.writeString(jsonl,
        "{\"url\":\"https://le360.ma/1\",\"text\":\"Le Maroc et le Kazakhstan.\",\"published\":\"2024-06-01T08:00:00+02:00\"}\n"
            + "{\"url\":\"https://le360.ma/2\",\"canonicalUrl\":\"https://le360.ma/2c\",\"text\":\"Astana.\",\"published\":\"2999-01-01T00:00:00Z\"}\n");
    MockProducer<String, RawArticle> producer = new MockProducer<>(true, null, new StringSerializer(),
        JsonSerde.of(RawArticle.class).serializer());
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    Replayer replayer = new Replayer(new ArticleExtractor(), 0,
        new PrintStream(progress, true, StandardCharsets.UTF_8), Duration.ofSeconds(1));
    long before = System.currentTimeMillis();

    ReplayResult r = replayer.publish(producer, List.of(jsonl));

    assertThat(r.published()).isEqualTo(2);
    List<ProducerRecord<String, RawArticle>> sent = producer.history();
    assertThat(sent).extracting(ProducerRecord::topic).containsOnly(Topics.RAW.name());
    assertThat(sent).extracting(ProducerRecord::key).containsExactly("https://le360.ma/1", "https://le360.ma/2c");
    assertThat(sent).extracting(ProducerRecord::partition).as("one partition keeps the archive's order")
        .containsOnly(Replayer.PARTITION);
    assertThat(sent.get(0).timestamp()).isEqualTo(Instant.parse("2024-06-01T06:00:00Z").toEpochMilli());
    assertThat(sent.get(1).timestamp()).as("future times are clamped to now").isBetween(before, System.currentTimeMillis());
    assertThat(progress.toString(StandardCharsets.UTF_8)).contains("2 read, 2 published, 0 failed");
  }

  /** A producer whose sends of some keys fail: {@code failures} times each, or always (-1). */
  private static final class FailingProducer extends MockProducer<String, RawArticle> {
    final Map<String, Integer> failures;
    final Map<String, Integer> attempts = new LinkedHashMap<>();
    final java.util.function.Supplier<RuntimeException> error;

    FailingProducer(Map<String, Integer> failures, java.util.function.Supplier<RuntimeException> error) {
      super(true, null, new StringSerializer(), JsonSerde.of(RawArticle.class).serializer());
      this.failures = failures;
      this.error = error;
    }

    @Override
    public synchronized java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata> send(
        ProducerRecord<String, RawArticle> record, org.apache.kafka.clients.producer.Callback callback) {
      int n = attempts.merge(record.key(), 1, Integer::sum);
      int fail = failures.getOrDefault(record.key(), 0);
      if (fail < 0 || n <= fail) {
        RuntimeException e = error.get();
        callback.onCompletion(null, e);
        return java.util.concurrent.CompletableFuture.failedFuture(e);
      }
      return super.send(record, callback);
    }
  }

  private Path threeArticles() throws Exception {
    Path jsonl = dir.resolve("three.jsonl");
    Files.writeString(jsonl, "{\"url\":\"https://a.example/1\",\"text\":\"One.\"}\n"
        + "{\"url\":\"https://a.example/2\",\"text\":\"Two.\"}\n"
        + "{\"url\":\"https://a.example/3\",\"text\":\"Three.\"}\n");
    return jsonl;
  }

  @Test
  void aFailedSendIsSentAgainAndPublishedOnce() throws Exception {
    FailingProducer producer = new FailingProducer(Map.of("https://a.example/2", 1),
        () -> new org.apache.kafka.common.errors.TimeoutException("batch expired"));
    List<String> dead = new ArrayList<>();

    ReplayResult r = new Replayer().publish(producer, List.of(threeArticles()), (a, where, n, e) -> dead.add(a.url()));

    assertThat(r.published()).isEqualTo(3);
    assertThat(r.resent()).isEqualTo(1);
    assertThat(r.failed()).isZero();
    assertThat(dead).isEmpty();
    assertThat(producer.history()).extracting(ProducerRecord::key)
        .containsExactlyInAnyOrder("https://a.example/1", "https://a.example/2", "https://a.example/3");
    assertThat(producer.attempts.get("https://a.example/2")).isEqualTo(2);
    assertThat(r.summary()).contains("3 published, 0 failed").contains("1 sent again");
  }

  @Test
  void aRecordTooLargeIsNotSentAgainButDeadLettered() throws Exception {
    FailingProducer producer = new FailingProducer(Map.of("https://a.example/3", -1),
        () -> new org.apache.kafka.common.errors.RecordTooLargeException("over max.message.bytes"));
    List<String> dead = new ArrayList<>();

    ReplayResult r = new Replayer().publish(producer, List.of(threeArticles()),
        (a, where, n, e) -> dead.add(a.url() + " " + where + " " + n + " " + e.getClass().getSimpleName()));

    assertThat(r.published()).isEqualTo(2);
    assertThat(r.deadLettered()).isEqualTo(1);
    assertThat(r.lost()).isZero();
    assertThat(r.failed()).isEqualTo(1);
    assertThat(producer.attempts.get("https://a.example/3")).as("sending again cannot help").isEqualTo(1);
    assertThat(dead).containsExactly("https://a.example/3 " + dir.resolve("three.jsonl") + ":3 1 RecordTooLargeException");
    assertThat(r.failures()).singleElement().asString().contains(Topics.RAW.name()).contains("RecordTooLargeException")
        .contains(Topics.DEADLETTER.name());
    assertThat(io.newsmon.ingestor.cli.ReplayCommand.exitCode(r)).isEqualTo(io.newsmon.ingestor.cli.ReplayCommand.EXIT_FAILED);
  }

  @Test
  void whatFailsEveryPassAndCannotBeDeadLetteredIsCountedLost() throws Exception {
    FailingProducer producer = new FailingProducer(Map.of("https://a.example/1", -1),
        () -> new org.apache.kafka.common.errors.TimeoutException("batch expired"));

    ReplayResult r = new Replayer().publish(producer, List.of(threeArticles()), (a, where, n, e) -> {
      throw new IllegalStateException("dead-letter topic unavailable");
    });

    assertThat(producer.attempts.get("https://a.example/1")).isEqualTo(Replayer.SEND_PASSES);
    assertThat(r.published()).isEqualTo(2);
    assertThat(r.resent()).isEqualTo(Replayer.SEND_PASSES - 1);
    assertThat(r.lost()).isEqualTo(1);
    assertThat(r.summary()).contains("1 lost");
    assertThat(r.failures()).singleElement().asString().contains("after 3 sends").contains("dead-letter topic unavailable");
    assertThat(io.newsmon.ingestor.cli.ReplayCommand.exitCode(r)).isEqualTo(io.newsmon.ingestor.cli.ReplayCommand.EXIT_LOST);
  }

  @Test
  void rateLimitSpacesArticles() throws Exception {
    Path jsonl = dir.resolve("r.jsonl");
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      sb.append("{\"url\":\"https://x.ma/").append(i).append("\",\"text\":\"Rabat\"}\n");
    }
    Files.writeString(jsonl, sb.toString());
    Replayer replayer = new Replayer(new ArticleExtractor(), 50, null, Duration.ofSeconds(1));
    long start = System.nanoTime();
    ReplayResult r = replayer.replay(List.of(jsonl), a -> { });
    long elapsedMs = (System.nanoTime() - start) / 1_000_000;
    assertThat(r.published()).isEqualTo(6);
    assertThat(elapsedMs).as("6 articles at 50/s take at least 5 intervals of 20 ms").isGreaterThanOrEqualTo(95);
  }

  @Test
  void fixtureArticlesAreAllReadTheSameWayTwice() {
    List<Path> files = RelevantArticles.write(dir.resolve("articles"));
    ReplayResult r = replay(dir.resolve("articles"));
    assertThat(r.failures()).isEmpty();
    assertThat(r.read()).isEqualTo(files.size());
    assertThat(out).allSatisfy(a -> {
      assertThat(a.text()).isNotBlank();
      assertThat(a.origin()).isEqualTo("replay");
      assertThat(a.fetchedAt()).as("a file's time is its modification time").isEqualTo(RelevantArticles.FILE_TIME);
    });
    assertThat(out.get(1).title()).isEqualTo("mardi, 14 octobre 2026");
    assertThat(out.get(2).title()).as("a first paragraph too long to be a title").isNull();
    assertThat(out.get(3).key()).as("the page's canonical URL, normalised")
        .isEqualTo("https://dala-news.example.kz/kk/saiasat/kazakstan-marokko-komissiya");
    assertThat(out.get(3).text()).contains("Насер Буритамен").doesNotContain("Басты бет").doesNotContain("©");
    assertThat(timestamps.values()).containsOnly(RelevantArticles.FILE_TIME.toEpochMilli());
    // the same files give the same keys (and so the same article ids) on a second replay
    List<String> keys = out.stream().map(RawArticle::key).toList();
    out.clear();
    replay(dir.resolve("articles"));
    assertThat(out.stream().map(RawArticle::key).toList()).isEqualTo(keys).doesNotHaveDuplicates();
  }

  @Test
  void seedArticlesAreAllRead() {
    Path seeds = Path.of("../../shared/corpus/seeds");
    assumeTrue(Files.isDirectory(seeds), "skipped: the shared seed corpus is not at " + seeds.toAbsolutePath());
    ReplayResult r = replay(seeds);
    assertThat(r.failures()).isEmpty();
    assertThat(r.read()).isPositive();
    assertThat(out).allSatisfy(a -> {
      assertThat(a.text()).isNotBlank();
      assertThat(a.origin()).isEqualTo("replay");
    });
    // the same files give the same URLs (and so the same article ids) on a second replay
    List<String> urls = out.stream().map(RawArticle::url).toList();
    out.clear();
    replay(seeds);
    assertThat(out.stream().map(RawArticle::url).toList()).isEqualTo(urls);
  }

  @Test
  void truncatedSingleMemberWarcGzStillGivesTheRecordsBeforeTheCut() throws Exception {
    Path plain = dir.resolve("whole.warc");
    Instant fetched = Instant.parse("2025-03-01T09:30:00Z");
    try (WarcWriter w = new WarcWriter(FileChannel.open(plain, StandardOpenOption.CREATE, StandardOpenOption.WRITE))) {
      writeResponse(w, "https://www.le360.ma/a", 200, "text/html; charset=utf-8", FR_PAGE.getBytes(StandardCharsets.UTF_8), fetched);
      writeResponse(w, "https://kazinform.kz/kk/b", 200, "text/html; charset=utf-8", KK_PAGE.getBytes(StandardCharsets.UTF_8), fetched);
      StringBuilder noise = new StringBuilder("<html><body><article><p>");
      java.util.Random random = new java.util.Random(3);
      for (int i = 0; i < 4000; i++) {
        noise.append(Integer.toHexString(random.nextInt())).append(' ');
      }
      // a large third record that compresses badly, so the cut falls inside it
      writeResponse(w, "https://example.com/c", 200, "text/html; charset=utf-8",
          noise.append("</p></article></body></html>").toString().getBytes(StandardCharsets.UTF_8), fetched);
    }
    byte[] whole = Files.readAllBytes(plain);
    java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
      out.write(whole); // one gzip member for the whole file, as some crawlers write it
    }
    byte[] compressed = gz.toByteArray();
    Path cut = dir.resolve("cut.warc.gz");
    Files.write(cut, java.util.Arrays.copyOf(compressed, compressed.length * 3 / 4));

    ReplayResult r = replay(cut);

    assertThat(out).extracting(RawArticle::url).containsExactly("https://www.le360.ma/a", "https://kazinform.kz/kk/b");
    assertThat(r.failed()).as("the record cut in two (its body, then the rest of the file)").isBetween(1L, 2L);
    assertThat(r.failures()).allSatisfy(f -> assertThat(f.where()).startsWith(cut.toString()));
  }

  @Test
  void binaryFilesAreRefusedWithAReasonAndTheBatchGoesOn() throws Exception {
    byte[] png = new byte[600];
    new java.util.Random(7).nextBytes(png);
    png[0] = (byte) 0x89;
    png[1] = 'P';
    png[10] = 0;
    Files.write(dir.resolve("photo.txt"), png);
    Files.write(dir.resolve("archive.html"), png);
    Files.writeString(dir.resolve("z-ok.txt"), "Rabat et Astana\nLe Maroc et le Kazakhstan ont signé un accord.");

    ReplayResult r = replay(dir);

    assertThat(r.failed()).isEqualTo(2);
    assertThat(r.failures()).allSatisfy(f -> assertThat(f.reason()).contains("binary"));
    assertThat(out).hasSize(1);
    assertThat(out.get(0).title()).isEqualTo("Rabat et Astana");
  }

  @Test
  void publicationTimesBeyondEpochMillisNeverStopTheBatch() throws Exception {
    Path jsonl = dir.resolve("far.jsonl");
    Files.writeString(jsonl, String.join("\n",
        "{\"url\":\"https://x.ma/1\",\"text\":\"Rabat\",\"published\":\"+999999999-12-31T23:59:59Z\"}",
        "{\"url\":\"https://x.ma/2\",\"text\":\"Astana\",\"published\":\"-999999999-01-01T00:00:00Z\"}",
        "{\"url\":\"https://x.ma/3\",\"text\":\"Rabat et Astana\",\"published\":\"2025-02-28T10:00:00Z\"}"));
    Files.writeString(dir.resolve("page.html"), "<html><head><meta property=\"article:published_time\" "
        + "content=\"+999999999-12-31T23:59:59Z\"><title>Rabat</title></head><body><article><p>"
        + "Le Maroc et le Kazakhstan ont signé un accord sur le blé à Rabat.</p></article></body></html>");

    ReplayResult r = replay(jsonl, dir.resolve("page.html"));

    assertThat(r.read() + r.failed()).isEqualTo(4);
    assertThat(out).extracting(RawArticle::url).contains("https://x.ma/3");
    assertThat(out).allSatisfy(a -> assertThat(a.publishedAt() == null
        || a.publishedAt().isBefore(Instant.parse("9999-12-31T23:59:59Z"))).isTrue());
    assertThat(timestamps.values()).allSatisfy(ts -> assertThat(ts).isNotNegative());
  }
}
