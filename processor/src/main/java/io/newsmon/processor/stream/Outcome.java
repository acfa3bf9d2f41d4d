package io.newsmon.processor.stream;

/**
 * What a step of the processor topology made of one record: an {@link Analysed} article, or a
 * {@link Failed} record bound for {@code news.deadletter}. The binary form of the dedup repartition
 * topic and the reorder buffer is {@link OutcomeSerde}'s.
 */
sealed interface Outcome permits Analysed, Failed {}
