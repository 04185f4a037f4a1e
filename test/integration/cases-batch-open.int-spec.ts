import pino from 'pino';
import { PinoLogger } from 'nestjs-pino';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createKafka, EventPublisher, PoisonMessageError, PostgresOutboxRelay } from '@complaints/messaging';
import { dropDatabase, ensureDatabase, migrate } from '@complaints/persistence';
import { CaseEventsRelay } from '../../apps/cases/src/application/case-events.relay';
import { OpenCaseUseCase } from '../../apps/cases/src/application/open-case/open-case.use-case';
import { CasesConfig } from '../../apps/cases/src/cases.config';
import { DEFAULT_SLA_POLICY } from '../../apps/cases/src/domain/sla-policy';
import { caseEventsOutbox } from '../../apps/cases/src/infrastructure/messaging/case-events-outbox';
import { CASES_SCHEMA, casesDataSourceOptions } from '../../apps/cases/src/infrastructure/persistence/cases.data-source';
import { TypeOrmCaseRepository } from '../../apps/cases/src/infrastructure/persistence/typeorm-case.repository';
import { testConfig } from '../support/configs';
import { databaseOfItsOwn } from '../support/own-database';
import { eventually } from '../support/running-app';
import { CaseEventsTap, routedComplaint } from './cases-support';

/** A relay that only counts kicks (the test publishes with a relay of its own). */
class CountingRelay extends CaseEventsRelay {
  kicks = 0;
  kick(): void {
    this.kicks++;
  }
}

/**
 * Routed complaints opened a batch at a time (as the consumer hands them over), and the outbox relay
 * that publishes them right after the commit. A database of its own, so no service's relay races this one.
 */
describe('cases opened in batches, and their outbox relay (real Kafka and PostgreSQL)', () => {
  const url = databaseOfItsOwn('batch_open');
  const config = testConfig(CasesConfig, { DATABASE_URL: url, CASES_OUTBOX_POLL_MS: '0' });
  const logger = new PinoLogger({ pinoHttp: { level: 'silent' } });
  const publisher = new EventPublisher(
    createKafka({ brokers: config.kafkaBrokers, clientId: 'batch-open', logger: pino({ level: 'silent' }) }),
  );
  const tap = new CaseEventsTap();
  let db: DataSource;
  let repository: TypeOrmCaseRepository;

  beforeAll(async () => {
    await dropDatabase(url);
    await ensureDatabase(url);
    db = await new DataSource(casesDataSourceOptions(url)).initialize();
    await migrate(db, CASES_SCHEMA);
    repository = new TypeOrmCaseRepository(db);
    await tap.start();
  });

  afterAll(async () => {
    await Promise.all([tap.stop(), publisher.disconnect()]);
    await db?.destroy();
    await dropDatabase(url);
  });

  const countOf = async (sql: string, parameters: unknown[]) => (await db.query<{ n: number }[]>(sql, parameters))[0].n;
  const outboxOf = (complaintIds: string[]) =>
    db.query<{ message_key: string; type: string }[]>(
      `SELECT message_key, payload ->> 'eventType' AS type FROM cases.outbox WHERE message_key = ANY($1) ORDER BY id`,
      [complaintIds],
    );

  it('opens every case of a batch with its timeline, audit entry and case.opened, once, however often the batch comes', async () => {
    const relay = new CountingRelay();
    const openCase = new OpenCaseUseCase(repository, DEFAULT_SLA_POLICY, relay);
    const batch = [routedComplaint(), routedComplaint({ hotline: true }), routedComplaint({ priority: 'P1' })];
    // The first complaint is delivered twice within the batch.
    const opened = await openCase.executeAll([...batch, batch[0]]);

    expect(opened).toEqual([
      { reference: batch[0].complaint.reference, created: true },
      { reference: batch[1].complaint.reference, created: true },
      { reference: batch[2].complaint.reference, created: true },
      { reference: batch[0].complaint.reference, created: false },
    ]);
    expect(relay.kicks).toBe(1);
    const ids = batch.map((e) => e.complaint.complaintId);
    for (const event of batch) {
      const found = await repository.findByReference(event.complaint.reference);
      expect(found?.timeline.map((e) => e.type)).toEqual(['received', 'routed', 'opened']);
      expect(found?.case).toMatchObject({ complaintId: event.complaint.complaintId, priority: event.routing.priority });
      const trail = await repository.auditTrail(event.complaint.reference);
      expect(trail).toEqual([
        expect.objectContaining({ action: 'open', actorType: 'system', actorId: 'cases', actorRoles: ['system'], before: null }),
      ]);
      expect(trail[0].after).toMatchObject({ status: 'RECEIVED', department: 'CARD_CENTER', priority: event.routing.priority });
      expect(trail[0].eventIds).toHaveLength(1);
    }
    const p1 = await repository.findByReference(batch[2].complaint.reference);
    expect(p1!.case.sla.feedbackDueAt.getTime() - Date.parse(batch[2].complaint.receivedAt)).toBe(24 * 3_600_000);
    expect(await outboxOf(ids)).toEqual(ids.map((id) => ({ message_key: id, type: 'case.opened' })));

    // Delivered again (a lost offset commit): nothing more.
    expect((await openCase.executeAll(batch)).map((o) => o.created)).toEqual([false, false, false]);
    expect(relay.kicks).toBe(1);
    expect(await outboxOf(ids)).toHaveLength(3);
    expect(await countOf('SELECT count(*)::int AS n FROM cases.timeline WHERE complaint_id = ANY($1)', [ids])).toBe(9);
    expect(await countOf('SELECT count(*)::int AS n FROM cases.audit_log WHERE complaint_id = ANY($1)', [ids])).toBe(3);
  });

  it('merges a repeat complaint into a case opened earlier in the same batch, once', async () => {
    const openCase = new OpenCaseUseCase(repository, DEFAULT_SLA_POLICY, new CountingRelay());
    const first = routedComplaint({ priority: 'P3' });
    const repeat = routedComplaint({ linkedCaseReference: first.complaint.reference, priority: 'P1' });
    const unverified = routedComplaint({ linkedCaseReference: first.complaint.reference, verified: false });
    const after = routedComplaint();
    const batch = [first, repeat, unverified, after];

    const opened = await openCase.executeAll(batch);
    expect(opened).toEqual([
      { reference: first.complaint.reference, created: true },
      { reference: first.complaint.reference, created: false },
      // Without a verified identity the link is not followed: a case of its own.
      { reference: unverified.complaint.reference, created: true },
      { reference: after.complaint.reference, created: true },
    ]);
    const merged = await repository.findByReference(first.complaint.reference);
    expect(merged?.case.priority).toBe('P1');
    expect(merged?.case.lifecycle.linkedComplaints.map((l) => l.complaintId)).toEqual([repeat.complaint.complaintId]);
    expect(merged?.timeline.map((e) => e.type)).toEqual(['received', 'routed', 'opened', 'linked_complaint']);
    expect((await repository.auditTrail(first.complaint.reference)).map((a) => a.action)).toEqual(['open', 'link-complaint']);
    expect(await repository.findByReference(repeat.complaint.reference)).toMatchObject({ case: { reference: first.complaint.reference } });

    // The batch again: no second merge, no second case.
    expect((await openCase.executeAll(batch)).map((o) => o.created)).toEqual([false, false, false, false]);
    const ids = batch.map((e) => e.complaint.complaintId);
    expect(await outboxOf(ids)).toEqual([
      { message_key: first.complaint.complaintId, type: 'case.opened' },
      { message_key: first.complaint.complaintId, type: 'case.linked_complaint' },
      { message_key: unverified.complaint.complaintId, type: 'case.opened' },
      { message_key: after.complaint.complaintId, type: 'case.opened' },
    ]);
  });

  it('stores nothing of a batch in which a reference is already held by another complaint, and says it is poison', async () => {
    const openCase = new OpenCaseUseCase(repository, DEFAULT_SLA_POLICY, new CountingRelay());
    const holder = routedComplaint();
    await openCase.execute(holder);
    const fine = routedComplaint();
    const clash = routedComplaint();
    clash.complaint.reference = holder.complaint.reference;

    await expect(openCase.executeAll([fine, clash])).rejects.toBeInstanceOf(PoisonMessageError);
    expect(await repository.findByReference(fine.complaint.reference)).toBeNull();
    // Alone (as the batch consumer then hands them over), the fine one opens.
    expect(await openCase.executeAll([fine])).toEqual([{ reference: fine.complaint.reference, created: true }]);
    await expect(openCase.executeAll([clash])).rejects.toBeInstanceOf(PoisonMessageError);
  });

  it('publishes what is pending when it starts, without waiting for a poll', async () => {
    const openCase = new OpenCaseUseCase(repository, DEFAULT_SLA_POLICY, new CountingRelay());
    const left = routedComplaint();
    // Committed, never kicked (as if the process died right after the commit).
    await openCase.execute(left);
    const relay = new PostgresOutboxRelay(db, publisher, logger, { ...caseEventsOutbox(config), pollMs: 0 });
    relay.start();
    const [opened] = await tap.waitFor(left.complaint.complaintId, 'case.opened');
    expect(opened.case.reference).toBe(left.complaint.reference);
    await relay.stop();
  });

  it('tries again when another relay holds the outbox, so events committed meanwhile still go out without a poll', async () => {
    const relay = new PostgresOutboxRelay(db, publisher, logger, { ...caseEventsOutbox(config), pollMs: 0 });
    const openCase = new OpenCaseUseCase(repository, DEFAULT_SLA_POLICY, relay);
    const other = new Client({ connectionString: url });
    await other.connect();
    try {
      // Another relay's pass holds the lock.
      await other.query('BEGIN');
      await other.query('SELECT pg_advisory_xact_lock($1)', [caseEventsOutbox(config).lockKey]);
      const routed = routedComplaint();
      await openCase.execute(routed);
      await relay.whenIdle();
      const [row] = await db.query<{ published_at: Date | null }[]>('SELECT published_at FROM cases.outbox WHERE message_key = $1', [
        routed.complaint.complaintId,
      ]);
      expect(row.published_at).toBeNull();
      // That pass ends without this event: this relay publishes it on its own.
      await other.query('COMMIT');
      await tap.waitFor(routed.complaint.complaintId, 'case.opened');
      await eventually(async () => {
        const [published] = await db.query<{ published_at: Date | null }[]>(
          'SELECT published_at FROM cases.outbox WHERE message_key = $1',
          [routed.complaint.complaintId],
        );
        return published.published_at ?? undefined;
      }, 30_000);
    } finally {
      await other.end();
      await relay.stop();
    }
  });
});
