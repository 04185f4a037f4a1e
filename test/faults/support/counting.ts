import { Client } from 'pg';
import { TopicReader } from '../../support/topic-reader';

/** Accepted complaints against what the pipeline holds at the end. */
export interface PipelineCount {
  /** Accepted complaints without a case. */
  lost: number;
  /** Cases beyond one per complaint (two cases with one complaint's text `#n`). */
  duplicated: number;
  /** Cases of complaints the customers never saw accepted. */
  unexpectedCases: number;
  cases: number;
  intake: { submissions: number; distinctKeys: number; pending: number; missing: number };
  routed: { records: number; complaints: number; missing: number; decidedTwice: number };
}

/** How many of the accepted complaints have their case now. */
export async function casesFor(db: Client, complaintIds: string[]): Promise<number> {
  const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM cases.cases WHERE complaint_id = ANY($1::uuid[])', [
    complaintIds,
  ]);
  return Number(rows[0].n);
}

/**
 * Counts every accepted complaint (`complaintId`s) in the cases, in intake-web's submissions and on
 * `complaints.routed.v1` (read from its beginning; a redelivered complaint appears again there with its
 * stored decision, the same eventId, so a complaint decided twice shows as two eventIds).
 */
export async function countPipeline(db: Client, brokers: string, accepted: string[]): Promise<PipelineCount> {
  const acceptedSet = new Set(accepted);
  const cases = await db.query<{ complaint_id: string; text: string }>(
    `SELECT complaint_id, details->'content'->>'text' AS text FROM cases.cases`,
  );
  const caseIds = new Set(cases.rows.map((r) => r.complaint_id));
  const texts = new Set(cases.rows.map((r) => r.text));

  const intake = await db.query<{ n: string; keys: string; pending: string; mine: string }>(
    `SELECT count(*) AS n, count(DISTINCT idempotency_key) AS keys, count(*) FILTER (WHERE status = 'pending') AS pending,
            count(*) FILTER (WHERE complaint_id = ANY($1::uuid[])) AS mine
     FROM intake_web.submissions`,
    [accepted],
  );
  const row = intake.rows[0];

  const routed = await routedEvents(brokers, acceptedSet);
  const eventIds = new Map<string, Set<string>>();
  for (const { complaintId, eventId } of routed) eventIds.set(complaintId, (eventIds.get(complaintId) ?? new Set()).add(eventId));

  return {
    lost: accepted.filter((id) => !caseIds.has(id)).length,
    duplicated: cases.rows.length - texts.size,
    unexpectedCases: [...caseIds].filter((id) => !acceptedSet.has(id)).length,
    cases: cases.rows.length,
    intake: {
      submissions: Number(row.n),
      distinctKeys: Number(row.keys),
      pending: Number(row.pending),
      missing: accepted.length - Number(row.mine),
    },
    routed: {
      records: routed.length,
      complaints: eventIds.size,
      missing: accepted.filter((id) => !eventIds.has(id)).length,
      decidedTwice: [...eventIds.values()].filter((ids) => ids.size > 1).length,
    },
  };
}

interface RoutedEvent {
  eventId: string;
  complaint: { complaintId: string };
}

/** Every record of `complaints.routed.v1`, once the reader holds every accepted complaint (or after 60 s). */
async function routedEvents(brokers: string, accepted: Set<string>): Promise<Array<{ complaintId: string; eventId: string }>> {
  const reader = await TopicReader.open<RoutedEvent>('complaints.routed.v1', brokers);
  try {
    const deadline = Date.now() + 60_000;
    const allSeen = () => {
      const seen = new Set(reader.values().map((v) => v.complaint.complaintId));
      return [...accepted].every((id) => seen.has(id));
    };
    while (!allSeen() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
    // Records appended after the last accepted one (redeliveries) are a moment behind at most.
    await new Promise((r) => setTimeout(r, 2_000));
    return reader.values().map((v) => ({ complaintId: v.complaint.complaintId, eventId: v.eventId }));
  } finally {
    await reader.close();
  }
}
