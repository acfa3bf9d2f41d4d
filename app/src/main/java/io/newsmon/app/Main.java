package io.newsmon.app;

import io.newsmon.app.cli.AnalyzeCommand;
import io.newsmon.app.cli.ConfigCommand;
import io.newsmon.app.cli.DemoCommand;
import io.newsmon.app.cli.RunCommand;
import io.newsmon.app.logging.Logging;
import io.newsmon.ingestor.cli.ExtractCommand;
import io.newsmon.ingestor.cli.FeedCommand;
import io.newsmon.ingestor.cli.IngestCommand;
import io.newsmon.processor.cli.ProcessCommand;
import io.newsmon.ingestor.cli.ReplayCommand;
import io.newsmon.sink.cli.SinkCommand;
import io.newsmon.sink.cli.WatchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code newsmon} command: every component and tool as a subcommand. */
@Command(name = "newsmon", mixinStandardHelpOptions = true, version = "newsmon 0.1.0",
    description = {
        "Monitors news feeds and pages for articles on Morocco–Kazakhstan relations in Arabic, French, "
            + "English, Russian, Kazakh and Spanish, on Kafka Streams.",
        "",
        "Start with 'newsmon demo'. Settings: 'newsmon config'."},
    subcommands = {
        DemoCommand.class, RunCommand.class,
        IngestCommand.class, ProcessCommand.class, SinkCommand.class,
        WatchCommand.class, ReplayCommand.class,
        AnalyzeCommand.class, FeedCommand.class, ExtractCommand.class,
        io.newsmon.app.cli.PageCommand.class, io.newsmon.app.cli.ClusterCommand.class,
        ConfigCommand.class, io.newsmon.app.chaos.ChaosCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    Logging.configure();
    System.exit(commandLine().execute(args));
  }

  /** The configured command line: readable one-line errors; stack traces with NEWSMON_DEBUG=1. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (System.getenv("NEWSMON_DEBUG") != null) {
        e.printStackTrace();
      }
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      commandLine.getErr().println("newsmon " + commandLine.getCommandName() + ": " + message
          + (System.getenv("NEWSMON_DEBUG") == null ? " (NEWSMON_DEBUG=1 shows the stack trace)" : ""));
      return 2;
    });
    return cl;
  }
}
