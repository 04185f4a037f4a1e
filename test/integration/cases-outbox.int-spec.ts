import pino from 'pino';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { createKafka, EventPublisher, PostgresOutboxRelay } from '@complaints/messaging';
import { dropDatabase, ensureDatabase, migrate } from '@complaints/persistence';
import { OpenCaseUseCase } from '../../apps/cases/src/application/open-case/open-case.use-case';
import { CasesConfig } from '../../apps/cases/src/cases.config';
import { DEFAULT_SLA_POLICY } from '../../apps/cases/src/domain/sla-policy';
import { caseEventsOutbox } from '../../apps/cases/src/infrastructure/messaging/case-events-outbox';
import { CASES_SCHEMA, casesDataSourceOptions } from '../../apps/cases/src/infrastructure/persistence/cases.data-source';
import { TypeOrmCaseRepository } from '../../apps/cases/src/infrastructure/persistence/typeorm-case.repository';
import { testConfig } from '../support/configs';
import { CaseEventsTap, routedComplaint } from './cases-support';
import { databaseOfItsOwn } from '../support/own-database';

/**
 * The outbox keeps case events when Kafka is down: the change is committed with its event, the relay
 * fails and keeps it, and a later pass publishes it. A database of its own, so no service's relay races this one.
 */
describe('case events outbox (real Kafka and PostgreSQL)', () => {
  const url = databaseOfItsOwn('outbox');
  const config = testConfig(CasesConfig, { DATABASE_URL: url, CASES_OUTBOX_POLL_MS: '0' });
  const logger = new PinoLogger({ pinoHttp: { level: 'silent' } });
  const silent = pino({ level: 'silent' });
  const brokerDown = new EventPublisher(
    createKafka({ brokers: ['127.0.0.1:1'], clientId: 'outbox-down', logger: silent, connectionTimeoutMs: 200 }),
    1_000,
  );
  const brokerUp = new EventPublisher(createKafka({ brokers: config.kafkaBrokers, clientId: 'outbox-up', logger: silent }));
  const tap = new CaseEventsTap();
  let db: DataSource;

  beforeAll(async () => {
    await dropDatabase(url);
    await ensureDatabase(url);
    db = await new DataSource(casesDataSourceOptions(url)).initialize();
    await migrate(db, CASES_SCHEMA);
    await tap.start();
  });

  afterAll(async () => {
    await Promise.all([tap.stop(), brokerDown.disconnect().catch(() => undefined), brokerUp.disconnect()]);
    await db?.destroy();
    await dropDatabase(url);
  });

  it('commits the case with case.opened while Kafka is down and publishes it once Kafka answers', async () => {
    const repository = new TypeOrmCaseRepository(db);
    const downRelay = new PostgresOutboxRelay(db, brokerDown, logger, caseEventsOutbox(config));
    const event = routedComplaint();
    const complaintId = event.complaint.complaintId;

    await new OpenCaseUseCase(repository, DEFAULT_SLA_POLICY, downRelay).execute(event);
    await downRelay.whenIdle();
    expect(await downRelay.drain()).toBe(0);
    const [pending] = await db.query<
      {
        attempts: number;
        last_error: string | null;
        published_at: Date | null;
      }[]
    >('SELECT attempts, last_error, published_at FROM cases.outbox WHERE message_key = $1', [complaintId]);
    expect(pending.published_at).toBeNull();
    expect(pending.attempts).toBeGreaterThanOrEqual(1);
    expect(pending.last_error).toMatch(/Kafka did not acknowledge/);
    expect(await repository.findByReference(event.complaint.reference)).not.toBeNull();

    const upRelay = new PostgresOutboxRelay(db, brokerUp, logger, caseEventsOutbox(config));
    expect(await upRelay.drain()).toBe(1);
    const [opened] = await tap.waitFor(complaintId, 'case.opened');
    expect(opened.case.reference).toBe(event.complaint.reference);
    const [published] = await db.query<{ published_at: Date | null; last_error: string | null }[]>(
      'SELECT published_at, last_error FROM cases.outbox WHERE message_key = $1',
      [complaintId],
    );
    expect(published.published_at).not.toBeNull();
    expect(published.last_error).toBeNull();
    expect(await upRelay.drain()).toBe(0);
  });
});
