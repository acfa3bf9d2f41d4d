package io.newsmon.common.config;


import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** The settings of the demo: key, type, default, validator and documentation of each. */
public final class DemoSettings {

  /** The section these settings are listed under in {@code newsmon config} and the documentation. */
  public static final String SECTION = "Demo";

  public static final Key<Integer> HTTP_PORT = Key.integer("demo.http-port");

  public static final ConfigDef DEF = new ConfigDef()
      .define(HTTP_PORT.name(), Type.INT, "0", Range.between(0, 65535), Importance.MEDIUM,
          "Port of the demo's local HTTP server that serves the bundled sample feed and pages (0: "
              + "any free port).");

  private DemoSettings() {}
}
