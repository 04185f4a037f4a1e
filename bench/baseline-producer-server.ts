import { randomUUID } from 'node:crypto';
import Fastify, { FastifyInstance } from 'fastify';
import { Producer } from 'kafkajs';
import { Topics } from '@complaints/contracts';
import { createBaselineProducer, sendAcksAll } from './baseline-producer';

/**
 * The benchmark's baseline: the least a service can do to accept a complaint durably. A bare
 * Fastify endpoint (no Nest, no validation, no PostgreSQL) that turns the body into a record shaped
 * and sized like `complaints.received.v1`, sends it with an idempotent kafkajs producer and acks=all
 * (the same producer settings as the platform's EventPublisher) and answers 202.
 *
 * Run as a child process of the bench (`node dist/bench/baseline-producer-server.js`, settings from
 * KAFKA_BROKERS, BASELINE_PORT and BASELINE_HOST), or started in-process with
 * {@link startBaselineServer}.
 */

export interface BaselineOptions {
  brokers: string[];
  host?: string;
  /** 0 picks a free port. */
  port?: number;
}

export interface BaselineServer {
  url: string;
  close(): Promise<void>;
}

interface ComplaintBody {
  text?: unknown;
  customer?: { name?: unknown; phone?: unknown };
}

/** Connects the producer, then listens; resolves once both are ready. */
export async function startBaselineServer(options: BaselineOptions): Promise<BaselineServer> {
  const producer = createBaselineProducer(options.brokers, 'bench-baseline');
  await producer.connect();
  const app = buildApp(producer);
  try {
    const url = await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
    return {
      url,
      close: async () => {
        await app.close();
        await producer.disconnect();
      },
    };
  } catch (error) {
    await producer.disconnect();
    throw error;
  }
}

function buildApp(producer: Producer): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 });
  app.get('/health/ready', () => Promise.resolve({ status: 'ok' }));
  app.post('/v1/complaints', async (request, reply) => {
    const record = receivedRecord(request.body ?? {});
    try {
      await sendAcksAll(producer, Topics.complaintReceivedV1, [{ key: record.complaintId, value: record.value, headers: record.headers }]);
    } catch {
      return reply.code(503).send({ status: 'UNAVAILABLE' });
    }
    return reply.code(202).send({ complaintId: record.complaintId, status: 'RECEIVED', receivedAt: record.receivedAt });
  });
  return app;
}

/**
 * A record like the intake's `complaints.received.v1` event (envelope, ids, text, contact details,
 * same headers), so both targets write messages of about the same size (about 670 vs 800 bytes for
 * the bench's body: the intake seals contact details, this one sends them in clear); nothing is checked.
 */
function receivedRecord(body: ComplaintBody): { complaintId: string; receivedAt: string; value: string; headers: Record<string, string> } {
  const complaintId = randomUUID();
  const eventId = randomUUID();
  const correlationId = randomUUID();
  const receivedAt = new Date().toISOString();
  const value = JSON.stringify({
    eventId,
    eventType: 'complaint.received',
    eventVersion: 1,
    occurredAt: receivedAt,
    correlationId,
    causationId: null,
    source: 'bench-baseline',
    complaint: {
      complaintId,
      reference: `C${receivedAt.slice(0, 10).replace(/-/g, '')}-${complaintId.slice(0, 6).toUpperCase()}`,
      channel: 'web',
      receivedAt,
      source: { system: 'web-form', messageId: null, receivedAt },
      // The baseline takes whatever JSON it is sent (validation is not what it measures), as the record it builds shows.
      /* eslint-disable @typescript-eslint/no-base-to-string */
      customer: {
        name: body.customer?.name ?? null,
        contact: { phone: body.customer?.phone ?? null, phoneLast4: String(body.customer?.phone ?? '').slice(-4) },
      },
      /* eslint-enable @typescript-eslint/no-base-to-string */
      content: { text: body.text ?? null, language: 'zh' },
      context: {},
    },
  });
  const headers = {
    'correlation-id': correlationId,
    'event-id': eventId,
    'event-type': 'complaint.received.v1',
    'content-type': 'application/json',
  };
  return { complaintId, receivedAt, value, headers };
}

/** Child-process entry: listens until SIGTERM/SIGINT, then closes the server and the producer. */
async function main(): Promise<void> {
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:19292').split(',');
  const server = await startBaselineServer({ brokers, host: process.env.BASELINE_HOST, port: Number(process.env.BASELINE_PORT ?? 0) });
  process.stdout.write(`baseline listening on ${server.url}\n`);
  const shutdown = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`baseline failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
