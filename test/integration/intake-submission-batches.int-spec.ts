import { randomUUID } from 'node:crypto';
import { DataSource, Logger, QueryFailedError } from 'typeorm';
import { ComplaintReceivedV1, complaintIdFor, newReference } from '@complaints/contracts';
import { dropDatabase, ensureDatabase, migrate } from '@complaints/persistence';
import type { SubmissionRecord } from '../../apps/intake-web/src/application/submit-complaint/submission.store';
import { INTAKE_WEB_SCHEMA, intakeWebDataSourceOptions } from '../../apps/intake-web/src/infrastructure/persistence/intake-web.data-source';
import { SubmissionEntity } from '../../apps/intake-web/src/infrastructure/persistence/submission.entity';
import { TypeOrmSubmissionStore } from '../../apps/intake-web/src/infrastructure/persistence/typeorm-submission.store';
import { databaseOfItsOwn } from '../support/own-database';

/**
 * The submissions table under concurrent requests (real PostgreSQL): submissions stored at the same
 * time go in one statement and acceptances in another, yet each request learns its own outcome
 * (stored, key taken, reference taken, refused) exactly as it would alone.
 */
describe('web submissions stored and accepted together', () => {
  const url = databaseOfItsOwn('submission_batches');
  const statements: string[] = [];
  const counting: Logger = {
    logQuery: (query) => void statements.push(query),
    logQueryError: () => undefined,
    logQuerySlow: () => undefined,
    logSchemaBuild: () => undefined,
    logMigration: () => undefined,
    log: () => undefined,
  };
  let dataSource: DataSource;
  let store: TypeOrmSubmissionStore;

  beforeAll(async () => {
    await dropDatabase(url);
    await ensureDatabase(url);
    dataSource = await new DataSource({ ...intakeWebDataSourceOptions(url, 4), logger: counting }).initialize();
    await migrate(dataSource, INTAKE_WEB_SCHEMA);
    store = new TypeOrmSubmissionStore(dataSource.getRepository(SubmissionEntity));
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await dropDatabase(url);
  });

  function record(fields: { idempotencyKey?: string; reference?: string; text?: string } = {}): SubmissionRecord {
    const receivedAt = new Date();
    const complaintId = fields.idempotencyKey
      ? complaintIdFor('web', 'web-form', fields.idempotencyKey)
      : complaintIdFor('web', 'web-form');
    const reference = fields.reference ?? newReference('web', receivedAt);
    const at = receivedAt.toISOString();
    const event = Object.assign(new ComplaintReceivedV1(), {
      eventId: randomUUID(),
      eventType: ComplaintReceivedV1.type,
      eventVersion: 1 as const,
      occurredAt: at,
      correlationId: `corr-${randomUUID()}`,
      causationId: null,
      source: 'intake-web',
      complaint: {
        complaintId,
        reference,
        channel: 'web' as const,
        receivedAt: at,
        source: { system: 'web-form', messageId: fields.idempotencyKey ?? null, receivedAt: at },
        customer: { contact: {} },
        content: { text: fields.text ?? '信用卡被盗刷', language: 'zh' as const },
        context: {},
      },
    });
    return {
      complaintId,
      reference,
      idempotencyKey: fields.idempotencyKey ?? null,
      requestHash: randomUUID(),
      status: 'pending',
      event,
      receivedAt,
    };
  }

  const statementsLike = (pattern: RegExp) => statements.filter((s) => pattern.test(s)).length;
  const stored = async (records: SubmissionRecord[]) =>
    (await dataSource.query<Array<{ complaint_id: string; status: string; reference: string }>>(
      'SELECT complaint_id, status, reference FROM intake_web.submissions WHERE complaint_id = ANY($1::uuid[]) ORDER BY reference',
      [records.map((r) => r.complaintId)],
    )) ?? [];

  it('stores submissions made at the same time in one statement and marks them accepted in one more', async () => {
    const records = Array.from({ length: 12 }, (_, i) => record({ idempotencyKey: i % 2 ? randomUUID() : undefined }));
    const inserts = statementsLike(/^INSERT INTO/);
    const updates = statementsLike(/^UPDATE/);

    expect(await Promise.all(records.map((r) => store.reserve(r, [])))).toEqual(records.map(() => 'reserved'));
    expect(statementsLike(/^INSERT INTO/) - inserts).toBe(1);
    expect((await stored(records)).map((row) => row.status)).toEqual(records.map(() => 'pending'));

    await Promise.all(records.map((r) => store.markAccepted(r.complaintId)));
    expect(statementsLike(/^UPDATE/) - updates).toBe(1);
    expect((await stored(records)).map((row) => row.status)).toEqual(records.map(() => 'accepted'));

    const again = await store.findByReference(records[3].reference);
    expect(again).toMatchObject({ complaintId: records[3].complaintId, status: 'accepted', requestHash: records[3].requestHash });
    expect(again?.event.eventId).toBe(records[3].event.eventId);
  });

  it('tells each request of one statement its own outcome: stored, key taken, reference taken', async () => {
    const key = randomUUID();
    const earlier = record();
    expect(await store.reserve(earlier, [])).toBe('reserved');

    const first = record({ idempotencyKey: key });
    const sameKey = record({ idempotencyKey: key });
    const sameReference = record({ reference: earlier.reference });
    const other = record();
    const outcomes = await Promise.all([first, sameKey, sameReference, other].map((r) => store.reserve(r, [])));

    expect(outcomes).toEqual(['reserved', 'key-taken', 'reference-taken', 'reserved']);
    expect(await stored([first, other])).toHaveLength(2);
    expect((await store.findByKey(key))?.requestHash).toBe(first.requestHash);
  });

  it('fails the one submission PostgreSQL refuses and stores the others of its statement', async () => {
    const good = [record(), record()];
    // jsonb cannot hold a NUL character: the statement of all three is refused, then each is stored alone.
    const refused = record({ text: 'NUL \u0000 in the text' });
    const outcomes = await Promise.allSettled([good[0], refused, good[1]].map((r) => store.reserve(r, [])));

    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(QueryFailedError);
    expect((await stored(good)).map((row) => row.status)).toEqual(['pending', 'pending']);
    expect(await stored([refused])).toEqual([]);
  });

  it('looks up submissions asked for at the same time in one query, each caller getting its own', async () => {
    const keyed = record({ idempotencyKey: randomUUID() });
    const plain = record();
    await Promise.all([store.reserve(keyed, []), store.reserve(plain, [])]);
    const selects = statementsLike(/^SELECT/);

    const [byKey, byReference, unknownKey, unknownReference] = await Promise.all([
      store.findByKey(keyed.idempotencyKey!),
      store.findByReference(plain.reference),
      store.findByKey(randomUUID()),
      store.findByReference(newReference('web', new Date())),
    ]);
    expect(statementsLike(/^SELECT/) - selects).toBe(1);
    expect(byKey).toMatchObject({ complaintId: keyed.complaintId, reference: keyed.reference, requestHash: keyed.requestHash });
    expect(byReference).toMatchObject({ complaintId: plain.complaintId, reference: plain.reference, idempotencyKey: null });
    expect(unknownKey).toBeNull();
    expect(unknownReference).toBeNull();
  });

  it('marks only pending submissions, and an unknown complaint id changes nothing', async () => {
    const accepted = record();
    await store.reserve(accepted, []);
    await store.markAccepted(accepted.complaintId);
    const [{ accepted_at: first }] = await dataSource.query<Array<{ accepted_at: Date }>>(
      'SELECT accepted_at FROM intake_web.submissions WHERE complaint_id = $1',
      [accepted.complaintId],
    );

    await Promise.all([store.markAccepted(accepted.complaintId), store.markAccepted(randomUUID())]);
    const [{ accepted_at: after }] = await dataSource.query<Array<{ accepted_at: Date }>>(
      'SELECT accepted_at FROM intake_web.submissions WHERE complaint_id = $1',
      [accepted.complaintId],
    );
    expect(after).toEqual(first);
  });
});
