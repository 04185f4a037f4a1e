import { caseEvent } from '../in-memory/case-events';
import { webIntake } from '../in-memory/web-intake';

describe('LookUpComplaintQuery', () => {
  it('shows a complaint no case event has reached yet as RECEIVED, without updates', async () => {
    const { lookUp, file } = webIntake();
    const filed = await file('4321');

    await expect(lookUp.execute(filed.reference, '4321')).resolves.toEqual({
      outcome: 'found',
      complaint: {
        reference: filed.reference,
        complaintId: filed.complaintId,
        receivedAt: filed.receivedAt,
        status: 'RECEIVED',
        updatedAt: filed.receivedAt,
        updates: [],
      },
    });
  });

  it("shows the case's status and the updates the customer was told about, oldest first, but no internal event", async () => {
    const { lookUp, progress, file } = webIntake();
    const filed = await file('4321');
    await progress.applyAll([
      caseEvent(filed, 'case.opened', 'RECEIVED', '2026-12-01T08:01:00.000Z'),
      caseEvent(filed, 'case.feedback_sent', 'IN_PROGRESS', '2026-12-01T09:00:00.000Z', { customerVisible: true, message: '已联系您' }),
      caseEvent(filed, 'case.note_added', 'IN_PROGRESS', '2026-12-01T09:30:00.000Z', { message: '内部备注' }),
      caseEvent(filed, 'case.resolved', 'RESOLVED', '2026-12-02T10:00:00.000Z', { customerVisible: true }),
    ]);

    const found = await lookUp.execute(filed.reference, '4321');

    expect(found).toMatchObject({ outcome: 'found', complaint: { status: 'RESOLVED', updatedAt: '2026-12-02T10:00:00.000Z' } });
    expect(found.outcome === 'found' && found.complaint.updates).toEqual([
      { at: '2026-12-01T09:00:00.000Z', kind: 'feedback_sent', message: '已联系您' },
      { at: '2026-12-02T10:00:00.000Z', kind: 'resolved' },
    ]);
  });

  it('answers wrong digits and an unknown reference alike: not found', async () => {
    const { lookUp, file } = webIntake();
    const filed = await file('4321');

    await expect(lookUp.execute(filed.reference, '1234')).resolves.toEqual({ outcome: 'not-found' });
    await expect(lookUp.execute('C20261201-WZZZZZ', '4321')).resolves.toEqual({ outcome: 'not-found' });
  });

  it('does not show a complaint whose publication Kafka never acknowledged', async () => {
    const { lookUp, submissions, file } = webIntake();
    const filed = await file('4321');
    submissions.records.set(filed.complaintId, { ...submissions.records.get(filed.complaintId)!, status: 'pending' });

    await expect(lookUp.execute(filed.reference, '4321')).resolves.toEqual({ outcome: 'not-found' });
  });

  it('locks a reference after too many wrong digits, the right digits too, until the lock is over', async () => {
    const { lookUp, file, clock } = webIntake({ maxWrongAttempts: 3, lockMs: 60_000 });
    const filed = await file('4321');
    for (const digits of ['0000', '1111', '2222'])
      await expect(lookUp.execute(filed.reference, digits)).resolves.toEqual({ outcome: 'not-found' });

    await expect(lookUp.execute(filed.reference, '4321')).resolves.toEqual({ outcome: 'locked', retryAfterMs: 60_000 });

    clock.now = new Date(clock.now.getTime() + 60_000);
    await expect(lookUp.execute(filed.reference, '4321')).resolves.toMatchObject({ outcome: 'found' });
  });

  it('forgives the wrong attempts once the right digits were given', async () => {
    const { lookUp, file } = webIntake({ maxWrongAttempts: 3, lockMs: 60_000 });
    const filed = await file('4321');
    await lookUp.execute(filed.reference, '0000');
    await lookUp.execute(filed.reference, '1111');
    await lookUp.execute(filed.reference, '4321');

    await lookUp.execute(filed.reference, '2222');
    await lookUp.execute(filed.reference, '3333');
    await expect(lookUp.execute(filed.reference, '4321')).resolves.toMatchObject({ outcome: 'found' });
  });

  it('counts attempts at references that name no complaint, so probing is locked out as well', async () => {
    const { lookUp } = webIntake({ maxWrongAttempts: 2, lockMs: 60_000 });
    await lookUp.execute('C20261201-WAAAAA', '0000');
    await lookUp.execute('C20261201-WAAAAA', '0000');

    await expect(lookUp.execute('C20261201-WAAAAA', '0000')).resolves.toEqual({ outcome: 'locked', retryAfterMs: 60_000 });
  });

  it("never shows another complaint's case through this reference", async () => {
    const { lookUp, progress, file } = webIntake();
    const mine = await file('4321');
    const other = await file('4321');
    await progress.applyAll([caseEvent(other, 'case.closed', 'CLOSED', '2026-12-01T09:00:00.000Z', { customerVisible: true })]);

    await expect(lookUp.execute(mine.reference, '4321')).resolves.toMatchObject({
      outcome: 'found',
      complaint: { status: 'RECEIVED', updates: [] },
    });
  });
});
