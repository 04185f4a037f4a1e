import { randomUUID } from 'node:crypto';
import { ComplaintReceivedV1, ComplaintV1, FieldError, complaintIdFor, newReference } from '@complaints/contracts';
import { CountryCode, PiiCipher } from '@complaints/security';
import { HotlineCall, normaliseHotlineCall } from '../../domain/hotline-call';
import { CallRecord, CallStore, ReceivedComplaintsPublisher } from './call.store';

/** One record of a pushed batch: either a well-formed call or the field errors that make it unusable. */
export type CallInput = { index: number; call: HotlineCall } | { index: number; callId?: string; errors: FieldError[] };

export type CallResult =
  | { index: number; callId: string; status: 'accepted'; reference: string; complaintId: string }
  | { index: number; callId: string; status: 'duplicate'; reference: string; complaintId: string }
  | { index: number; callId?: string; status: 'rejected'; errors: FieldError[] };

export interface ReceiveCallsCommand {
  callcenterId: string;
  calls: CallInput[];
  correlationId: string;
}

const MAX_REFERENCE_ATTEMPTS = 5;

/**
 * Takes in a batch of calls with a result per call, so one bad record never sinks the others.
 * Idempotent by (call centre, callId): a call seen before answers `duplicate` with its original
 * reference. New calls are recorded `pending`, published in one Kafka request, and only then
 * reported `accepted`; if Kafka does not acknowledge, the whole request fails (nothing is
 * acknowledged) and a re-push publishes the same complaints under the same references.
 */
export class ReceiveCallsUseCase {
  constructor(
    private readonly store: CallStore,
    private readonly publisher: ReceivedComplaintsPublisher,
    private readonly cipher: PiiCipher,
    private readonly defaultCountry: CountryCode,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(command: ReceiveCallsCommand): Promise<CallResult[]> {
    const receivedAt = this.now();
    const results = new Map<number, CallResult>();
    const firstByCallId = new Map<string, HotlineCall & { index: number }>();
    const repeatedInBatch: Array<{ index: number; callId: string }> = [];

    for (const input of command.calls) {
      if ('errors' in input) {
        results.set(input.index, { index: input.index, callId: input.callId, status: 'rejected', errors: input.errors });
      } else if (firstByCallId.has(input.call.callId)) {
        repeatedInBatch.push({ index: input.index, callId: input.call.callId });
      } else {
        firstByCallId.set(input.call.callId, { ...input.call, index: input.index });
      }
    }

    const known = await this.store.findByCallIds(command.callcenterId, [...firstByCallId.keys()]);
    const toPublish = known.filter((record) => record.status === 'pending');
    const recordsByCallId = new Map(known.map((record) => [record.callId, record]));
    for (const record of known) {
      if (record.status === 'accepted')
        results.set(firstByCallId.get(record.callId)!.index, outcome('duplicate', firstByCallId.get(record.callId)!.index, record));
    }

    let fresh: CallRecord[] = [];
    for (const call of firstByCallId.values()) {
      if (recordsByCallId.has(call.callId)) continue;
      const complaint = this.normalise(call, command.callcenterId, receivedAt);
      if ('errors' in complaint)
        results.set(call.index, { index: call.index, callId: call.callId, status: 'rejected', errors: complaint.errors });
      else fresh.push(this.newRecord(command, complaint, receivedAt));
    }

    for (let attempt = 1; fresh.length > 0; attempt++) {
      const inserted = await this.store.reserve(fresh);
      toPublish.push(...fresh.filter((record) => inserted.has(record.complaintId)));
      const clashing = fresh.filter((record) => !inserted.has(record.complaintId));
      // Not inserted: a concurrent push of the same call won, or (rarely) the reference was taken.
      const raced = await this.store.findByCallIds(
        command.callcenterId,
        clashing.map((record) => record.callId),
      );
      for (const record of raced) {
        const index = firstByCallId.get(record.callId)!.index;
        if (record.status === 'pending') toPublish.push(record);
        else results.set(index, outcome('duplicate', index, record));
      }
      fresh = clashing.filter((record) => !raced.some((r) => r.callId === record.callId)).map((record) => this.withNewReference(record));
      if (fresh.length > 0 && attempt >= MAX_REFERENCE_ATTEMPTS)
        throw new Error(`could not allocate unique references in ${attempt} attempts`);
    }

    await this.publisher.publishAll(toPublish.map((record) => record.event));
    await this.store.markAccepted(toPublish.map((record) => record.complaintId));
    for (const record of toPublish) {
      const index = firstByCallId.get(record.callId)!.index;
      results.set(index, outcome('accepted', index, record));
    }

    for (const repeat of repeatedInBatch) {
      const first = results.get(firstByCallId.get(repeat.callId)!.index)!;
      results.set(
        repeat.index,
        first.status === 'rejected'
          ? { ...first, index: repeat.index }
          : { index: repeat.index, callId: repeat.callId, status: 'duplicate', reference: first.reference, complaintId: first.complaintId },
      );
    }
    return command.calls.map((input) => results.get(input.index)!);
  }

  private normalise(call: HotlineCall & { index: number }, callcenterId: string, receivedAt: Date): ComplaintV1 | { errors: FieldError[] } {
    const complaintId = complaintIdFor('hotline', callcenterId, call.callId);
    const reference = newReference('hotline', new Date(call.startedAt));
    const normalised = normaliseHotlineCall(call, { callcenterId, complaintId, reference, receivedAt }, this.cipher, this.defaultCountry);
    return normalised.ok
      ? normalised.complaint
      : { errors: normalised.errors.map((error) => ({ ...error, field: `calls[${call.index}].${error.field}` })) };
  }

  private newRecord(command: ReceiveCallsCommand, complaint: ComplaintV1, receivedAt: Date): CallRecord {
    const event = Object.assign(new ComplaintReceivedV1(), {
      eventId: randomUUID(),
      eventType: ComplaintReceivedV1.type,
      eventVersion: 1 as const,
      occurredAt: receivedAt.toISOString(),
      correlationId: command.correlationId,
      causationId: null,
      source: 'intake-hotline',
      complaint,
    });
    return {
      callcenterId: command.callcenterId,
      callId: complaint.source.messageId!,
      complaintId: complaint.complaintId,
      reference: complaint.reference,
      status: 'pending',
      event,
      receivedAt,
    };
  }

  private withNewReference(record: CallRecord): CallRecord {
    const reference = newReference('hotline', new Date(record.event.complaint.receivedAt));
    const complaint = Object.assign(new ComplaintV1(), { ...record.event.complaint, reference });
    return { ...record, reference, event: Object.assign(new ComplaintReceivedV1(), { ...record.event, complaint }) };
  }
}

function outcome(status: 'accepted' | 'duplicate', index: number, record: CallRecord): CallResult {
  return { index, callId: record.callId, status, reference: record.reference, complaintId: record.complaintId };
}
