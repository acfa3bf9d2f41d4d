package io.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newsmon.common.ops.NewsmonMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/**
 * The deployment files hold together: docker-compose runs three KRaft brokers (replication 3,
 * min.insync.replicas 2) and health-checks every component on /health/ready; Prometheus scrapes
 * every component; the Grafana dashboard only asks for series newsmon produces.
 */
class DeploymentFilesTest {

  private static final Path ROOT = Path.of("..");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final List<String> COMPONENTS = List.of("ingestor", "processor", "sink", "page");

  @Test
  void composeRunsThreeKraftBrokersWithReplicationThreeAndMinInsyncTwo() throws Exception {
    JsonNode services = compose().get("services");
    Set<String> ids = new TreeSet<>();
    for (String name : List.of("kafka1", "kafka2", "kafka3")) {
      JsonNode env = services.get(name).get("environment");
      ids.add(env.get("KAFKA_NODE_ID").asText());
      assertThat(env.get("KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
      assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS").asText())
          .isEqualTo("1@kafka1:9093,2@kafka2:9093,3@kafka3:9093");
      assertThat(env.get("KAFKA_ADVERTISED_LISTENERS").asText()).isEqualTo("PLAINTEXT://" + name + ":9092");
      assertThat(env.get("KAFKA_DEFAULT_REPLICATION_FACTOR").asInt()).isEqualTo(3);
      assertThat(env.get("KAFKA_MIN_INSYNC_REPLICAS").asInt()).isEqualTo(2);
      assertThat(env.get("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR").asInt()).isEqualTo(3);
      assertThat(env.get("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR").asInt()).isEqualTo(3);
      assertThat(env.get("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR").asInt()).isEqualTo(2);
      assertThat(env.get("CLUSTER_ID").asText()).isNotBlank();
      assertThat(services.get(name).get("healthcheck").get("test").toString()).contains("9092");
    }
    assertThat(ids).containsExactly("1", "2", "3");
  }

  @Test
  void everyComponentIsHealthCheckedOnReadinessAndUsesTheWholeCluster() throws Exception {
    JsonNode services = compose().get("services");
    for (String name : COMPONENTS) {
      JsonNode s = services.get(name);
      assertThat(s).as(name).isNotNull();
      assertThat(s.get("healthcheck").get("test").toString()).as(name).contains("/health/ready").contains(":8080");
      JsonNode env = s.get("environment");
      assertThat(env.get("NEWSMON_BOOTSTRAP_SERVERS").asText()).isEqualTo("kafka1:9092,kafka2:9092,kafka3:9092");
      assertThat(env.get("NEWSMON_TOPICS_REPLICATION_FACTOR").asInt()).isEqualTo(3);
      assertThat(env.get("NEWSMON_HTTP_PORT").asInt()).isEqualTo(8080);
      assertThat(env.get("NEWSMON_HTTP_HOST").asText()).isEqualTo("0.0.0.0");
      for (String broker : List.of("kafka1", "kafka2", "kafka3")) {
        assertThat(s.get("depends_on").get(broker).get("condition").asText()).isEqualTo("service_healthy");
      }
    }
    // the command of each container is a real subcommand of newsmon
    Set<String> commands = Main.commandLine().getSubcommands().keySet();
    for (String name : List.of("ingestor", "processor", "sink", "page", "watch")) {
      assertThat(commands).contains(services.get(name).get("command").get(0).asText());
    }
  }

  @Test
  void prometheusScrapesEveryComponentAndGrafanaIsProvisioned() throws Exception {
    JsonNode compose = compose();
    JsonNode prometheus = YAML.readTree(ROOT.resolve("deploy/prometheus/prometheus.yml").toFile());
    List<String> targets = new ArrayList<>();
    for (JsonNode job : prometheus.get("scrape_configs")) {
      assertThat(job.get("metrics_path").asText()).isEqualTo("/metrics");
      job.get("static_configs").forEach(c -> c.get("targets").forEach(t -> targets.add(t.asText())));
    }
    assertThat(targets).containsExactlyInAnyOrderElementsOf(COMPONENTS.stream().map(c -> c + ":8080").toList());
    String mounts = compose.get("services").get("prometheus").get("volumes").toString()
        + compose.get("services").get("grafana").get("volumes").toString();
    assertThat(mounts).contains("./deploy/prometheus/prometheus.yml", "./deploy/grafana/provisioning",
        "./deploy/grafana/dashboards");
    JsonNode datasource = YAML.readTree(ROOT.resolve("deploy/grafana/provisioning/datasources/prometheus.yml").toFile());
    assertThat(datasource.get("datasources").get(0).get("url").asText()).isEqualTo("http://prometheus:9090");
    JsonNode provider = YAML.readTree(ROOT.resolve("deploy/grafana/provisioning/dashboards/newsmon.yml").toFile());
    assertThat(provider.get("providers").get(0).get("options").get("path").asText()).isEqualTo("/var/lib/grafana/dashboards");
  }

  @Test
  void theDashboardAsksOnlyForSeriesNewsmonProduces() throws Exception {
    // make every newsmon series exist once, then read the names Prometheus would see
    NewsmonMetrics.itemFetched("probe");
    NewsmonMetrics.itemFailed("probe");
    NewsmonMetrics.itemSkipped("probe");
    NewsmonMetrics.replayed(1);
    NewsmonMetrics.articleAnalysed("en");
    NewsmonMetrics.dedupDecision(true, false);
    NewsmonMetrics.dedupDecision(false, true);
    NewsmonMetrics.alert("probe", 1);
    NewsmonMetrics.alert("probe", 2);
    NewsmonMetrics.webhook(true);
    NewsmonMetrics.webhook(false);
    NewsmonMetrics.deadLetter(new RecordHeaders());
    Set<String> produced = new TreeSet<>();
    Matcher m = Pattern.compile("^(newsmon_[a-z_]+)", Pattern.MULTILINE).matcher(NewsmonMetrics.scrape());
    while (m.find()) {
      produced.add(m.group(1));
    }
    produced.add("newsmon_consumer_lag"); // bound with a Streams application (see OperationsIT)

    JsonNode dashboard = new ObjectMapper().readTree(ROOT.resolve("deploy/grafana/dashboards/newsmon.json").toFile());
    Set<String> asked = new TreeSet<>();
    for (JsonNode panel : dashboard.get("panels")) {
      for (JsonNode target : panel.get("targets")) {
        Matcher n = Pattern.compile("newsmon_[a-z_]+").matcher(target.get("expr").asText());
        while (n.find()) {
          asked.add(n.group());
        }
      }
    }
    assertThat(asked).hasSizeGreaterThanOrEqualTo(10);
    assertThat(produced).containsAll(asked);
    assertThat(dashboard.get("uid").asText()).isEqualTo("newsmon");
  }

  /** docker-compose.yml with its YAML anchors and merge keys ({@code <<: *anchor}) resolved. */
  private static JsonNode compose() throws Exception {
    Object tree = new org.yaml.snakeyaml.Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
    return new ObjectMapper().valueToTree(tree);
  }
}
