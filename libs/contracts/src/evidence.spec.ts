import { createHash } from 'node:crypto';
import { EXE, HTML, JPEG, PDF, PNG } from '../../../test/support/evidence-samples';
import { checkEvidence } from './evidence';

const limits = { maxCount: 3, maxBytes: 1_024 };
const ids = () => {
  let n = 0;
  return () => `id-${++n}`;
};
const b64 = (bytes: Buffer) => bytes.toString('base64');

describe('checkEvidence', () => {
  it('keeps the sniffed type, size and SHA-256 of each file', () => {
    const check = checkEvidence([{ data: b64(PNG), contentType: 'image/png', fileName: ' shot.png ' }, { data: b64(PDF) }], limits, ids());
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.evidence.map(({ content, ...meta }) => meta)).toEqual([
      {
        id: 'id-1',
        contentType: 'image/png',
        sizeBytes: PNG.length,
        sha256: createHash('sha256').update(PNG).digest('hex'),
        fileName: 'shot.png',
      },
      {
        id: 'id-2',
        contentType: 'application/pdf',
        sizeBytes: PDF.length,
        sha256: createHash('sha256').update(PDF).digest('hex'),
        fileName: null,
      },
    ]);
    expect(check.evidence[0].content.equals(PNG)).toBe(true);
  });

  it('takes the content type from the bytes, whatever the file name says', () => {
    const check = checkEvidence([{ data: b64(JPEG), fileName: 'looks-like.pdf' }], limits, ids());
    expect(check.ok && check.evidence[0].contentType).toBe('image/jpeg');
  });

  it('refuses an executable or a web page declared as an image, naming the attachment', () => {
    const check = checkEvidence(
      [
        { data: b64(PNG) },
        { data: b64(EXE), contentType: 'image/png', fileName: 'receipt.png' },
        { data: b64(HTML), contentType: 'image/png' },
      ],
      limits,
      ids(),
    );
    expect(check).toEqual({
      ok: false,
      tooLarge: false,
      errors: [
        { field: 'attachments[1].data', message: expect.stringContaining('JPEG, PNG') },
        { field: 'attachments[2].data', message: expect.stringContaining('JPEG, PNG') },
      ],
    });
  });

  it('refuses a declared type that contradicts the content', () => {
    const check = checkEvidence([{ data: b64(JPEG), contentType: 'image/png' }], limits, ids());
    expect(check).toEqual({
      ok: false,
      tooLarge: false,
      errors: [{ field: 'attachments[0].contentType', message: 'is image/png but the content is image/jpeg' }],
    });
  });

  it('refuses a file over the size limit, and too many files, as too large', () => {
    const big = Buffer.concat([PNG, Buffer.alloc(1_024)]);
    expect(checkEvidence([{ data: b64(big) }], limits, ids())).toEqual({
      ok: false,
      tooLarge: true,
      errors: [{ field: 'attachments[0].data', message: 'must be at most 1024 bytes' }],
    });
    expect(
      checkEvidence(
        [PNG, PNG, PNG, PNG].map((p) => ({ data: b64(p) })),
        limits,
        ids(),
      ),
    ).toEqual({
      ok: false,
      tooLarge: true,
      errors: [{ field: 'attachments', message: 'at most 3 attachments are accepted; 4 were sent' }],
    });
  });

  it('accepts a file of exactly the limit', () => {
    const exact = Buffer.concat([PNG, Buffer.alloc(1_024 - PNG.length)]);
    expect(checkEvidence([{ data: b64(exact) }], limits, ids()).ok).toBe(true);
  });

  it('refuses data that is not strict base64', () => {
    for (const data of ['not base64!', 'iVBORw0', '']) {
      const check = checkEvidence([{ data }], limits, ids());
      expect(check).toEqual({
        ok: false,
        tooLarge: false,
        errors: [{ field: 'attachments[0].data', message: 'must be the file content in standard base64' }],
      });
    }
  });
});
