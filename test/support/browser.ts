/// <reference lib="dom" />
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, BrowserContextOptions, chromium, Page } from 'playwright-core';
import { CHROMIUM_PATH } from '../setup/ensure-chromium';

const ARTIFACTS = join(__dirname, '..', '..', '.local', 'test-artifacts');

/** Debian's Chromium, headless, driven by Playwright (installed by the test setup where missing). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
}

/** A phone-sized screen with touch, as a customer on a mobile browser has it. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
};

/**
 * Runs `steps` on a fresh page in a new browser context; when they fail, saves a full-page
 * screenshot to .local/test-artifacts/<name>.png (named in the error) before rethrowing.
 */
export async function onPage<T>(
  browser: Browser,
  name: string,
  steps: (page: Page, context: BrowserContext) => Promise<T>,
  options: BrowserContextOptions = {},
): Promise<T> {
  const context = await browser.newContext({ locale: 'zh-CN', ...options });
  const page = await context.newPage();
  try {
    return await steps(page, context);
  } catch (error) {
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, `${name.replace(/[^\w.-]+/g, '-')}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    if (error instanceof Error) error.message += `\n(screenshot: ${file})`;
    throw error;
  } finally {
    await context.close();
  }
}

export interface AccessibilityViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * The accessibility smoke check: axe-core's WCAG 2 A/AA rules (labels, names, contrast, landmarks,
 * language...) on the page as it is now. Returns the violations (empty when the page passes).
 */
export async function accessibilityViolations(page: Page): Promise<AccessibilityViolation[]> {
  // Evaluated rather than added as a <script>: the sites' Content-Security-Policy refuses inline scripts.
  await page.evaluate(axeSource());
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: unknown,
            options: unknown,
          ): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }> }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

let axeScript: string | undefined;
function axeSource(): string {
  return (axeScript ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
}
