import { Counter, Histogram } from 'prom-client';

/** Prometheus metrics of the messaging layer, registered in the default registry. */
export const messagingMetrics = {
  publishSeconds: new Histogram({
    name: 'kafka_publish_seconds',
    help: 'Time until Kafka acknowledged (acks=all) a publish',
    labelNames: ['topic', 'outcome'],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  }),
  consumed: new Counter({
    name: 'kafka_messages_consumed_total',
    help: 'Messages consumed, by outcome (processed, dead_lettered, retried, skipped: not of concern to the group, unread)',
    labelNames: ['topic', 'group', 'outcome'],
  }),
  handleSeconds: new Histogram({
    name: 'kafka_message_handle_seconds',
    help: 'Time to process one consumed message',
    labelNames: ['topic', 'group'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  }),
  batchHandleSeconds: new Histogram({
    name: 'kafka_batch_handle_seconds',
    help: 'Time to process one chunk of a consumed batch (batch consumers)',
    labelNames: ['topic', 'group'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  }),
};
