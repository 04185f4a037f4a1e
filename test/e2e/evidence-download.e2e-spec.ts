import { CasesConfig } from '../../apps/cases/src/cases.config';
import { CasesModule } from '../../apps/cases/src/cases.module';
import { IntakeMobileConfig } from '../../apps/intake-mobile/src/intake-mobile.config';
import { IntakeMobileModule, intakeMobileHttpOptions } from '../../apps/intake-mobile/src/intake-mobile.module';
import { IntakeWebConfig } from '../../apps/intake-web/src/intake-web.config';
import { INTAKE_WEB_BODY_LIMIT_BYTES, IntakeWebModule } from '../../apps/intake-web/src/intake-web.module';
import { RouterConfig } from '../../apps/router/src/router.config';
import { RouterModule } from '../../apps/router/src/router.module';
import { testConfig } from '../support/configs';
import { download, sha256 } from '../support/evidence-links';
import { JPEG, PDF, PNG } from '../support/evidence-samples';
import { submitComplaint } from '../support/mobile-client';
import { uniquePhone } from '../support/phones';
import { eventually, RunningApp, startApp } from '../support/running-app';
import { staffToken } from '../support/staff-token';

interface CaseAttachment {
  id: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  downloadUrl?: string;
}

/**
 * A customer's evidence reaches the case handler: filed on the web or in the app (bytes kept by the intake, only
 * metadata on Kafka), routed, opened as a case whose page links each file through a signed link to
 * that intake, which serves the same bytes. Staff who may not see the case get no case and no link.
 */
describe('evidence from web and app complaints opens from the case (real Kafka and PostgreSQL)', () => {
  let intake: RunningApp;
  let mobile: RunningApp;
  let router: RunningApp;
  let cases: RunningApp;
  const fraudAgent = staffToken(['agent'], ['FRAUD'], 'agent-fraud');
  const lendingAgent = staffToken(['agent'], ['LENDING'], 'agent-lending');

  beforeAll(async () => {
    const mobileConfig = testConfig(IntakeMobileConfig, { MOBILE_RATE_LIMIT_PER_MIN: '0' });
    [intake, mobile, router] = await Promise.all([
      startApp(IntakeWebModule.register(testConfig(IntakeWebConfig, { INTAKE_RATE_LIMIT_PER_MIN: '0' })), {
        bodyLimitBytes: INTAKE_WEB_BODY_LIMIT_BYTES,
      }),
      startApp(IntakeMobileModule.register(mobileConfig), intakeMobileHttpOptions(mobileConfig)),
      startApp(RouterModule.register(testConfig(RouterConfig))),
    ]);
    cases = await startApp(
      CasesModule.register(
        testConfig(CasesConfig, { CASES_EVIDENCE_BASE_URLS: `web:${intake.url},mobile:${mobile.url}`, CASES_EVIDENCE_LINK_TTL_SEC: '120' }),
      ),
    );
  });
  afterAll(async () => {
    await Promise.all([intake?.close(), mobile?.close(), router?.close(), cases?.close()]);
  });

  const admin = staffToken(['admin'], [], 'admin-evidence');
  const openedCase = (reference: string) =>
    eventually(async () => {
      const view = await caseAs(admin, reference);
      return view.status === 200 ? view.body : undefined;
    });

  async function caseAs(token: string, reference: string) {
    const res = await fetch(`${cases.url}/v1/cases/${reference}`, { headers: { authorization: `Bearer ${token}` } });
    return {
      status: res.status,
      body: (await res.json()) as { department: string; complaintId: string; content: { attachments?: CaseAttachment[] } },
    };
  }

  it("the case handler downloads the customer's exact files; another department's agent gets neither case nor link", async () => {
    const res = await fetch(`${intake.url}/v1/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        text: '信用卡被盗刷了5笔,请立即冻结并退款。附交易截图和账单。',
        customer: { name: '张三', phone: uniquePhone().number },
        consent: true,
        attachments: [
          { data: PNG.toString('base64'), fileName: '交易截图.png' },
          { data: PDF.toString('base64'), fileName: 'statement.pdf' },
        ],
      }),
    });
    expect(res.status).toBe(202);
    const accepted = (await res.json()) as { reference: string; complaintId: string; attachments: CaseAttachment[] };

    expect((await openedCase(accepted.reference)).department).toBe('FRAUD');
    const asHandler = await caseAs(fraudAgent, accepted.reference);
    expect(asHandler.status).toBe(200);
    const found = asHandler.body;
    const attachments = found.content.attachments!;
    expect(attachments.map(({ downloadUrl, ...metadata }) => metadata)).toEqual(accepted.attachments);

    for (const [index, attachment] of attachments.entries()) {
      expect(attachment.downloadUrl).toMatch(
        new RegExp(`^${intake.url}/v1/evidence/${attachment.id}\\?complaint=${accepted.complaintId}&expires=\\d+&sig=`),
      );
      const file = await download(attachment.downloadUrl!);
      expect(file.status).toBe(200);
      expect(sha256(file.bytes)).toBe(attachment.sha256);
      expect(file.bytes.equals([PNG, PDF][index])).toBe(true);
      expect(file.headers.get('content-type')).toBe(attachment.contentType);
      expect(file.headers.get('content-disposition')).toMatch(/^attachment; /);
    }

    const refused = await caseAs(lendingAgent, accepted.reference);
    expect(refused.status).toBe(404);
    expect(JSON.stringify(refused.body)).not.toContain('/v1/evidence/');
  });

  it("an app complaint's evidence downloads from intake-mobile the same way", async () => {
    const filed = await submitComplaint(mobile.url, `cust-evidence-${Date.now()}`, {
      text: '手机银行转账显示失败，但是钱被扣了，附截图。',
      attachments: [{ data: JPEG.toString('base64'), fileName: 'IMG_0001.JPG' }],
    });
    expect(filed.status).toBe(202);
    const found = await openedCase(filed.body.reference);
    const [attachment] = found.content.attachments!;
    expect(attachment.downloadUrl).toMatch(new RegExp(`^${mobile.url}/v1/evidence/${attachment.id}\\?complaint=${found.complaintId}&`));
    const file = await download(attachment.downloadUrl!);
    expect(file.status).toBe(200);
    expect(sha256(file.bytes)).toBe(attachment.sha256);
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="IMG_0001.JPG"');
  });
});
