package io.newsmon.ingestor.cli;

import io.newsmon.common.cli.ConfigOptions;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.kafka.TopicAdmin;
import io.newsmon.common.kafka.Topics;
import io.newsmon.ingestor.RawPublisher;
import io.newsmon.ingestor.extract.ArticleExtractor;
import io.newsmon.ingestor.archive.ReplayDeadLetters;
import io.newsmon.ingestor.archive.ReplayResult;
import io.newsmon.ingestor.archive.Replayer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsmon replay PATH...}: publishes archived articles to news.raw. */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = {
        "Publish archived articles to news.raw with their original publication times as record timestamps, "
            + "so they go through the same pipeline as live ones.",
        "PATH is a JSONL archive (.jsonl/.ndjson/.json, one article object per line: url or id, title, "
            + "text, published, language), a WARC file (.warc: HTML responses), a .txt file (a short first "
            + "line is the title) or an .html file, any of them gzipped (.gz), or a folder of any of these. "
            + "Articles are keyed by their normalised canonical URL, as when ingested live. Bad lines and "
            + "files are reported and skipped.",
        "An article whose send to news.raw failed is sent again (at most three sends in all, unless "
            + "sending again cannot help, as for a record larger than the topic takes); what still fails "
            + "is written to news.deadletter with the reason.",
        "Progress goes to stderr every second, the summary to stdout. Exit code 0 when everything was "
            + "published; 1 when something failed and nothing was lost (bad input reported, articles that "
            + "could not be published on news.deadletter); 3 when an article could be neither published nor "
            + "written to news.deadletter."})
public final class ReplayCommand implements Callable<Integer> {

  private static final int FAILURES_SHOWN = 20;
  /** Exit code when something failed and every article is on news.raw or news.deadletter. */
  public static final int EXIT_FAILED = 1;
  /** Exit code when an article is on neither news.raw nor news.deadletter. */
  public static final int EXIT_LOST = 3;

  @Mixin
  ConfigOptions config;

  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Archives, WARC files, files or folders.")
  List<Path> paths;

  @Option(names = "--rate", paramLabel = "N/s",
      description = "Publish at most N articles per second (N/s or N/min; default: as fast as possible).")
  String rate;

  @Option(names = "--quiet", description = "No progress lines.")
  boolean quiet;

  /** Parses {@code 100}, {@code 100/s}, {@code 2.5/s} or {@code 600/min} into articles per second. */
  public static double parseRate(String rate) {
    if (rate == null || rate.isBlank()) {
      return 0;
    }
    String s = rate.strip().toLowerCase(Locale.ROOT);
    double divisor = 1;
    if (s.endsWith("/s")) {
      s = s.substring(0, s.length() - 2);
    } else if (s.endsWith("/min") || s.endsWith("/m")) {
      s = s.substring(0, s.lastIndexOf('/'));
      divisor = 60;
    }
    try {
      double n = Double.parseDouble(s.strip());
      if (n <= 0 || Double.isNaN(n) || Double.isInfinite(n)) {
        throw new NumberFormatException();
      }
      return n / divisor;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--rate '" + rate + "' must be a positive number of articles, "
          + "such as 50/s or 600/min");
    }
  }

  @Override
  public Integer call() {
    double perSecond = parseRate(rate);
    NewsmonConfig c = config.load();
    TopicAdmin.ensure(c, List.of(Topics.RAW, Topics.DEADLETTER));
    PrintWriter out = spec.commandLine().getOut();
    java.io.PrintStream err = new java.io.PrintStream(System.err, true, java.nio.charset.StandardCharsets.UTF_8);
    Replayer replayer = new Replayer(new ArticleExtractor(), perSecond, quiet ? null : err, Duration.ofSeconds(1));
    ReplayResult result;
    try (RawPublisher publisher = RawPublisher.create(c, "newsmon-replay");
        ReplayDeadLetters deadLetters = ReplayDeadLetters.create(c, "newsmon-replay-dlq")) {
      result = replayer.publish(publisher, paths, deadLetters);
    }
    out.println("replay: " + result.summary() + " to " + Topics.RAW.name());
    List<ReplayResult.Failure> failures = result.failures();
    for (int i = 0; i < Math.min(FAILURES_SHOWN, failures.size()); i++) {
      out.println("  failed: " + failures.get(i));
    }
    if (result.failed() > FAILURES_SHOWN) {
      out.println("  ... and " + (result.failed() - FAILURES_SHOWN) + " more failures");
    }
    out.flush();
    return exitCode(result);
  }

  /** 0 when everything was published, {@link #EXIT_LOST} when an article was lost, else {@link #EXIT_FAILED}. */
  public static int exitCode(ReplayResult result) {
    if (result.lost() > 0) {
      return EXIT_LOST;
    }
    return result.failed() == 0 ? 0 : EXIT_FAILED;
  }
}
