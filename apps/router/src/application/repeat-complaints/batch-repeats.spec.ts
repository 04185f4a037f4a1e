import { linkWithinBatch } from './batch-repeats';
import { MatterRecord } from './matter.store';

const matter = (id: string, overrides: Partial<MatterRecord> = {}): MatterRecord => ({
  complaintId: id,
  reference: `REF-${id}`,
  product: 'CREDIT_CARD',
  reason: 'FEES',
  receivedAt: '2026-11-29T10:00:00.000Z',
  fingerprints: ['phone-1'],
  verifiedFingerprints: ['phone-1'],
  customerFingerprint: null,
  linkedTo: null,
  ...overrides,
});

describe('linkWithinBatch', () => {
  it("links a complaint to the same customer's earlier one in the same batch, the first to nothing", () => {
    const links = linkWithinBatch(
      [matter('a'), matter('b', { fingerprints: ['openid-9', 'phone-1'], verifiedFingerprints: ['phone-1'] })],
      [null, null],
      30,
      'merge',
    );
    expect(links.map((l) => l?.complaintId ?? null)).toEqual([null, 'a']);
  });

  it('keeps other matters, other customers, other customer ids and complaints outside the window apart', () => {
    const links = linkWithinBatch(
      [
        matter('a', { customerFingerprint: 'cust-1' }),
        matter('b', { reason: 'PROCESS' }),
        matter('c', { fingerprints: ['phone-2'], verifiedFingerprints: ['phone-2'] }),
        matter('d', { customerFingerprint: 'cust-2' }),
        matter('e', { receivedAt: '2027-02-01T10:00:00.000Z' }),
        null,
      ],
      [null, null, null, null, null, null],
      30,
      'merge',
    );
    expect(links).toEqual([null, null, null, null, null, null]);
  });

  it('prefers the earliest received, whether found in the store or earlier in the batch', () => {
    const stored = { complaintId: 'old', reference: 'REF-old', receivedAt: '2026-11-20T10:00:00.000Z' };
    const later = { complaintId: 'later', reference: 'REF-later', receivedAt: '2026-11-30T10:00:00.000Z' };
    expect(linkWithinBatch([matter('a'), matter('b')], [stored, stored], 30, 'merge').map((l) => l?.complaintId)).toEqual(['old', 'old']);
    expect(linkWithinBatch([matter('a'), matter('b')], [later, later], 30, 'merge').map((l) => l?.complaintId)).toEqual(['later', 'a']);
  });

  it('merges only on an identity both complaints verified; any shared identity is merely related', () => {
    const typed = matter('b', { verifiedFingerprints: [] });
    expect(linkWithinBatch([matter('a'), typed], [null, null], 30, 'merge').map((l) => l?.complaintId ?? null)).toEqual([null, null]);
    expect(linkWithinBatch([matter('a'), typed], [null, null], 30, 'related').map((l) => l?.complaintId ?? null)).toEqual([null, 'a']);
    const verifiedLater = matter('c');
    expect(linkWithinBatch([typed, verifiedLater], [null, null], 30, 'merge').map((l) => l?.complaintId ?? null)).toEqual([null, null]);
  });
});
