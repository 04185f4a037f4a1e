import { createHmac } from 'node:crypto';
import { EvidenceGrant, evidenceLinkKeys, evidenceLinkQuery, signEvidenceLink, verifyEvidenceLink } from './evidence-link';

describe('pre-signed evidence links', () => {
  const now = 1_764_400_000_000;
  const grant: EvidenceGrant = {
    attachmentId: '0b9c5a52-6d0e-4c4f-9a49-3f1d2b7e8a10',
    complaintId: '5f0e8d7c-1b2a-4c3d-8e9f-0a1b2c3d4e5f',
    expires: now / 1000 + 600,
  };
  const keys = evidenceLinkKeys(
    new Map([
      ['k2', ['new-evidence-secret-0123']],
      ['k1', ['old-evidence-secret-0123']],
    ]),
  );
  const query = (g: EvidenceGrant = grant, k = keys) => ({
    complaint: g.complaintId,
    expires: String(g.expires),
    sig: signEvidenceLink(k, g),
  });

  it('accepts a link it signed, for exactly what it grants', () => {
    expect(verifyEvidenceLink(keys, grant.attachmentId, query(), now)).toEqual({ ok: true, grant });
  });

  it('signs with the first key: HMAC-SHA256 over the attachment, complaint and expiry, base64url', () => {
    const expected = createHmac('sha256', 'new-evidence-secret-0123')
      .update(JSON.stringify(['evidence-link.v1', grant.attachmentId, grant.complaintId, grant.expires]))
      .digest('base64url');
    expect(signEvidenceLink(keys, grant)).toBe(`k2.${expected}`);
    expect(new URLSearchParams(evidenceLinkQuery(keys, grant)).get('sig')).toBe(`k2.${expected}`);
  });

  it('refuses an expired link naming expires, up to the second it expires', () => {
    expect(verifyEvidenceLink(keys, grant.attachmentId, query(), grant.expires * 1000 - 1).ok).toBe(true);
    expect(verifyEvidenceLink(keys, grant.attachmentId, query(), grant.expires * 1000)).toMatchObject({
      ok: false,
      field: 'expires',
      expired: true,
    });
  });

  it('refuses a link for another attachment, another complaint or a later expiry, naming sig', () => {
    const signed = query();
    expect(verifyEvidenceLink(keys, 'f0e8d7c1-1b2a-4c3d-8e9f-0a1b2c3d4e5f', signed, now)).toMatchObject({
      ok: false,
      field: 'sig',
      expired: false,
    });
    expect(
      verifyEvidenceLink(keys, grant.attachmentId, { ...signed, complaint: '6f0e8d7c-1b2a-4c3d-8e9f-0a1b2c3d4e5f' }, now),
    ).toMatchObject({ ok: false, field: 'sig' });
    expect(verifyEvidenceLink(keys, grant.attachmentId, { ...signed, expires: String(grant.expires + 3600) }, now)).toMatchObject({
      ok: false,
      field: 'sig',
    });
    const flipped = signed.sig.slice(0, -2) + (signed.sig.endsWith('AA') ? 'AB' : 'AA');
    expect(verifyEvidenceLink(keys, grant.attachmentId, { ...signed, sig: flipped }, now)).toMatchObject({ ok: false, field: 'sig' });
  });

  it('refuses a link signed with a key it does not hold, even under a known key id', () => {
    const stranger = evidenceLinkKeys(new Map([['k2', ['someone-elses-secret-99']]]));
    expect(verifyEvidenceLink(keys, grant.attachmentId, query(grant, stranger), now)).toMatchObject({ ok: false, field: 'sig' });
    const unknownId = evidenceLinkKeys(new Map([['k9', ['new-evidence-secret-0123']]]));
    expect(verifyEvidenceLink(keys, grant.attachmentId, query(grant, unknownId), now)).toMatchObject({ ok: false, field: 'sig' });
  });

  it('keeps accepting links of a rotated-out signing key while it is listed, and not after', () => {
    const before = evidenceLinkKeys(new Map([['k1', ['old-evidence-secret-0123']]]));
    const oldLink = query(grant, before);
    expect(verifyEvidenceLink(keys, grant.attachmentId, oldLink, now).ok).toBe(true);
    const after = evidenceLinkKeys(new Map([['k2', ['new-evidence-secret-0123']]]));
    expect(verifyEvidenceLink(after, grant.attachmentId, oldLink, now)).toMatchObject({ ok: false, field: 'sig' });
  });

  it.each([
    ['no complaint', { complaint: undefined }, 'complaint'],
    ['a complaint that is no id', { complaint: "1' OR '1'='1" }, 'complaint'],
    ['no expiry', { expires: '' }, 'expires'],
    ['an expiry that is no number', { expires: 'tomorrow' }, 'expires'],
    ['no signature', { sig: undefined }, 'sig'],
    ['a signature without key id', { sig: 'A'.repeat(43) }, 'sig'],
  ])('refuses a link with %s, naming the parameter', (_, change, field) => {
    expect(verifyEvidenceLink(keys, grant.attachmentId, { ...query(), ...change }, now)).toMatchObject({
      ok: false,
      field,
      expired: false,
    });
  });

  it('never puts a secret in a refusal', () => {
    const result = verifyEvidenceLink(keys, grant.attachmentId, { ...query(), complaint: grant.attachmentId }, now);
    expect(JSON.stringify(result)).not.toMatch(/evidence-secret/);
  });

  it.each([
    ['no key', new Map(), /at least one/],
    ['a short secret', new Map([['k1', ['short']]]), /shorter than 16/],
    ['a key id listed twice', new Map([['k1', ['0123456789abcdef', 'fedcba9876543210']]]), /listed 2 times/],
    ['a key id with odd characters', new Map([['k.1', ['0123456789abcdef']]]), /key id/],
  ])('refuses a setting with %s', (_, pairs, message) => {
    expect(() => evidenceLinkKeys(pairs)).toThrow(message);
  });
});
