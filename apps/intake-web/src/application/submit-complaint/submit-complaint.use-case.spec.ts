import { randomBytes } from 'node:crypto';
import { checkEvidence } from '@complaints/contracts';
import { IdempotencyKeyReusedError, StoreUnavailableError } from '@complaints/intake';
import { PiiCipher } from '@complaints/security';
import { WebSubmission } from '../../domain/web-submission';
import { InMemoryReceivedComplaintPublisher } from '@complaints/intake/testing';
import { InMemorySubmissionStore } from '../in-memory/in-memory-submission.store';
import { SubmitComplaintUseCase } from './submit-complaint.use-case';

const receivedAt = new Date('2026-12-01T08:00:00.000Z');
const cipher = new PiiCipher({ k1: randomBytes(32) }, 'k1');

const submission = (text = '我的信用卡被重复扣款了两次'): WebSubmission => ({
  text,
  customer: { name: '王小明', phone: '138 0013 8000' },
  product: 'CREDIT_CARD',
  consent: true,
});

function intake() {
  const store = new InMemorySubmissionStore();
  const publisher = new InMemoryReceivedComplaintPublisher();
  const submit = new SubmitComplaintUseCase(store, publisher, cipher, () => receivedAt);
  return { store, publisher, submit };
}

describe('SubmitComplaintUseCase (web)', () => {
  it('stores the complaint, publishes it and only then answers its reference, with the phone sealed', async () => {
    const { store, publisher, submit } = intake();

    const result = await submit.execute({ submission: submission(), idempotencyKey: 'key-1', correlationId: 'corr-1' });

    expect(result).toMatchObject({ replayed: false, receivedAt: receivedAt.toISOString(), attachments: [] });
    expect(result.reference).toMatch(/^C20261201-W[0-9A-Z]{5}$/);
    expect(publisher.published).toHaveLength(1);
    const [event] = publisher.published;
    expect(event.complaint).toMatchObject({ reference: result.reference, complaintId: result.complaintId, channel: 'web' });
    expect(event.correlationId).toBe('corr-1');
    expect(JSON.stringify(event)).not.toContain('13800138000');
    expect(cipher.open(event.complaint.customer.contact.phone!)).toBe('+8613800138000');
    expect(store.records.get(result.complaintId)).toMatchObject({ status: 'accepted', reference: result.reference });
  });

  it('keeps the evidence files with the submission and publishes only their metadata', async () => {
    const { store, publisher, submit } = intake();
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(32, 1)]);
    const check = checkEvidence([{ data: png.toString('base64'), contentType: 'image/png', fileName: 'receipt.png' }], {
      maxCount: 3,
      maxBytes: 1_000,
    });
    if (!check.ok) throw new Error(JSON.stringify(check.errors));

    const result = await submit.execute({ submission: submission(), evidence: check.evidence, correlationId: 'corr-1' });

    expect(result.attachments).toEqual([
      { id: check.evidence[0].id, contentType: 'image/png', sizeBytes: png.length, sha256: check.evidence[0].sha256 },
    ]);
    expect(store.evidence.get(result.complaintId)!.map((file) => file.content)).toEqual([png]);
    expect(JSON.stringify(publisher.published[0])).not.toContain(png.toString('base64'));
  });

  it('answers a retry with the same Idempotency-Key and body with the same reference, publishing nothing more', async () => {
    const { publisher, submit } = intake();
    const first = await submit.execute({ submission: submission(), idempotencyKey: 'key-1', correlationId: 'corr-1' });

    const retry = await submit.execute({ submission: submission(), idempotencyKey: 'key-1', correlationId: 'corr-2' });

    expect(retry).toEqual({ ...first, replayed: true });
    expect(publisher.published).toHaveLength(1);
  });

  it('refuses the same Idempotency-Key with another body, and publishes nothing for it', async () => {
    const { publisher, submit } = intake();
    await submit.execute({ submission: submission(), idempotencyKey: 'key-1', correlationId: 'corr-1' });

    await expect(
      submit.execute({ submission: submission('另一件事：网点排队太久'), idempotencyKey: 'key-1', correlationId: 'corr-2' }),
    ).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    expect(publisher.published).toHaveLength(1);
  });

  it('makes every request without a key a new complaint, even with the same body', async () => {
    const { publisher, submit } = intake();
    const first = await submit.execute({ submission: submission(), correlationId: 'corr-1' });
    const second = await submit.execute({ submission: submission(), correlationId: 'corr-2' });

    expect(second.complaintId).not.toBe(first.complaintId);
    expect(second.reference).not.toBe(first.reference);
    expect(publisher.published.map((event) => event.complaint.complaintId)).toEqual([first.complaintId, second.complaintId]);
  });

  it('tells the caller when Kafka does not acknowledge, and a retry with the key publishes that same complaint', async () => {
    const { store, publisher, submit } = intake();
    publisher.failing = new Error('broker unavailable');

    await expect(submit.execute({ submission: submission(), idempotencyKey: 'key-1', correlationId: 'corr-1' })).rejects.toThrow(
      'broker unavailable',
    );
    const [pending] = [...store.records.values()];
    expect(pending.status).toBe('pending');
    expect(publisher.published).toEqual([]);

    publisher.failing = null;
    const retry = await submit.execute({ submission: submission(), idempotencyKey: 'key-1', correlationId: 'corr-2' });

    expect(retry).toMatchObject({ reference: pending.reference, complaintId: pending.complaintId, replayed: true });
    expect(publisher.published.map((event) => event.eventId)).toEqual([pending.event.eventId]);
    expect(store.records.get(pending.complaintId)!.status).toBe('accepted');
  });

  it('fails with StoreUnavailableError and publishes nothing while the store does not answer', async () => {
    const { store, publisher, submit } = intake();
    store.unavailable = true;

    await expect(submit.execute({ submission: submission(), idempotencyKey: 'key-1', correlationId: 'corr-1' })).rejects.toBeInstanceOf(
      StoreUnavailableError,
    );
    expect(publisher.published).toEqual([]);
  });

  it('draws another reference when the one drawn was issued already', async () => {
    const { store, submit } = intake();
    const draws: string[] = [];
    const reserve = store.reserve.bind(store);
    store.reserve = (record, evidence) => {
      draws.push(record.reference);
      if (draws.length === 1) store.takenReferences.add(record.reference);
      return reserve(record, evidence);
    };

    const result = await submit.execute({ submission: submission(), idempotencyKey: 'key-1', correlationId: 'corr-1' });

    expect(draws).toHaveLength(2);
    expect(result.reference).toBe(draws[1]);
    expect(result.reference).not.toBe(draws[0]);
  });

  it('gives two concurrent requests with one key one complaint and one reference', async () => {
    const { store, publisher, submit } = intake();

    const [a, b] = await Promise.all([
      submit.execute({ submission: submission(), idempotencyKey: 'key-1', correlationId: 'corr-a' }),
      submit.execute({ submission: submission(), idempotencyKey: 'key-1', correlationId: 'corr-b' }),
    ]);

    expect(b.reference).toBe(a.reference);
    expect(b.complaintId).toBe(a.complaintId);
    expect(store.records.size).toBe(1);
    expect(new Set(publisher.published.map((event) => event.eventId)).size).toBe(1);
  });
});
