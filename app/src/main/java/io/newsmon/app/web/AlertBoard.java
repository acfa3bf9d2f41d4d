package io.newsmon.app.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsmon.common.config.HttpSettings;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.kafka.Json;
import io.newsmon.common.kafka.KafkaClients;
import io.newsmon.common.kafka.Topics;
import io.newsmon.common.ops.NewsmonMetrics;
import io.newsmon.common.record.Alert;
import io.newsmon.common.record.Analysis;
import io.newsmon.common.record.DeadLetter;
import io.newsmon.common.record.ProcessedArticle;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the alerts page shows, read from the topics (never from another component's state): a
 * consumer without group follows {@code news.enriched}, {@code news.alerts} and
 * {@code news.deadletter} from their beginning and keeps the newest {@code http.page.max-items}
 * alerts, articles and dead letters in memory, plus the count of relevant articles per day, watch
 * and language. Listeners get every alert revision and dead letter as it arrives (the page's
 * server-sent events).
 */
public final class AlertBoard implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AlertBoard.class);
  private static final int MAX_DEAD_LETTERS = 50;

  private final NewsmonConfig config;
  private final int maxItems;
  private final Map<String, Alert> alerts = new LinkedHashMap<>();
  private final Map<String, ProcessedArticle> articles = new LinkedHashMap<>();
  private final Map<String, List<String>> storyArticles = new LinkedHashMap<>();
  private final Deque<ObjectNode> deadLetters = new ArrayDeque<>();
  /** day → watch → language → relevant articles. */
  private final TreeMap<LocalDate, Map<String, Map<String, Integer>>> perDay = new TreeMap<>();
  private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
  private volatile KafkaConsumer<byte[], byte[]> consumer;
  private volatile boolean running = true;
  private volatile boolean caughtUp;
  private Thread thread;
  private NewsmonMetrics.Binding metrics;

  public AlertBoard(NewsmonConfig config) {
    this.config = config;
    this.maxItems = Math.max(10, config.get(HttpSettings.PAGE_MAX_ITEMS));
  }

  /** Starts following the topics in a background thread. */
  public synchronized AlertBoard start() {
    Properties p = KafkaClients.consumer(config, null);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsmon-page");
    consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    metrics = NewsmonMetrics.bind(consumer, "page");
    thread = new Thread(this::follow, "newsmon-page");
    thread.setDaemon(true);
    thread.start();
    return this;
  }

  private void follow() {
    try {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : List.of(Topics.ENRICHED.name(), Topics.ALERTS.name(), Topics.DEADLETTER.name())) {
        consumer.partitionsFor(topic).forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (running) {
        ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(500));
        accept(batch);
        if (!caughtUp && ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
          caughtUp = true;
          LOG.info("alerts page: read back {} alerts and {} articles", alertCount(), articleCount());
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      if (running) {
        LOG.error("alerts page: stopped following the topics: {}", e.toString());
      }
    } finally {
      consumer.close(Duration.ofSeconds(2));
    }
  }

  /** Takes a batch: articles first (so alerts find their text), then alerts, then dead letters. */
  void accept(ConsumerRecords<byte[], byte[]> batch) {
    for (ConsumerRecord<byte[], byte[]> r : batch.records(Topics.ENRICHED.name())) {
      if (r.value() != null) {
        try {
          onArticle(Topics.ENRICHED.valueSerde().deserializer().deserialize(r.topic(), r.value()));
        } catch (RuntimeException e) {
          LOG.debug("alerts page: unreadable article at {}-{}@{}", r.topic(), r.partition(), r.offset());
        }
      }
    }
    for (ConsumerRecord<byte[], byte[]> r : batch.records(Topics.ALERTS.name())) {
      if (r.value() != null) {
        try {
          onAlert(Topics.ALERTS.valueSerde().deserializer().deserialize(r.topic(), r.value()));
        } catch (RuntimeException e) {
          LOG.debug("alerts page: unreadable alert at {}-{}@{}", r.topic(), r.partition(), r.offset());
        }
      }
    }
    for (ConsumerRecord<byte[], byte[]> r : batch.records(Topics.DEADLETTER.name())) {
      onDeadLetter(DeadLetter.fromHeaders(r.headers()), r.timestamp());
    }
  }

  synchronized void onArticle(ProcessedArticle a) {
    if (a == null || a.id() == null || a.analysis() == null || a.article() == null) {
      return;
    }
    boolean known = articles.put(a.id(), a) != null;
    String story = a.analysis().storyId();
    if (story != null && !known) {
      storyArticles.computeIfAbsent(story, s -> new ArrayList<>()).add(a.id());
    }
    if (!known) {
      Instant when = a.article().eventTime();
      LocalDate day = (when == null ? Instant.now() : when).atZone(ZoneOffset.UTC).toLocalDate();
      for (Analysis.WatchMatch w : a.analysis().watches()) {
        if (w.relevant()) {
          perDay.computeIfAbsent(day, d -> new TreeMap<>()).computeIfAbsent(w.watchId(), x -> new TreeMap<>())
              .merge(a.analysis().language().code(), 1, Integer::sum);
        }
      }
    }
    evictArticles();
    for (Alert alert : alerts.values()) {
      if (alert.articleId() != null && alert.articleId().equals(a.id())
          || story != null && story.equals(alert.storyId())) {
        publish("alert", view(alert));
      }
    }
    if (a.analysis().relevant()) {
      publish("article", Json.mapper().createObjectNode().put("id", a.id()));
    }
  }

  private void evictArticles() {
    Iterator<Map.Entry<String, ProcessedArticle>> it = articles.entrySet().iterator();
    while (articles.size() > maxItems && it.hasNext()) {
      ProcessedArticle old = it.next().getValue();
      it.remove();
      List<String> ids = storyArticles.get(old.analysis().storyId());
      if (ids != null) {
        ids.remove(old.id());
        if (ids.isEmpty()) {
          storyArticles.remove(old.analysis().storyId());
        }
      }
    }
  }

  synchronized void onAlert(Alert alert) {
    if (alert == null || alert.alertId() == null) {
      return;
    }
    Alert previous = alerts.get(alert.alertId());
    if (previous != null && previous.revision() > alert.revision()) {
      return;
    }
    alerts.remove(alert.alertId());
    alerts.put(alert.alertId(), alert);
    Iterator<String> it = alerts.keySet().iterator();
    while (alerts.size() > maxItems && it.hasNext()) {
      it.next();
      it.remove();
    }
    publish("alert", view(alert));
  }

  synchronized void onDeadLetter(DeadLetter d, long timestamp) {
    ObjectNode n = AlertViews.deadLetter(d);
    if (d.failedAt() == null) {
      n.put("failedAt", Instant.ofEpochMilli(timestamp).toString());
    }
    deadLetters.addFirst(n);
    while (deadLetters.size() > MAX_DEAD_LETTERS) {
      deadLetters.removeLast();
    }
    publish("deadletter", n);
  }

  private ObjectNode view(Alert alert) {
    return AlertViews.alert(alert, articles.get(alert.articleId()), story(alert.storyId()));
  }

  private List<ProcessedArticle> story(String storyId) {
    List<ProcessedArticle> out = new ArrayList<>();
    for (String id : storyArticles.getOrDefault(storyId, List.of())) {
      ProcessedArticle a = articles.get(id);
      if (a != null) {
        out.add(a);
      }
    }
    return out;
  }

  private void publish(String event, ObjectNode data) {
    String message = "event: " + event + "\ndata: " + data.toString() + "\n\n";
    for (Consumer<String> l : listeners) {
      l.accept(message);
    }
  }

  /** Adds a listener of server-sent event messages ({@code event: ...\ndata: ...\n\n}). */
  public void listen(Consumer<String> listener) {
    listeners.add(listener);
  }

  public void unlisten(Consumer<String> listener) {
    listeners.remove(listener);
  }

  /**
   * The newest alerts first (by last update), filtered.
   *
   * @param watch only this watch (null: all)
   * @param language only alerts whose story has this language (null: all)
   * @param since only alerts updated after this instant (null: all)
   */
  public synchronized ArrayNode alerts(String watch, String language, Instant since, int limit) {
    List<Alert> list = new ArrayList<>(alerts.values());
    list.sort(Comparator.comparing((Alert a) -> a.updatedAt() == null ? Instant.EPOCH : a.updatedAt()).reversed());
    ArrayNode out = Json.mapper().createArrayNode();
    for (Alert a : list) {
      if (out.size() >= limit) {
        break;
      }
      if (watch != null && !watch.equals(a.watchId())
          || since != null && (a.updatedAt() == null || !a.updatedAt().isAfter(since))) {
        continue;
      }
      ObjectNode v = view(a);
      if (language != null && !hasLanguage(v, language)) {
        continue;
      }
      out.add(v);
    }
    return out;
  }

  private static boolean hasLanguage(ObjectNode view, String language) {
    for (var l : view.withArray("languages")) {
      if (l.asText().equals(language)) {
        return true;
      }
    }
    return false;
  }

  /** A story: its articles (originals from news.enriched) and its alerts; null when unknown. */
  public synchronized ObjectNode storyView(String storyId) {
    List<ProcessedArticle> members = story(storyId);
    List<Alert> storyAlerts = alerts.values().stream().filter(a -> storyId.equals(a.storyId())).toList();
    if (members.isEmpty() && storyAlerts.isEmpty()) {
      return null;
    }
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("storyId", storyId);
    ArrayNode arts = n.putArray("articles");
    members.stream().sorted(Comparator.comparing((ProcessedArticle a) -> a.article().eventTime(),
        Comparator.nullsLast(Comparator.naturalOrder()))).forEach(a -> arts.add(AlertViews.article(a)));
    ArrayNode al = n.putArray("alerts");
    storyAlerts.forEach(a -> al.add(view(a)));
    return n;
  }

  /** Relevant articles per day and language (for one watch, or all): {days: [...], series: {lang: [...]}}. */
  public synchronized ObjectNode chart(String watch, String language) {
    TreeSet<String> languages = new TreeSet<>();
    perDay.values().forEach(w -> w.forEach((id, langs) -> {
      if (watch == null || watch.equals(id)) {
        langs.keySet().stream().filter(l -> language == null || language.equals(l)).forEach(languages::add);
      }
    }));
    ObjectNode n = Json.mapper().createObjectNode();
    ArrayNode days = n.putArray("days");
    ObjectNode series = n.putObject("series");
    languages.forEach(series::putArray);
    for (Map.Entry<LocalDate, Map<String, Map<String, Integer>>> day : perDay.entrySet()) {
      days.add(day.getKey().toString());
      for (String l : languages) {
        int count = 0;
        for (Map.Entry<String, Map<String, Integer>> w : day.getValue().entrySet()) {
          if (watch == null || watch.equals(w.getKey())) {
            count += w.getValue().getOrDefault(l, 0);
          }
        }
        series.withArray(l).add(count);
      }
    }
    return n;
  }

  /** The newest dead letters first. */
  public synchronized ArrayNode deadLetters() {
    ArrayNode out = Json.mapper().createArrayNode();
    deadLetters.forEach(out::add);
    return out;
  }

  /** The watch ids and languages seen, for the page's filters. */
  public synchronized ObjectNode facets() {
    TreeSet<String> watches = new TreeSet<>();
    TreeSet<String> languages = new TreeSet<>();
    alerts.values().forEach(a -> watches.add(a.watchId()));
    perDay.values().forEach(w -> w.forEach((id, langs) -> {
      watches.add(id);
      languages.addAll(langs.keySet());
    }));
    for (Alert a : alerts.values()) {
      if (a.language() != null) {
        languages.add(a.language());
      }
    }
    ObjectNode n = Json.mapper().createObjectNode();
    watches.forEach(n.putArray("watches")::add);
    languages.forEach(n.putArray("languages")::add);
    n.put("caughtUp", caughtUp);
    return n;
  }

  public synchronized int alertCount() {
    return alerts.size();
  }

  public synchronized int articleCount() {
    return articles.size();
  }

  /** Whether the board has read everything that was on the topics when it started. */
  public boolean caughtUp() {
    return caughtUp;
  }

  @Override
  public void close() {
    running = false;
    KafkaConsumer<byte[], byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    if (thread != null) {
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (metrics != null) {
      metrics.close();
    }
  }
}
