package io.newsmon.app.demo;

import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.ingestor.source.Source;
import io.newsmon.ingestor.source.Sources;
import io.newsmon.ingestor.RawPublisher;
import io.newsmon.ingestor.archive.Replayer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** The demo's inputs: the sample site as a source, and the bundled archive replayed into news.raw. */
public final class DemoArchive {

  /** Classpath location of the bundled sample archive (JSON lines). */
  public static final String ARCHIVE = "/demo/archive.jsonl";

  private DemoArchive() {}

  /** The sample site's feed as the one source of the demo's ingestor. */
  public static List<Source> sources(DemoSite site) {
    return Sources.parse("""
        sources:
          - id: demo-desk
            kind: feed
            url: %s
            interval: 20s
        """.formatted(site.feedUrl()));
  }

  /** Publishes the bundled archive to news.raw; returns how many articles were published. */
  public static long replay(NewsmonConfig config) throws IOException {
    Path file = Files.createTempFile("newsmon-demo-archive-", ".jsonl");
    try (InputStream in = DemoArchive.class.getResourceAsStream(ARCHIVE)) {
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      try (RawPublisher publisher = RawPublisher.create(config, "newsmon-demo-replay")) {
        return new Replayer().publish(publisher, List.of(file)).published();
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
