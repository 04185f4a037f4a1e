import { FindOptionsWhere, PrimaryColumn, QueryFailedError, Repository } from 'typeorm';
import { ComplaintReceivedV1, Evidence } from '@complaints/contracts';
import type { ComplaintSubmissionRecord } from '../complaint-submission';
import type { ReserveOutcome } from '../idempotent-acceptance';
import { BatchedSubmissionStatements } from './batched-submission-statements';
import { insertEvidence } from './evidence-rows';
import { IdempotentRecordColumns } from './idempotent-record.columns';
import { IdempotentTable, IdempotentTableOptions } from './idempotent-table';
import { StatementBatcher } from './statement-batcher';
import type { StoreFailure } from './store-failures';

/** The columns of every intake's `submissions` table: the complaint id and those of an idempotent record. */
export abstract class SubmissionColumns extends IdempotentRecordColumns {
  @PrimaryColumn({ name: 'complaint_id', type: 'uuid' }) complaintId: string;
}

/** What a batched reservation came to: stored, or to be tried alone (it broke a constraint, or the batch was refused). */
type BatchedReservation = 'reserved' | 'alone';

/** What one look-up of a batch found: the record (null: none), or why its row could not be read. */
type LookedUp<R> = { record: R | null } | { error: unknown };

/**
 * An intake's submissions: each stored with its evidence files in one transaction, published as
 * `complaints.received.v1`, marked accepted by complaint id. Concurrent look-ups (by key, by
 * reference) are made in one query, concurrent submissions without evidence are stored in one
 * statement, and concurrent acceptances are marked in one statement: each caller still learns its
 * own outcome (a submission whose key or reference was taken is tried again alone, which names the
 * constraint it broke).
 */
export class SubmissionTable<E extends SubmissionColumns, R extends ComplaintSubmissionRecord> extends IdempotentTable<E, R> {
  private readonly reservations: StatementBatcher<R, BatchedReservation>;
  private readonly acceptances: StatementBatcher<string, void>;
  private readonly lookups: StatementBatcher<FindOptionsWhere<E>, LookedUp<R>>;
  private readonly failure: StoreFailure;

  constructor(rows: Repository<E>, options: Omit<IdempotentTableOptions<E, R, ReserveOutcome>, 'contract'>) {
    super(rows, { ...options, contract: ComplaintReceivedV1 });
    this.failure = options.failure;
    const statements = new BatchedSubmissionStatements(rows);
    this.reservations = new StatementBatcher((records) => this.reserveTogether(statements, records));
    this.acceptances = new StatementBatcher(async (complaintIds) => {
      try {
        await statements.markAccepted(complaintIds, new Date());
      } catch (error) {
        throw this.failure(error);
      }
      return complaintIds.map(() => undefined);
    });
    this.lookups = new StatementBatcher((wheres) => this.findTogether(wheres));
  }

  /** The record whose columns equal `where`'s values, looked up with those other callers want at the same time. */
  override async findOne(where: FindOptionsWhere<E>): Promise<R | null> {
    const found = await this.lookups.submit(where);
    if ('error' in found) throw found.error;
    return found.record;
  }

  async reserveWithEvidence(record: R, evidence: readonly Evidence[]): Promise<ReserveOutcome> {
    if (evidence.length > 0) return this.reserve(record, (manager) => insertEvidence(manager, record.complaintId, evidence));
    const outcome = await this.reservations.submit(record);
    return outcome === 'reserved' ? outcome : this.reserve(record);
  }

  /** Marks a pending submission accepted (Kafka has its event), with those accepted at the same time. */
  markAcceptedById(complaintId: string): Promise<void> {
    return this.acceptances.submit(complaintId);
  }

  /**
   * One query for every look-up (their conditions OR-ed, plain values only); each gets the row whose
   * columns equal its values. A query PostgreSQL refuses (a value of one look-up) is made again for
   * each look-up alone, so only that one fails.
   */
  private async findTogether(wheres: ReadonlyArray<FindOptionsWhere<E>>): Promise<Array<LookedUp<R>>> {
    let rows: E[];
    try {
      rows = await this.rows.find({ where: [...wheres] });
    } catch (error) {
      if (!(error instanceof QueryFailedError) || wheres.length === 1) throw this.failure(error);
      return Promise.all(
        wheres.map((where) =>
          super.findOne(where).then(
            (record) => ({ record }),
            (e: unknown) => ({ error: e }),
          ),
        ),
      );
    }
    return wheres.map((where) => {
      const row = rows.find((candidate) => Object.entries(where).every(([column, value]) => candidate[column as keyof E] === value));
      try {
        return { record: row ? this.toRecord(row) : null };
      } catch (error) {
        return { error };
      }
    });
  }

  private async reserveTogether(statements: BatchedSubmissionStatements, records: readonly R[]): Promise<BatchedReservation[]> {
    // One record per complaint id in the statement, so the ids it returns name exactly the records stored;
    // a second one (the same key sent twice at once) and one repeating a reference are tried alone.
    const ids = new Set<string>();
    const references = new Set<string>();
    const together = records.filter((record) => {
      if (ids.has(record.complaintId) || references.has(record.reference)) return false;
      ids.add(record.complaintId);
      references.add(record.reference);
      return true;
    });
    try {
      const stored = await statements.insertSkippingTaken(together.map((record) => this.toRow(record)));
      const inStatement = new Set(together);
      return records.map((record) => (inStatement.has(record) && stored.has(record.complaintId) ? 'reserved' : 'alone'));
    } catch (error) {
      // PostgreSQL refused the statement (a value of one record): each record alone, so only that one fails.
      if (error instanceof QueryFailedError) return records.map(() => 'alone');
      throw this.failure(error);
    }
  }
}
