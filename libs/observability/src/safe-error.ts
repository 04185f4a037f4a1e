/**
 * The `err` serializer of every service's logs. Errors are logged by an allow-list of fields, so what
 * a driver or library hangs on an error never reaches the logs: TypeORM's QueryFailedError carries the
 * SQL `query` and its `parameters` (complaint text, sealed contact data), and PostgreSQL's `detail`,
 * `where` and some messages quote the values of the row ("Failing row contains (...)", `invalid input
 * syntax for type uuid: "..."`). A database error is logged with its SQLSTATE, constraint, schema,
 * table, column and data type, and its message cut before any quoted value.
 */
export interface SafeError {
  type: string;
  message: string;
  stack?: string;
  code?: string | number;
  sqlState?: string;
  constraint?: string;
  schema?: string;
  table?: string;
  column?: string;
  dataType?: string;
  [other: string]: unknown;
}

/** Fields of other errors (Node system errors, HTTP clients, kafkajs) that hold no data of a request. */
const SAFE_FIELDS = [
  'errno',
  'syscall',
  'status',
  'statusCode',
  'retriable',
  'retryCount',
  'retryTime',
  'groupId',
  'topic',
  'partition',
  'broker',
] as const;
const DATABASE_FIELDS = ['constraint', 'schema', 'table', 'column', 'dataType'] as const;
const MAX_MESSAGE = 1_000;
const MAX_DEPTH = 4;
const SQLSTATE = /^[0-9A-Z]{5}$/;

type ErrorLike = Error & Record<string, unknown>;

const isErrorLike = (value: unknown): value is ErrorLike =>
  value instanceof Error || (typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string');

/**
 * A log-safe view of an error. Takes the error itself, or what pino's standard serializer made of it
 * (pino-http wraps custom serializers in it: the original is then its `raw`).
 */
export function serializeError(error: unknown, depth = 0): unknown {
  const raw = (error as { raw?: unknown } | null)?.raw;
  const err = isErrorLike(raw) ? raw : error;
  if (!isErrorLike(err)) return err;
  const driver = isErrorLike(err.driverError) ? err.driverError : undefined;
  const sqlState = [err.code, driver?.code].find((code): code is string => typeof code === 'string' && SQLSTATE.test(code));
  const type = typeof err.constructor === 'function' && err.constructor.name ? err.constructor.name : String(err.name ?? 'Error');
  const message = capped(sqlState ? withoutValues(String(err.message)) : String(err.message));
  const out: SafeError = { type, message };
  if (typeof err.stack === 'string') out.stack = sqlState ? `${type}: ${message}\n${frames(err.stack)}` : err.stack;
  if (sqlState) {
    out.sqlState = sqlState;
    for (const field of DATABASE_FIELDS) {
      const value = err[field] ?? driver?.[field];
      if (typeof value === 'string') out[field] = value;
    }
  } else {
    if (typeof err.code === 'string' || typeof err.code === 'number') out.code = err.code;
    for (const field of SAFE_FIELDS) {
      const value = err[field];
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[field] = value;
    }
  }
  if (depth < MAX_DEPTH) {
    if (isErrorLike(err.cause)) out.cause = serializeError(err.cause, depth + 1);
    const errors = (err as { errors?: unknown }).errors;
    if (Array.isArray(errors)) out.aggregateErrors = errors.slice(0, 10).map((e) => serializeError(e, depth + 1));
  }
  return out;
}

/** PostgreSQL quotes a value after ": " (`invalid input syntax for type integer: "abc"`): keep what comes before. */
function withoutValues(message: string): string {
  const colon = message.indexOf(': ');
  return colon < 0 ? message : `${message.slice(0, colon)}: [value withheld]`;
}

function capped(message: string): string {
  return message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message;
}

/** The "    at ..." lines of a stack, without the message lines above them (which repeat the message). */
function frames(stack: string): string {
  return stack
    .split('\n')
    .filter((line) => line.startsWith('    at '))
    .join('\n');
}
