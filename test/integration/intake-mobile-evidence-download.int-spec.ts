import { randomUUID } from 'node:crypto';
import { IntakeMobileConfig } from '../../apps/intake-mobile/src/intake-mobile.config';
import { IntakeMobileModule, intakeMobileHttpOptions } from '../../apps/intake-mobile/src/intake-mobile.module';
import { testConfig } from '../support/configs';
import { FiledWithEvidence, itServesEvidenceThroughSignedLinks } from '../support/evidence-links';
import { submitComplaint } from '../support/mobile-client';
import { RunningApp, startApp } from '../support/running-app';

/** intake-mobile serves the evidence it keeps to holders of a link the cases service signed (no app token needed). */
describe('intake-mobile: evidence downloads through signed links', () => {
  let intake: RunningApp;

  beforeAll(async () => {
    const config = testConfig(IntakeMobileConfig, { MOBILE_RATE_LIMIT_PER_MIN: '0' });
    intake = await startApp(IntakeMobileModule.register(config), intakeMobileHttpOptions(config));
  });
  afterAll(async () => {
    await intake?.close();
  });

  async function file(attachments: { data: string; fileName?: string }[]): Promise<FiledWithEvidence> {
    const res = await submitComplaint(intake.url, `cust-${randomUUID()}`, { text: '手机银行转账失败但扣款了,附截图。', attachments });
    expect(res.status).toBe(202);
    return res.body as unknown as FiledWithEvidence;
  }

  itServesEvidenceThroughSignedLinks(() => ({ url: intake.url, file }));
});
