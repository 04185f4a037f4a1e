import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');

/**
 * The rules of .dependency-cruiser.cjs can fail: one violation of each is planted in a temporary
 * copy of apps/ and libs/, and the check must name every rule and exit non-zero. (`npm test` runs
 * `npm run check:architecture` on the real tree first.)
 */
describe('npm run check:architecture', () => {
  let copy: string;

  beforeAll(async () => {
    copy = await mkdtemp(join(tmpdir(), 'architecture-'));
    const skip = (path: string) => !/\/(node_modules|dist)(\/|$)/.test(path);
    for (const entry of ['apps', 'libs']) await cp(join(ROOT, entry), join(copy, entry), { recursive: true, filter: skip });
    for (const file of ['tsconfig.json', '.dependency-cruiser.cjs', 'package.json']) await cp(join(ROOT, file), join(copy, file));
    await symlink(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
  });
  afterAll(async () => {
    if (copy) await rm(copy, { recursive: true, force: true });
  });

  async function plant(path: string, source: string): Promise<void> {
    await mkdir(dirname(join(copy, path)), { recursive: true });
    await writeFile(join(copy, path), source);
  }

  /** Runs the check as `npm run check:architecture` does (its `err` report), on the copy. */
  async function check(): Promise<{ exitCode: number; rules: string[] }> {
    const args = ['apps', 'libs', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'];
    const { stdout, exitCode } = await run(join(ROOT, 'node_modules', '.bin', 'depcruise'), args, {
      cwd: copy,
      maxBuffer: 64 * 1024 * 1024,
    }).then(
      ({ stdout }) => ({ stdout, exitCode: 0 }),
      (error: { stdout: string; code: number }) => ({ stdout: error.stdout, exitCode: error.code }),
    );
    const rules = [...stdout.matchAll(/^\s*error ([a-z-]+):/gm)].map(([, rule]) => rule);
    return { exitCode, rules: [...new Set(rules)].sort() };
  }

  it('passes the untouched copy', async () => {
    expect(await check()).toEqual({ exitCode: 0, rules: [] });
  });

  it('names each planted violation and fails', async () => {
    await plant('apps/router/src/planted-app-to-app.ts', `export { CasesModule } from '../../cases/src/cases.module';\n`);
    await plant('libs/http/src/planted-lib-to-app.ts', `export * from '../../../apps/router/src/domain/decide-routing';\n`);
    await plant('apps/router/src/domain/planted-adapter.ts', `export * from '../infrastructure/kafka-routed-complaint.publisher';\n`);
    await plant('apps/cases/src/application/planted-adapter.ts', `export * from '../infrastructure/persistence/case-records.sql';\n`);
    await plant('libs/config/src/planted-cycle-a.ts', `import { b } from './planted-cycle-b';\nexport const a = () => b;\n`);
    await plant('libs/config/src/planted-cycle-b.ts', `import { a } from './planted-cycle-a';\nexport const b = () => a;\n`);
    // A lib's barrel is not domain code: through it a domain file would reach Nest.
    await plant('apps/notifier/src/domain/planted-barrel.ts', `export { maskSensitiveNumbers } from '@complaints/security';\n`);

    const { exitCode, rules } = await check();
    expect(exitCode).not.toBe(0);
    expect(rules).toEqual([
      'application-not-to-adapters',
      'domain-imports-domain-only',
      'domain-reaches-no-framework',
      'no-app-to-app',
      'no-circular',
      'no-lib-to-app',
    ]);
  });
});
