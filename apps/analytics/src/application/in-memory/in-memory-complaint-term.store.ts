import type { TermObservation } from '../../domain/hotspots/term-activity';
import { ComplaintTermStore, TermPage } from '../hotspots/complaint-term-store';

const OVERLAP_MS = 30_000;

/** The complaints' terms in memory, each complaint once, stamped with the time the clock gave when recorded. */
export class InMemoryComplaintTermStore extends ComplaintTermStore {
  private readonly kept = new Map<string, TermObservation & { recordedAt: Date }>();

  constructor(private readonly now: () => Date) {
    super();
  }

  async record(observations: readonly TermObservation[]): Promise<number> {
    await Promise.resolve();
    let fresh = 0;
    for (const o of observations) {
      if (this.kept.has(o.complaintId)) continue;
      this.kept.set(o.complaintId, { ...structuredClone(o), recordedAt: this.now() });
      fresh++;
    }
    return fresh;
  }

  async earliestReceivedAt(): Promise<Date | null> {
    await Promise.resolve();
    const times = this.all().map((o) => o.receivedAt.getTime());
    return times.length ? new Date(Math.min(...times)) : null;
  }

  async receivedSince(from: Date, after: { receivedAt: Date; complaintId: string } | null, limit: number): Promise<TermObservation[]> {
    await Promise.resolve();
    return this.all()
      .filter((o) => o.receivedAt >= from)
      .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.complaintId.localeCompare(b.complaintId))
      .filter(
        (o) =>
          !after ||
          o.receivedAt > after.receivedAt ||
          (o.receivedAt.getTime() === after.receivedAt.getTime() && o.complaintId > after.complaintId),
      )
      .slice(0, limit)
      .map(({ recordedAt: _recordedAt, ...o }) => o);
  }

  async recordedSince(cursor: Date | null, from: Date): Promise<TermPage> {
    await Promise.resolve();
    const page = this.all().filter((o) => (!cursor || o.recordedAt.getTime() >= cursor.getTime() - OVERLAP_MS) && o.receivedAt >= from);
    const latest = page.reduce<Date | null>((max, o) => (!max || o.recordedAt > max ? o.recordedAt : max), null);
    return { observations: page.map(({ recordedAt: _recordedAt, ...o }) => o), cursor: latest ?? cursor };
  }

  async latestRecordedAt(): Promise<Date | null> {
    await Promise.resolve();
    const times = this.all().map((o) => o.recordedAt.getTime());
    return times.length ? new Date(Math.max(...times)) : null;
  }

  async purgeReceivedBefore(before: Date): Promise<number> {
    await Promise.resolve();
    const old = this.all().filter((o) => o.receivedAt < before);
    for (const o of old) this.kept.delete(o.complaintId);
    return old.length;
  }

  /** For assertions: the complaint ids held. */
  complaintIds(): string[] {
    return [...this.kept.keys()];
  }

  private all() {
    return [...this.kept.values()];
  }
}
