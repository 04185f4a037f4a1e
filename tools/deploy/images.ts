import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveKafkaJars } from '@complaints/devstack';
import { appImage, appNames, capture, DEPLOY_LOG_DIR, ensureDockerd, INFRA_IMAGES, log, PROJECT_ROOT, run } from './docker';

/**
 * `npm run deploy:images`: every image docker-compose.yml runs, built on this machine without any image
 * registry. 1. the Debian "trixie" base images (deploy/docker/build-base-images.sh: debootstrap + docker
 * import; skipped when they exist, DEPLOY_REBUILD_BASE=1 redoes them); 2. Kafka (the jars of
 * deploy/kafka/pom.xml, resolved from Maven Central as for `npm start`); 3. PostgreSQL; 4. one image per
 * app from deploy/docker/Dockerfile (`--app <name>`, repeatable, builds only those).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { app: { type: 'string', multiple: true, default: [] } } });
  const all = await appNames();
  const unknown = values.app.filter((app) => !all.includes(app));
  if (unknown.length) throw new Error(`no app ${unknown.join(', ')} (apps: ${all.join(', ')})`);
  const apps = values.app.length ? values.app : all;

  const started = Date.now();
  await ensureDockerd();
  await step('base images (Debian trixie)', () => run('bash', [join(PROJECT_ROOT, 'deploy/docker/build-base-images.sh')]));
  await step(INFRA_IMAGES.kafka, buildKafka);
  await step(INFRA_IMAGES.postgres, () => build(['-t', INFRA_IMAGES.postgres, join(PROJECT_ROOT, 'deploy/docker/postgres')]));
  await writeBuildCa();
  for (const app of apps) {
    await step(appImage(app), () =>
      build(['--network', 'host', '-f', 'deploy/docker/Dockerfile', '--build-arg', `APP=${app}`, '-t', appImage(app), '.']),
    );
  }
  const sizes = await capture('docker', ['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}\t{{.Size}}', 'complaints/*']);
  log(`images (${seconds(started)} in all):\n${sizes.trimEnd()}`);
}

/** The Kafka image's build context: the resolved jars (hard links) and deploy/docker/kafka. */
async function buildKafka(): Promise<void> {
  const libs = await resolveKafkaJars(PROJECT_ROOT, log);
  const context = join(DEPLOY_LOG_DIR, 'kafka-context');
  await rm(context, { recursive: true, force: true });
  await mkdir(context, { recursive: true });
  await run('cp', ['-al', libs, join(context, 'libs')]);
  await cp(join(PROJECT_ROOT, 'deploy/docker/kafka'), context, { recursive: true });
  await build(['-t', INFRA_IMAGES.kafka, context]);
}

/**
 * deploy/docker/build-ca.pem (gitignored), which the Dockerfile's build stage trusts for npm: the file
 * DEPLOY_BUILD_CA names, else the local authorities of /usr/local/share/ca-certificates (a TLS-inspecting
 * proxy's, say), else nothing.
 */
async function writeBuildCa(): Promise<void> {
  const local = '/usr/local/share/ca-certificates';
  const files = process.env.DEPLOY_BUILD_CA
    ? [process.env.DEPLOY_BUILD_CA]
    : (await readdir(local).catch(() => [])).filter((name) => name.endsWith('.crt')).map((name) => join(local, name));
  const pems = await Promise.all(files.map((file) => readFile(file, 'utf8')));
  await writeFile(join(PROJECT_ROOT, 'deploy/docker/build-ca.pem'), pems.join('\n'));
  if (files.length) log(`npm in the build stage also trusts ${files.join(', ')}`);
}

/**
 * `docker build` with the classic builder unless DOCKER_BUILDKIT says otherwise: Debian's docker.io
 * ships no buildx, without which the CLI refuses BuildKit. The Dockerfiles suit both builders.
 */
function build(args: string[]): Promise<void> {
  return run('docker', ['build', ...args], { env: { DOCKER_BUILDKIT: '0', ...process.env } });
}

async function step(name: string, action: () => Promise<void>): Promise<void> {
  const started = Date.now();
  log(`building ${name}`);
  await action();
  log(`${name}: done in ${seconds(started)}`);
}

const seconds = (since: number): string => `${Math.round((Date.now() - since) / 1000)} s`;

main().catch((error: unknown) => {
  process.stderr.write(`deploy:images: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
