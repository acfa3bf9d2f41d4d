package io.newsmon.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.kafka.KafkaClients;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticMembershipTest {

  private static final NewsmonConfig DEFAULTS = NewsmonConfig.defaults();

  @Test
  void aDerivedNameIsKeptInTheStateDirectoryAndSurvivesARestart(@TempDir Path dir) {
    String first = KafkaClients.instanceId(DEFAULTS, dir.resolve("processor"));
    String again = KafkaClients.instanceId(DEFAULTS, dir.resolve("processor"));
    String other = KafkaClients.instanceId(DEFAULTS, dir.resolve("processor-2"));
    assertThat(first).isNotBlank().matches("[A-Za-z0-9._-]+").isEqualTo(again);
    assertThat(other).as("another state directory is another instance").isNotEqualTo(first);
  }

  @Test
  void theGroupInstanceIdIsTheNamePlusTheGroup(@TempDir Path dir) {
    Properties p = KafkaClients.staticMembership(new Properties(),
        DEFAULTS.with("instance.id", "edge-7"), "newsmon-processor", dir);
    assertThat(p.getProperty("group.instance.id")).isEqualTo("edge-7-newsmon-processor");
  }

  @Test
  void noneKeepsDynamicMembership(@TempDir Path dir) {
    Properties p = KafkaClients.staticMembership(new Properties(), DEFAULTS.with("instance.id", "none"),
        "newsmon-sink", dir);
    assertThat(p).doesNotContainKey("group.instance.id");
    assertThat(dir.resolve("instance-id")).doesNotExist();
  }

  @Test
  void aNameKafkaWouldRefuseStopsTheStart() {
    assertThatThrownBy(() -> DEFAULTS.with("instance.id", "two words"))
        .hasMessageContaining("instance.id");
  }
}
