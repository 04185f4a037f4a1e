import { evidenceLinkKeys, verifyEvidenceLink } from '@complaints/security';
import { caseFixture } from '../../domain/testing/case.fixture';
import { caseDetailView } from './case.view';
import { EvidenceLinks } from './evidence-links';

describe('evidence links on the case page', () => {
  const keys = evidenceLinkKeys(new Map([['k1', ['evidence-link-test-secret']]]));
  const links = new EvidenceLinks(keys, new Map([['web', 'https://intake-web.example']]), 600);
  const now = new Date('2026-11-29T10:00:00.000Z');
  const attachment = (id: string) => ({ id, contentType: 'image/png', sizeBytes: 68, sha256: 'a'.repeat(64) });
  const withEvidence = (channel: 'web' | 'mobile' = 'web') => {
    const c = caseFixture();
    return {
      ...c,
      channel,
      content: {
        ...c.content,
        attachments: [attachment('8d2f0a8e-6c59-4a6b-9d6e-2f1a3b4c5d6e'), attachment('9e3f0a8e-6c59-4a6b-9d6e-2f1a3b4c5d6e')],
      },
    };
  };

  it("signs a link per attachment to its channel's intake, for the case's complaint, valid for the TTL", () => {
    const c = withEvidence();
    const issued = links.issue(c, now)!;
    expect(issued.expiresAt.toISOString()).toBe('2026-11-29T10:10:00.000Z');
    for (const a of c.content.attachments) {
      const url = new URL(issued.urls.get(a.id)!);
      expect(`${url.origin}${url.pathname}`).toBe(`https://intake-web.example/v1/evidence/${a.id}`);
      expect(url.searchParams.get('complaint')).toBe(c.complaintId);
      const query = Object.fromEntries(url.searchParams);
      expect(verifyEvidenceLink(keys, a.id, query, now.getTime() + 599_000)).toMatchObject({ ok: true });
      expect(verifyEvidenceLink(keys, a.id, query, now.getTime() + 600_000)).toMatchObject({ ok: false, field: 'expires' });
    }
  });

  it('gives no links for a channel without a base URL, or a case without evidence', () => {
    expect(links.issue(withEvidence('mobile'), now)).toBeNull();
    expect(links.issue(caseFixture(), now)).toBeNull();
  });

  it('the case view carries each link as the attachment downloadUrl, and leaves content alone otherwise', () => {
    const c = withEvidence();
    const issued = links.issue(c, now)!;
    const view = caseDetailView(c, [], now, [], issued.urls);
    expect(view.content.attachments).toEqual(c.content.attachments.map((a) => ({ ...a, downloadUrl: issued.urls.get(a.id) })));
    expect(caseDetailView(c, [], now).content.attachments).toEqual(c.content.attachments);
    expect(caseDetailView(caseFixture(), [], now).content).not.toHaveProperty('attachments');
  });
});
