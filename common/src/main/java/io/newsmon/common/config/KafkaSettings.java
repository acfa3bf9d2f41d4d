package io.newsmon.common.config;

import java.time.Duration;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;

/** The settings of the Kafka cluster, the embedded broker and the topics newsmon creates: key, type, default, validator and documentation of each. */
public final class KafkaSettings {

  /** The section these settings are listed under in {@code newsmon config} and the documentation. */
  public static final String SECTION = "Kafka";

  public static final Key<String> BOOTSTRAP_SERVERS = Key.optional("bootstrap.servers");
  public static final Key<String> DATA_DIR = Key.string("data.dir");
  public static final Key<String> STATE_DIR = Key.string("state.dir");
  public static final Key<Integer> EMBEDDED_PORT = Key.integer("embedded.port");
  public static final Key<String> EMBEDDED_BROKER_LOGS = Key.string("embedded.broker-logs");
  public static final Key<String> INSTANCE_ID = Key.optional("instance.id");
  public static final Key<Integer> TOPICS_PARTITIONS = Key.integer("topics.partitions");
  public static final Key<Integer> TOPICS_REPLICATION_FACTOR = Key.integer("topics.replication-factor");
  public static final Key<Duration> TOPICS_RETENTION = Key.duration("topics.retention");
  public static final Key<Long> TOPICS_RETENTION_BYTES = Key.size("topics.retention-bytes");
  public static final Key<Duration> STREAMS_TRANSACTION_TIMEOUT = Key.duration("streams.transaction-timeout");

  public static final ConfigDef DEF = new ConfigDef()
      .define(BOOTSTRAP_SERVERS.name(), Type.STRING, "", null, Importance.MEDIUM,
          "Kafka bootstrap servers (host:port,...). Empty: start the embedded single-node KRaft "
              + "broker in this process (data in data.dir for 'run', in a temporary directory for "
              + "'demo').")
      .define(DATA_DIR.name(), Type.STRING, "./data", Checks.nonBlank(), Importance.MEDIUM,
          "Where 'run' keeps the embedded broker's data, so a restart carries on where it "
              + "stopped.")
      .define(STATE_DIR.name(), Type.STRING, "./data/state", Checks.nonBlank(), Importance.MEDIUM,
          "Where the Kafka Streams applications (processor, sink) keep their local state stores; "
              + "each application uses a subdirectory named after it. The state is rebuilt from "
              + "changelogs when lost.")
      .define(EMBEDDED_PORT.name(), Type.INT, "0", Range.between(0, 65535), Importance.MEDIUM,
          "Client port of the embedded broker on 127.0.0.1 when bootstrap.servers is empty (0: "
              + "any free port, printed at start). Set e.g. 9092 to reach the embedded broker of "
              + "'newsmon run' from other tools.")
      .define(EMBEDDED_BROKER_LOGS.name(), Type.STRING, "file", ValidString.in("file", "console"), Importance.LOW,
          "Where the embedded broker's own log goes: 'file' (the default: broker.log in the broker's "
              + "data directory, at INFO) or 'console' (its warnings and errors on the terminal with "
              + "newsmon's lines).")
      .define(INSTANCE_ID.name(), Type.STRING, "", Checks.instanceId(), Importance.MEDIUM,
          "Stable name of this instance in its Kafka consumer groups (static membership: "
              + "group.instance.id is this name plus the group). A restarted instance with the same "
              + "name takes its partitions back at once, instead of waiting for the group to expire the "
              + "crashed one (up to the 45 s session timeout). Empty (the default): the host name plus "
              + "a random suffix kept in the component's state directory, so the same installation gets "
              + "the same name after a restart and two instances never share one. 'none': dynamic "
              + "membership. Two running instances must never be given the same name.")
      .define(TOPICS_PARTITIONS.name(), Type.INT, "4", Range.between(1, 10_000), Importance.MEDIUM,
          "Partitions of the topics newsmon creates when they do not exist (news.raw and the "
              + "others).")
      .define(TOPICS_REPLICATION_FACTOR.name(), Type.INT, "1", Range.between(1, 32), Importance.MEDIUM,
          "Replication factor of the topics newsmon creates. 1 suits a single broker; use 3 in "
              + "production.")
      .define(TOPICS_RETENTION.name(), Type.STRING, "0", Checks.duration(Duration.ZERO), Importance.MEDIUM,
          "Time retention of news.raw, news.processed and news.deadletter (compacted topics keep "
              + "their latest values). 0: none by time, only by size (topics.retention-bytes). Records "
              + "carry the articles' publication times as timestamps, and Kafka's time retention judges "
              + "by them: an archive replayed with 2021 articles under a 30d retention would be deleted "
              + "within minutes. So the default keeps records by size, not age; set a duration only if "
              + "you never replay old articles.")
      .define(TOPICS_RETENTION_BYTES.name(), Type.STRING, "2g", Checks.size(-1), Importance.MEDIUM,
          "Size retention of each partition of news.raw, news.processed and news.deadletter (-1: "
              + "unlimited).")
      .define(STREAMS_TRANSACTION_TIMEOUT.name(), Type.STRING, "60s", Checks.duration(Duration.ofSeconds(1)), Importance.LOW,
          "Transaction timeout of the processor's and the sink's exactly-once producers "
              + "(transaction.timeout.ms): a transaction open longer is aborted by the cluster and its "
              + "producer fenced, and the tasks of that stream thread start again from their changelogs. "
              + "Kafka Streams' own default, 10s, was within reach on a loaded machine: the dedup task's "
              + "transactions lasted up to 9 s there, and one that lasted longer cost a restore of its "
              + "stores and a rebuild of its index (docs/decisions/0040-streams-commits-and-transactions.md). "
              + "A restarted instance aborts what it left open at once (same state directory, same "
              + "transactional ids); only the transaction of an instance that never comes back keeps "
              + "read_committed readers waiting this long. kafka.transaction.timeout.ms, when set, wins. "
              + "Default 60s, Kafka's producer default.");

  private KafkaSettings() {}
}
