package io.newsmon.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

/** Every declared setting has exactly one typed key in its component's settings class, and get() reads its type. */
class TypedKeysTest {

  private static final List<Class<?>> SETTINGS = List.of(KafkaSettings.class, IngestorSettings.class,
      ProcessorSettings.class, SinkSettings.class, DemoSettings.class, HttpSettings.class);

  private static List<Key<?>> keysOf(Class<?> settings) throws IllegalAccessException {
    List<Key<?>> keys = new ArrayList<>();
    for (Field f : settings.getDeclaredFields()) {
      if (f.getType() == Key.class) {
        assertThat(Modifier.isStatic(f.getModifiers()) && Modifier.isFinal(f.getModifiers())
            && Modifier.isPublic(f.getModifiers())).as(settings.getSimpleName() + "." + f.getName()).isTrue();
        keys.add((Key<?>) f.get(null));
      }
    }
    return keys;
  }

  private static ConfigDef defOf(Class<?> settings) throws ReflectiveOperationException {
    return (ConfigDef) settings.getField("DEF").get(null);
  }

  @Test
  void everyDeclaredSettingHasOneTypedKeyInItsOwnClassAndViceVersa() throws Exception {
    assertThat(SETTINGS.stream().map(c -> {
      try {
        return defOf(c);
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }).toList()).containsExactlyElementsOf(NewsmonConfig.SECTIONS);
    int total = 0;
    for (Class<?> settings : SETTINGS) {
      List<String> keyNames = keysOf(settings).stream().map(Key::name).toList();
      assertThat(keyNames).as(settings.getSimpleName()).doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(defOf(settings).names());
      total += keyNames.size();
    }
    assertThat(total).isEqualTo(NewsmonConfig.documented().size());
  }

  @Test
  void eachKeyReadsAValueOfTheTypeItsDeclarationGives() throws Exception {
    NewsmonConfig defaults = NewsmonConfig.defaults();
    for (Class<?> settings : SETTINGS) {
      for (Key<?> key : keysOf(settings)) {
        ConfigDef.ConfigKey declared = defOf(settings).configKeys().get(key.name());
        Class<?> expected = switch (declared.type) {
          case INT -> Integer.class;
          case DOUBLE -> Double.class;
          case LIST -> List.class;
          default -> key.type();
        };
        assertThat(key.type()).as(key.name()).isEqualTo(expected);
        if (declared.type == ConfigDef.Type.STRING || declared.type == ConfigDef.Type.PASSWORD) {
          assertThat(key.type()).as(key.name()).isIn(String.class, Duration.class, Long.class, Boolean.class);
        }
        Object value = defaults.get(key);
        if (value != null) {
          assertThat(value).as(key.name()).isInstanceOf(key.type());
        } else {
          assertThat(NewsmonConfig.documented().get(key.name()).defaultValue()).as(key.name()).isEmpty();
        }
      }
    }
  }

  @Test
  void getReturnsTheDeclaredTypeParsedFromTheText() {
    NewsmonConfig c = NewsmonConfig.defaults().with(Map.of(
        "processor.threads", "3",
        "processor.dedup.reorder-delay", "750ms",
        "ingestor.max-bytes", "2k",
        "ingestor.robots", "off",
        "ingestor.allow-hosts", "a.example, ,b.example",
        "processor.language.min-confidence", "0.35"));
    Integer threads = c.get(ProcessorSettings.THREADS);
    Duration delay = c.get(ProcessorSettings.DEDUP_REORDER_DELAY);
    Long maxBytes = c.get(IngestorSettings.MAX_BYTES);
    Boolean robots = c.get(IngestorSettings.ROBOTS);
    List<String> hosts = c.get(IngestorSettings.ALLOW_HOSTS);
    Double confidence = c.get(ProcessorSettings.LANGUAGE_MIN_CONFIDENCE);
    assertThat(threads).isEqualTo(3);
    assertThat(delay).isEqualTo(Duration.ofMillis(750));
    assertThat(maxBytes).isEqualTo(2048L);
    assertThat(robots).isFalse();
    assertThat(hosts).containsExactly("a.example", "b.example");
    assertThat(confidence).isEqualTo(0.35);
    assertThat(c.text(ProcessorSettings.DEDUP_REORDER_DELAY)).isEqualTo("750ms");
    assertThat(c.get(KafkaSettings.BOOTSTRAP_SERVERS)).isNull();
    assertThat(c.with("bootstrap.servers", "h:9092").get(KafkaSettings.BOOTSTRAP_SERVERS)).isEqualTo("h:9092");
    assertThat(c.get(HttpSettings.HOST)).isEqualTo("127.0.0.1");
    assertThatThrownBy(() -> c.with("processor.threads", "1k"))
        .hasMessageContaining("processor.threads");
  }
}
