import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { ComplaintReceivedV1, parseContract } from '@complaints/contracts';
import { CallRecord, CallStore, StoreUnavailableError } from '../../application/receive-calls/call.store';
import { CallEntity } from './call.entity';

/** Calls in PostgreSQL, written in bulk: one statement per step of a batch, whatever its size. */
@Injectable()
export class TypeOrmCallStore extends CallStore {
  constructor(@InjectRepository(CallEntity) private readonly calls: Repository<CallEntity>) {
    super();
  }

  async findByCallIds(callcenterId: string, callIds: readonly string[]): Promise<CallRecord[]> {
    if (callIds.length === 0) return [];
    const rows = await available(() => this.calls.findBy({ callcenterId, callId: In([...callIds]) }));
    return rows.map(toRecord);
  }

  async reserve(records: readonly CallRecord[]): Promise<Set<string>> {
    if (records.length === 0) return new Set();
    const result = await available(() =>
      this.calls
        .createQueryBuilder()
        .insert()
        .values(
          records.map((record) => ({
            complaintId: record.complaintId,
            callcenterId: record.callcenterId,
            callId: record.callId,
            reference: record.reference,
            status: record.status,
            event: JSON.parse(JSON.stringify(record.event)) as object,
            receivedAt: record.receivedAt,
            acceptedAt: null,
          })),
        )
        .orIgnore()
        .returning(['complaintId'])
        .execute(),
    );
    return new Set((result.raw as Array<{ complaint_id: string }>).map((row) => row.complaint_id));
  }

  async markAccepted(complaintIds: readonly string[]): Promise<void> {
    if (complaintIds.length === 0) return;
    await available(() =>
      this.calls.update({ complaintId: In([...complaintIds]), status: 'pending' }, { status: 'accepted', acceptedAt: new Date() }),
    );
  }
}

function toRecord(row: CallEntity): CallRecord {
  return {
    callcenterId: row.callcenterId,
    callId: row.callId,
    complaintId: row.complaintId,
    reference: row.reference,
    status: row.status,
    event: parseContract(ComplaintReceivedV1, row.event),
    receivedAt: row.receivedAt,
  };
}

async function available<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new StoreUnavailableError(error instanceof Error ? error.message : String(error));
  }
}
