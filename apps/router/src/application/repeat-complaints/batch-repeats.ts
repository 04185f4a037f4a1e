import { repeatWindow } from '../../domain/repeat-complaint';
import { EarlierMatter, EarlierMatterQuery, MatterRecord, RepeatKind } from './matter.store';

/** The fingerprints of a matter that count for this kind of repeat. */
const fingerprintsFor = (matter: MatterRecord, kind: RepeatKind) => (kind === 'merge' ? matter.verifiedFingerprints : matter.fingerprints);

/**
 * The store's query for a matter: same customer (a shared fingerprint; for a merge, one both channels
 * verified), product and reason, within the window.
 */
export function earlierMatterQuery(matter: MatterRecord, windowDays: number, kind: RepeatKind): EarlierMatterQuery {
  return {
    complaintId: matter.complaintId,
    kind,
    fingerprints: fingerprintsFor(matter, kind),
    customerFingerprint: matter.customerFingerprint,
    product: matter.product,
    reason: matter.reason,
    ...repeatWindow(new Date(matter.receivedAt), windowDays),
  };
}

/** What the store's query asks, asked of a matter of the same batch. */
function repeats(query: EarlierMatterQuery, candidate: MatterRecord): boolean {
  const receivedAt = Date.parse(candidate.receivedAt);
  return (
    candidate.complaintId !== query.complaintId &&
    candidate.product === query.product &&
    candidate.reason === query.reason &&
    receivedAt >= query.since.getTime() &&
    receivedAt <= query.until.getTime() &&
    (query.customerFingerprint === null ||
      candidate.customerFingerprint === null ||
      candidate.customerFingerprint === query.customerFingerprint) &&
    fingerprintsFor(candidate, query.kind).some((fingerprint) => query.fingerprints.includes(fingerprint))
  );
}

function earlierOf(a: EarlierMatter | null, b: EarlierMatter | null): EarlierMatter | null {
  if (!a || !b) return a ?? b;
  const byTime = Date.parse(a.receivedAt) - Date.parse(b.receivedAt);
  return byTime < 0 || (byTime === 0 && a.complaintId < b.complaintId) ? a : b;
}

/**
 * The matter each complaint of a batch repeats, as if the batch were routed one complaint after the
 * other: the earliest received of the store's open match (`fromStore`, found under the customers'
 * locks) and the same customer's matters routed before it in this batch. Null entries (no matter,
 * nothing found) stay null.
 */
export function linkWithinBatch(
  matters: readonly (MatterRecord | null)[],
  fromStore: readonly (EarlierMatter | null)[],
  windowDays: number,
  kind: RepeatKind,
): (EarlierMatter | null)[] {
  // Only a matter sharing a fingerprint can be repeated: the earlier matters of the batch by fingerprint.
  const earlierByFingerprint = new Map<string, MatterRecord[]>();
  return matters.map((matter, i) => {
    if (!matter) return null;
    const query = earlierMatterQuery(matter, windowDays, kind);
    let earliest = fromStore[i] ?? null;
    const candidates = new Set(query.fingerprints.flatMap((fingerprint) => earlierByFingerprint.get(fingerprint) ?? []));
    for (const before of candidates) {
      if (repeats(query, before)) {
        earliest = earlierOf(earliest, { complaintId: before.complaintId, reference: before.reference, receivedAt: before.receivedAt });
      }
    }
    for (const fingerprint of fingerprintsFor(matter, kind)) {
      const seen = earlierByFingerprint.get(fingerprint);
      if (seen) seen.push(matter);
      else earlierByFingerprint.set(fingerprint, [matter]);
    }
    return earliest;
  });
}
