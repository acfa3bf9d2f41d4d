package io.newsmon.processor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.config.ProcessorSettings;
import io.newsmon.processor.watch.RelevanceModel;
import io.newsmon.processor.watch.Watch;
import io.newsmon.processor.watch.WatchDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configured watches: the bundled {@code watches/morocco-kazakhstan.yaml}, then every file
 * listed in {@code processor.watches} (comma separated; default none). A file declaring a watch id
 * that already exists replaces that watch.
 */
public final class Watches {

  /** The bundled default watch definition on the class path. */
  public static final String DEFAULT_RESOURCE = "/watches/morocco-kazakhstan.yaml";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Watches() {}

  /** The ids of the configured watches, in order (the default one first). */
  public static List<String> ids(NewsmonConfig config) {
    return load(config).stream().map(Watch::id).toList();
  }

  /** The rule version of each configured watch, by watch id (for alert ids and audit). */
  public static Map<String, String> ruleVersions(NewsmonConfig config) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Watch w : load(config)) {
      out.put(w.id(), w.ruleVersion() == null ? "" : w.ruleVersion());
    }
    return out;
  }

  /**
   * Loads and compiles the configured watches.
   *
   * @throws IllegalArgumentException naming the file when one cannot be read or is invalid
   */
  public static List<Watch> load(NewsmonConfig config) {
    Map<String, Watch> byId = new LinkedHashMap<>();
    RelevanceModel model = config.get(ProcessorSettings.RELEVANCE_MODEL) ? RelevanceModel.bundled() : null;
    Watch bundled = bundled(model, Watch.weighsWords(model));
    byId.put(bundled.id(), bundled);
    for (String file : config.get(ProcessorSettings.WATCHES)) {
      Watch w = parse(Path.of(file), model);
      byId.put(w.id(), w);
    }
    return new ArrayList<>(byId.values());
  }

  /**
   * The bundled watch, its verdicts given by {@code model} where its rules found evidence (null: the
   * rules), reading the words of the articles a model may judge when {@code readsWords} (as a
   * model's trainer needs them).
   */
  public static Watch bundled(RelevanceModel model, boolean readsWords) {
    try (InputStream in = Watches.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + DEFAULT_RESOURCE + " on the class path");
      }
      return new Watch(YAML.readValue(in, WatchDefinition.class), model, readsWords);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the bundled watch " + DEFAULT_RESOURCE + ": " + e.getMessage(), e);
    }
  }

  /** Reads one watch file. */
  public static Watch parse(Path file) {
    return parse(file, null);
  }

  /** Reads one watch file, its verdicts given by {@code model} where its rules found evidence (null: the rules). */
  public static Watch parse(Path file, RelevanceModel model) {
    try {
      return new Watch(YAML.readValue(Files.readAllBytes(file), WatchDefinition.class), model);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read watch file " + file + " (set in processor.watches): "
          + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid watch file " + file + ": " + e.getMessage(), e);
    }
  }
}
