import { Browser } from 'playwright-core';
import { CasesConfig } from '../../apps/cases/src/cases.config';
import { CasesModule } from '../../apps/cases/src/cases.module';
import { staffConsole } from '../../apps/cases/src/interface/web/staff-console';
import { IntakeWebConfig } from '../../apps/intake-web/src/intake-web.config';
import { IntakeWebModule } from '../../apps/intake-web/src/intake-web.module';
import { CUSTOMER_SITE } from '../../apps/intake-web/src/interface/web/customer-site';
import { accessibilityViolations, launchBrowser, onPage, PHONE } from '../support/browser';
import { testConfig } from '../support/configs';
import { RunningApp, startApp } from '../support/running-app';

describe('web sites served by their services (real Chromium)', () => {
  let browser: Browser;
  let intake: RunningApp;
  let cases: RunningApp;

  beforeAll(async () => {
    [browser, intake, cases] = await Promise.all([
      launchBrowser(),
      startApp(IntakeWebModule.register(testConfig(IntakeWebConfig)), { site: CUSTOMER_SITE }),
      startApp(CasesModule.register(testConfig(CasesConfig)), { site: staffConsole(testConfig(CasesConfig)) }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), intake?.close(), cases?.close()]);
  });

  it('serves the customer site in Chinese with an English switch, hashed assets cached, no accessibility violations', async () => {
    await onPage(
      browser,
      'customer-site-shell',
      async (page) => {
        const response = await page.goto(`${intake.url}/`);
        expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
        expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
        await page.getByRole('button', { name: 'English' }).click();
        // The page sets <html lang> once it has re-rendered: wait for it rather than read it at once.
        await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
        expect(await accessibilityViolations(page)).toEqual([]);
        const asset = await page.evaluate(() => (document.querySelector('script[type=module]') as HTMLScriptElement).src);
        const assetResponse = await page.request.get(asset);
        expect(assetResponse.status()).toBe(200);
        expect(assetResponse.headers()['cache-control']).toContain('immutable');
      },
      PHONE,
    );
  });

  it('serves the staff console at / and its deep links, while the API stays problem+json', async () => {
    await onPage(browser, 'staff-console-shell', async (page) => {
      await page.goto(`${cases.url}/console/cases/C20261129-W7K3Q9`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      const api = await page.request.get(`${cases.url}/v1/cases`);
      expect(api.status()).toBe(401);
      expect(api.headers()['content-type']).toContain('application/problem+json');
    });
  });
});
