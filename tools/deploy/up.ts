import { ensureDeployEnv, readDeployEnv } from './deploy-env';
import {
  appImage,
  appNames,
  capture,
  compose,
  COMPOSE_PROJECT,
  ensureDockerd,
  imageExists,
  INFRA_IMAGES,
  log,
  PROJECT_ROOT,
  projectContainers,
} from './docker';

/** How long `deploy:up` waits for every container to be healthy (seconds, DEPLOY_UP_TIMEOUT_SEC). */
const TIMEOUT_SEC = Number(process.env.DEPLOY_UP_TIMEOUT_SEC || 300);

/**
 * `npm run deploy:up`: starts docker-compose.yml (PostgreSQL, Kafka, the eight services) in the background
 * and waits until every container reports healthy. Creates .env.deploy with fresh secrets on first run;
 * starts dockerd when it is not running (as root). Arguments are passed to `docker-compose up`.
 */
async function main(): Promise<void> {
  const started = Date.now();
  await ensureDockerd();
  const env = ensureDeployEnv(PROJECT_ROOT);
  if (env.created) log(`created ${env.path} with fresh random secrets (keep it: the data volumes depend on it)`);

  const images = [...Object.values(INFRA_IMAGES), ...(await appNames()).map(appImage)];
  const missing = (await Promise.all(images.map(async (image) => ((await imageExists(image)) ? [] : [image])))).flat();
  if (missing.length) throw new Error(`missing images ${missing.join(', ')}: run \`npm run deploy:images\` first`);

  await compose(['up', '-d', '--no-build', '--remove-orphans', ...process.argv.slice(2)]);
  await waitHealthy();
  log(`every container is healthy after ${Math.round((Date.now() - started) / 1000)} s`);
  const ports = await capture('docker', [
    'ps',
    '--filter',
    `label=com.docker.compose.project=${COMPOSE_PROJECT}`,
    '--format',
    '{{.Names}}\t{{.Ports}}',
  ]);
  log(`published ports:\n${ports.trimEnd()}`);
  const settings = readDeployEnv(env.path);
  const port = (name: string, fallback: string) => process.env[name] || settings[name] || fallback;
  log(
    `customer site http://127.0.0.1:${port('INTAKE_WEB_HOST_PORT', '3001')}, staff console http://127.0.0.1:${port('CASES_HOST_PORT', '3006')}`,
  );
}

async function waitHealthy(): Promise<void> {
  const deadline = Date.now() + TIMEOUT_SEC * 1000;
  let last = '';
  for (;;) {
    const containers = await projectContainers();
    const waiting = containers.filter((c) => !c.status.includes('(healthy)'));
    const summary = waiting.map((c) => `${c.name}: ${c.status}`).join('; ');
    if (!waiting.length && containers.length) return;
    if (summary !== last) log(`waiting for ${waiting.length} of ${containers.length} containers: ${summary}`);
    last = summary;
    if (Date.now() > deadline) {
      for (const c of waiting) {
        const tail = await capture('docker', ['logs', '--tail', '15', c.name]).catch((error: Error) => error.message);
        log(`${c.name} (${c.status}), last lines of its log:\n${tail}`);
      }
      throw new Error(`not every container was healthy within ${TIMEOUT_SEC} s (DEPLOY_UP_TIMEOUT_SEC)`);
    }
    await new Promise((resolve) => setTimeout(resolve, 3000));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`deploy:up: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
