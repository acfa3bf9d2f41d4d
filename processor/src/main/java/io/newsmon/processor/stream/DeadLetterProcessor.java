package io.newsmon.processor.stream;

import io.newsmon.common.ops.NewsmonMetrics;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Turns a failure into the dead-letter record: original key and bytes, the headers kept. */
final class DeadLetterProcessor implements Processor<String, Outcome, byte[], byte[]> {

  private ProcessorContext<byte[], byte[]> context;

  @Override
  public void init(ProcessorContext<byte[], byte[]> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, Outcome> record) {
    Outcome o = record.value();
    NewsmonMetrics.deadLetter(record.headers());
    context.forward(new Record<>(o.failedKey(), o.failedValue(), record.timestamp(), record.headers()));
  }
}
