import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Where the browser tests find Chromium (Debian's package; Playwright's own download is not used). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Installs Debian's `chromium` package when it is missing (as root, or through sudo), so that
 * `npm test` works on a fresh machine. Says what to do when it cannot.
 */
export function ensureChromium(log: (line: string) => void): string {
  if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  if (process.env.CHROMIUM_PATH) throw new Error(`CHROMIUM_PATH=${CHROMIUM_PATH} does not exist`);
  const asRoot = process.getuid?.() === 0;
  const run = (args: string[]) => execFileSync(asRoot ? args[0] : 'sudo', asRoot ? args.slice(1) : ['-n', ...args], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  log('installing Debian chromium for the browser tests (apt-get)');
  try {
    run(['apt-get', 'update']);
    run(['apt-get', 'install', '-y', '--no-install-recommends', 'chromium']);
  } catch (error) {
    throw new Error(`Chromium is missing at ${CHROMIUM_PATH} and could not be installed (${error instanceof Error ? error.message : String(error)}): run "apt-get install -y chromium" as root, or set CHROMIUM_PATH`);
  }
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`apt-get installed chromium but ${CHROMIUM_PATH} is still missing; set CHROMIUM_PATH`);
  return CHROMIUM_PATH;
}
