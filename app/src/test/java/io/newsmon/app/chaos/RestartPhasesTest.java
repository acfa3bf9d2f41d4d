package io.newsmon.app.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestartPhasesTest {

  @Test
  void timesEachPhaseFromTheKillReadingOnlyWhatWasWrittenAfterIt(@TempDir Path dir) throws Exception {
    Path broker = dir.resolve("broker.log");
    String before = "23:59:50.000 INFO  [broker] KafkaRaftServer: Kafka Server started\n";
    Files.writeString(broker, before
        + "23:59:59.500 INFO  [broker] Log4jControllerRegistration$: Registered MBean\n"
        + "00:00:02.000 INFO  [broker] QuorumController: [QuorumController id=1] Becoming the active controller at epoch 4\n"
        + "00:00:03.250 INFO  [broker] LogManager: Loaded 47 logs in 4727ms (unclean log dirs = x)\n"
        + "00:00:05.000 INFO  [broker] BrokerLifecycleManager: Successfully registered broker 1 with broker epoch 735\n"
        + "00:00:05.500 INFO  [broker] KafkaRaftServer: [KafkaRaftServer nodeId=1] Kafka Server started\n"
        + "00:00:06.000 INFO  [broker] CoordinatorRuntime: Finished loading of metadata from __consumer_offsets-0 with "
        + "epoch 4 in 1ms. Loaded 10 records which total to 0 bytes.\n"
        + "00:00:06.400 INFO  [broker] CoordinatorRuntime: Finished loading of metadata from __consumer_offsets-3 with "
        + "epoch 4 in 1ms. Loaded 735 records which total to 74990 bytes.\n"
        + "00:09:00.000 INFO  [broker] KafkaRaftServer: Kafka Server started\n");
    Path process = dir.resolve("run.log");
    Files.writeString(process, "00:00:08.000 INFO  [processor] ProcessorService: processor state CREATED -> REBALANCING\n"
        + "    at some.stack.Frame\n"
        + "00:00:09.000 INFO  [processor] StoreChangelogReader: Finished restoring changelog a-changelog-0 to store a "
        + "with a total number of 300 records\n"
        + "00:00:10.000 INFO  [processor] StoreChangelogReader: Finished restoring changelog b-changelog-0 to store b "
        + "with a total number of 200 records\n"
        + "00:00:11.000 INFO  [processor] ProcessorService: processor state REBALANCING -> RUNNING\n");

    List<RestartPhases.Phase> phases = RestartPhases.read(broker, before.length(), process, 0,
        LocalTime.parse("23:59:58.000"), 60);

    assertThat(phases).extracting(RestartPhases.Phase::name).containsExactly(
        "process up, broker starting (first broker log line)", "controller active (KRaft metadata log replayed)",
        "logs recovered", "broker registered", "broker started", "group coordinator loaded __consumer_offsets",
        "processor Streams started", "changelogs restored", "processor RUNNING");
    assertThat(phases).extracting(RestartPhases.Phase::seconds)
        .containsExactly(1.5, 4.0, 5.25, 7.0, 7.5, 8.4, 10.0, 12.0, 13.0);
    assertThat(phases.get(2).detail()).isEqualTo("47 logs in 4727 ms");
    assertThat(phases.get(5).detail()).isEqualTo("735 records (last partition)");
    assertThat(phases.get(7).detail()).isEqualTo("500 records");
  }
}
