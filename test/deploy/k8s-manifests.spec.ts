import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClassConstructor } from 'class-transformer';
import { loadConfig } from '@complaints/config';
import { allTopics } from '@complaints/contracts';
import { AnalyticsConfig } from '../../apps/analytics/src/analytics.config';
import { CasesConfig } from '../../apps/cases/src/cases.config';
import { IntakeHotlineConfig } from '../../apps/intake-hotline/src/intake-hotline.config';
import { IntakeMobileConfig } from '../../apps/intake-mobile/src/intake-mobile.config';
import { IntakeSocialConfig } from '../../apps/intake-social/src/intake-social.config';
import { IntakeWebConfig } from '../../apps/intake-web/src/intake-web.config';
import { NotifierConfig } from '../../apps/notifier/src/notifier.config';
import { RouterConfig } from '../../apps/router/src/router.config';
import { SERVICES } from '../../tools/stack/services';
import { appEnvironment } from './k8s/app-environment';
import { checkApps, checkSecretFiles } from './k8s/check-apps';
import { checkDatabaseConnections } from './k8s/check-capacity';
import { checkConsumers, checkKafka } from './k8s/check-kafka';
import { checkNetworkPolicies } from './k8s/check-network';
import { checkAutoscalers, checkRouting } from './k8s/check-routing';
import { unknownFields } from './k8s/known-fields';
import { find, K8sObject, ofKind } from './k8s/objects';
import { findRenderer, render, Renderer } from './k8s/render';
import { sampleSecret } from './k8s/sample-secrets';
import { validateSchemas } from './k8s/validate-schemas';

/**
 * deploy/k8s cannot be applied here (no cluster), so every overlay is rendered with kustomize and each
 * object is validated offline against the Kubernetes API schemas (kubernetes-models 5.1.0: Kubernetes
 * 1.36.0) and the operators' CRD schemas (Strimzi kafka.strimzi.io/v1, CloudNativePG postgresql.cnpg.io/v1),
 * then checked against the code: apps, ports, probes, secrets, topics, consumers, policies, routes.
 * A deliberately broken copy must fail each check it breaks.
 */

const ROOT = join(__dirname, '..', '..');
const K8S = join(ROOT, 'deploy', 'k8s');
const OVERLAYS = ['development', 'production'];
const TOPICS = allTopics();
/** The stateless HTTP intakes, which autoscale; intake-social is public but keeps fixed replicas. */
const AUTOSCALED = ['intake-web', 'intake-hotline', 'intake-mobile'];
const PUBLIC_APPS = ['intake-web', 'intake-hotline', 'intake-mobile', 'intake-social'];
const INTERNAL_APPS = ['router', 'cases', 'notifier', 'analytics'];
const CONFIGS: Record<string, ClassConstructor<object>> = {
  'intake-web': IntakeWebConfig,
  'intake-hotline': IntakeHotlineConfig,
  'intake-mobile': IntakeMobileConfig,
  'intake-social': IntakeSocialConfig,
  router: RouterConfig,
  cases: CasesConfig,
  notifier: NotifierConfig,
  analytics: AnalyticsConfig,
};

/** Apps are directories under apps/ with a src/main.ts. */
const APPS = readdirSync(join(ROOT, 'apps'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(ROOT, 'apps', entry.name, 'src', 'main.ts')))
  .map((entry) => entry.name)
  .sort();

/** The Secrets an operator creates (deploy/k8s/README.md lists each with its keys); the database's comes from CloudNativePG. */
const README = readFileSync(join(K8S, 'README.md'), 'utf8');

/** Every project-specific check on one rendered overlay. */
function projectProblems(objects: K8sObject[]): string[] {
  const { problems: secretProblems, files } = checkSecretFiles(objects);
  const databaseSecrets = ofKind(objects, 'Cluster').map((cluster) => `${cluster.metadata.name}-app`);
  const undocumented = files
    .filter((file) => file.secret && !databaseSecrets.includes(file.secret) && !README.includes(`\`${file.secret}\``))
    .map((file) => `Secret ${file.secret} is not listed in deploy/k8s/README.md`);
  return [
    ...checkApps(objects, SERVICES),
    ...secretProblems,
    ...[...new Set(undocumented)],
    ...checkKafka(objects, TOPICS),
    ...checkConsumers(objects, TOPICS),
    ...checkAutoscalers(objects, AUTOSCALED),
    ...checkNetworkPolicies(objects, PUBLIC_APPS, INTERNAL_APPS),
    ...checkRouting(objects, [...PUBLIC_APPS, 'cases']),
    ...checkDatabaseConnections(objects),
  ];
}

/** Loads each app's configuration (production rules) from what its Deployment gives it, secrets from sample files. */
function configProblems(objects: K8sObject[]): string[] {
  const directory = mkdtempSync(join(tmpdir(), 'k8s-secrets-'));
  try {
    return APPS.flatMap((app) => {
      const deployment = find(objects, 'Deployment', app);
      if (!deployment) return [`${app}: no Deployment`];
      const { env, unresolved } = appEnvironment(objects, deployment);
      const problems = unresolved.map((name) => `${app}: ${name} is not given as a plain value`);
      if (env.NODE_ENV !== 'production') problems.push(`${app}: NODE_ENV is ${env.NODE_ENV}, not production`);
      for (const name of Object.keys(env).filter((key) => key.endsWith('_FILE'))) {
        const setting = name.slice(0, -'_FILE'.length);
        const value = sampleSecret(setting);
        if (value === undefined) {
          problems.push(`${app}: no sample value for ${setting} (add one to test/deploy/k8s/sample-secrets.ts)`);
          continue;
        }
        const file = join(directory, `${app}-${setting}`);
        writeFileSync(file, value);
        env[name] = file;
      }
      try {
        loadConfig(CONFIGS[app], env);
      } catch (error) {
        problems.push(`${app}: ${error instanceof Error ? error.message : String(error)}`);
      }
      return problems;
    });
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** Faults planted in a copy of deploy/k8s, each with what the checks must say about it. */
const FAULTS: Array<{ file: string; from: string | RegExp; to: string; expected: string }> = [
  {
    file: 'base/kafka/topics.yaml',
    from: /---\napiVersion: kafka.strimzi.io\/v1\nkind: KafkaTopic\nmetadata:\n {2}name: complaints.assignments.v1.dlq\n[\s\S]*?min.insync.replicas: 2\n/,
    to: '',
    expected: 'topic complaints.assignments.v1.dlq: no KafkaTopic',
  },
  {
    file: 'base/kafka/topics.yaml',
    from: 'replicas: 3',
    to: 'replicas: 1',
    expected: 'KafkaTopic/complaints.received.v1: replicas 1, not 3',
  },
  {
    file: 'base/apps/cases.yaml',
    from: 'containerPort: 3006',
    to: "containerPort: '3006'",
    expected: 'Deployment/cases: /spec/template/spec/containers/0/ports/0/containerPort must be integer',
  },
  {
    file: 'base/autoscalers.yaml',
    from: '    kind: Deployment\n    name: intake-mobile',
    to: '    kind: Deployment\n    name: intake-mobil',
    expected: 'HorizontalPodAutoscaler/intake-mobile: scales apps/v1/Deployment/intake-mobil, which does not exist',
  },
  {
    file: 'base/apps/router.yaml',
    from: 'path: ROUTING_FINGERPRINT_KEY',
    to: 'path: ROUTING_KEY',
    expected:
      'Deployment/router: ROUTING_FINGERPRINT_KEY_FILE=/run/secrets/complaints/ROUTING_FINGERPRINT_KEY is not an item of the Secrets',
  },
  {
    file: 'base/network-policies.yaml',
    from: /values: \[router, analytics\]/g,
    to: 'values: [router, analytics, intake-web]',
    expected: 'Deployment/intake-web (public) can reach Deployment/cases (internal)',
  },
  {
    file: 'base/patches/app-pod.yaml',
    from: 'path: /health/ready',
    to: 'path: /health/live',
    expected: 'Deployment/notifier: readinessProbe is GET /health/live on http, not /health/ready on 3007',
  },
  {
    file: 'base/apps/intake-social.yaml',
    from: '            - name: WEIBO_APP_SECRET_FILE\n              value: /run/secrets/complaints/WEIBO_APP_SECRET\n',
    to: '',
    expected: 'intake-social: Invalid configuration',
  },
  {
    file: 'base/apps/analytics.yaml',
    from: 'readOnly: true',
    to: 'readonly: true',
    expected: 'Deployment/analytics: Object literal may only specify known properties, and \'"readonly"\' does not exist',
  },
  {
    file: 'overlays/production/kustomization.yaml',
    from: '{ name: router, count: 3 }',
    to: '{ name: router, count: 8 }',
    expected: 'Deployment/router: up to 8 replicas read complaints.received.v1, which has 6 partitions',
  },
];

/** Plants every fault of FAULTS in a copy of deploy/k8s; returns the copy's directory. */
function brokenCopy(): string {
  const copy = mkdtempSync(join(tmpdir(), 'k8s-broken-'));
  cpSync(K8S, copy, { recursive: true });
  for (const fault of FAULTS) {
    const path = join(copy, fault.file);
    const before = readFileSync(path, 'utf8');
    const after = before.replace(fault.from, fault.to);
    if (after === before) throw new Error(`fault not planted: ${fault.file} has no ${String(fault.from)}`);
    writeFileSync(path, after);
  }
  return copy;
}

interface Rendered {
  objects: K8sObject[];
  /** Against the JSON schemas, then fields the models do not know. */
  schemaProblems: string[];
}

let renderer: Renderer;
const rendered: Record<string, Rendered> = {};

// Both overlays and the broken copy are rendered first and validated together: one schema process, one type check.
beforeAll(() => {
  renderer = findRenderer((line) => process.stderr.write(`[k8s manifests] ${line}\n`));
  const copy = brokenCopy();
  try {
    const sets: Record<string, K8sObject[]> = Object.fromEntries(
      OVERLAYS.map((overlay) => [overlay, render(renderer, join(K8S, 'overlays', overlay))]),
    );
    sets.broken = render(renderer, join(copy, 'overlays', 'production'));
    const schemas = validateSchemas(sets);
    const fields = unknownFields(sets, ROOT);
    for (const [label, objects] of Object.entries(sets))
      rendered[label] = { objects, schemaProblems: [...schemas[label], ...fields[label]] };
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});

afterAll(() => {
  if (!renderer) return;
  const lines = OVERLAYS.filter((overlay) => rendered[overlay]).map((overlay) => {
    const kinds: Record<string, number> = {};
    for (const object of rendered[overlay].objects) kinds[object.kind] = (kinds[object.kind] ?? 0) + 1;
    const detail = Object.entries(kinds)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([kind, count]) => `${kind} ${count}`)
      .join(', ');
    const problems = rendered[overlay].schemaProblems.length;
    return `  ${overlay}: ${rendered[overlay].objects.length} objects validated, ${problems} schema problems (${detail})`;
  });
  process.stdout.write(
    `Kubernetes manifests rendered with ${renderer.command} ${renderer.args.join(' ')} (kustomize ${renderer.version}):\n${lines.join('\n')}\n`,
  );
});

it('knows every app: tools/stack/services.ts lists exactly the apps under apps/', () => {
  expect(SERVICES.map((service) => service.name).sort()).toEqual(APPS);
  expect(Object.keys(CONFIGS).sort()).toEqual(APPS);
});

describe.each(OVERLAYS)('deploy/k8s/overlays/%s', (overlay) => {
  it('renders, and every object is valid against the Kubernetes 1.36 API and the Strimzi and CloudNativePG CRD schemas, with no unknown field', () => {
    expect(rendered[overlay].objects.length).toBeGreaterThan(0);
    expect(rendered[overlay].schemaProblems).toEqual([]);
  });

  it('passes every project check (apps, probes, secrets, topics, consumers, autoscalers, network policies, routes, connections)', () => {
    expect(projectProblems(rendered[overlay].objects)).toEqual([]);
  });

  it('gives every app an environment its configuration accepts with NODE_ENV=production', () => {
    expect(configProblems(rendered[overlay].objects)).toEqual([]);
  });
});

it('fails a deliberately broken copy of deploy/k8s with each planted fault', () => {
  const { objects, schemaProblems } = rendered.broken;
  const problems = [...schemaProblems, ...projectProblems(objects), ...configProblems(objects)];
  const missed = FAULTS.filter((fault) => !problems.some((problem) => problem.startsWith(fault.expected))).map((fault) => fault.expected);
  expect({ missed, problems }).toEqual({ missed: [], problems: expect.any(Array) });
});
