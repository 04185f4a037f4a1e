import { IdempotencyKeyReusedError, StoreUnavailableError } from '@complaints/intake';
import { mobileIntake, pngEvidence, submission } from '../in-memory/mobile-intake';

describe('SubmitComplaintUseCase (mobile)', () => {
  it("stores the customer's complaint with its evidence, publishes it, then answers its reference", async () => {
    const { submissions, complaints, submit } = mobileIntake();
    const evidence = pngEvidence();

    const result = await submit.execute({
      customerId: 'cust-1',
      idempotencyKey: 'key-1',
      submission: submission(),
      evidence: [evidence],
      correlationId: 'corr-1',
    });

    expect(result).toMatchObject({ replayed: false, attachments: [{ id: evidence.id, sha256: evidence.sha256 }] });
    expect(result.reference).toMatch(/^C20261201-M[0-9A-Z]{5}$/);
    expect(complaints.published).toHaveLength(1);
    expect(complaints.published[0].complaint).toMatchObject({
      complaintId: result.complaintId,
      reference: result.reference,
      channel: 'mobile',
      customer: { customerId: 'cust-1', verifiedIdentities: ['customerId'] },
      source: { messageId: 'key-1' },
    });
    expect(submissions.records.get(result.complaintId)!.status).toBe('accepted');
    expect(submissions.evidence.get(result.complaintId)).toEqual([evidence]);
  });

  it('answers a retry with the same key and body (a flaky network) with the same reference, publishing nothing more', async () => {
    const { complaints, submit } = mobileIntake();
    const evidence = [pngEvidence()];
    const command = { customerId: 'cust-1', idempotencyKey: 'key-1', submission: submission(), evidence, correlationId: 'c1' };
    const first = await submit.execute(command);

    await expect(submit.execute({ ...command, correlationId: 'c2' })).resolves.toEqual({ ...first, replayed: true });
    expect(complaints.published).toHaveLength(1);
  });

  it('refuses the same key with another body or other evidence', async () => {
    const { complaints, submit } = mobileIntake();
    const command = { customerId: 'cust-1', idempotencyKey: 'key-1', submission: submission(), evidence: [], correlationId: 'c1' };
    await submit.execute(command);

    await expect(submit.execute({ ...command, submission: submission('另一件事') })).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    await expect(submit.execute({ ...command, evidence: [pngEvidence()] })).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    expect(complaints.published).toHaveLength(1);
  });

  it('makes the same key of another customer another complaint', async () => {
    const { complaints, file } = mobileIntake();
    const mine = await file('cust-1', 'key-1');
    const theirs = await file('cust-2', 'key-1');

    expect(theirs.complaintId).not.toBe(mine.complaintId);
    expect(theirs.reference).not.toBe(mine.reference);
    expect(complaints.published).toHaveLength(2);
  });

  it('tells the app when Kafka does not acknowledge; the retry publishes the same event under the same reference', async () => {
    const { submissions, complaints, file } = mobileIntake();
    complaints.failing = new Error('broker unavailable');

    await expect(file('cust-1', 'key-1')).rejects.toThrow('broker unavailable');
    const [pending] = [...submissions.records.values()];
    expect(pending.status).toBe('pending');

    complaints.failing = null;
    const retry = await file('cust-1', 'key-1');

    expect(retry).toMatchObject({ reference: pending.reference, complaintId: pending.complaintId, replayed: true });
    expect(complaints.published.map((event) => event.eventId)).toEqual([pending.event.eventId]);
    expect(submissions.records.get(pending.complaintId)!.status).toBe('accepted');
  });

  it('fails with StoreUnavailableError and publishes nothing while the store does not answer', async () => {
    const { submissions, complaints, file } = mobileIntake();
    submissions.unavailable = true;

    await expect(file('cust-1', 'key-1')).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(complaints.published).toEqual([]);
  });

  it('gives two concurrent requests with one key one complaint', async () => {
    const { submissions, complaints, file } = mobileIntake();

    const [a, b] = await Promise.all([file('cust-1', 'key-1'), file('cust-1', 'key-1')]);

    expect(b.reference).toBe(a.reference);
    expect(submissions.records.size).toBe(1);
    expect(new Set(complaints.published.map((event) => event.eventId)).size).toBe(1);
  });

  it('draws another reference when the one drawn was issued already', async () => {
    const { submissions, file } = mobileIntake();
    const draws: string[] = [];
    const reserve = submissions.reserve.bind(submissions);
    submissions.reserve = (record, evidence) => {
      draws.push(record.reference);
      if (draws.length === 1) submissions.takenReferences.add(record.reference);
      return reserve(record, evidence);
    };

    const result = await file('cust-1', 'key-1');

    expect(draws).toHaveLength(2);
    expect(result.reference).toBe(draws[1]);
  });
});
