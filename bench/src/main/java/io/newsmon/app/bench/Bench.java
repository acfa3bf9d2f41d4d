package io.newsmon.app.bench;

import io.newsmon.app.Main;
import io.newsmon.app.logging.Logging;
import picocli.CommandLine;

/**
 * The main class of {@code bench/target/newsmon-bench.jar}: {@link ProcessorBenchmark} (what
 * {@code ./newsmon bench ...} runs), with the {@code newsmon} command's logging and one-line errors.
 * The other benchmark programs of this module run with {@code java -cp}: see the README.
 */
public final class Bench {

  private Bench() {}

  public static void main(String[] args) {
    Logging.configure();
    CommandLine cl = new CommandLine(new ProcessorBenchmark());
    cl.setExecutionExceptionHandler(Main.commandLine().getExecutionExceptionHandler());
    System.exit(cl.execute(args));
  }
}
