import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadConfig, SECRET_DEFAULTS } from '@complaints/config';
import { generateDeployEnv } from '../../tools/deploy/deploy-env';

/**
 * Checks docker-compose.yml and deploy/docker/Dockerfile against the code, without Docker (so it runs in
 * `npm test`; `npm run deploy:smoke` runs the real thing): every app under apps/ has a compose service that
 * builds it, publishes its port and gives it every variable its configuration class requires; with the
 * secrets `npm run deploy:up` generates, every app's production configuration is valid; every container is
 * read-only; and the files suit Debian's docker-compose 1.29 and the classic builder (no buildx here).
 */

const ROOT = join(__dirname, '..', '..');
const COMPOSE_FILE = 'docker-compose.yml';
const DOCKERFILE = 'deploy/docker/Dockerfile';
const BASE_CONFIG_FILE = 'libs/config/src/service.config.ts';

type Env = Record<string, string>;
interface ComposeService {
  image?: string;
  read_only?: boolean;
  tmpfs?: string | string[];
  build?: { context?: string; dockerfile?: string; args?: Record<string, unknown> | string[] } | string;
  ports?: Array<string | number | { target?: number | string; published?: number | string }>;
  environment?: Record<string, unknown> | string[];
  depends_on?: Record<string, { condition?: string }> | string[];
  healthcheck?: { test?: unknown; disable?: boolean };
}

const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

/** Apps are directories under apps/ with a src/main.ts. */
const APPS = readdirSync(join(ROOT, 'apps'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(ROOT, 'apps', entry.name, 'src', 'main.ts')))
  .map((entry) => entry.name)
  .sort();

// Compose merges `<<: *anchor` keys, so the parser must too.
const compose = parse(read(COMPOSE_FILE), { merge: true }) as { name?: string; services?: Record<string, ComposeService> };
const services = compose.services ?? {};

interface ConfigClass {
  name: string;
  base?: string;
  body: string;
}

/** The classes declared in a TypeScript source (name, base class, body). Good enough for config classes. */
function classesOf(source: string): ConfigClass[] {
  const classes: ConfigClass[] = [];
  const header = /export\s+class\s+(\w+)(?:\s+extends\s+(\w+))?\s*\{/g;
  for (let match = header.exec(source); match; match = header.exec(source)) {
    let depth = 1;
    let end = header.lastIndex;
    while (depth > 0 && end < source.length) {
      if (source[end] === '{') depth += 1;
      else if (source[end] === '}') depth -= 1;
      end += 1;
    }
    classes.push({ name: match[1], base: match[2], body: source.slice(header.lastIndex, end - 1) });
  }
  return classes;
}

const BASE_CLASSES = new Map(classesOf(read(BASE_CONFIG_FILE)).map((c) => [c.name, c]));

interface AppConfig {
  file: string;
  className: string;
  /** ServiceConfig, DatabaseServiceConfig, ... up the chain. */
  ancestors: string[];
  portVariable?: string;
  defaultPort?: number;
  /** Settings declared without an initializer (`NAME: string;`): no default, so they must be given. */
  required: string[];
}

function appConfig(app: string): AppConfig {
  const file = `apps/${app}/src/${app}.config.ts`;
  const source = read(file);
  const [own] = classesOf(source);
  if (!own) throw new Error(`${file}: no exported configuration class`);
  const chain = [own];
  for (let base = own.base; base && BASE_CLASSES.has(base); base = BASE_CLASSES.get(base)!.base) chain.push(BASE_CLASSES.get(base)!);
  const port = /^\s*([A-Z][A-Z0-9_]*_PORT)\s*:\s*number\s*=\s*(\d+)\s*;/m.exec(own.body);
  const required = chain.flatMap((c) => [...c.body.matchAll(/^\s*([A-Z][A-Z0-9_]*)\s*:\s*[^=;\n]+;\s*$/gm)].map((m) => m[1]));
  return {
    file,
    className: own.name,
    ancestors: chain.slice(1).map((c) => c.name),
    portVariable: port?.[1],
    defaultPort: port ? Number(port[2]) : undefined,
    required: [...new Set(required)],
  };
}

function environmentOf(service: ComposeService): Env {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((entry) => {
        const at = entry.indexOf('=');
        return at < 0 ? [entry, ''] : [entry.slice(0, at), entry.slice(at + 1)];
      }),
    );
  }
  return Object.fromEntries(Object.entries(env).map(([name, value]) => [name, value == null ? '' : String(value)]));
}

function dependenciesOf(service: ComposeService): Map<string, string | undefined> {
  const deps = service.depends_on ?? [];
  if (Array.isArray(deps)) return new Map(deps.map((name) => [name, undefined]));
  return new Map(Object.entries(deps).map(([name, spec]) => [name, spec?.condition]));
}

/**
 * A value as compose interpolates it from `vars`: `${NAME}`, `${NAME:-default}`, `${NAME-default}`,
 * `${NAME:?error}`, `${NAME?error}` (throws the error) and `$$`.
 */
function interpolate(value: string, vars: Env): string {
  return value.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}/g, (whole, name?: string, op?: string, arg = '') => {
    if (!name) return '$';
    const set = vars[name] !== undefined;
    const usable = op?.startsWith(':') ? set && vars[name] !== '' : set;
    if (usable) return vars[name];
    if (op?.endsWith('?')) throw new Error(`${name}: ${arg}`);
    return op ? arg : '';
  });
}

/** Port mappings as { published, target } (published undefined when Docker picks one; `${VAR:-port}` is its default). */
function portsOf(service: ComposeService): Array<{ published?: string; target: string }> {
  return (service.ports ?? []).map((port) => {
    if (typeof port === 'object') return { published: port.published?.toString(), target: String(port.target) };
    // [ip:][published:]target[/protocol]; the ip may be [::1].
    const parts = interpolate(String(port), {})
      .replace(/\/\w+$/, '')
      .replace(/^\[[^\]]*\]:/, '')
      .split(':');
    const target = parts.pop()!;
    return { published: parts.pop(), target };
  });
}

function buildArgsOf(build: ComposeService['build']): Record<string, string> {
  if (!build || typeof build === 'string' || !build.args) return {};
  if (Array.isArray(build.args)) return Object.fromEntries(build.args.map((arg) => [arg.split('=')[0], arg.slice(arg.indexOf('=') + 1)]));
  return Object.fromEntries(Object.entries(build.args).map(([name, value]) => [name, String(value)]));
}

/** What is wrong with the compose service of one app, one message each. */
function problemsOf(app: string): string[] {
  const service = services[app];
  if (!service) return [`${COMPOSE_FILE}: no service "${app}" (apps/${app}/src/main.ts exists)`];
  const where = `${COMPOSE_FILE} service "${app}"`;
  const problems: string[] = [];
  const config = appConfig(app);

  const build = service.build;
  if (!build || typeof build === 'string') {
    problems.push(`${where}: build must be { context: ., dockerfile: ${DOCKERFILE}, args: { APP: ${app} } }`);
  } else {
    if ((build.context ?? '.').replace(/\/$/, '') !== '.')
      problems.push(`${where}: build.context is "${build.context}", expected "." (the repository root)`);
    if (build.dockerfile !== DOCKERFILE) problems.push(`${where}: build.dockerfile is "${build.dockerfile}", expected "${DOCKERFILE}"`);
    const arg = buildArgsOf(build).APP;
    if (arg !== app) problems.push(`${where}: build.args.APP is "${arg}", expected "${app}"`);
  }

  const env = environmentOf(service);
  const given = (name: string): boolean => Boolean(env[name]) || Boolean(env[`${name}_FILE`]);

  if (!config.portVariable || config.defaultPort === undefined) {
    problems.push(`${config.file}: no "<APP>_PORT: number = <port>;" setting to take the port from`);
  } else {
    const { portVariable, defaultPort } = config;
    const port = String(defaultPort);
    // The image's health check finds the port in <APP>_PORT (intake-web -> INTAKE_WEB_PORT).
    const conventional = `${app.toUpperCase().replace(/-/g, '_')}_PORT`;
    if (portVariable !== conventional)
      problems.push(
        `${config.file}: the port setting is ${portVariable}, expected ${conventional} (the Dockerfile's health check reads it)`,
      );
    if (!portsOf(service).some((p) => p.published === port && p.target === port)) {
      problems.push(`${where}: must publish port ${port} ("${port}:${port}"), the default ${portVariable} of ${config.className}`);
    }
    if (env[portVariable] !== port)
      problems.push(
        `${where}: environment ${portVariable} is "${env[portVariable] ?? ''}", expected "${port}" (the published container port)`,
      );
  }

  const usesDatabase = config.ancestors.includes('DatabaseServiceConfig');
  const required = new Set(['KAFKA_BROKERS', ...(usesDatabase ? ['DATABASE_URL'] : []), ...config.required]);
  for (const name of required) {
    if (!given(name)) problems.push(`${where}: environment lacks ${name} (required by ${config.className}, no default)`);
  }
  if (env.NODE_ENV !== 'production') problems.push(`${where}: environment NODE_ENV is "${env.NODE_ENV ?? ''}", expected "production"`);
  // A secret written into the file would be the same on every installation: it must come from
  // outside (a ${VARIABLE} of .env, or a secret file).
  for (const name of SECRET_DEFAULTS) {
    if (env[name] && !/\$\{[A-Z0-9_]+(:?[?-][^}]*)?\}/.test(env[name])) {
      problems.push(`${where}: environment ${name} is written in the file; take it from .env ("\${${name}:?...}") or use ${name}_FILE`);
    }
  }

  const deps = dependenciesOf(service);
  for (const infra of ['kafka', ...(usesDatabase ? ['postgres'] : [])]) {
    if (!deps.has(infra)) problems.push(`${where}: depends_on lacks ${infra}`);
    else if (deps.get(infra) !== 'service_healthy')
      problems.push(`${where}: depends_on ${infra} must wait with condition: service_healthy`);
  }
  if (!service.healthcheck?.test || service.healthcheck.disable) problems.push(`${where}: no healthcheck`);
  problems.push(...readOnlyProblems(app));
  return problems;
}

/** A container must have a read-only root filesystem and a tmpfs on /tmp. */
function readOnlyProblems(name: string): string[] {
  const service = services[name];
  const tmpfs = [service?.tmpfs ?? []].flat();
  return [
    ...(service?.read_only === true ? [] : [`${COMPOSE_FILE} service "${name}": read_only must be true`]),
    ...(tmpfs.some((mount) => mount.split(':')[0] === '/tmp') ? [] : [`${COMPOSE_FILE} service "${name}": no tmpfs on /tmp`]),
  ];
}

/**
 * The environment compose gives an app's container with `vars` as its env file: interpolated, empty
 * values dropped (the apps treat them as unset), the image's NODE_ENV=production kept.
 */
function containerEnv(app: string, vars: Env): Env {
  const env = Object.entries(environmentOf(services[app])).map(([name, value]) => [name, interpolate(value, vars)]);
  return Object.fromEntries(env.filter(([, value]) => value !== ''));
}

/** The configuration class of an app (apps/<app>/src/<app>.config.ts). */
function configClassOf(app: string): new () => object {
  const { className } = appConfig(app);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exported = require(join(ROOT, 'apps', app, 'src', `${app}.config`)) as Record<string, new () => object>;
  return exported[className];
}

describe('docker-compose.yml', () => {
  it('finds the apps to check', () => {
    expect(APPS.length).toBeGreaterThan(0);
  });

  it.each(APPS)('has a service that builds, configures and publishes %s', (app) => {
    expect(problemsOf(app)).toEqual([]);
  });

  it('has no service building an app that does not exist', () => {
    const stale = Object.entries(services)
      .filter(([, service]) => typeof service.build === 'object' && service.build.dockerfile === DOCKERFILE)
      .map(([name, service]) => ({ name, app: buildArgsOf(service.build).APP }))
      .filter(({ app }) => !APPS.includes(app))
      .map(({ name, app }) => `${COMPOSE_FILE} service "${name}": builds APP "${app}", which has no apps/${app}/src/main.ts`);
    expect(stale).toEqual([]);
  });

  it.each(['kafka', 'postgres'])('has the %s service with an image, a healthcheck and a read-only root filesystem', (name) => {
    const service = services[name];
    const problems: string[] = [];
    if (!service) problems.push(`${COMPOSE_FILE}: no service "${name}"`);
    else {
      if (!service.image) problems.push(`${COMPOSE_FILE} service "${name}": no image`);
      if (!service.healthcheck?.test || service.healthcheck.disable) problems.push(`${COMPOSE_FILE} service "${name}": no healthcheck`);
      problems.push(...readOnlyProblems(name));
    }
    expect(problems).toEqual([]);
  });

  it('runs every infrastructure service from an image built here (no registry is reachable)', () => {
    const foreign = ['kafka', 'postgres']
      .filter((name) => !services[name]?.image?.startsWith('complaints/'))
      .map((name) => `${COMPOSE_FILE} service "${name}": image ${services[name]?.image} is not one \`npm run deploy:images\` builds`);
    expect(foreign).toEqual([]);
  });

  it("can be read by Debian's docker-compose 1.29 (no top-level name; the project is given with -p)", () => {
    expect(compose.name === undefined ? [] : [`${COMPOSE_FILE}: top-level "name" is refused by docker-compose 1.29`]).toEqual([]);
  });

  it.each(APPS)('gives %s a valid production configuration with the secrets deploy:up generates', (app) => {
    const env = containerEnv(app, generateDeployEnv());
    let problem = '';
    try {
      loadConfig(configClassOf(app), env);
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
    }
    expect(problem).toBe('');
  });

  it('makes compose stop on a missing secret rather than start a service without it', () => {
    const { STAFF_TOKEN_SIGNING_KEY, ...others } = generateDeployEnv();
    expect(STAFF_TOKEN_SIGNING_KEY).toBeTruthy();
    expect(() => containerEnv('cases', others)).toThrow(/^STAFF_TOKEN_SIGNING_KEY: set STAFF_TOKEN_SIGNING_KEY in \.env$/);
  });
});

describe(DOCKERFILE, () => {
  const path = join(ROOT, DOCKERFILE);
  /** Instructions, with line continuations joined and comments dropped. */
  const instructions = existsSync(path)
    ? readFileSync(path, 'utf8')
        .replace(/\\\r?\n/g, ' ')
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line && !line.startsWith('#'))
    : [];

  it('exists', () => {
    expect(existsSync(path) ? [] : [`${DOCKERFILE} is missing`]).toEqual([]);
  });

  it('takes the app as the build argument APP', () => {
    expect(instructions.some((line) => /^ARG\s+APP(=|\s|$)/i.test(line)) ? [] : [`${DOCKERFILE}: no "ARG APP"`]).toEqual([]);
  });

  it('runs as a non-root user', () => {
    const users = instructions.filter((line) => /^USER\s/i.test(line));
    const last = users.at(-1)?.split(/\s+/)[1].split(':')[0];
    const problems = !last
      ? [`${DOCKERFILE}: no USER instruction (the app would run as root)`]
      : ['root', '0'].includes(last)
        ? [`${DOCKERFILE}: the last USER is ${last}`]
        : [];
    expect(problems).toEqual([]);
  });

  it('builds from the base images deploy:images makes, or its own stages (no registry is reachable)', () => {
    const args = Object.fromEntries(
      instructions
        .flatMap((line) => /^ARG\s+(\w+)=(\S+)/i.exec(line)?.slice(1, 3) ?? [])
        .reduce<string[][]>((pairs, item, i, all) => (i % 2 ? pairs : [...pairs, [item, all[i + 1]]]), []),
    );
    const stages: string[] = [];
    const problems: string[] = [];
    for (const line of instructions.filter((l) => /^FROM\s/i.test(l))) {
      const [, image, , stage] = line.split(/\s+/);
      const resolved = image.replace(/^\$\{(\w+)\}$/, (_, name: string) => args[name] ?? image);
      if (!stages.includes(resolved) && !resolved.startsWith('complaints/base-'))
        problems.push(`${DOCKERFILE}: FROM ${image} (${resolved})`);
      if (stage) stages.push(stage);
    }
    expect(problems).toEqual([]);
  });

  it("suits the classic builder (Debian's docker.io has no buildx): no RUN --mount, no heredocs, no syntax directive", () => {
    const text = readFileSync(path, 'utf8');
    const problems = [
      ...(/^\s*RUN\s+--mount/im.test(text) ? ['RUN --mount'] : []),
      ...(/<<-?\s*['"]?\w+['"]?\s*$/m.test(text) ? ['a heredoc'] : []),
      ...(/^#\s*syntax=/im.test(text) ? ['a # syntax= directive (pulls a frontend image)'] : []),
    ];
    expect(problems.map((p) => `${DOCKERFILE}: ${p}`)).toEqual([]);
  });

  it('starts dist/apps/${APP}/src/main.js', () => {
    const cmd = instructions.filter((line) => /^CMD\s/i.test(line)).at(-1);
    expect(
      cmd?.includes('dist/apps/${APP}/src/main.js')
        ? []
        : [`${DOCKERFILE}: the CMD (${cmd ?? 'none'}) does not start dist/apps/\${APP}/src/main.js`],
    ).toEqual([]);
  });
});

describe('docker-compose.kafka3.yml (DEPLOY_KAFKA_BROKERS=3)', () => {
  const override = parse(read('docker-compose.kafka3.yml'), { merge: true }) as { services: Record<string, ComposeService> };
  const brokers = ['kafka', 'kafka-2', 'kafka-3'];
  /** A broker's settings with the override merged over the base file, as compose merges them. */
  const brokerEnv = (name: string): Env => ({
    ...(services[name] ? environmentOf(services[name]) : {}),
    ...environmentOf(override.services[name] ?? {}),
  });

  it('runs three brokers, each a controller of one quorum, with three copies and two in sync', () => {
    const problems: string[] = [];
    const voters = brokers.map((name, i) => `${i + 1}@${name}:9093`).join(',');
    for (const [i, name] of brokers.entries()) {
      const env = brokerEnv(name);
      const where = `broker "${name}"`;
      if (env.KAFKA_NODE_ID !== String(i + 1)) problems.push(`${where}: KAFKA_NODE_ID is ${env.KAFKA_NODE_ID}, expected ${i + 1}`);
      if (env.KAFKA_CONTROLLER_QUORUM_VOTERS !== voters) problems.push(`${where}: voters ${env.KAFKA_CONTROLLER_QUORUM_VOTERS}`);
      if (env.KAFKA_DEFAULT_REPLICATION_FACTOR !== '3')
        problems.push(`${where}: default replication factor ${env.KAFKA_DEFAULT_REPLICATION_FACTOR}`);
      if (env.KAFKA_MIN_INSYNC_REPLICAS !== '2') problems.push(`${where}: min.insync.replicas ${env.KAFKA_MIN_INSYNC_REPLICAS}`);
      if (env.KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR !== '3') problems.push(`${where}: offsets topic replication factor`);
      if (!env.KAFKA_ADVERTISED_LISTENERS?.startsWith(`PLAINTEXT://${name}:9092,`)) problems.push(`${where}: advertised listeners`);
      const service = override.services[name] ?? services[name];
      if (name !== 'kafka' && (!service?.image?.startsWith('complaints/kafka:') || !service.healthcheck?.test))
        problems.push(`${where}: needs the complaints/kafka image and a healthcheck`);
      if (name !== 'kafka') problems.push(...(service?.read_only === true ? [] : [`${where}: read_only must be true`]));
    }
    expect(problems).toEqual([]);
  });

  it.each(APPS)('points %s at the three brokers, with replication factor 3, once all three are healthy', (app) => {
    const service = override.services[app];
    const env = service ? environmentOf(service) : {};
    const deps = service ? dependenciesOf(service) : new Map();
    const problems = [
      ...(env.KAFKA_BROKERS === brokers.map((b) => `${b}:9092`).join(',') ? [] : [`KAFKA_BROKERS is ${env.KAFKA_BROKERS}`]),
      ...(env.KAFKA_REPLICATION_FACTOR === '3' ? [] : [`KAFKA_REPLICATION_FACTOR is ${env.KAFKA_REPLICATION_FACTOR}`]),
      ...[...brokers, 'postgres'].filter((b) => deps.get(b) !== 'service_healthy').map((b) => `does not wait for ${b} to be healthy`),
    ];
    expect(problems).toEqual([]);
  });
});
