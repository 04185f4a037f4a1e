import { caseEvent } from '../in-memory/case-events';
import { webIntake } from '../in-memory/web-intake';
import { RecordCaseProgressUseCase } from './record-case-progress.use-case';

describe('RecordCaseProgressUseCase', () => {
  it("keeps the progress of web complaints' cases for the customer's look-up, and counts them", async () => {
    const { progress, lookUp, file } = webIntake();
    const filed = await file('4321');

    const applied = await new RecordCaseProgressUseCase(progress).execute([
      caseEvent(filed, 'case.assigned', 'ASSIGNED', '2026-12-01T08:05:00.000Z'),
      caseEvent(filed, 'case.feedback_sent', 'IN_PROGRESS', '2026-12-01T09:00:00.000Z', { customerVisible: true, message: '正在核实' }),
    ]);

    expect(applied).toBe(2);
    await expect(lookUp.execute(filed.reference, '4321')).resolves.toMatchObject({
      outcome: 'found',
      complaint: { status: 'IN_PROGRESS', updates: [{ kind: 'feedback_sent', message: '正在核实' }] },
    });
  });

  it('leaves the cases of other channels alone', async () => {
    const { progress } = webIntake();
    const hotline = { reference: 'C20261201-H00001', complaintId: '0b8a4cf4-43a5-5b5e-9d6c-000000000001', channel: 'hotline' as const };

    const applied = await new RecordCaseProgressUseCase(progress).execute([
      caseEvent(hotline, 'case.opened', 'RECEIVED', '2026-12-01T08:05:00.000Z', { customerVisible: true }),
    ]);

    expect(applied).toBe(0);
    await expect(progress.find(hotline.reference)).resolves.toBeNull();
  });

  it('changes nothing when a batch is delivered again', async () => {
    const { progress, lookUp, file } = webIntake();
    const filed = await file('4321');
    const batch = [
      caseEvent(filed, 'case.feedback_sent', 'IN_PROGRESS', '2026-12-01T09:00:00.000Z', { customerVisible: true }),
      caseEvent(filed, 'case.resolved', 'RESOLVED', '2026-12-01T10:00:00.000Z', { customerVisible: true }),
    ];
    const record = new RecordCaseProgressUseCase(progress);
    await record.execute(batch);
    const before = await lookUp.execute(filed.reference, '4321');

    await record.execute(batch);

    await expect(lookUp.execute(filed.reference, '4321')).resolves.toEqual(before);
  });

  it('needs no store for a batch without web events, so other channels flow while the store is down', async () => {
    const { progress } = webIntake();
    progress.unavailable = true;
    const mobile = { reference: 'C20261201-M00001', complaintId: '0b8a4cf4-43a5-5b5e-9d6c-000000000002', channel: 'mobile' as const };

    await expect(
      new RecordCaseProgressUseCase(progress).execute([caseEvent(mobile, 'case.opened', 'RECEIVED', '2026-12-01T08:05:00.000Z')]),
    ).resolves.toBe(0);
  });

  it('tells the caller when the store fails, so the batch is not committed', async () => {
    const { progress, file } = webIntake();
    const filed = await file('4321');
    progress.unavailable = true;

    await expect(
      new RecordCaseProgressUseCase(progress).execute([caseEvent(filed, 'case.opened', 'RECEIVED', '2026-12-01T08:05:00.000Z')]),
    ).rejects.toThrow('does not answer');
  });

  it('reads the channel of unchecked JSON without tripping over anything malformed', () => {
    expect(RecordCaseProgressUseCase.concerns({ case: { channel: 'web' } })).toBe(true);
    expect(RecordCaseProgressUseCase.concerns({ case: { channel: 'mobile' } })).toBe(false);
    for (const junk of [null, 'web', 42, {}, { case: null }, { case: 'web' }]) expect(RecordCaseProgressUseCase.concerns(junk)).toBe(false);
  });
});
