import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import pino from 'pino';
import { ComplaintReceivedV1, dlqTopic } from '@complaints/contracts';
import {
  ConsumedEvent,
  createKafka,
  decodeHeaders,
  ensureTopics,
  envelopeHeaders,
  EventBatchConsumer,
  EventPublisher,
  PoisonMessageError,
} from '@complaints/messaging';
import { eventually } from '../support/running-app';

/** The batch consumer of libs/messaging on the real broker: chunks, commit per chunk, retries, DLQ. */
describe('EventBatchConsumer on a real broker', () => {
  const brokers = process.env.KAFKA_BROKERS!.split(',');
  const logger = pino({ level: 'silent' });
  const kafka = createKafka({ brokers, clientId: 'batch-consumer-test', logger });
  const raw = new Kafka({ brokers, logLevel: logLevel.NOTHING });
  const publisher = new EventPublisher(kafka);
  // A topic of its own (one partition, so a send lands in one fetched batch).
  const topic = `test.batch-consumer.${randomUUID()}`;
  const consumers: EventBatchConsumer<ComplaintReceivedV1>[] = [];
  const MAX_BATCH = 8;

  beforeAll(async () => {
    await ensureTopics(raw, [topic, dlqTopic(topic)], { partitions: 1, replicationFactor: 1 });
    await publisher.connect();
  });
  afterAll(async () => {
    await Promise.all(consumers.map((c) => c.stop()));
    await publisher.disconnect();
  });

  function received(text: string): ComplaintReceivedV1 {
    const now = new Date().toISOString();
    return Object.assign(new ComplaintReceivedV1(), {
      eventId: randomUUID(),
      eventType: 'complaint.received' as const,
      eventVersion: 1 as const,
      occurredAt: now,
      correlationId: `corr-${randomUUID()}`,
      causationId: null,
      source: 'test',
      complaint: {
        complaintId: randomUUID(),
        reference: `C20261129-W${randomUUID()
          .replace(/[^0-9]/g, '')
          .slice(0, 5)}`,
        channel: 'web' as const,
        receivedAt: now,
        source: { system: 'test', messageId: null, receivedAt: now },
        customer: { contact: {} },
        content: { text, language: 'en' as const },
        context: {},
      },
    });
  }

  const encode = (event: ComplaintReceivedV1) => ({
    key: event.complaint.complaintId,
    value: JSON.stringify(event),
    headers: envelopeHeaders(event),
  });
  const idsOf = (events: ComplaintReceivedV1[]) => events.map((e) => e.complaint.complaintId);

  async function run(
    groupId: string,
    handleBatch: (events: ConsumedEvent<ComplaintReceivedV1>[]) => Promise<void>,
    options: { concerns?: (json: unknown) => boolean; gatherMs?: number } = {},
  ): Promise<EventBatchConsumer<ComplaintReceivedV1>> {
    const consumer = new EventBatchConsumer(
      kafka,
      publisher,
      { groupId, topic, contract: ComplaintReceivedV1, maxBatchSize: MAX_BATCH, handleBatch, ...options },
      logger,
      {
        attempts: 3,
        initialBackoffMs: 50,
        maxBackoffMs: 200,
      },
    );
    consumers.push(consumer);
    await consumer.start();
    return consumer;
  }

  async function deadLetterReader(groupId: string) {
    const reader = raw.consumer({ groupId: `dlq-${randomUUID()}` });
    const letters: Array<{ key: string; value: string | null; headers: Record<string, string> }> = [];
    await reader.connect();
    await reader.subscribe({ topic: dlqTopic(topic), fromBeginning: true });
    await reader.run({
      eachMessage: async ({ message }) => {
        const headers = decodeHeaders(message.headers);
        if (headers['dlq-consumer-group'] === groupId)
          letters.push({ key: message.key?.toString() ?? '', value: message.value?.toString() ?? null, headers });
      },
    });
    return { letters, stop: () => reader.disconnect() };
  }

  it('hands over chunks of at most maxBatchSize in offset order, and commits each chunk once handled', async () => {
    const groupId = `test-${randomUUID()}`;
    const events = Array.from({ length: 20 }, (_, i) => received(`batch ${i}`));
    const batches: string[][] = [];
    // Published before the consumer starts: one fetch holds all of them.
    await publisher.send(topic, events.map(encode));
    const first = await run(groupId, async (batch) => {
      batches.push(batch.map((c) => c.event.complaint.complaintId));
    });
    const wanted = idsOf(events);
    await eventually(async () => (wanted.every((id) => batches.flat().includes(id)) ? true : undefined), 30_000);
    const ours = batches.map((b) => b.filter((id) => wanted.includes(id))).filter((b) => b.length);
    expect(ours.flat()).toEqual(wanted);
    expect(Math.max(...ours.map((b) => b.length))).toBe(MAX_BATCH);
    await first.stop();

    // The same group again: nothing handled before comes back, only what is new.
    const seenAfterRestart: string[] = [];
    const later = received('after restart');
    await run(groupId, async (batch) => {
      seenAfterRestart.push(...batch.map((c) => c.event.complaint.complaintId));
    });
    await publisher.send(topic, [encode(later)]);
    await eventually(async () => (seenAfterRestart.includes(later.complaint.complaintId) ? true : undefined), 30_000);
    expect(seenAfterRestart.filter((id) => wanted.includes(id))).toEqual([]);
  });

  it("hands the chunks of a fetch's partitions over together, each partition's in offset order, at most maxBatchSize at once", async () => {
    const spread = `${topic}.spread`;
    await ensureTopics(raw, [spread, dlqTopic(spread)], { partitions: 3, replicationFactor: 1 });
    const events = Array.from({ length: 12 }, (_, i) => received(`spread ${i}`));
    // Published before the consumer starts: the first fetch holds every partition's messages.
    await publisher.send(spread, events.map(encode));
    const calls: { id: string; partition: number; offset: string }[][] = [];
    const consumer = new EventBatchConsumer(
      kafka,
      publisher,
      {
        groupId: `test-${randomUUID()}`,
        topic: spread,
        contract: ComplaintReceivedV1,
        maxBatchSize: MAX_BATCH,
        handleBatch: async (batch) => {
          calls.push(batch.map((c) => ({ id: c.event.complaint.complaintId, partition: c.meta.partition, offset: c.meta.offset })));
        },
      },
      logger,
    );
    consumers.push(consumer);
    await consumer.start();
    await eventually(async () => (calls.flat().length >= events.length ? true : undefined), 30_000);

    expect(
      calls
        .flat()
        .map((c) => c.id)
        .sort(),
    ).toEqual(idsOf(events).sort());
    expect(Math.max(...calls.map((call) => call.length))).toBeLessThanOrEqual(MAX_BATCH);
    // Fewer handler calls than partition chunks: some call carried several partitions.
    expect(calls.some((call) => new Set(call.map((c) => c.partition)).size > 1)).toBe(true);
    for (const partition of [0, 1, 2]) {
      const offsets = calls
        .flat()
        .filter((c) => c.partition === partition)
        .map((c) => BigInt(c.offset));
      expect(offsets).toEqual([...offsets].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    }
  });

  it('with lingerMs, waits after a batch so that what arrives meanwhile comes in one batch', async () => {
    const lingering = `${topic}.linger`;
    await ensureTopics(raw, [lingering, dlqTopic(lingering)], { partitions: 2, replicationFactor: 1 });
    const [first, second, third] = [received('linger 1'), received('linger 2'), received('linger 3')];
    const calls: string[][] = [];
    const consumer = new EventBatchConsumer(
      kafka,
      publisher,
      {
        groupId: `test-${randomUUID()}`,
        topic: lingering,
        contract: ComplaintReceivedV1,
        maxBatchSize: MAX_BATCH,
        lingerMs: 1_500,
        handleBatch: async (batch) => {
          const ids = batch.map((c) => c.event.complaint.complaintId);
          calls.push(ids);
          if (!ids.includes(first.complaint.complaintId)) return;
          // Two more arrive while the consumer lingers, 0.2 s and 0.6 s after the first was handled:
          // without lingering, the next fetch would answer with the first of them alone.
          setTimeout(() => void publisher.send(lingering, [encode(second)]), 200);
          setTimeout(() => void publisher.send(lingering, [encode(third)]), 600);
        },
      },
      logger,
    );
    consumers.push(consumer);
    await consumer.start();
    await publisher.send(lingering, [encode(first)]);
    await eventually(async () => (calls.flat().includes(third.complaint.complaintId) ? true : undefined), 30_000);
    expect(calls).toEqual([
      [first.complaint.complaintId],
      expect.arrayContaining([second.complaint.complaintId, third.complaint.complaintId]),
    ]);
  });

  it('dead-letters bad JSON and contract violations and handles the rest of the chunk', async () => {
    const groupId = `test-${randomUUID()}`;
    const dlq = await deadLetterReader(groupId);
    const good = [received('good 1'), received('good 2')];
    const broken = received('broken');
    broken.complaint.reference = 'not-a-reference';
    const badJsonKey = randomUUID();
    await publisher.send(topic, [encode(good[0]), { key: badJsonKey, value: '{"not": "json"' }, encode(broken), encode(good[1])]);
    const handled: string[] = [];
    await run(groupId, async (batch) => {
      handled.push(...batch.map((c) => c.event.complaint.complaintId));
    });
    const ourLetters = () => dlq.letters.filter((l) => [badJsonKey, broken.complaint.complaintId].includes(l.key));
    await eventually(async () => (ourLetters().length >= 2 && idsOf(good).every((id) => handled.includes(id)) ? true : undefined), 30_000);
    await dlq.stop();
    expect(ourLetters().map((l) => [l.key, l.headers['dlq-error-type']])).toEqual([
      [badJsonKey, 'SyntaxError'],
      [broken.complaint.complaintId, 'ContractViolation'],
    ]);
    expect(handled).not.toContain(broken.complaint.complaintId);
  });

  it('retries a chunk after a transient failure, and restarts from the last commit when it persists', async () => {
    const groupId = `test-${randomUUID()}`;
    const events = [received('transient 1'), received('transient 2')];
    const wanted = idsOf(events);
    let failures = 0;
    const handled: string[] = [];
    await run(groupId, async (batch) => {
      const ids = batch.map((c) => c.event.complaint.complaintId);
      if (!ids.some((id) => wanted.includes(id))) return;
      // More failures than the 3 attempts: the consumer restarts and the chunk comes again.
      if (failures++ < 4) throw new Error('database briefly unavailable');
      handled.push(...ids);
    });
    await publisher.send(topic, events.map(encode));
    await eventually(async () => (wanted.every((id) => handled.includes(id)) ? true : undefined), 60_000);
    expect(failures).toBe(5);
    expect(handled.filter((id) => wanted.includes(id))).toEqual(wanted);
  });

  it('isolates a permanent failure: the chunk is handled one event at a time and only the culprit is dead-lettered', async () => {
    const groupId = `test-${randomUUID()}`;
    const dlq = await deadLetterReader(groupId);
    const events = [received('fine 1'), received('breaks a rule'), received('fine 2')];
    const culprit = events[1].complaint.complaintId;
    const calls: string[][] = [];
    await run(groupId, async (batch) => {
      const ids = batch.map((c) => c.event.complaint.complaintId);
      calls.push(ids);
      if (ids.includes(culprit)) throw new PoisonMessageError('a rule this complaint breaks');
    });
    await publisher.send(topic, events.map(encode));
    // A new group reads the topic from its start: the earlier tests' poison is dead-lettered again.
    const ourLetters = () => dlq.letters.filter((l) => idsOf(events).includes(l.key));
    await eventually(
      async () => (ourLetters().length >= 1 && calls.flat().includes(events[2].complaint.complaintId) ? true : undefined),
      30_000,
    );
    await dlq.stop();
    expect(ourLetters().map((l) => [l.key, l.headers['dlq-error-message']])).toEqual([[culprit, 'a rule this complaint breaks']]);
    const ours = calls.map((ids) => ids.filter((id) => idsOf(events).includes(id))).filter((ids) => ids.length);
    // The whole chunk once (with whatever earlier events shared it), then each event alone.
    expect(ours).toEqual([idsOf(events), [events[0].complaint.complaintId], [culprit], [events[2].complaint.complaintId]]);
  });

  it('skips unread what it does not concern itself with (not handed over, not dead-lettered, not read again), and dead-letters the poison it concerns itself with', async () => {
    const groupId = `test-${randomUUID()}`;
    const dlq = await deadLetterReader(groupId);
    // The consumer concerns itself with complaints whose text starts with "mine" (the JSON as sent, before any check).
    const concerns = (json: unknown) =>
      String((json as { complaint?: { content?: { text?: unknown } } }).complaint?.content?.text).startsWith('mine');
    const mine = [received('mine 1'), received('mine 2')];
    const theirs = received('theirs');
    const theirBroken = received('theirs, broken');
    theirBroken.complaint.reference = 'not-a-reference';
    const myBroken = received('mine, broken');
    myBroken.complaint.reference = 'not-a-reference';
    const badJsonKey = randomUUID();
    await publisher.send(topic, [
      encode(mine[0]),
      encode(theirs),
      encode(theirBroken),
      encode(myBroken),
      { key: badJsonKey, value: '{"complaint": ' },
      encode(mine[1]),
    ]);
    const handled: string[] = [];
    const handle = async (batch: ConsumedEvent<ComplaintReceivedV1>[]) => {
      handled.push(...batch.map((c) => c.event.complaint.complaintId));
    };
    const first = await run(groupId, handle, { concerns, gatherMs: 100 });
    const ourKeys = [badJsonKey, ...idsOf([theirs, theirBroken, myBroken])];
    const ourLetters = () => dlq.letters.filter((l) => ourKeys.includes(l.key));
    await eventually(async () => (ourLetters().length >= 2 && idsOf(mine).every((id) => handled.includes(id)) ? true : undefined), 30_000);
    expect(handled.filter((id) => ourKeys.includes(id) || idsOf(mine).includes(id))).toEqual(idsOf(mine));
    await first.stop();

    // Again from the last commit: nothing comes back, neither handled nor dead-lettered a second time.
    const later = [received('mine, after restart')];
    const laterBroken = received('mine, broken after restart');
    laterBroken.complaint.reference = 'not-a-reference';
    const seenAfterRestart: string[] = [];
    await run(
      groupId,
      async (batch) => {
        seenAfterRestart.push(...batch.map((c) => c.event.complaint.complaintId));
      },
      { concerns },
    );
    await publisher.send(topic, [encode(later[0]), encode(laterBroken)]);
    // One partition: once the later poison is dead-lettered, anything dead-lettered again before it is there too.
    await eventually(async () => (dlq.letters.some((l) => l.key === laterBroken.complaint.complaintId) ? true : undefined), 30_000);
    await dlq.stop();
    expect(seenAfterRestart.filter((id) => [...ourKeys, ...idsOf(mine), ...idsOf(later)].includes(id))).toEqual(idsOf(later));
    expect(ourLetters().map((l) => [l.key, l.headers['dlq-error-type'], l.headers['dlq-reason']])).toEqual([
      [myBroken.complaint.complaintId, 'ContractViolation', 'contract-violation'],
      [badJsonKey, 'SyntaxError', 'invalid-json'],
    ]);
    expect(ourLetters()[0].value).toBe(JSON.stringify(myBroken));
    expect(ourLetters()[0].headers).toMatchObject({ 'dlq-original-topic': topic, 'dlq-consumer-group': groupId });
  });
});
