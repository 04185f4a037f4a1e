import { createHash, randomUUID } from 'node:crypto';
import { DEV_DEFAULTS } from '@complaints/config';
import { EvidenceGrant, evidenceLinkQuery, evidenceLinkSettings } from '@complaints/security';
import { JPEG, PDF, PNG } from './evidence-samples';

/** The keys the services sign evidence links with in tests (the development default of EVIDENCE_LINK_SECRET). */
export const TEST_EVIDENCE_KEYS = evidenceLinkSettings(DEV_DEFAULTS.EVIDENCE_LINK_SECRET).keys;

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A link as the cases service would sign it, valid for `ttlSec` from now (negative: already expired). */
export function evidenceLink(baseUrl: string, attachmentId: string, complaintId: string, ttlSec = 600): string {
  const grant: EvidenceGrant = { attachmentId, complaintId, expires: Math.floor(Date.now() / 1000) + ttlSec };
  return `${baseUrl}/v1/evidence/${attachmentId}?${evidenceLinkQuery(TEST_EVIDENCE_KEYS, grant)}`;
}

export interface Download {
  status: number;
  headers: Headers;
  bytes: Buffer;
  /** The problem document of a refusal. */
  problem: { type?: string; status?: number; errors?: { field: string; message: string }[] };
}

export async function download(url: string): Promise<Download> {
  const res = await fetch(url);
  const bytes = Buffer.from(await res.arrayBuffer());
  const json = res.headers.get('content-type')?.includes('json');
  return {
    status: res.status,
    headers: res.headers,
    bytes,
    problem: json ? (JSON.parse(bytes.toString('utf8')) as Download['problem']) : {},
  };
}

/** A complaint filed with evidence, as the intake answered it. */
export interface FiledWithEvidence {
  complaintId: string;
  attachments: { id: string; contentType: string; sizeBytes: number; sha256: string }[];
}

export interface EvidenceIntake {
  url: string;
  /** Files a complaint with these attachments (base64 `data`, optional `fileName`) through the intake's own API. */
  file(attachments: { data: string; fileName?: string }[]): Promise<FiledWithEvidence>;
}

/**
 * The signed download route as every intake that keeps evidence serves it (`GET /v1/evidence/{id}`),
 * checked against a running intake: exact bytes, download headers, and each refusal.
 */
export function itServesEvidenceThroughSignedLinks(intake: () => EvidenceIntake): void {
  let filed: FiledWithEvidence;
  let other: FiledWithEvidence;
  const b64 = (bytes: Buffer) => bytes.toString('base64');

  beforeAll(async () => {
    filed = await intake().file([
      { data: b64(PNG), fileName: '../../证据 "截图".html' },
      { data: b64(PDF), fileName: 'statement.pdf' },
    ]);
    other = await intake().file([{ data: b64(JPEG) }]);
  });

  it('a valid link returns the exact stored bytes with their type, always as a download that is never rendered', async () => {
    for (const [index, attachment] of filed.attachments.entries()) {
      const res = await download(evidenceLink(intake().url, attachment.id, filed.complaintId));
      expect(res.status).toBe(200);
      expect(sha256(res.bytes)).toBe(attachment.sha256);
      expect(res.bytes.length).toBe(attachment.sizeBytes);
      expect(res.headers.get('content-type')).toBe(attachment.contentType);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
      expect(res.headers.get('content-disposition')).toBe(
        index === 0
          ? `attachment; filename="?? ??.html.png"; filename*=UTF-8''%E8%AF%81%E6%8D%AE%20%E6%88%AA%E5%9B%BE.html.png`
          : 'attachment; filename="statement.pdf"',
      );
    }
    const unnamed = await download(evidenceLink(intake().url, other.attachments[0].id, other.complaintId));
    expect(unnamed.headers.get('content-disposition')).toBe(`attachment; filename="evidence-${other.attachments[0].id.slice(0, 8)}.jpg"`);
  });

  it('an expired link is a 403 problem naming expires', async () => {
    const res = await download(evidenceLink(intake().url, filed.attachments[0].id, filed.complaintId, -1));
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.problem).toMatchObject({
      type: expect.stringMatching(/evidence-link-expired$/),
      errors: [{ field: 'expires', message: expect.any(String) }],
    });
  });

  it('a tampered link (another attachment, a later expiry, another key) is a 403 problem naming sig', async () => {
    const valid = new URL(evidenceLink(intake().url, filed.attachments[0].id, filed.complaintId));
    const otherFile = new URL(valid);
    otherFile.pathname = `/v1/evidence/${filed.attachments[1].id}`;
    const later = new URL(valid);
    later.searchParams.set('expires', String(Number(valid.searchParams.get('expires')) + 86_400));
    const forged = new URL(valid);
    forged.searchParams.set('sig', `dev1.${createHash('sha256').update(randomUUID()).digest('base64url')}`);
    for (const url of [otherFile, later, forged]) {
      const res = await download(url.toString());
      expect(res.status).toBe(403);
      expect(res.problem).toMatchObject({ type: expect.stringMatching(/evidence-link-invalid$/), errors: [{ field: 'sig' }] });
      expect(res.bytes.includes(PDF)).toBe(false);
    }
    const unsigned = await download(
      `${intake().url}/v1/evidence/${filed.attachments[0].id}?complaint=${filed.complaintId}&expires=9999999999`,
    );
    expect(unsigned.status).toBe(403);
    expect(unsigned.problem.errors).toEqual([{ field: 'sig', message: expect.any(String) }]);
  });

  it("another complaint's attachment is not served under this complaint's link, even signed: 404", async () => {
    const res = await download(evidenceLink(intake().url, other.attachments[0].id, filed.complaintId));
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.bytes.includes(JPEG)).toBe(false);
  });

  it('an unknown attachment is 404, whatever its id looks like', async () => {
    expect((await download(evidenceLink(intake().url, randomUUID(), filed.complaintId))).status).toBe(404);
    expect((await download(evidenceLink(intake().url, 'not-a-uuid', filed.complaintId))).status).toBe(404);
  });

  it('is documented in OpenAPI', async () => {
    const spec = (await (await fetch(`${intake().url}/openapi.json`)).json()) as {
      paths: Record<string, { get?: { parameters?: { name: string }[] } }>;
    };
    const route = spec.paths['/v1/evidence/{attachmentId}']?.get;
    expect(route?.parameters?.map((p) => p.name).sort()).toEqual(['attachmentId', 'complaint', 'expires', 'sig']);
  });
}
