import { randomInt, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { signStaffToken, staffTokenSigningKey } from '@complaints/security';
import { DEPLOY_ENV_FILE, readDeployEnv } from './deploy-env';
import { capture, log, PROJECT_ROOT, projectContainers } from './docker';

/** How long the smoke test waits for the services, then for the case (seconds, DEPLOY_SMOKE_TIMEOUT_SEC). */
const TIMEOUT_MS = Number(process.env.DEPLOY_SMOKE_TIMEOUT_SEC || 120) * 1000;

/**
 * `npm run deploy:smoke`, against the stack `npm run deploy:up` started: checks that every container runs
 * as a non-root user on a read-only root filesystem, posts a complaint to the containerised intake-web
 * and waits until the cases service shows it as a case (routed through Kafka and the router), reading it
 * with a staff token signed by the key in .env.deploy. INTAKE_WEB_HOST_PORT and CASES_HOST_PORT follow
 * moved ports. Exits 1 on any failure.
 */
async function main(): Promise<void> {
  const env = readDeployEnv(join(PROJECT_ROOT, DEPLOY_ENV_FILE));
  const setting = (name: string, fallback: string) => process.env[name] || env[name] || fallback;
  const intake = `http://127.0.0.1:${setting('INTAKE_WEB_HOST_PORT', '3001')}`;
  const cases = `http://127.0.0.1:${setting('CASES_HOST_PORT', '3006')}`;

  await checkContainers();
  await until(`${intake} and ${cases} ready`, async () => (await ready(intake)) && (await ready(cases)));

  const key = staffTokenSigningKey(
    env.STAFF_TOKEN_SIGNING_KEY,
    setting('STAFF_TOKEN_ISSUER', 'urn:complaints:cases'),
    setting('STAFF_TOKEN_AUDIENCE', 'urn:complaints:staff-api'),
  );
  const token = signStaffToken({ sub: 'deploy-smoke', roles: ['admin'], departments: [] }, key, 600);

  const phone = `139${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
  const posted = Date.now();
  const response = await fetch(`${intake}/v1/complaints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({
      text: '信用卡被盗刷了3笔,请立即冻结并退款。(deploy smoke test)',
      customer: { name: '张三', phone },
      consent: true,
    }),
  });
  const accepted = (await response.json()) as { reference?: string; complaintId?: string };
  if (response.status !== 202 || !accepted.reference) {
    throw new Error(`POST ${intake}/v1/complaints answered ${response.status}: ${JSON.stringify(accepted)}`);
  }
  log(`intake-web accepted complaint ${accepted.complaintId} as ${accepted.reference} (202 in ${Date.now() - posted} ms)`);

  let found: { reference: string; status: string; department: string; channel: string; timeline: Array<{ type: string }> } | undefined;
  await until(`case ${accepted.reference} in ${cases}`, async () => {
    const res = await fetch(`${cases}/v1/cases/${accepted.reference}`, { headers: { authorization: `Bearer ${token}` } });
    if (res.status === 401 || res.status === 403) throw new Error(`cases refused the staff token (${res.status}): ${await res.text()}`);
    if (res.status !== 200) return false;
    found = (await res.json()) as typeof found;
    return true;
  });
  log(
    `case ${found!.reference} opened ${Date.now() - posted} ms after the post: channel ${found!.channel}, department ${found!.department}, ` +
      `status ${found!.status}, timeline ${found!.timeline.map((e) => e.type).join(' -> ')}`,
  );
  log('smoke test passed');
}

/** Every container of the project: a non-root user (uid != 0) and a read-only root filesystem. */
async function checkContainers(): Promise<void> {
  const all = await projectContainers();
  const containers = all.filter((c) => c.status.startsWith('Up'));
  if (!containers.length) throw new Error('no container of the compose project runs: `npm run deploy:up` first');
  for (const c of all.filter((c) => !containers.includes(c))) log(`${c.name} is not running (${c.status})`);
  const problems: string[] = [];
  for (const { name } of containers) {
    const readOnly = (await capture('docker', ['inspect', '-f', '{{.HostConfig.ReadonlyRootfs}}', name])).trim();
    const uid = (await capture('docker', ['exec', name, 'id', '-u']).catch(() => '?')).trim();
    if (readOnly !== 'true') problems.push(`${name}: the root filesystem is writable`);
    if (uid === '0' || uid === '?') problems.push(`${name}: runs as uid ${uid}`);
  }
  if (problems.length) throw new Error(problems.join('; '));
  log(`${containers.length} containers, each non-root on a read-only root filesystem`);
}

async function ready(base: string): Promise<boolean> {
  return fetch(`${base}/health/ready`, { signal: AbortSignal.timeout(3000) }).then(
    (res) => res.ok,
    () => false,
  );
}

async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + TIMEOUT_MS;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${TIMEOUT_MS / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`deploy:smoke: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
