import { caseEvent } from '../in-memory/case-events';
import { mobileIntake, pngEvidence } from '../in-memory/mobile-intake';
import { caseUpdateOf } from '../../domain/customer-timeline';
import { ComplaintNotFoundError, MAX_LISTED_COMPLAINTS, ViewMyComplaintsUseCase } from './view-my-complaints.use-case';

describe('ViewMyComplaintsUseCase', () => {
  it("lists the customer's own complaints, newest first, never another customer's", async () => {
    const { view, file, clock } = mobileIntake();
    const older = await file('cust-1', 'k1');
    clock.now = new Date('2026-12-02T08:00:00.000Z');
    const newer = await file('cust-1', 'k2');
    await file('cust-2', 'k1');

    const listed = await new ViewMyComplaintsUseCase(view).list('cust-1');

    expect(listed.map((c) => c.reference)).toEqual([newer.reference, older.reference]);
    expect(listed[0]).toMatchObject({ status: 'RECEIVED', product: 'CREDIT_CARD' });
  });

  it(`lists at most ${MAX_LISTED_COMPLAINTS} complaints`, async () => {
    const { view, file, clock } = mobileIntake();
    for (let i = 0; i < MAX_LISTED_COMPLAINTS + 1; i++) {
      clock.now = new Date(Date.UTC(2026, 11, 1, 0, i));
      await file('cust-1', `k${i}`);
    }

    await expect(new ViewMyComplaintsUseCase(view).list('cust-1')).resolves.toHaveLength(MAX_LISTED_COMPLAINTS);
  });

  it('shows a complaint with its status and the customer-visible timeline', async () => {
    const { view, file } = mobileIntake();
    const filed = await file('cust-1', 'k1');
    await view.applyAll(
      [
        caseEvent(filed, 'case.note_added', 'IN_PROGRESS', '2026-12-01T09:00:00.000Z', { message: '内部备注' }),
        caseEvent(filed, 'case.feedback_sent', 'IN_PROGRESS', '2026-12-01T10:00:00.000Z', { customerVisible: true, message: '已核实' }),
      ].map(caseUpdateOf),
    );

    const detail = await new ViewMyComplaintsUseCase(view).get('cust-1', filed.reference);

    expect(detail).toMatchObject({ reference: filed.reference, status: 'IN_PROGRESS', text: '信用卡年费被重复收取' });
    expect(detail.timeline.map((t) => [t.event, t.message])).toEqual([
      ['complaint.received', null],
      ['case.feedback_sent', '已核实'],
    ]);
  });

  it("answers another customer's reference as not found", async () => {
    const { view, file } = mobileIntake();
    const theirs = await file('cust-2', 'k1');

    await expect(new ViewMyComplaintsUseCase(view).get('cust-1', theirs.reference)).rejects.toBeInstanceOf(ComplaintNotFoundError);
  });

  it("hands out an evidence file of the customer's own complaint only", async () => {
    const { view, file } = mobileIntake();
    const evidence = pngEvidence();
    const filed = await file('cust-1', 'k1', [evidence]);
    const viewing = new ViewMyComplaintsUseCase(view);

    await expect(viewing.attachment('cust-1', filed.reference, evidence.id)).resolves.toMatchObject({ content: evidence.content });
    await expect(viewing.attachment('cust-2', filed.reference, evidence.id)).rejects.toBeInstanceOf(ComplaintNotFoundError);
    await expect(viewing.attachment('cust-1', filed.reference, 'another-id')).rejects.toBeInstanceOf(ComplaintNotFoundError);
  });
});
