import { Writable } from 'node:stream';
import pinoHttp from 'pino-http';
import { DataSource, QueryFailedError } from 'typeorm';
import { createLogger, LOG_SERIALIZERS } from '@complaints/observability';

/** Personal data a complaint could carry into a query's parameters. */
const NAME = '张秀英';
const PHONE = '13912345678';
const TEXT = `我是${NAME},手机${PHONE},信用卡被盗刷了三万元`;

/** Log lines written to memory instead of stdout. */
class CapturedLines extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }
  get text(): string {
    return this.lines.join('\n');
  }
}

/**
 * Database errors reach the logs with their SQLSTATE, constraint and table and a message cut before any
 * quoted value, never with the query's parameters, PostgreSQL's `detail` (which repeats the row) or a
 * value quoted in the message: real errors of the real PostgreSQL, raised through TypeORM with a
 * complaint's personal data in the parameters, logged by the services' logger directly and through
 * pino-http's request logger (which the HTTP problem filter and the request logs use).
 */
describe('database errors in the logs (real PostgreSQL)', () => {
  let db: DataSource;

  beforeAll(async () => {
    db = await new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, logging: false }).initialize();
    await db.query('CREATE SCHEMA IF NOT EXISTS pii_log_test');
    await db.query('DROP TABLE IF EXISTS pii_log_test.complaints');
    await db.query(`CREATE TABLE pii_log_test.complaints (
      id uuid PRIMARY KEY, text varchar(500) NOT NULL CONSTRAINT complaints_text_unique UNIQUE,
      phone varchar(11) NOT NULL CONSTRAINT complaints_phone_digits CHECK (phone ~ '^[0-9]+$'), body jsonb)`);
    await db.query('INSERT INTO pii_log_test.complaints (id, text, phone) VALUES (gen_random_uuid(), $1, $2)', [TEXT, PHONE]);
  });
  afterAll(async () => {
    await db?.query('DROP SCHEMA IF EXISTS pii_log_test CASCADE');
    await db?.destroy();
  });

  /** The error PostgreSQL raises for one statement. */
  async function failure(sql: string, params: unknown[]): Promise<QueryFailedError> {
    const error = await db.query(sql, params).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(QueryFailedError);
    return error as QueryFailedError;
  }

  const cases: [string, string, unknown[], { sqlState: string; constraint?: string; table?: string }][] = [
    [
      'unique violation (detail repeats the key)',
      'INSERT INTO pii_log_test.complaints (id, text, phone) VALUES (gen_random_uuid(), $1, $2)',
      [TEXT, PHONE],
      { sqlState: '23505', constraint: 'complaints_text_unique', table: 'complaints' },
    ],
    [
      'check violation (detail holds the failing row)',
      'INSERT INTO pii_log_test.complaints (id, text, phone) VALUES (gen_random_uuid(), $1, $2)',
      [`${TEXT}!`, `${NAME}`],
      { sqlState: '23514', constraint: 'complaints_phone_digits', table: 'complaints' },
    ],
    [
      'invalid text for a uuid (the message quotes it)',
      'SELECT * FROM pii_log_test.complaints WHERE id = $1',
      [`${NAME}-${PHONE}`],
      { sqlState: '22P02' },
    ],
    [
      'a value too long',
      'INSERT INTO pii_log_test.complaints (id, text, phone) VALUES (gen_random_uuid(), $1, $2)',
      [`${TEXT}?`, `${PHONE}${PHONE}`],
      { sqlState: '22001' },
    ],
    [
      'invalid JSON (the detail quotes the token)',
      'UPDATE pii_log_test.complaints SET body = $1::jsonb',
      [`{"text": ${NAME}${PHONE}}`],
      { sqlState: '22P02' },
    ],
  ];

  it.each(cases)('logs %s with its SQLSTATE and constraint, never the values', async (_name, sql, params, expected) => {
    const error = await failure(sql, params);
    // The error itself does carry the personal data: the serializer is what keeps it out.
    expect(JSON.stringify({ ...error, message: error.message })).toMatch(new RegExp(`${NAME}|${PHONE}`));

    const direct = new CapturedLines();
    createLogger('test', 'info', direct).error({ err: error }, 'query failed');
    const viaHttp = new CapturedLines();
    const http = pinoHttp({ logger: createLogger('test', 'info', viaHttp), serializers: LOG_SERIALIZERS });
    http.logger.error({ err: error }, 'request failed');

    for (const captured of [direct, viaHttp]) {
      expect(captured.lines).toHaveLength(1);
      expect(captured.text).not.toContain(NAME);
      expect(captured.text).not.toContain(PHONE);
      expect(captured.text).not.toContain('三万元');
      const { err } = JSON.parse(captured.lines[0]) as { err: Record<string, unknown> };
      expect(err).toMatchObject({ type: 'QueryFailedError', ...expected });
      expect(err).not.toHaveProperty('parameters');
      expect(err).not.toHaveProperty('query');
      expect(err).not.toHaveProperty('detail');
      expect(err).not.toHaveProperty('driverError');
      expect(String(err.stack)).toMatch(/^QueryFailedError: .*\n {4}at /);
    }
  });

  it('keeps the message of a database error up to the quoted value', async () => {
    const error = await failure('SELECT * FROM pii_log_test.complaints WHERE id = $1', [PHONE]);
    const captured = new CapturedLines();
    createLogger('test', 'info', captured).warn({ err: error }, 'query failed');
    expect(JSON.parse(captured.lines[0]).err.message).toBe('invalid input syntax for type uuid: [value withheld]');
  });

  it('logs a database error wrapped as the cause of another the same way', async () => {
    const error = new Error('could not file the complaint', {
      cause: await failure('SELECT * FROM pii_log_test.complaints WHERE id = $1', [PHONE]),
    });
    const captured = new CapturedLines();
    createLogger('test', 'info', captured).error({ err: error }, 'failed');
    expect(captured.text).not.toContain(PHONE);
    expect(JSON.parse(captured.lines[0]).err).toMatchObject({
      type: 'Error',
      message: 'could not file the complaint',
      cause: { type: 'QueryFailedError', sqlState: '22P02' },
    });
  });

  it('keeps the useful fields of other errors', () => {
    const error = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
      errno: -111,
      syscall: 'connect',
      config: { password: 'secret' },
    });
    const captured = new CapturedLines();
    createLogger('test', 'info', captured).error({ err: error }, 'down');
    const { err } = JSON.parse(captured.lines[0]);
    expect(err).toMatchObject({
      type: 'Error',
      message: 'connect ECONNREFUSED 127.0.0.1:5432',
      code: 'ECONNREFUSED',
      errno: -111,
      syscall: 'connect',
    });
    expect(err).not.toHaveProperty('config');
  });
});
