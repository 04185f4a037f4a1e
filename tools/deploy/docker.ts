import { execFile, spawn, SpawnOptions } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DEPLOY_ENV_FILE } from './deploy-env';

const execFileAsync = promisify(execFile);

/** The repository root (these tools run from dist/tools/deploy). */
export const PROJECT_ROOT = join(__dirname, '..', '..', '..');
/** The compose project: container names are complaints_<service>_1. */
export const COMPOSE_PROJECT = 'complaints';
/** Logs of the deploy tools (and of a dockerd they start). */
export const DEPLOY_LOG_DIR = join(PROJECT_ROOT, '.local', 'deploy');

export const log = (line: string): void => {
  process.stdout.write(`[deploy] ${line}\n`);
};

/** Runs a command with inherited stdio; rejects when it fails. */
export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: PROJECT_ROOT, stdio: 'inherit', ...options });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit code ${code}`})`)),
    );
  });
}

/** Runs a command and returns its stdout; rejects when it fails. */
export async function capture(command: string, args: string[]): Promise<string> {
  const { stdout } = await execFileAsync(command, args, { cwd: PROJECT_ROOT, maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

async function dockerAnswers(): Promise<boolean> {
  return capture('docker', ['info', '--format', '{{.ServerVersion}}']).then(
    () => true,
    () => false,
  );
}

/**
 * Makes sure the Docker engine answers. When it does not and this runs as root, starts
 * `dockerd --iptables=false` (DOCKERD_ARGS replaces the flags) in the background, logging to
 * .local/deploy/dockerd.log, and waits for it; otherwise says what to run.
 */
export async function ensureDockerd(): Promise<void> {
  if (await dockerAnswers()) return;
  const args = (process.env.DOCKERD_ARGS ?? '--iptables=false').split(/\s+/).filter(Boolean);
  const manual = `dockerd ${args.join(' ')} > /var/log/dockerd.log 2>&1 &`;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `the Docker engine does not answer; start it as root (\`sudo ${manual}\` or \`sudo systemctl start docker\`), then try again`,
    );
  }
  mkdirSync(DEPLOY_LOG_DIR, { recursive: true });
  const logFile = join(DEPLOY_LOG_DIR, 'dockerd.log');
  const out = openSync(logFile, 'a');
  const child = spawn('dockerd', args, { detached: true, stdio: ['ignore', out, out] });
  closeSync(out);
  child.once('error', () => undefined);
  child.unref();
  log(`the Docker engine was not running: started \`dockerd ${args.join(' ')}\` (pid ${child.pid}, log ${logFile}); it keeps running`);
  const deadline = Date.now() + 60_000;
  while (!(await dockerAnswers())) {
    if (Date.now() > deadline) throw new Error(`dockerd did not answer within 60 s; see ${logFile}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Debian's docker-compose 1.29 when installed, else the `docker compose` plugin. */
function composeCommand(): { command: string; prefix: string[] } {
  const standalone = ['/usr/bin/docker-compose', '/usr/local/bin/docker-compose'].find((path) => existsSync(path));
  return standalone ? { command: standalone, prefix: [] } : { command: 'docker', prefix: ['compose'] };
}

/**
 * The compose files: docker-compose.yml, plus docker-compose.kafka3.yml (three brokers) with
 * DEPLOY_KAFKA_BROKERS=3 or `all` (both, so `down` removes whichever ran).
 */
export function composeFiles(which: 'configured' | 'all' = 'configured'): string[] {
  const brokers = process.env.DEPLOY_KAFKA_BROKERS || '1';
  if (!['1', '3'].includes(brokers)) throw new Error(`DEPLOY_KAFKA_BROKERS is ${brokers}: 1 (the default) or 3`);
  const three = which === 'all' || brokers === '3';
  return ['docker-compose.yml', ...(three ? ['docker-compose.kafka3.yml'] : [])].map((file) => join(PROJECT_ROOT, file));
}

/** Runs docker-compose on `files` with .env.deploy and the project name. */
export function compose(args: string[], files = composeFiles()): Promise<void> {
  const { command, prefix } = composeCommand();
  const options = ['--env-file', join(PROJECT_ROOT, DEPLOY_ENV_FILE), '-p', COMPOSE_PROJECT, ...files.flatMap((file) => ['-f', file])];
  return run(command, [...prefix, ...options, ...args]);
}

/** Name and `docker ps` status (e.g. "Up 2 minutes (healthy)") of each container of the compose project. */
export async function projectContainers(): Promise<Array<{ name: string; status: string }>> {
  const out = await capture('docker', [
    'ps',
    '-a',
    '--filter',
    `label=com.docker.compose.project=${COMPOSE_PROJECT}`,
    '--format',
    '{{.Names}}\t{{.Status}}',
  ]);
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [name, status] = line.split('\t');
      return { name, status };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Whether an image exists locally. */
export function imageExists(image: string): Promise<boolean> {
  return capture('docker', ['image', 'inspect', image]).then(
    () => true,
    () => false,
  );
}

/** Apps are directories under apps/ with a src/main.ts; each has the image complaints/<app>:local. */
export async function appNames(): Promise<string[]> {
  const { readdir } = await import('node:fs/promises');
  const entries = await readdir(join(PROJECT_ROOT, 'apps'), { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory() && existsSync(join(PROJECT_ROOT, 'apps', entry.name, 'src', 'main.ts')))
    .map((entry) => entry.name)
    .sort();
}

/** The images docker-compose.yml runs. */
export const INFRA_IMAGES = { kafka: 'complaints/kafka:3.9.2', postgres: 'complaints/postgres:17' };
export const appImage = (app: string): string => `complaints/${app}:local`;
