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

  @Option(names = "--defaults", description = "Print the documented defaults file as it is in the jar.")
  boolean rawDefaults;

  @Override
  public Integer call() throws Exception {
    if (rawDefaults) {
      try (var in = NewsmonConfig.class.getResourceAsStream(NewsmonConfig.DEFAULTS_RESOURCE)) {
        System.out.write(in.readAllBytes());
        System.out.flush();
      }
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
      System.out.printf("%s = %s%s%n    %s%n    env %s%n", s.key(), value,
          value.equals(s.defaultValue()) ? "" : "   (default: " + s.defaultValue() + ")",
          s.doc(), s.key().contains("<") ? "(set in a --config file or with --set)" : NewsmonConfig.envName(s.key()));
    }
    var kafka = config.kafkaProperties();
    if (!kafka.isEmpty()) {
      System.out.printf("%n[Kafka client properties]%n");
      kafka.forEach((k, v) -> System.out.printf("kafka.%s = %s%n", k,
          k.toString().contains("password") || k.toString().contains("jaas") ? "********" : v));
    }
    return 0;
  }
}
