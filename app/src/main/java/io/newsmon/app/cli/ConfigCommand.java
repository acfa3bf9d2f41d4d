package io.newsmon.app.cli;

import io.newsmon.common.cli.ConfigOptions;
import io.newsmon.common.config.NewsmonConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Prints every setting with its effective value, default and meaning. */
@Command(name = "config", mixinStandardHelpOptions = true,
    description = {"Show every setting: its effective value (after --config, NEWSMON_* environment "
        + "variables and --set), its default, its environment variable and what it means."})
public final class ConfigCommand implements Callable<Integer> {

  @Mixin ConfigOptions options;

  @Option(names = "--defaults", description = "Print the defaults file: every setting with its meaning and default, "
      + "in the key=value format --config takes.")
  boolean rawDefaults;

  @Option(names = "--markdown", description = "Print the settings reference as Markdown (docs/configuration.md).")
  boolean markdown;

  @Override
  public Integer call() throws Exception {
    if (rawDefaults) {
      System.out.print(NewsmonConfig.defaultsFile());
      return 0;
    }
    if (markdown) {
      System.out.print(NewsmonConfig.markdown());
      return 0;
    }
    NewsmonConfig config = options.load();
    String section = null;
    for (NewsmonConfig.Setting s : NewsmonConfig.documented().values()) {
      if (!s.section().equals(section)) {
        section = s.section();
        System.out.printf("%n[%s]%n", section);
      }
      String value = config.asMap().get(s.key());
      System.out.printf("%s = %s%s%n    %s%n    env %s%n", s.key(), config.shown(s.key()),
          value.equals(s.defaultValue()) ? "" : "   (default: " + s.defaultValue() + ")",
          s.doc(), s.key().contains("<") ? "(set in a --config file or with --set)" : NewsmonConfig.envName(s.key()));
    }
    var kafka = config.kafkaProperties();
    if (!kafka.isEmpty()) {
      System.out.printf("%n[Kafka client properties]%n");
      new java.util.TreeSet<>(kafka.stringPropertyNames()).forEach(k ->
          System.out.printf("kafka.%s = %s%n", k, config.shown(NewsmonConfig.KAFKA_PREFIX + k)));
    }
    return 0;
  }
}
