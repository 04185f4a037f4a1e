import { K8sObject } from './objects';
import { appContainer } from './workloads';

/**
 * The environment a Deployment's app container starts with: its ConfigMaps (envFrom) overlaid by its
 * own `env` values, and the `NAME_FILE` paths it reads secrets from. Variables taken from Secrets or
 * fields (valueFrom) are listed as unresolved.
 */
export function appEnvironment(objects: K8sObject[], deployment: K8sObject): { env: Record<string, string>; unresolved: string[] } {
  const container = appContainer(deployment);
  const env: Record<string, string> = {};
  const unresolved: string[] = [];
  for (const source of container?.envFrom ?? []) {
    const name = source.configMapRef?.name;
    const map = objects.find((object) => object.kind === 'ConfigMap' && object.metadata.name === name);
    if (map) Object.assign(env, map.data ?? {});
    else unresolved.push(`envFrom ${JSON.stringify(source)}`);
  }
  for (const variable of container?.env ?? []) {
    if (typeof variable.value === 'string') env[variable.name] = variable.value;
    else unresolved.push(variable.name);
  }
  return { env, unresolved };
}
