import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Where the browser tests find Chromium (Debian's package; Playwright's own download is not used). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A small Chinese font (WenQuanYi Micro Hei): without one, the failure screenshots of the Chinese pages show boxes. */
const CJK_FONT_PACKAGE = 'fonts-wqy-microhei';

/**
 * Installs Debian's `chromium` package when it is missing (as root, or through sudo), so that
 * `npm test` works on a fresh machine, with a Chinese font where none is installed. Says what to do
 * when Chromium cannot be installed; a font that cannot be installed only makes screenshots less readable.
 */
export function ensureChromium(log: (line: string) => void): string {
  const hasChromium = existsSync(CHROMIUM_PATH);
  if (!hasChromium && process.env.CHROMIUM_PATH) throw new Error(`CHROMIUM_PATH=${CHROMIUM_PATH} does not exist`);
  const packages = [...(hasChromium ? [] : ['chromium']), ...(hasChineseFont() ? [] : [CJK_FONT_PACKAGE])];
  if (packages.length === 0) return CHROMIUM_PATH;
  log(`installing ${packages.join(' and ')} for the browser tests (apt-get)`);
  try {
    aptInstall(packages);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    if (hasChromium) {
      log(`could not install ${CJK_FONT_PACKAGE} (${why}): screenshots of Chinese pages will show boxes`);
      return CHROMIUM_PATH;
    }
    throw new Error(
      `Chromium is missing at ${CHROMIUM_PATH} and could not be installed (${why}): run "apt-get install -y chromium ${CJK_FONT_PACKAGE}" as root, or set CHROMIUM_PATH`,
      {
        cause: error,
      },
    );
  }
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`apt-get installed chromium but ${CHROMIUM_PATH} is still missing; set CHROMIUM_PATH`);
  return CHROMIUM_PATH;
}

function aptInstall(packages: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const run = (args: string[]) =>
    execFileSync(asRoot ? args[0] : 'sudo', asRoot ? args.slice(1) : ['-n', ...args], {
      stdio: 'ignore',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  run(['apt-get', 'update']);
  run(['apt-get', 'install', '-y', '--no-install-recommends', ...packages]);
}

/** Whether fontconfig knows a font covering Chinese (no fontconfig: assume not). */
function hasChineseFont(): boolean {
  try {
    return execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
}
