import type { ClassConstructor } from 'class-transformer';
import { EntityManager, FindOptionsWhere, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { parseContract } from '@complaints/contracts';
import { violatedUniqueConstraint } from '@complaints/persistence';
import type { IdempotentRecord, ReserveOutcome } from '../idempotent-acceptance';
import type { IdempotentRecordColumns } from './idempotent-record.columns';
import { guarded, StoreFailure } from './store-failures';

type Common = keyof IdempotentRecord;

/** How one table of idempotent records maps to its records, beside the columns they all have. */
export interface IdempotentTableOptions<E extends IdempotentRecordColumns, R extends IdempotentRecord<object>, O extends ReserveOutcome> {
  /** The contract of the stored event: checked when a record is read back. */
  contract: ClassConstructor<R['event']>;
  /** The row's own columns (its keys and ids) for a new record. */
  columns(record: R): Omit<QueryDeepPartialEntity<E>, Common | 'acceptedAt'>;
  /** The record's own fields (its keys and ids) from a row. */
  fields(row: E): Omit<R, Common>;
  /** What a broken unique constraint (by name) means; null: it is a failure of the store. */
  outcomeOf(constraint: string): Exclude<O, 'reserved'> | null;
  /** What the store throws for an error of the database. */
  failure: StoreFailure;
}

/**
 * A table of records accepted idempotently (an intake's submissions, ratings): read one by its key,
 * reserve a new one (`pending`, with what belongs to it in the same transaction), mark it accepted
 * once Kafka acknowledged its event.
 */
export class IdempotentTable<
  E extends IdempotentRecordColumns,
  R extends IdempotentRecord<object>,
  O extends ReserveOutcome = ReserveOutcome,
> {
  constructor(
    protected readonly rows: Repository<E>,
    private readonly options: IdempotentTableOptions<E, R, O>,
  ) {}

  async findOne(where: FindOptionsWhere<E>): Promise<R | null> {
    const row = await guarded(() => this.rows.findOneBy(where), this.options.failure);
    return row ? this.toRecord(row) : null;
  }

  /** Stores a new record, and with it (in one transaction) what `alongside` inserts; a taken key or reference is an outcome. */
  async reserve(record: R, alongside?: (manager: EntityManager) => Promise<void>): Promise<'reserved' | Exclude<O, 'reserved'>> {
    const row = this.toRow(record);
    try {
      if (alongside) {
        await this.rows.manager.transaction(async (manager) => {
          await manager.insert(this.rows.target, row);
          await alongside(manager);
        });
      } else {
        await this.rows.insert(row);
      }
      return 'reserved';
    } catch (error) {
      const constraint = violatedUniqueConstraint(error);
      const outcome = constraint === null ? null : this.options.outcomeOf(constraint);
      if (outcome !== null) return outcome;
      throw this.options.failure(error);
    }
  }

  /** Marks the pending record `where` names accepted: Kafka has its event. */
  async markAccepted(where: FindOptionsWhere<E>): Promise<void> {
    const pending = { ...where, status: 'pending' } as FindOptionsWhere<E>;
    const accepted: QueryDeepPartialEntity<IdempotentRecordColumns> = { status: 'accepted', acceptedAt: new Date() };
    await guarded(() => this.rows.update(pending, accepted as QueryDeepPartialEntity<E>), this.options.failure);
  }

  /** The row of a new record, by property name. */
  protected toRow(record: R): QueryDeepPartialEntity<E> {
    return {
      ...this.options.columns(record),
      reference: record.reference,
      requestHash: record.requestHash,
      status: record.status,
      // Stored as its JSON (the driver serialises it): the event's own fields, nothing of its class.
      event: record.event as QueryDeepPartialEntity<object>,
      receivedAt: record.receivedAt,
      acceptedAt: null,
    };
  }

  /** The record of a stored row; its event is checked against the contract. */
  protected toRecord(row: E): R {
    return {
      ...this.options.fields(row),
      reference: row.reference,
      requestHash: row.requestHash,
      status: row.status,
      event: parseContract(this.options.contract, row.event),
      receivedAt: row.receivedAt,
    } as R;
  }
}
