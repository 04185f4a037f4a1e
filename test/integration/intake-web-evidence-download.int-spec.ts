import { IntakeWebConfig } from '../../apps/intake-web/src/intake-web.config';
import { INTAKE_WEB_BODY_LIMIT_BYTES, IntakeWebModule } from '../../apps/intake-web/src/intake-web.module';
import { testConfig } from '../support/configs';
import { download, evidenceLink, FiledWithEvidence, itServesEvidenceThroughSignedLinks } from '../support/evidence-links';
import { PNG } from '../support/evidence-samples';
import { uniquePhone } from '../support/phones';
import { RunningApp, startApp } from '../support/running-app';

const RATE_LIMIT = 30;

/** intake-web serves the evidence it keeps to holders of a link the cases service signed. */
describe('intake-web: evidence downloads through signed links', () => {
  let intake: RunningApp;

  beforeAll(async () => {
    intake = await startApp(IntakeWebModule.register(testConfig(IntakeWebConfig, { INTAKE_RATE_LIMIT_PER_MIN: String(RATE_LIMIT) })), {
      bodyLimitBytes: INTAKE_WEB_BODY_LIMIT_BYTES,
    });
  });
  afterAll(async () => {
    await intake?.close();
  });

  async function file(attachments: { data: string; fileName?: string }[]): Promise<FiledWithEvidence> {
    const res = await fetch(`${intake.url}/v1/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        text: '转账失败但扣了款，附截图。',
        customer: { name: '赵六', phone: uniquePhone().number },
        consent: true,
        attachments,
      }),
    });
    expect(res.status).toBe(202);
    return (await res.json()) as FiledWithEvidence;
  }

  itServesEvidenceThroughSignedLinks(() => ({ url: intake.url, file }));

  it('is rate-limited per client address like the other public routes: 429 problem with Retry-After', async () => {
    const filed = await file([{ data: PNG.toString('base64') }]);
    const link = evidenceLink(intake.url, filed.attachments[0].id, filed.complaintId);
    let refused: Awaited<ReturnType<typeof download>> | undefined;
    for (let i = 0; i <= RATE_LIMIT && !refused; i++) {
      const res = await download(link);
      if (res.status === 429) refused = res;
      else expect(res.status).toBe(200);
    }
    expect(refused?.headers.get('content-type')).toContain('application/problem+json');
    expect(refused?.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
