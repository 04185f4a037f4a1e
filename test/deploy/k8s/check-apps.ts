import { find, K8sObject, nameOf, ofKind, selects } from './objects';
import { appContainer, hasDisruptionBudget, resolvePort } from './workloads';

export interface AppPort {
  name: string;
  portVariable: string;
  defaultPort: number;
}

/**
 * Every app has a Deployment whose container listens on the app's port (named `http`, with its
 * `<APP>_PORT` variable), probes `/health/live` and `/health/ready` on it, runs hardened (non-root,
 * read-only root filesystem, no capabilities, RuntimeDefault seccomp, no service account token) with
 * requests and limits and a pinned image; and a Service on that port and a PodDisruptionBudget.
 */
export function checkApps(objects: K8sObject[], apps: AppPort[]): string[] {
  const problems: string[] = [];
  for (const app of apps) {
    const deployment = find(objects, 'Deployment', app.name);
    if (!deployment) {
      problems.push(`${app.name}: no Deployment`);
      continue;
    }
    const say = (problem: string) => problems.push(`${nameOf(deployment)}: ${problem}`);
    const pod = deployment.spec?.template?.spec ?? {};
    const container = appContainer(deployment);
    if (!container) {
      say('no container');
      continue;
    }
    if (resolvePort(container, 'http') !== app.defaultPort) say(`no container port named http = ${app.defaultPort}`);
    const portEnv = (container.env ?? []).find((variable: any) => variable.name === app.portVariable);
    if (portEnv?.value !== String(app.defaultPort)) say(`${app.portVariable} is not set to ${app.defaultPort}`);
    for (const [probeName, path] of [
      ['livenessProbe', '/health/live'],
      ['readinessProbe', '/health/ready'],
    ]) {
      const probe = container[probeName]?.httpGet;
      if (!probe) say(`no ${probeName} (HTTP GET ${path})`);
      else if (probe.path !== path || resolvePort(container, probe.port) !== app.defaultPort) {
        say(`${probeName} is GET ${probe.path} on ${String(probe.port)}, not ${path} on ${app.defaultPort}`);
      }
    }
    const podSecurity = pod.securityContext ?? {};
    const security = container.securityContext ?? {};
    if (podSecurity.runAsNonRoot !== true && security.runAsNonRoot !== true) say('may run as root (runAsNonRoot)');
    if ((security.seccompProfile ?? podSecurity.seccompProfile)?.type !== 'RuntimeDefault') say('seccomp profile is not RuntimeDefault');
    if (security.readOnlyRootFilesystem !== true) say('root filesystem is writable');
    if (security.allowPrivilegeEscalation !== false) say('allows privilege escalation');
    if (!(security.capabilities?.drop ?? []).includes('ALL')) say('does not drop ALL capabilities');
    if (pod.automountServiceAccountToken !== false) say('mounts a service account token it does not use');
    const resources = container.resources ?? {};
    for (const [kind, resource] of [
      ['requests', 'cpu'],
      ['requests', 'memory'],
      ['limits', 'memory'],
    ]) {
      if (!resources[kind]?.[resource]) say(`no resources.${kind}.${resource}`);
    }
    const image = String(container.image ?? '');
    const tag = /:([^/:@]+)$/.exec(image)?.[1];
    if (!image.includes('/') || (!tag && !image.includes('@sha256:')) || tag === 'latest')
      say(`image ${image} has no registry or pinned tag`);

    const labels = deployment.spec?.template?.metadata?.labels ?? {};
    const service = find(objects, 'Service', app.name);
    if (!service) say('no Service of the same name');
    else {
      if (!service.spec?.selector || !selects({ matchLabels: service.spec.selector }, labels))
        say(`Service/${app.name} does not select its pods`);
      const port = (service.spec?.ports ?? []).find((candidate: any) => candidate.port === app.defaultPort);
      if (!port || resolvePort(container, port.targetPort ?? port.port) !== app.defaultPort) {
        say(`Service/${app.name} has no port ${app.defaultPort} reaching the container's port`);
      }
    }
    if (!hasDisruptionBudget(objects, deployment)) say('no PodDisruptionBudget');
  }
  for (const deployment of ofKind(objects, 'Deployment')) {
    if (!apps.some((app) => app.name === deployment.metadata.name)) problems.push(`${nameOf(deployment)}: not an app under apps/`);
  }
  return problems;
}

/** Where a Deployment reads a setting from a file (`NAME_FILE`), and which Secret item backs that file. */
export interface SecretFile {
  deployment: string;
  setting: string;
  path: string;
  secret?: string;
  key?: string;
}

/**
 * Every `NAME_FILE` variable points at a file that a read-only mounted Secret volume (or projected
 * Secret source) provides as an item, and NAME itself is not also set. Returns the problems and the
 * files, so that the caller can check the Secrets' names and the app's configuration.
 */
export function checkSecretFiles(objects: K8sObject[]): { problems: string[]; files: SecretFile[] } {
  const problems: string[] = [];
  const files: SecretFile[] = [];
  for (const deployment of ofKind(objects, 'Deployment')) {
    const pod = deployment.spec?.template?.spec ?? {};
    for (const container of pod.containers ?? []) {
      const env: any[] = container.env ?? [];
      for (const variable of env.filter((candidate) => candidate.name.endsWith('_FILE'))) {
        const setting = variable.name.slice(0, -'_FILE'.length);
        const path = String(variable.value ?? '');
        const file: SecretFile = { deployment: deployment.metadata.name, setting, path };
        files.push(file);
        const say = (problem: string) => problems.push(`${nameOf(deployment)}: ${variable.name}=${path} ${problem}`);
        if (env.some((candidate) => candidate.name === setting)) say(`but ${setting} is set too`);
        const mount = (container.volumeMounts ?? []).find((candidate: any) => path.startsWith(`${candidate.mountPath}/`));
        if (!mount) {
          say('is under no volume mount');
          continue;
        }
        if (mount.readOnly !== true) say(`is on a writable mount (${mount.mountPath})`);
        const item = path.slice(mount.mountPath.length + 1);
        const volume = (pod.volumes ?? []).find((candidate: any) => candidate.name === mount.name);
        const sources: any[] = volume?.secret
          ? [{ name: volume.secret.secretName, items: volume.secret.items }]
          : (volume?.projected?.sources ?? []).filter((source: any) => source.secret).map((source: any) => source.secret);
        const provider = sources
          .flatMap((source) => (source.items ?? []).map((entry: any) => ({ secret: source.name, key: entry.key, path: entry.path })))
          .find((entry) => entry.path === item);
        if (!provider) say(`is not an item of the Secrets mounted at ${mount.mountPath}`);
        else Object.assign(file, { secret: provider.secret, key: provider.key });
      }
    }
  }
  return { problems, files };
}
