import { randomBytes } from 'node:crypto';
import { PiiCipher } from '@complaints/security';
import { HotlineCall } from '../../domain/hotline-call';
import { InMemoryCallStore } from '../in-memory/in-memory-call.store';
import { InMemoryReceivedComplaintsPublisher } from '../in-memory/in-memory-received-complaints.publisher';
import { StoreUnavailableError } from './call.store';
import { CallInput, ReceiveCallsUseCase } from './receive-calls.use-case';

const cipher = new PiiCipher({ k1: randomBytes(32) }, 'k1');
const receivedAt = new Date('2026-12-01T08:00:00.000Z');

const call = (callId: string, overrides: Partial<HotlineCall> = {}): HotlineCall => ({
  callId,
  startedAt: '2026-12-01T07:50:00.000Z',
  endedAt: '2026-12-01T07:55:00.000Z',
  callerNumber: '13800138000',
  transcript: [
    { speaker: 'agent', text: '您好，请问有什么可以帮您？' },
    { speaker: 'customer', text: '我的贷款还款被扣了两次。' },
  ],
  ...overrides,
});

const batch = (...calls: Array<HotlineCall | { callId?: string; errors: Array<{ field: string; message: string }> }>): CallInput[] =>
  calls.map((entry, index) => ('errors' in entry ? { index, ...entry } : { index, call: entry }));

function hotline() {
  const store = new InMemoryCallStore();
  const publisher = new InMemoryReceivedComplaintsPublisher();
  const receive = new ReceiveCallsUseCase(store, publisher, cipher, 'CN', () => receivedAt);
  const push = (calls: CallInput[], callcenterId = 'cc-1') => receive.execute({ callcenterId, calls, correlationId: 'corr-push' });
  return { store, publisher, push };
}

describe('ReceiveCallsUseCase', () => {
  it('accepts every well-formed call of a batch under its own reference, published in one Kafka request', async () => {
    const { store, publisher, push } = hotline();

    const results = await push(batch(call('call-1'), call('call-2')));

    expect(results).toEqual([
      { index: 0, callId: 'call-1', status: 'accepted', reference: expect.stringMatching(/^C20261201-H/), complaintId: expect.any(String) },
      { index: 1, callId: 'call-2', status: 'accepted', reference: expect.stringMatching(/^C20261201-H/), complaintId: expect.any(String) },
    ]);
    expect(publisher.requests).toHaveLength(1);
    expect(publisher.published.map((e) => [e.complaint.source.messageId, e.complaint.reference])).toEqual(
      results.map((r) => [r.callId, 'reference' in r && r.reference]),
    );
    expect([...store.records.values()].map((r) => r.status)).toEqual(['accepted', 'accepted']);
  });

  it('answers a bad record with its errors and still accepts the others, in the order pushed', async () => {
    const { publisher, push } = hotline();

    const results = await push(
      batch(
        call('call-1'),
        { callId: 'call-2', errors: [{ field: 'calls[1].startedAt', message: 'startedAt must be a date' }] },
        call('call-3', { endedAt: '2026-12-01T07:00:00.000Z' }),
        call('call-4'),
      ),
    );

    expect(results.map((r) => [r.index, r.callId, r.status])).toEqual([
      [0, 'call-1', 'accepted'],
      [1, 'call-2', 'rejected'],
      [2, 'call-3', 'rejected'],
      [3, 'call-4', 'accepted'],
    ]);
    expect(results[2]).toMatchObject({ errors: [{ field: 'calls[2].endedAt' }] });
    expect(publisher.published.map((e) => e.complaint.source.messageId)).toEqual(['call-1', 'call-4']);
  });

  it('answers a call pushed again with its original reference, publishing nothing', async () => {
    const { publisher, push } = hotline();
    const [first] = await push(batch(call('call-1')));

    const [again] = await push(batch(call('call-1')));

    expect(again).toEqual({ ...first, status: 'duplicate' });
    expect(publisher.published).toHaveLength(1);
  });

  it('answers a push of calls it already has while Kafka is down', async () => {
    const { publisher, push } = hotline();
    const [first] = await push(batch(call('call-1')));
    publisher.failing = new Error('broker unavailable');

    await expect(push(batch(call('call-1')))).resolves.toEqual([{ ...first, status: 'duplicate' }]);
  });

  it('treats the same call twice in one batch as one complaint, and repeats a rejection for the repeat', async () => {
    const { publisher, push } = hotline();
    const bad = call('call-9', { callerNumber: 'not a number' });

    const results = await push(batch(call('call-1'), bad, call('call-1'), bad));

    expect(results[2]).toEqual({
      index: 2,
      callId: 'call-1',
      status: 'duplicate',
      reference: results[0].status === 'accepted' && results[0].reference,
      complaintId: expect.any(String),
    });
    expect(results[3]).toEqual({ ...results[1], index: 3 });
    expect(results[3].status).toBe('rejected');
    expect(publisher.published).toHaveLength(1);
  });

  it('makes the same call id of another call centre another complaint', async () => {
    const { publisher, push } = hotline();
    const [mine] = await push(batch(call('call-1')), 'cc-1');
    const [theirs] = await push(batch(call('call-1')), 'cc-2');

    expect(theirs.status).toBe('accepted');
    expect('complaintId' in theirs && theirs.complaintId).not.toBe('complaintId' in mine && mine.complaintId);
    expect(publisher.published).toHaveLength(2);
  });

  it('fails the whole push when Kafka does not acknowledge; the re-push publishes the same complaints under the same references', async () => {
    const { store, publisher, push } = hotline();
    publisher.failing = new Error('broker unavailable');

    await expect(push(batch(call('call-1'), call('call-2')))).rejects.toThrow('broker unavailable');
    const pending = [...store.records.values()];
    expect(pending.map((r) => r.status)).toEqual(['pending', 'pending']);

    publisher.failing = null;
    const results = await push(batch(call('call-1'), call('call-2')));

    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    expect(results.map((r) => 'reference' in r && r.reference)).toEqual(pending.map((r) => r.reference));
    expect(publisher.published.map((e) => e.eventId)).toEqual(pending.map((r) => r.event.eventId));
  });

  it('fails the push when the store goes away after Kafka acknowledged; the re-push sends the same events again, never new ones', async () => {
    const { store, publisher, push } = hotline();
    const publishAll = publisher.publishAll.bind(publisher);
    publisher.publishAll = async (events) => {
      await publishAll(events);
      store.unavailable = true;
    };

    await expect(push(batch(call('call-1')))).rejects.toBeInstanceOf(StoreUnavailableError);
    store.unavailable = false;
    publisher.publishAll = publishAll;
    const [result] = await push(batch(call('call-1')));

    expect(result.status).toBe('accepted');
    expect(publisher.published).toHaveLength(2);
    expect(new Set(publisher.published.map((e) => e.eventId)).size).toBe(1);
    expect(new Set(publisher.published.map((e) => e.complaint.reference)).size).toBe(1);
  });

  it('fails with StoreUnavailableError and publishes nothing while the store does not answer', async () => {
    const { store, publisher, push } = hotline();
    store.unavailable = true;

    await expect(push(batch(call('call-1')))).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(publisher.published).toEqual([]);
  });

  it('draws another reference for a call whose reference was issued already', async () => {
    const { store, push } = hotline();
    const draws: string[] = [];
    const reserve = store.reserve.bind(store);
    store.reserve = (records) => {
      draws.push(...records.map((r) => r.reference));
      if (draws.length === 1) store.takenReferences.add(records[0].reference);
      return reserve(records);
    };

    const [result] = await push(batch(call('call-1')));

    expect(draws).toHaveLength(2);
    expect(result).toMatchObject({ status: 'accepted', reference: draws[1] });
  });

  it('gives up on a push whose references keep clashing, publishing nothing; a re-push publishes the calls it stored', async () => {
    const { store, publisher, push } = hotline();
    const reserve = store.reserve.bind(store);
    store.reserve = (records) => {
      for (const record of records) if (record.callId === 'call-2') store.takenReferences.add(record.reference);
      return reserve(records);
    };

    await expect(push(batch(call('call-1'), call('call-2')))).rejects.toThrow('could not allocate unique references in 5 attempts');
    expect(publisher.published).toEqual([]);

    store.reserve = reserve;
    const results = await push(batch(call('call-1'), call('call-2')));
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    expect(publisher.published.map((e) => e.complaint.source.messageId).sort()).toEqual(['call-1', 'call-2']);
  });

  it('gives two concurrent pushes of one call one complaint under one reference, each acknowledged only once Kafka has it', async () => {
    const { store, publisher, push } = hotline();
    const answeredAfter: number[] = [];
    const pushed = () =>
      push(batch(call('call-1'))).then((results) => {
        answeredAfter.push(publisher.published.length);
        return results;
      });

    const [[a], [b]] = await Promise.all([pushed(), pushed()]);

    expect([a.status, b.status]).toEqual(['accepted', 'accepted']);
    expect(answeredAfter.every((published) => published > 0)).toBe(true);

    expect('reference' in b && b.reference).toBe('reference' in a && a.reference);
    expect(store.records.size).toBe(1);
    expect(new Set(publisher.published.map((e) => e.eventId)).size).toBe(1);
  });
});
