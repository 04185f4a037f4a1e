import { Client } from 'pg';

/** Rows written to one schema's tables (pg_stat_user_tables). */
export interface RowWrites {
  inserts: number;
  updates: number;
  deletes: number;
}

/** The database's write counters at one moment. */
export interface DatabaseCounters {
  /** Per schema. */
  rows: Record<string, RowWrites>;
  /** pg_stat_database.xact_commit of the database. */
  commits: number;
}

/**
 * A backend publishes its statistics at most once a second, and an idle one up to 10 s after its
 * last transaction (PostgreSQL 15+): wait this long after the pipeline is quiet before reading them.
 */
export const STATS_FLUSH_MS = 11_000;

export async function databaseCounters(db: Client): Promise<DatabaseCounters> {
  const tables = await db.query<{ schema: string; ins: string; upd: string; del: string }>(`
    SELECT schemaname AS schema, sum(n_tup_ins) AS ins, sum(n_tup_upd) AS upd, sum(n_tup_del) AS del
    FROM pg_stat_user_tables GROUP BY schemaname ORDER BY schemaname`);
  const commits = await db.query<{ n: string }>('SELECT xact_commit AS n FROM pg_stat_database WHERE datname = current_database()');
  return {
    rows: Object.fromEntries(
      tables.rows.map((r) => [r.schema, { inserts: Number(r.ins), updates: Number(r.upd), deletes: Number(r.del) }]),
    ),
    commits: Number(commits.rows[0].n),
  };
}

/** Rows and commits between two readings. */
export function countersDelta(before: DatabaseCounters, after: DatabaseCounters): DatabaseCounters {
  const rows: Record<string, RowWrites> = {};
  for (const [schema, a] of Object.entries(after.rows)) {
    const b = before.rows[schema] ?? { inserts: 0, updates: 0, deletes: 0 };
    rows[schema] = { inserts: a.inserts - b.inserts, updates: a.updates - b.updates, deletes: a.deletes - b.deletes };
  }
  return { rows, commits: after.commits - before.commits };
}

/** The client backends serving this database (the services' pools), this connection left out. */
export async function databaseBackendPids(db: Client): Promise<number[]> {
  const result = await db.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
  );
  return result.rows.map((r) => r.pid);
}

/** The server's own processes (WAL writer, checkpointer, background writer, autovacuum...): shared by every database. */
export async function serverProcessPids(db: Client): Promise<number[]> {
  const result = await db.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE backend_type <> 'client backend'`);
  return result.rows.map((r) => r.pid);
}

/** How many of the complaints have their case. */
export async function casesOpened(db: Client, complaintIds: string[]): Promise<number> {
  const result = await db.query<{ n: string }>('SELECT count(*) AS n FROM cases.cases WHERE complaint_id = ANY($1::uuid[])', [
    complaintIds,
  ]);
  return Number(result.rows[0].n);
}

/** Received → case opened, from the database: the case row's creation against the complaint's receipt. */
export interface CaseLatency {
  cases: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** Over every case opened since `since` (the load's, answered 202 or not). */
export async function caseLatency(db: Client, since: Date): Promise<CaseLatency> {
  const result = await db.query<{ n: string; p: number[] | null; max: number | null }>(
    `SELECT count(*) AS n,
            percentile_disc(ARRAY[0.5, 0.9, 0.99]) WITHIN GROUP (ORDER BY ms) AS p,
            max(ms) AS max
     FROM (SELECT extract(epoch FROM created_at - received_at) * 1000 AS ms FROM cases.cases WHERE created_at >= $1) t`,
    [since],
  );
  const row = result.rows[0];
  const [p50, p90, p99] = (row.p ?? [Number.NaN, Number.NaN, Number.NaN]).map(Number);
  return { cases: Number(row.n), p50Ms: round(p50), p90Ms: round(p90), p99Ms: round(p99), maxMs: round(Number(row.max ?? Number.NaN)) };
}

/** The cases opened since `since` (the load's), and how many of them repeat another's request (same text, see pipeline-complaints.ts). */
export async function casesSince(db: Client, since: Date): Promise<{ cases: number; duplicated: number }> {
  const result = await db.query<{ n: string; texts: string }>(
    `SELECT count(*) AS n, count(DISTINCT details->'content'->>'text') AS texts FROM cases.cases WHERE created_at >= $1`,
    [since],
  );
  const cases = Number(result.rows[0].n);
  return { cases, duplicated: cases - Number(result.rows[0].texts) };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
