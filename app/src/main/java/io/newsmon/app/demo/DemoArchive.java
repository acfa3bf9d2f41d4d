package io.newsmon.app.demo;

import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.ingestor.source.Source;
import io.newsmon.ingestor.source.Sources;
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
  public static int replay(NewsmonConfig config) {
    throw new UnsupportedOperationException("wired to the sink's Replayer once it lands");
  }
}
