import { FixedClock } from '../in-memory/fixed-clock';
import { receivedComplaint } from '../in-memory/events';
import { InMemoryComplaintTermStore } from '../in-memory/in-memory-complaint-term.store';
import { RecordComplaintTermsUseCase } from './record-complaint-terms.use-case';

describe('RecordComplaintTermsUseCase', () => {
  it("keeps each complaint's terms, from its subject and text, once", async () => {
    const clock = new FixedClock(new Date('2026-11-29T02:00:05.000Z'));
    const store = new InMemoryComplaintTermStore(() => clock.now());
    const record = new RecordComplaintTermsUseCase(store);
    const complaint = receivedComplaint('鑫盛宝理财产品到期不兑付', {}).complaint;
    complaint.content.subject = '鑫盛宝';

    expect(await record.execute([complaint, complaint])).toBe(1);
    expect(await record.execute([complaint])).toBe(0);

    const [kept] = await store.receivedSince(new Date(0), null, 10);
    expect(kept).toMatchObject({
      complaintId: complaint.complaintId,
      reference: complaint.reference,
      receivedAt: new Date(complaint.receivedAt),
    });
    expect(kept.terms).toContain('鑫盛宝');
    // Terms only: the text itself is not kept.
    expect(JSON.stringify(kept)).not.toContain(complaint.content.text);
  });
});
