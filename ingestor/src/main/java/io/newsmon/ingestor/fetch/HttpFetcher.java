package io.newsmon.ingestor.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Fetches URLs politely and safely with the JDK HttpClient: every URL and every redirect hop passes
 * the {@link AddressGuard} (SSRF) and robots.txt; requests to one host are spaced and capped by a
 * {@link HostThrottle}; a 429/503 sets a back-off from Retry-After; conditional GET with ETag /
 * Last-Modified; redirects followed by hand up to {@link FetchSettings#maxRedirects()} with loop
 * detection; connect, read (idle) and total timeouts, the latter two enforced while the body streams
 * in, so a slow-drip server is cut off; bodies capped at {@link FetchSettings#maxBytes()} before and
 * after gzip/deflate decompression (bombs stop at the cap). Thread-safe; share one instance.
 */
public final class HttpFetcher implements AutoCloseable {

  /** Back-off after a 429/503 that gave no Retry-After: 60 s. */
  public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(60);
  private static final Duration ROBOTS_TTL = Duration.ofHours(12);
  /**
   * How long a robots.txt that could not be fetched (5xx, timeout, refused connection) keeps a host
   * closed before it is asked again: short, so a passing outage does not silence a source for the
   * twelve hours a good answer is kept. Rules read earlier stay in force meanwhile.
   */
  static final Duration ROBOTS_FAILURE_TTL = Duration.ofMinutes(10);

  private final FetchSettings settings;
  private final HttpClient client;
  private final AddressGuard guard;
  private final HostThrottle throttle;
  private final Clock clock;
  private final Map<String, CachedRobots> robots = new ConcurrentHashMap<>();

  private record CachedRobots(BaseRobotRules rules, Instant expires) {}

  public HttpFetcher(FetchSettings settings) {
    this(settings, Clock.systemUTC());
  }

  public HttpFetcher(FetchSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.guard = new AddressGuard(settings.allowHosts());
    this.throttle = new HostThrottle(settings.hostDelay(), settings.hostConcurrency(), clock);
    this.client = HttpClient.newBuilder()
        .connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }

  public FetchResult fetch(String url) throws FetchException {
    return fetch(url, Validators.NONE);
  }

  /**
   * GETs {@code url}, sending {@code validators} as a conditional request.
   *
   * @throws FetchException with a code saying what went wrong (see {@link FetchException})
   */
  public FetchResult fetch(String url, Validators validators) throws FetchException {
    URI uri = parse(url);
    // One total budget for the whole chain: a redirect hop does not start a new one.
    long deadline = System.nanoTime() + settings.totalTimeout().toNanos();
    Set<String> visited = new HashSet<>();
    for (int hop = 0; ; hop++) {
      if (!visited.add(uri.toString())) {
        throw new FetchException("redirect-loop", "redirect loop at " + uri + " (started from " + url + ")");
      }
      guard.check(uri);
      if (settings.robots() && !isRobotsTxt(uri) && !robotsAllow(uri)) {
        throw new FetchException("robots-disallowed", "robots.txt of " + uri.getHost()
            + " disallows " + uri.getPath() + " for " + settings.robotsAgent());
      }
      Raw raw = request(uri, hop == 0 ? validators : Validators.NONE, deadline);
      int s = raw.status;
      if (s >= 300 && s < 400 && s != 304) {
        String loc = raw.headers.firstValue("location").orElse(null);
        if (loc == null) {
          throw new FetchException("http-" + s, "redirect without Location from " + uri, raw.body, null, null);
        }
        if (hop >= settings.maxRedirects()) {
          throw new FetchException("too-many-redirects", "more than " + settings.maxRedirects()
              + " redirects from " + url, raw.body, null, null);
        }
        uri = uri.resolve(parse(loc.strip()));
        continue;
      }
      if (s == 429 || s == 503) {
        Duration wait = retryAfter(raw.headers.firstValue("retry-after").orElse(null));
        throttle.backOff(uri.getHost(), clock.instant().plus(wait));
        throw new FetchException("http-" + s, uri.getHost() + " answered " + s + " for " + uri
            + "; waiting " + wait.toSeconds() + " s before asking again", raw.body, wait, null);
      }
      if (s == 304) {
        return new FetchResult(url, uri.toString(), s, raw.contentType(), new byte[0],
            validators.etag(), validators.lastModified(), true, clock.instant());
      }
      if (s < 200 || s >= 300) {
        throw new FetchException("http-" + s, uri + " answered HTTP " + s, raw.body, null, null);
      }
      return new FetchResult(url, uri.toString(), s, raw.contentType(), raw.body,
          raw.headers.firstValue("etag").orElse(null), raw.headers.firstValue("last-modified").orElse(null),
          false, clock.instant());
    }
  }

  private static URI parse(String url) throws FetchException {
    try {
      URI u = new URI(url.strip().replace(" ", "%20"));
      if (u.getScheme() == null && !url.startsWith("/")) {
        throw new FetchException("bad-url", "not an absolute URL: " + url);
      }
      return u;
    } catch (java.net.URISyntaxException e) {
      throw new FetchException("bad-url", "malformed URL '" + url + "': " + e.getReason());
    }
  }

  private static boolean isRobotsTxt(URI uri) {
    return "/robots.txt".equals(uri.getPath());
  }

  /** Parses Retry-After (seconds or an HTTP date), capped at the configured maximum. */
  Duration retryAfter(String value) {
    Duration d = DEFAULT_RETRY_AFTER;
    if (value != null && !value.isBlank()) {
      String v = value.strip();
      try {
        d = Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
      } catch (NumberFormatException e) {
        try {
          d = Duration.between(clock.instant(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
          if (d.isNegative()) {
            d = Duration.ZERO;
          }
        } catch (RuntimeException ignored) {
          d = DEFAULT_RETRY_AFTER;
        }
      }
    }
    return d.compareTo(settings.maxRetryAfter()) > 0 ? settings.maxRetryAfter() : d;
  }

  private boolean robotsAllow(URI uri) throws FetchException {
    String origin = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT);
    CachedRobots cached = robots.get(origin);
    if (cached == null || cached.expires().isBefore(clock.instant())) {
      SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
      BaseRobotRules rules;
      String robotsUrl = origin + "/robots.txt";
      try {
        FetchResult r = fetch(robotsUrl);
        rules = parser.parseContent(robotsUrl, r.body(), r.contentType() == null ? "text/plain" : r.contentType(),
            List.of(settings.robotsAgent()));
      } catch (FetchException e) {
        if (e.code().startsWith("http-4")) {
          rules = parser.failedFetch(404); // no robots.txt: everything allowed
        } else if (e.code().equals("blocked-address") || e.code().equals("bad-url")) {
          throw e;
        } else {
          // server trouble: keep the rules read before, or crawl nothing for now; ask again soon
          rules = cached != null ? cached.rules() : parser.failedFetch(503);
          cached = new CachedRobots(rules, clock.instant().plus(ROBOTS_FAILURE_TTL));
          robots.put(origin, cached);
          return cached.rules().isAllowed(uri.toString());
        }
      }
      cached = new CachedRobots(rules, clock.instant().plus(ROBOTS_TTL));
      robots.put(origin, cached);
    }
    return cached.rules().isAllowed(uri.toString());
  }

  // ---- one request ---------------------------------------------------------------------------

  private record Raw(int status, HttpHeaders headers, byte[] body) {
    String contentType() {
      return headers.firstValue("content-type").orElse(null);
    }
  }

  private Raw request(URI uri, Validators validators, long deadline) throws FetchException {
    String host = uri.getHost();
    try {
      throttle.acquire(host);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchException("interrupted", "interrupted while waiting for " + host);
    }
    try {
      return send(uri, validators, deadline);
    } finally {
      throttle.release(host);
    }
  }

  private Raw send(URI uri, Validators validators, long deadline) throws FetchException {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw new FetchException("timeout", "no complete answer for " + uri + " within "
          + settings.totalTimeout().toSeconds() + " s (ingestor.total-timeout), redirects included");
    }
    HttpRequest.Builder b = HttpRequest.newBuilder(uri)
        .GET()
        .timeout(min(settings.readTimeout(), Duration.ofNanos(left)))
        .header("User-Agent", settings.userAgent())
        .header("Accept", "application/rss+xml, application/atom+xml, application/feed+json, "
            + "application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5")
        .header("Accept-Encoding", "gzip, deflate");
    if (validators != null && validators.etag() != null && !validators.etag().isBlank()) {
      b.header("If-None-Match", validators.etag());
    }
    if (validators != null && validators.lastModified() != null && !validators.lastModified().isBlank()) {
      b.header("If-Modified-Since", validators.lastModified());
    }
    java.util.concurrent.atomic.AtomicReference<CappedSubscriber> holder = new java.util.concurrent.atomic.AtomicReference<>();
    HttpResponse.BodyHandler<byte[]> handler = info -> {
      long declared = info.headers().firstValueAsLong("content-length").orElse(-1);
      CappedSubscriber sub = new CappedSubscriber(settings.maxBytes());
      holder.set(sub);
      if (declared > settings.maxBytes()) {
        sub.tooLargeUpFront(declared);
      }
      return sub;
    };
    CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(b.build(), handler);
    try {
      while (true) {
        try {
          HttpResponse<byte[]> resp = future.get(50, TimeUnit.MILLISECONDS);
          byte[] body = decompress(resp.body(), resp.headers().firstValue("content-encoding").orElse(""), uri);
          return new Raw(resp.statusCode(), resp.headers(), body);
        } catch (TimeoutException tick) {
          CappedSubscriber sub = holder.get();
          if (System.nanoTime() > deadline) {
            abort(future, sub);
            throw new FetchException("timeout", "no complete answer from " + uri + " within "
                + settings.totalTimeout().toSeconds() + " s (ingestor.total-timeout)", partial(sub), null, null);
          }
          if (sub != null && System.nanoTime() - sub.lastProgressNanos > settings.readTimeout().toNanos()) {
            abort(future, sub);
            throw new FetchException("timeout", uri + " sent nothing for " + settings.readTimeout().toSeconds()
                + " s (ingestor.read-timeout)", partial(sub), null, null);
          }
        }
      }
    } catch (InterruptedException e) {
      abort(future, holder.get());
      Thread.currentThread().interrupt();
      throw new FetchException("interrupted", "interrupted while fetching " + uri);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof FetchException fe) {
        throw fe;
      }
      if (c instanceof HttpTimeoutException) {
        throw new FetchException("timeout", "no answer from " + uri + " within "
            + min(settings.readTimeout(), settings.totalTimeout()).toSeconds() + " s (ingestor.read-timeout)", null, null, c);
      }
      if (c instanceof java.net.ConnectException) {
        throw new FetchException("connect", "cannot connect to " + uri.getHost() + ": "
            + (c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage()), null, null, c);
      }
      throw new FetchException("io", "fetching " + uri + " failed: " + (c == null ? e : c), null, null, c);
    }
  }

  private static byte[] partial(CappedSubscriber sub) {
    return sub == null ? new byte[0] : sub.snapshot();
  }

  private static void abort(CompletableFuture<?> f, CappedSubscriber sub) {
    if (sub != null) {
      sub.abort();
    }
    f.cancel(true);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** gzip / deflate bodies inflated with the same size cap as the wire body. */
  private byte[] decompress(byte[] body, String encoding, URI uri) throws FetchException {
    String enc = encoding.strip().toLowerCase(Locale.ROOT);
    if (body.length == 0 || enc.isEmpty() || enc.equals("identity")) {
      return body;
    }
    try (InputStream in = enc.contains("gzip") ? new GZIPInputStream(new java.io.ByteArrayInputStream(body))
        : enc.contains("deflate") ? inflater(body) : null) {
      if (in == null) {
        return body;
      }
      return readCapped(in, settings.maxBytes(), uri.toString());
    } catch (IOException e) {
      throw new FetchException("io", "cannot decompress " + enc + " body of " + uri + ": " + e.getMessage(),
          body, null, e);
    }
  }

  private static InputStream inflater(byte[] body) {
    // "deflate" is zlib-wrapped per the RFC, but some servers send raw deflate.
    boolean zlib = body.length > 1 && (body[0] & 0x0F) == 8 && ((body[0] & 0xFF) * 256 + (body[1] & 0xFF)) % 31 == 0;
    return new InflaterInputStream(new java.io.ByteArrayInputStream(body), new Inflater(!zlib));
  }

  /** Reads at most {@code max} bytes; more is an error {@code too-large}. */
  public static byte[] readCapped(InputStream in, long max, String what) throws IOException, FetchException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[16384];
    long n = 0;
    int r;
    while ((r = in.read(buf)) > 0) {
      n += r;
      if (n > max) {
        throw new FetchException("too-large", what + " is larger than " + max
            + " bytes once decompressed (ingestor.max-bytes)");
      }
      out.write(buf, 0, r);
    }
    return out.toByteArray();
  }

  @Override
  public void close() {
    // HttpClient in Java 17 has no close(); its threads are daemon threads and end with the JVM.
  }

  /** Collects the body up to a cap, recording when bytes last arrived. */
  private static final class CappedSubscriber implements HttpResponse.BodySubscriber<byte[]> {
    private final long max;
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    volatile long lastProgressNanos = System.nanoTime();
    private volatile boolean tooLarge;
    private long declared = -1;

    CappedSubscriber(long max) {
      this.max = max;
    }

    void tooLargeUpFront(long declared) {
      this.tooLarge = true;
      this.declared = declared;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      if (tooLarge) {
        s.cancel();
        result.completeExceptionally(new FetchException("too-large", "declared Content-Length " + declared
            + " exceeds " + max + " bytes (ingestor.max-bytes)"));
        return;
      }
      s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      synchronized (buf) {
        for (ByteBuffer bb : items) {
          byte[] a = new byte[bb.remaining()];
          bb.get(a);
          buf.write(a, 0, a.length);
        }
        if (buf.size() > max) {
          subscription.cancel();
          result.completeExceptionally(new FetchException("too-large", "body exceeds " + max
              + " bytes (ingestor.max-bytes)", snapshotLocked(), null, null));
          return;
        }
      }
      lastProgressNanos = System.nanoTime();
      subscription.request(1);
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      synchronized (buf) {
        result.complete(buf.toByteArray());
      }
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    void abort() {
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
      result.completeExceptionally(new FetchException("timeout", "aborted"));
    }

    byte[] snapshot() {
      synchronized (buf) {
        return snapshotLocked();
      }
    }

    private byte[] snapshotLocked() {
      byte[] all = buf.toByteArray();
      return all.length > 64 * 1024 ? java.util.Arrays.copyOf(all, 64 * 1024) : all;
    }
  }
}
