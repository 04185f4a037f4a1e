import { loadConfig } from '@complaints/config';
import { AnalyticsConfig } from '../../apps/analytics/src/analytics.config';
import { AnalyticsModule } from '../../apps/analytics/src/analytics.module';
import { transparencyCors } from '../../apps/analytics/src/interface/http/transparency-cors';
import { IntakeWebConfig } from '../../apps/intake-web/src/intake-web.config';
import { IntakeWebModule } from '../../apps/intake-web/src/intake-web.module';
import { customerSite } from '../../apps/intake-web/src/interface/web/customer-site';
import { testConfig } from '../support/configs';
import { RunningApp, startApp } from '../support/running-app';
import { staffToken } from '../support/staff-token';

/**
 * The customer site reads the public transparency report from analytics, another origin: analytics
 * answers CORS for GET /v1/transparency only and only to the configured origins, and intake-web tells
 * its pages where analytics is and lets them connect there (CSP connect-src), nowhere else.
 */
describe('transparency report across origins (CORS and CSP)', () => {
  const SITE = 'https://www.bank.example';
  const ANALYTICS = 'https://analytics.bank.example';
  let analytics: RunningApp;
  let intake: RunningApp;

  beforeAll(async () => {
    const analyticsConfig = testConfig(AnalyticsConfig, { ANALYTICS_PUBLIC_CORS_ORIGINS: `${SITE},http://localhost:3001` });
    const intakeConfig = testConfig(IntakeWebConfig, { INTAKE_WEB_ANALYTICS_URL: `${ANALYTICS}/` });
    [analytics, intake] = await Promise.all([
      startApp(AnalyticsModule.register(analyticsConfig), { publicCors: transparencyCors(analyticsConfig) }),
      startApp(IntakeWebModule.register(intakeConfig), { site: customerSite(intakeConfig) }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([analytics?.close(), intake?.close()]);
  });

  const call = (path: string, init: RequestInit) => fetch(`${analytics.url}${path}`, init);

  it('answers the preflight of GET /v1/transparency from an allowed origin', async () => {
    const res = await call('/v1/transparency?period=2026Q3', {
      method: 'OPTIONS',
      headers: { origin: SITE, 'access-control-request-method': 'GET', 'access-control-request-headers': 'accept' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(res.headers.get('access-control-allow-methods')).toBe('GET, HEAD');
    expect(res.headers.get('access-control-max-age')).toBe('600');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('vary')).toContain('Origin');
  });

  it('lets an allowed origin read the report, and no other', async () => {
    const allowed = await call('/v1/transparency?period=2026Q3', { headers: { origin: SITE } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(allowed.headers.get('vary')).toContain('Origin');
    expect(((await allowed.json()) as { period: string }).period).toBe('2026Q3');

    const other = await call('/v1/transparency?period=2026Q3', { headers: { origin: 'https://evil.example' } });
    expect(other.status).toBe(200);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const otherPreflight = await call('/v1/transparency', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(otherPreflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('keeps a bad period a problem+json naming the field, readable by the allowed origin', async () => {
    const res = await call('/v1/transparency?period=2026Q5', { headers: { origin: SITE } });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['period']);
  });

  it('gives no CORS to anything else of the service, even for an allowed origin', async () => {
    const kpis = await call('/v1/kpis?from=2026-10-01&to=2026-10-31', {
      headers: { origin: SITE, authorization: `Bearer ${staffToken(['consumer-protection'], [])}` },
    });
    expect(kpis.status).toBe(200);
    expect(kpis.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await call('/v1/kpis', {
      method: 'OPTIONS',
      headers: { origin: SITE, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.status).toBe(404);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const report = await call('/v1/reports/jrt0169?period=2026Q3', { headers: { origin: SITE } });
    expect(report.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses an origin list that is not one', () => {
    expect(() => loadConfig(AnalyticsConfig, { ...process.env, ANALYTICS_PUBLIC_CORS_ORIGINS: 'https://www.bank.example/path' })).toThrow(
      /ANALYTICS_PUBLIC_CORS_ORIGINS/,
    );
    expect(() => loadConfig(IntakeWebConfig, { ...process.env, INTAKE_WEB_ANALYTICS_URL: 'analytics' })).toThrow(
      /INTAKE_WEB_ANALYTICS_URL/,
    );
  });

  it('tells the customer site where analytics is and lets its pages connect there, and only there', async () => {
    const config = await fetch(`${intake.url}/v1/site/config`);
    expect(config.status).toBe(200);
    expect(await config.json()).toEqual({ analyticsUrl: ANALYTICS });
    const page = await fetch(`${intake.url}/transparency`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain(`connect-src 'self' ${ANALYTICS};`);
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('*');
  });
});
