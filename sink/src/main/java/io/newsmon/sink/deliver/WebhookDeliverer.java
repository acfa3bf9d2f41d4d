package io.newsmon.sink.deliver;

import io.newsmon.common.config.SinkSettings;
import io.newsmon.common.ops.NewsmonMetrics;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsmon.common.config.NewsmonConfig;
import io.newsmon.common.kafka.Json;
import io.newsmon.common.lifecycle.Backoff;
import io.newsmon.common.record.Alert;
import io.newsmon.sink.AlertPrinter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs each alert as JSON to a webhook: the alert's fields plus a Slack-compatible {@code text}
 * (the {@link AlertPrinter} line), so a Slack or Mattermost incoming webhook shows it as is.
 *
 * <p>One {@link #deliver} makes up to {@code attempts} requests, waiting {@code backoff} before the
 * second and doubling the wait each time up to {@code backoffMax} ({@link Backoff}). A 2xx answer is delivered;
 * 400, 413 and 422 (the payload itself is refused) are rejected for good; anything else (5xx, 429,
 * 401/403/404 from a receiver being set up, timeouts, connection errors) is retried, and after the
 * last attempt reported as {@link Result#FAILED} so the caller keeps the alert for later.
 *
 * <p>Delivery is at least once (a crash between a delivery and the commit of its offset repeats it);
 * every request carries an {@code Idempotency-Key} ({@link #idempotencyKey}) so receivers can drop
 * repeats.
 */
public final class WebhookDeliverer implements AlertDeliverer {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookDeliverer.class);

  /** Waits between attempts; replaceable so callers can stop a wait early. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  private final URI url;
  private final int attempts;
  private final Backoff backoff;
  private final Duration timeout;
  private final Sleeper sleeper;
  private final boolean textOnly;
  private final HttpClient client;

  /**
   * @param url the webhook (http or https)
   * @param attempts requests per delivery, at least 1 (default 5)
   * @param backoff wait before the second attempt (default 1 s)
   * @param backoffMax longest wait between attempts (default 60 s)
   * @param timeout time limit of one request (default 10 s)
   */
  public WebhookDeliverer(URI url, int attempts, Duration backoff, Duration backoffMax, Duration timeout,
      Sleeper sleeper) {
    this(url, attempts, backoff, backoffMax, timeout, sleeper, false);
  }

  /**
   * @param textOnly post only {@code {"text": ...}} instead of the alert's fields plus {@code text}
   */
  public WebhookDeliverer(URI url, int attempts, Duration backoff, Duration backoffMax, Duration timeout,
      Sleeper sleeper, boolean textOnly) {
    this.textOnly = textOnly;
    this.url = Objects.requireNonNull(url, "url");
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("webhook URL '" + url + "' must start with http:// or https:// "
          + "(setting sink.webhook.url)");
    }
    if (attempts < 1) {
      throw new IllegalArgumentException("sink.webhook.attempts must be 1 or more, not " + attempts);
    }
    this.attempts = attempts;
    this.backoff = new Backoff(backoff, backoffMax);
    this.timeout = timeout;
    this.sleeper = sleeper;
    this.client = HttpClient.newBuilder().connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  /** The webhook of {@code sink.webhook.*}, or null when {@code sink.webhook.url} is empty. */
  public static WebhookDeliverer from(NewsmonConfig config) {
    String url = config.get(SinkSettings.WEBHOOK_URL);
    if (url == null) {
      return null;
    }
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("setting 'sink.webhook.url' is not a URL: " + url, e);
    }
    String format = config.get(SinkSettings.WEBHOOK_FORMAT).toLowerCase(java.util.Locale.ROOT);
    if (!format.equals("alert") && !format.equals("text")) {
      throw new IllegalArgumentException("setting 'sink.webhook.format' is '" + format + "' but must be 'alert' or 'text'");
    }
    return new WebhookDeliverer(uri, config.get(SinkSettings.WEBHOOK_ATTEMPTS),
        config.get(SinkSettings.WEBHOOK_BACKOFF), config.get(SinkSettings.WEBHOOK_BACKOFF_MAX),
        config.get(SinkSettings.WEBHOOK_TIMEOUT), d -> Thread.sleep(d.toMillis()), format.equals("text"));
  }

  /** The JSON body posted for one alert: its fields plus {@code text}. */
  public static String payload(Alert alert) {
    return payload(alert, false);
  }

  /** The JSON body posted for one alert; with {@code textOnly} just {@code {"text": ...}}. */
  public static String payload(Alert alert, boolean textOnly) {
    String line = AlertPrinter.format(alert);
    ObjectNode out = Json.mapper().createObjectNode();
    out.put("text", alert.revision() > 1 ? "newsmon alert (updated): " + line : "newsmon alert: " + line);
    if (!textOnly) {
      ObjectNode node = Json.mapper().valueToTree(alert);
      out.setAll(node);
    }
    return out.toString();
  }

  /**
   * The {@code Idempotency-Key} header of an alert revision: the same on every attempt and every
   * redelivery after a restart (it depends on the alert id and revision only), so a receiver can drop
   * repeats; a new revision of the alert gets a new key.
   */
  public static String idempotencyKey(Alert alert) {
    return alert.alertId() + "-r" + alert.revision();
  }

  @Override
  public Result deliver(Alert alert) {
    HttpRequest request = HttpRequest.newBuilder(url)
        .timeout(timeout)
        .header("Content-Type", "application/json; charset=utf-8")
        .header("User-Agent", "newsmon-sink")
        .header("X-Newsmon-Alert-Id", alert.alertId())
        .header("X-Newsmon-Alert-Revision", Integer.toString(alert.revision()))
        .header("Idempotency-Key", idempotencyKey(alert))
        .POST(HttpRequest.BodyPublishers.ofString(payload(alert, textOnly)))
        .build();
    String lastError = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      if (attempt > 1) {
        try {
          sleeper.sleep(backoff.delay(attempt - 1));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return Result.FAILED;
        }
      }
      try {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
          NewsmonMetrics.webhook(true);
          return Result.DELIVERED;
        }
        if (status == 400 || status == 413 || status == 422) {
          LOG.error("webhook {} refused alert {} revision {} with HTTP {}: {}; skipping it", url,
              alert.alertId(), alert.revision(), status, abbreviate(response.body()));
          NewsmonMetrics.webhook(false);
          return Result.REJECTED;
        }
        lastError = "HTTP " + status;
      } catch (IOException e) {
        lastError = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Result.FAILED;
      }
      LOG.warn("webhook {} attempt {}/{} for alert {} failed: {}", url, attempt, attempts, alert.alertId(),
          lastError);
    }
    NewsmonMetrics.webhook(false);
    return Result.FAILED;
  }

  private static String abbreviate(String s) {
    return s == null ? "" : s.length() <= 200 ? s : s.substring(0, 200) + "…";
  }

  @Override
  public String name() {
    return "webhook " + url;
  }
}
