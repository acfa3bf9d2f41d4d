package io.newsmon.common.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** The settings of the HTTP endpoint every long-running command serves (metrics, health, the alerts page). */
public final class HttpSettings {

  /** The section these settings are listed under in {@code newsmon config} and the documentation. */
  public static final String SECTION = "HTTP endpoint and metrics";

  public static final Key<Integer> PORT = Key.integer("http.port");
  public static final Key<String> HOST = Key.string("http.host");
  public static final Key<Integer> PAGE_MAX_ITEMS = Key.integer("http.page.max-items");

  public static final ConfigDef DEF = new ConfigDef()
      .define(PORT.name(), Type.INT, "8080", Range.between(-1, 65535), Importance.MEDIUM,
          "Port of the HTTP endpoint of every long-running command (run, demo, ingest, process, "
              + "sink): /metrics (Prometheus), /health/live, /health/ready, and for run and demo the "
              + "live alerts page at /. 0: any free port (the address is printed at start); -1: no "
              + "endpoint. Components started separately on one machine need a port each. Default 8080.")
      .define(HOST.name(), Type.STRING, "127.0.0.1", Checks.nonBlank(), Importance.MEDIUM,
          "Address the HTTP endpoint listens on. 127.0.0.1 (the default) serves this machine only; "
              + "0.0.0.0 serves every interface (what a container needs for Prometheus and health "
              + "checks).")
      .define(PAGE_MAX_ITEMS.name(), Type.INT, "2000", Range.between(1, 1_000_000), Importance.LOW,
          "How many alerts, dead letters and relevant articles the alerts page keeps in memory (the "
              + "newest). Default 2000.");

  private HttpSettings() {}
}
