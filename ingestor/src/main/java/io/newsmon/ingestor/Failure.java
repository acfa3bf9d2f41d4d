package io.newsmon.ingestor;

/** A fetch or parse that failed during a poll: becomes a dead letter on {@code news.deadletter}. */
public record Failure(String sourceId, String url, String code, String reason, byte[] bytes,
    java.time.Duration retryAfter) {}
