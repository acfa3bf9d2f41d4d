package io.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsmon.app.broker.EmbeddedKafka;
import io.newsmon.app.demo.DemoArchive;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.kafka.Json;
import io.newsmon.common.kafka.KafkaClients;
import io.newsmon.common.kafka.Topics;
import io.newsmon.common.ops.OpsEndpoint;
import io.newsmon.common.ops.Readiness;
import io.newsmon.common.record.RawArticle;
import io.newsmon.processor.ProcessorService;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The HTTP endpoint of a running pipeline on the embedded broker: {@code /metrics} during a run,
 * readiness that follows the Streams state, the JSON API, and the live alerts page in a real
 * headless Chromium (an alert raised while the page is open appears without a reload).
 */
class OperationsIT {

  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final Duration POLL_PAUSE = Duration.ofMillis(100);
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String CHROMIUM = System.getProperty("newsmon.chromium", "/usr/bin/chromium");
  private static final String CHROMEDRIVER = System.getProperty("newsmon.chromedriver", "/usr/bin/chromedriver");

  private static Path dir;
  private static EmbeddedKafka kafka;
  private static OpsEndpoint http;
  private static Pipeline pipeline;

  @BeforeAll
  static void startPipeline() throws IOException {
    dir = Files.createTempDirectory("newsmon-ops-it-");
    kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, false);
    NewsmonConfig config = NewsmonConfig.defaults()
        .with("bootstrap.servers", kafka.bootstrapServers())
        .with("http.port", "0");
    http = OpsEndpoint.start(config, "it");
    pipeline = Pipeline.start(config, dir, false, dir.resolve("state"), List.of(), http);
    // the bundled sample archive (nine articles in six languages, copies among them) and one poison record
    DemoArchive.replay(pipeline.config());
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
        KafkaClients.producer(pipeline.config(), "it-poison"), new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(Topics.RAW.name(), "poison".getBytes(), "{not json".getBytes())).get();
    } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  static void stop() {
    if (pipeline != null) {
      pipeline.close();
    }
    if (http != null) {
      http.close();
    }
    if (kafka != null) {
      kafka.close();
    }
    EmbeddedKafka.deleteRecursively(dir);
  }

  @Test
  void metricsDuringARunHaveNewsmonAndKafkaStreamsSeriesWithValues() throws Exception {
    // the archive has nine articles in six languages, copies among them; wait until all are judged
    String scrape = poll(() -> get("metrics").body(), s -> sum(s, "newsmon_alerts_raised_total", "morocco-kazakhstan") > 0
        && sum(s, "newsmon_deadletters_total", "stage=\"parse\"") > 0
        && sum(s, "newsmon_duplicates_total", "") > 0 && sum(s, "newsmon_stories_total", "") > 0);

    assertThat(sum(scrape, "newsmon_replay_articles_total", "")).isGreaterThanOrEqualTo(9);
    assertThat(sum(scrape, "newsmon_articles_analysed_total", "language=\"en\"")).isGreaterThan(0);
    assertThat(sum(scrape, "newsmon_articles_analysed_total", "language=\"ru\"")).isGreaterThan(0);
    assertThat(sum(scrape, "newsmon_stories_total", "")).isGreaterThan(0);
    assertThat(sum(scrape, "newsmon_duplicates_total", "")).isGreaterThan(0);
    assertThat(scrape).containsPattern("newsmon_consumer_lag\\{[^}]*component=\"processor\"");
    // Kafka Streams and client series from Micrometer's binders, with values
    assertThat(sumMatching(scrape, "kafka_stream_thread_process_total")).isGreaterThan(0);
    assertThat(sumMatching(scrape, "kafka_producer_record_send_total")).isGreaterThan(0);
    assertThat(sumMatching(scrape, "kafka_consumer_fetch_manager_records_consumed_total")).isGreaterThan(0);

    JsonNode ready = Json.mapper().readTree(get("health/ready").body());
    assertThat(ready.get("status").asText()).isEqualTo("UP");
    assertThat(ready.get("checks").get("processor").asText()).isEqualTo("ok");

    // the page's consumer reads committed records: the alerts reach it after the sink's transaction
    JsonNode alerts = Json.mapper().readTree(poll(() -> get("api/alerts?watch=morocco-kazakhstan&limit=3").body(),
        s -> !s.equals("[]")));
    assertThat(alerts.size()).isBetween(1, 3);
    JsonNode first = alerts.get(0);
    assertThat(first.get("languages").size()).isGreaterThanOrEqualTo(1);
    assertThat(first.get("coverage").get("articles").asInt()).isGreaterThanOrEqualTo(1);
    HttpResponse<String> story = get("api/stories/" + first.get("storyId").asText());
    assertThat(story.statusCode()).isEqualTo(200);
    assertThat(Json.mapper().readTree(story.body()).get("alerts").size()).isGreaterThanOrEqualTo(1);
    assertThat(get("api/stories/no-such-story").statusCode()).isEqualTo(404);
    assertThat(get("api/alerts?since=yesterday").statusCode()).isEqualTo(400);
    String future = Instant.now().plusSeconds(3600).toString();
    assertThat(Json.mapper().readTree(get("api/alerts?since=" + future).body()).size()).isZero();
  }

  @Test
  void readyOnlyWhileTheStreamsApplicationRuns(@TempDir Path state) throws Exception {
    NewsmonConfig config = pipeline.config().with("processor.application-id", "it-health-probe");
    try (OpsEndpoint probe = OpsEndpoint.start(config, "processor");
        ProcessorService processor = new ProcessorService(config, state)) {
      probe.readiness("streams", Readiness.streamsRunning(processor::streams))
          .readiness("topics", Readiness.topicsPresent(config, List.of(Topics.RAW, Topics.PROCESSED)));
      assertThat(get(probe, "health/live").statusCode()).isEqualTo(200);
      HttpResponse<String> before = get(probe, "health/ready");
      assertThat(before.statusCode()).isEqualTo(503);
      assertThat(before.body()).contains("\"streams\":\"not started\"");

      processor.start();
      String up = poll(() -> {
        HttpResponse<String> r = get(probe, "health/ready");
        return r.statusCode() + " " + r.body();
      }, s -> s.startsWith("200"));
      assertThat(up).contains("\"status\":\"UP\"");
      assertThat(processor.streams().state().toString()).isEqualTo("RUNNING");

      processor.close();
      HttpResponse<String> after = get(probe, "health/ready");
      assertThat(after.statusCode()).isEqualTo(503);
      assertThat(after.body()).contains("\"streams\":\"not started\"");
    }
  }

  @Test
  void anAlertRaisedWhileThePageIsOpenAppearsWithoutAReload(@TempDir Path profile) throws Exception {
    assertThat(new File(CHROMIUM).canExecute()).as("Chromium at %s (Debian: apt-get install chromium chromium-driver)", CHROMIUM).isTrue();
    assertThat(new File(CHROMEDRIVER).canExecute()).as("chromedriver at %s (Debian: apt-get install chromium-driver)", CHROMEDRIVER).isTrue();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1360,1300",
        "--lang=en");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
    // open the page once the sample archive's alerts are there (they make the screenshot worth looking at)
    poll(() -> get("api/alerts").body(), s -> !s.equals("[]"));
    WebDriver driver = new ChromeDriver(service, options);
    try {
      driver.get(http.url());
      WebDriverWait wait = new WebDriverWait(driver, WAIT, Duration.ofMillis(200));
      wait.ignoring(StaleElementReferenceException.class);
      wait.until(d -> "live".equals(d.findElement(By.id("status")).getAttribute("data-state")));
      ((JavascriptExecutor) driver).executeScript("window.loadedOnce = 'yes';");

      String title = "Kazakhstan and Morocco open a joint university in Almaty";
      RawArticle article = RawArticle.builder()
          .url("https://news.example.kz/education/kz-ma-university").sourceId("it")
          .title(title).publishedAt(Instant.now())
          .text("""
              Kazakhstan and Morocco signed an agreement in Almaty on Tuesday to open a joint university \
              campus, the Kazakh ministry of science and higher education said.

              Moroccan students will study engineering in Almaty and Kazakh students Arabic and \
              Islamic studies in Fez, under scholarships funded by both governments, the ministry said.""")
          .build();
      try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(
          KafkaClients.producer(pipeline.config(), "it-page"), Topics.RAW.keySerde().serializer(),
          Topics.RAW.valueSerde().serializer())) {
        producer.send(new ProducerRecord<>(Topics.RAW.name(), article.key(), article)).get();
      }

      // cards are redrawn when alerts arrive: read each one's content in one go, and retry on a stale one
      By card = By.xpath("//article[contains(@class,'alert')][.//h3[contains(., '" + title + "')]]");
      Map<String, Object> seen = wait.until(d -> d.findElements(card).stream().findFirst().map(a -> Map.<String, Object>of(
          "marks", a.findElements(By.cssSelector(".passage mark")).stream().map(WebElement::getText).toList(),
          "languages", a.findElement(By.cssSelector(".languages")).getText(),
          "score", a.findElement(By.cssSelector(".score")).getText())).orElse(null));
      assertThat(((JavascriptExecutor) driver).executeScript("return window.loadedOnce;")).isEqualTo("yes");
      assertThat((List<?>) seen.get("marks")).isNotEmpty()
          .anySatisfy(m -> assertThat((String) m).containsAnyOf("Kazakhstan", "Morocco", "Almaty", "Kazakh", "Moroccan"));
      assertThat((String) seen.get("languages")).containsIgnoringCase("en");
      assertThat((String) seen.get("score")).matches("\\d\\.\\d\\d");

      // the language filter keeps only the alerts whose story has that language, then shows all again
      By cards = By.cssSelector("#alerts article.alert");
      int all = driver.findElements(cards).size();
      new Select(driver.findElement(By.id("language"))).selectByValue("kk");
      wait.until(d -> {
        List<WebElement> shown = d.findElements(cards);
        return !shown.isEmpty() && shown.size() < all
            && shown.stream().allMatch(c -> c.findElement(By.cssSelector(".languages")).getText().contains("KK"));
      });
      new Select(driver.findElement(By.id("language"))).selectByValue("");
      wait.until(d -> d.findElements(cards).size() == all);

      // the story view opens over the page; the chart is drawn
      wait.until(d -> {
        d.findElement(card).findElement(By.cssSelector(".story-button")).click();
        return true;
      });
      wait.until(d -> d.findElement(By.id("story")).isDisplayed()
          && d.findElement(By.id("story-body")).getText().contains(title));
      driver.findElement(By.id("story-close")).click();
      wait.until(d -> !d.findElement(By.id("story")).isDisplayed());
      wait.until(d -> !d.findElements(By.cssSelector("#chart svg rect")).isEmpty());

      Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
      // written under target/; docs/img/alerts-page.png is a copy of it made by hand when the page changes
      Path target = Path.of("target", "alerts-page.png");
      Files.createDirectories(target.getParent());
      Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
      assertThat(Files.size(target)).isGreaterThan(10_000);
    } finally {
      driver.quit();
    }
  }

  // helpers

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return get(http, path);
  }

  private static HttpResponse<String> get(OpsEndpoint endpoint, String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(endpoint.url() + path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  interface Fetch {
    String get() throws Exception;
  }

  /** Fetches until the result satisfies {@code done}, or fails after {@link #WAIT} with the last result. */
  private static String poll(Fetch fetch, Predicate<String> done) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    String last = fetch.get();
    while (!done.test(last)) {
      assertThat(System.nanoTime()).as("condition not met in %s; last: %s", WAIT, last).isLessThan(deadline);
      LockSupport.parkNanos(POLL_PAUSE.toNanos()); // the pause between two polls, not a wait for the outcome
      last = fetch.get();
    }
    return last;
  }

  /** Sum of the samples of {@code name} whose labels contain {@code labels}. */
  static double sum(String scrape, String name, String labels) {
    Pattern p = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*\\})? (\\S+)$", Pattern.MULTILINE);
    Matcher m = p.matcher(scrape);
    double total = 0;
    while (m.find()) {
      if (m.group(1) == null ? labels.isEmpty() : m.group(1).contains(labels)) {
        total += Double.parseDouble(m.group(2));
      }
    }
    return total;
  }

  private static double sumMatching(String scrape, String name) {
    return sum(scrape, name, "");
  }
}
