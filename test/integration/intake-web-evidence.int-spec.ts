import { createHash, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ComplaintReceivedV1, Topics } from '@complaints/contracts';
import { IntakeWebConfig } from '../../apps/intake-web/src/intake-web.config';
import { INTAKE_WEB_BODY_LIMIT_BYTES, IntakeWebModule } from '../../apps/intake-web/src/intake-web.module';
import { testConfig } from '../support/configs';
import { EXE, HTML, JPEG, PDF, PNG } from '../support/evidence-samples';
import { uniquePhone } from '../support/phones';
import { eventually, RunningApp, startApp } from '../support/running-app';
import { TopicReader } from '../support/topic-reader';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const b64 = (bytes: Buffer) => bytes.toString('base64');

/** Evidence on the web API: base64 files in the JSON body, judged by their bytes, kept by intake-web, metadata only on Kafka. */
describe('intake-web: evidence attached to a web complaint', () => {
  let intake: RunningApp;
  let db: Client;
  let received: TopicReader<ComplaintReceivedV1>;

  beforeAll(async () => {
    [intake, received] = await Promise.all([
      startApp(IntakeWebModule.register(testConfig(IntakeWebConfig, { INTAKE_RATE_LIMIT_PER_MIN: '0' })), {
        bodyLimitBytes: INTAKE_WEB_BODY_LIMIT_BYTES,
      }),
      TopicReader.open<ComplaintReceivedV1>(Topics.complaintReceivedV1),
    ]);
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await Promise.all([intake?.close(), received?.close(), db?.end()]);
  });

  function complaint(attachments: unknown[], text = `转账失败但扣了款，附截图 ${randomUUID()}`) {
    return { text, customer: { name: '赵六', phone: uniquePhone().number }, consent: true, attachments };
  }

  async function post(body: unknown, key?: string) {
    const res = await fetch(`${intake.url}/v1/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
      body: JSON.stringify(body),
    });
    return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as Record<string, any> };
  }

  it('accepts images and PDFs, typed by their bytes, stores them and publishes only their metadata', async () => {
    const body = complaint([
      { data: b64(PNG), fileName: 'screenshot.png' },
      { data: b64(PDF), contentType: 'application/pdf', fileName: 'statement.pdf' },
      { data: b64(JPEG), fileName: 'named-wrongly.pdf' },
    ]);
    const res = await post(body);
    expect(res.status).toBe(202);
    expect(res.body.attachments).toEqual([
      { id: expect.any(String), contentType: 'image/png', sizeBytes: PNG.length, sha256: sha256(PNG) },
      { id: expect.any(String), contentType: 'application/pdf', sizeBytes: PDF.length, sha256: sha256(PDF) },
      { id: expect.any(String), contentType: 'image/jpeg', sizeBytes: JPEG.length, sha256: sha256(JPEG) },
    ]);

    const rows = await db.query<{ id: string; content_type: string; file_name: string; content: Buffer; sha256: string }>(
      'SELECT id, content_type, file_name, content, sha256 FROM intake_web.attachments WHERE complaint_id = $1 ORDER BY position',
      [res.body.complaintId],
    );
    expect(rows.rows.map((r) => [r.id, r.content_type, r.file_name, r.sha256])).toEqual(
      res.body.attachments.map((a: { id: string; contentType: string; sha256: string }, i: number) => [
        a.id,
        a.contentType,
        ['screenshot.png', 'statement.pdf', 'named-wrongly.pdf'][i],
        a.sha256,
      ]),
    );
    expect(rows.rows[0].content.equals(PNG)).toBe(true);

    const event = await eventually(async () => received.values((e) => e.complaint.reference === res.body.reference)[0]);
    expect(event.complaint.content.attachments).toEqual(res.body.attachments);
    const raw = JSON.stringify(event);
    expect(raw).not.toContain(b64(PNG));
    expect(raw).not.toContain('screenshot.png');
  });

  it('refuses an executable or a web page sent as an image: 400 naming the attachment, nothing stored', async () => {
    const text = `伪装的文件 ${randomUUID()}`;
    const res = await post(
      complaint(
        [
          { data: b64(PNG) },
          { data: b64(EXE), contentType: 'image/png', fileName: 'receipt.png' },
          { data: b64(HTML), fileName: 'photo.jpg' },
        ],
        text,
      ),
    );
    expect(res.status).toBe(400);
    expect(res.type).toContain('application/problem+json');
    expect(res.body.errors).toEqual([
      {
        field: 'attachments[1].data',
        message: 'must be a JPEG, PNG, GIF, WebP or HEIC image or a PDF document (judged by the content, not the name)',
      },
      {
        field: 'attachments[2].data',
        message: 'must be a JPEG, PNG, GIF, WebP or HEIC image or a PDF document (judged by the content, not the name)',
      },
    ]);
    const stored = await db.query("SELECT 1 FROM intake_web.submissions WHERE event->'complaint'->'content'->>'text' = $1", [text]);
    expect(stored.rowCount).toBe(0);
  });

  it('refuses a declared type that contradicts the content, and data that is not base64', async () => {
    expect((await post(complaint([{ data: b64(JPEG), contentType: 'image/png' }]))).body.errors).toEqual([
      { field: 'attachments[0].contentType', message: 'is image/png but the content is image/jpeg' },
    ]);
    const notBase64 = await post(complaint([{ data: 'not base64!' }]));
    expect(notBase64.status).toBe(400);
    expect(notBase64.body.errors).toEqual([{ field: 'attachments[0].data', message: 'must be the file content in standard base64' }]);
  });

  it('413 naming the field for too many files or a file over 5 MiB', async () => {
    const many = await post(complaint([PNG, PNG, PNG, PNG].map((p) => ({ data: b64(p) }))));
    expect(many.status).toBe(413);
    expect(many.type).toContain('application/problem+json');
    expect(many.body.errors).toEqual([{ field: 'attachments', message: 'at most 3 attachments are accepted; 4 were sent' }]);

    const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]);
    const tooBig = await post(complaint([{ data: b64(PNG) }, { data: b64(big) }]));
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.errors).toEqual([{ field: 'attachments[1].data', message: `must be at most ${5 * 1024 * 1024} bytes` }]);
  });

  it('accepts three files of exactly 5 MiB (the body limit leaves room for them)', async () => {
    const exact = Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024 - PDF.length)]);
    const res = await post(complaint([exact, exact, exact].map((f) => ({ data: b64(f) }))));
    expect(res.status).toBe(202);
    expect(res.body.attachments.map((a: { sizeBytes: number }) => a.sizeBytes)).toEqual([exact.length, exact.length, exact.length]);
  });

  it('a retry with the same Idempotency-Key and files answers the same reference and stores the files once; other files are refused', async () => {
    const key = randomUUID();
    const body = complaint([{ data: b64(PNG), fileName: 'a.png' }]);
    const first = await post(body, key);
    const again = await post(body, key);
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(again.body.reference).toBe(first.body.reference);
    expect(again.body.attachments).toEqual(first.body.attachments);
    const rows = await db.query('SELECT 1 FROM intake_web.attachments WHERE complaint_id = $1', [first.body.complaintId]);
    expect(rows.rowCount).toBe(1);

    const changed = await post({ ...body, attachments: [{ data: b64(PDF), fileName: 'a.png' }] }, key);
    expect(changed.status).toBe(422);
    expect(changed.body.errors.map((e: { field: string }) => e.field)).toEqual(['Idempotency-Key']);
  });
});
