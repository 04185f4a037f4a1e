import { CasesConfig } from '../../apps/cases/src/cases.config';
import { CasesModule } from '../../apps/cases/src/cases.module';
import { IntakeWebConfig } from '../../apps/intake-web/src/intake-web.config';
import { INTAKE_WEB_BODY_LIMIT_BYTES, IntakeWebModule } from '../../apps/intake-web/src/intake-web.module';
import { RouterConfig } from '../../apps/router/src/router.config';
import { RouterModule } from '../../apps/router/src/router.module';
import { testConfig } from '../support/configs';
import { download, sha256 } from '../support/evidence-links';
import { PDF, PNG } from '../support/evidence-samples';
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
 * A customer's evidence reaches the case handler: filed on the web (bytes kept by intake-web, only
 * metadata on Kafka), routed, opened as a case whose page links each file through a signed link to
 * intake-web, which serves the same bytes. Staff who may not see the case get no case and no link.
 */
describe('evidence from a web complaint opens from the case (real Kafka and PostgreSQL)', () => {
  let intake: RunningApp;
  let router: RunningApp;
  let cases: RunningApp;
  const fraudAgent = staffToken(['agent'], ['FRAUD'], 'agent-fraud');
  const lendingAgent = staffToken(['agent'], ['LENDING'], 'agent-lending');

  beforeAll(async () => {
    [intake, router] = await Promise.all([
      startApp(IntakeWebModule.register(testConfig(IntakeWebConfig, { INTAKE_RATE_LIMIT_PER_MIN: '0' })), { bodyLimitBytes: INTAKE_WEB_BODY_LIMIT_BYTES }),
      startApp(RouterModule.register(testConfig(RouterConfig))),
    ]);
    cases = await startApp(CasesModule.register(testConfig(CasesConfig, { CASES_EVIDENCE_BASE_URLS: `web:${intake.url}`, CASES_EVIDENCE_LINK_TTL_SEC: '120' })));
  });
  afterAll(async () => {
    await Promise.all([intake?.close(), router?.close(), cases?.close()]);
  });

  async function caseAs(token: string, reference: string) {
    const res = await fetch(`${cases.url}/v1/cases/${reference}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, body: (await res.json()) as { department: string; complaintId: string; content: { attachments?: CaseAttachment[] } } };
  }

  it("the case handler downloads the customer's exact files; another department's agent gets neither case nor link", async () => {
    const res = await fetch(`${intake.url}/v1/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        text: '信用卡被盗刷了5笔,请立即冻结并退款。附交易截图和账单。',
        customer: { name: '张三', phone: uniquePhone().number },
        consent: true,
        attachments: [{ data: PNG.toString('base64'), fileName: '交易截图.png' }, { data: PDF.toString('base64'), fileName: 'statement.pdf' }],
      }),
    });
    expect(res.status).toBe(202);
    const accepted = (await res.json()) as { reference: string; complaintId: string; attachments: CaseAttachment[] };

    const found = await eventually(async () => {
      const view = await caseAs(fraudAgent, accepted.reference);
      return view.status === 200 ? view.body : undefined;
    });
    expect(found.department).toBe('FRAUD');
    const attachments = found.content.attachments!;
    expect(attachments.map(({ downloadUrl, ...metadata }) => metadata)).toEqual(accepted.attachments);

    for (const [index, attachment] of attachments.entries()) {
      expect(attachment.downloadUrl).toMatch(new RegExp(`^${intake.url}/v1/evidence/${attachment.id}\\?complaint=${accepted.complaintId}&expires=\\d+&sig=`));
      const file = await download(attachment.downloadUrl!);
      expect(file.status).toBe(200);
      expect(sha256(file.bytes)).toBe(attachment.sha256);
      expect(file.bytes.equals([PNG, PDF][index]!)).toBe(true);
      expect(file.headers.get('content-type')).toBe(attachment.contentType);
      expect(file.headers.get('content-disposition')).toMatch(/^attachment; /);
    }

    const refused = await caseAs(lendingAgent, accepted.reference);
    expect(refused.status).toBe(404);
    expect(JSON.stringify(refused.body)).not.toContain('/v1/evidence/');
  });
});
