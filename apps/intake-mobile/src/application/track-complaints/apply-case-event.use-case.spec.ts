import { caseEvent } from '../in-memory/case-events';
import { mobileIntake } from '../in-memory/mobile-intake';
import { ApplyCaseEventUseCase } from './apply-case-event.use-case';
import { ViewMyComplaintsUseCase } from './view-my-complaints.use-case';

describe('ApplyCaseEventUseCase', () => {
  it('answers what became of each event, in the order given, leaving other channels alone', async () => {
    const { view, file } = mobileIntake();
    const filed = await file('cust-1', 'k1');
    const web = { reference: 'C20261201-W00001', complaintId: '0b8a4cf4-43a5-5b5e-9d6c-000000000001', channel: 'web' as const };
    const unknown = { reference: 'C20261201-M00009', complaintId: '0b8a4cf4-43a5-5b5e-9d6c-000000000009' };
    const opened = caseEvent(filed, 'case.opened', 'RECEIVED', '2026-12-01T08:01:00.000Z');

    const results = await new ApplyCaseEventUseCase(view).execute([
      opened,
      caseEvent(web, 'case.opened', 'RECEIVED', '2026-12-01T08:02:00.000Z'),
      caseEvent(unknown, 'case.opened', 'RECEIVED', '2026-12-01T08:03:00.000Z'),
      opened,
      caseEvent(filed, 'case.assigned', 'ASSIGNED', '2026-12-01T08:04:00.000Z'),
    ]);

    expect(results).toEqual(['applied', 'other-channel', 'unknown-complaint', 'duplicate', 'applied']);
  });

  it('applies an event once however often Kafka delivers it', async () => {
    const { view, file } = mobileIntake();
    const filed = await file('cust-1', 'k1');
    const feedback = caseEvent(filed, 'case.feedback_sent', 'IN_PROGRESS', '2026-12-01T09:00:00.000Z', { customerVisible: true });
    const apply = new ApplyCaseEventUseCase(view);
    await apply.execute([feedback]);

    await expect(apply.execute([feedback])).resolves.toEqual(['duplicate']);
    const detail = await new ViewMyComplaintsUseCase(view).get('cust-1', filed.reference);
    expect(detail.timeline.filter((entry) => entry.event === 'case.feedback_sent')).toHaveLength(1);
  });

  it('keeps the status of the latest update by time, even when an older one arrives later', async () => {
    const { view, file } = mobileIntake();
    const filed = await file('cust-1', 'k1');
    const apply = new ApplyCaseEventUseCase(view);
    await apply.execute([caseEvent(filed, 'case.resolved', 'RESOLVED', '2026-12-02T09:00:00.000Z', { customerVisible: true })]);

    await apply.execute([caseEvent(filed, 'case.assigned', 'ASSIGNED', '2026-12-01T09:00:00.000Z')]);

    await expect(new ViewMyComplaintsUseCase(view).get('cust-1', filed.reference)).resolves.toMatchObject({ status: 'RESOLVED' });
  });

  it('needs no store for a batch without mobile events, and tells the caller when the store fails on one with them', async () => {
    const { view, file } = mobileIntake();
    const filed = await file('cust-1', 'k1');
    view.unavailable = true;
    const web = { reference: 'C20261201-W00001', complaintId: '0b8a4cf4-43a5-5b5e-9d6c-000000000001', channel: 'web' as const };
    const apply = new ApplyCaseEventUseCase(view);

    await expect(apply.execute([caseEvent(web, 'case.opened', 'RECEIVED', '2026-12-01T08:02:00.000Z')])).resolves.toEqual([
      'other-channel',
    ]);
    await expect(apply.execute([caseEvent(filed, 'case.opened', 'RECEIVED', '2026-12-01T08:02:00.000Z')])).rejects.toThrow(
      'does not answer',
    );
  });

  it('reads the channel of unchecked JSON without tripping over anything malformed', () => {
    expect(ApplyCaseEventUseCase.concerns({ case: { channel: 'mobile' } })).toBe(true);
    for (const junk of [null, 'mobile', {}, { case: null }, { case: { channel: 'web' } }])
      expect(ApplyCaseEventUseCase.concerns(junk)).toBe(false);
  });
});
