package io.newsmon.common.cli;

import io.newsmon.common.config.NewsmonConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The configuration options every command shares (a picocli mixin): {@code --config FILE},
 * {@code --bootstrap-servers} and repeated {@code --set key=value}. {@link #load()} applies them over
 * the defaults and the environment, in that order.
 */
public class ConfigOptions {

  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "Configuration file (key=value) overriding the documented defaults. "
          + "See 'newsmon config' for every key.")
  Path configFile;

  @Option(names = {"-b", "--bootstrap-servers"}, paramLabel = "HOST:PORT[,...]",
      description = "Kafka bootstrap servers (setting bootstrap.servers). "
          + "Commands that can run their own broker start the embedded one when this is empty.")
  String bootstrapServers;

  @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE",
      description = "Override one setting; repeatable. kafka.* keys are passed to the Kafka clients.")
  Map<String, String> settings = new LinkedHashMap<>();

  /** Defaults, then the config file, then NEWSMON_* environment variables, then these options. */
  public NewsmonConfig load() {
    Map<String, String> overrides = new LinkedHashMap<>(settings);
    if (bootstrapServers != null) {
      overrides.put("bootstrap.servers", bootstrapServers);
    }
    return NewsmonConfig.load(configFile, System.getenv(), overrides);
  }

  /**
   * {@link #load()} for a command that needs a Kafka cluster given to it: fails with the setting to
   * give before the command binds a port or starts anything.
   */
  public NewsmonConfig loadForCluster() {
    NewsmonConfig config = load();
    io.newsmon.common.kafka.KafkaClients.base(config);
    return config;
  }
}
