import { find, K8sObject, nameOf, ofKind } from './objects';
import { configValue } from './workloads';

/** The Service an Ingress sends a URL to (longest matching path of the host's rule), if any. */
export function routeOf(objects: K8sObject[], url: string): string | undefined {
  const { hostname, pathname } = new URL(url);
  let best: { length: number; service: string } | undefined;
  for (const ingress of ofKind(objects, 'Ingress')) {
    for (const rule of ingress.spec?.rules ?? []) {
      if (rule.host !== hostname) continue;
      for (const path of rule.http?.paths ?? []) {
        const matches =
          path.pathType === 'Exact'
            ? pathname === path.path
            : pathname === path.path || pathname.startsWith(path.path.replace(/\/?$/, '/'));
        if (matches && (!best || path.path.length > best.length)) best = { length: path.path.length, service: path.backend?.service?.name };
      }
    }
  }
  return best?.service;
}

/**
 * Ingress backends are existing Services and ports; TLS covers every host; the public intakes and the
 * staff console are published; and the addresses the apps hand to browsers and partners (complaints-site
 * ConfigMap) lead, through the Ingresses, to the service meant.
 */
export function checkRouting(objects: K8sObject[], published: string[]): string[] {
  const problems: string[] = [];
  const routed = new Set<string>();
  for (const ingress of ofKind(objects, 'Ingress')) {
    const say = (problem: string) => problems.push(`${nameOf(ingress)}: ${problem}`);
    const tlsHosts = new Set((ingress.spec?.tls ?? []).flatMap((tls: any) => tls.hosts ?? []));
    for (const rule of ingress.spec?.rules ?? []) {
      if (!tlsHosts.has(rule.host)) say(`host ${rule.host} has no TLS`);
      for (const path of rule.http?.paths ?? []) {
        const backend = path.backend?.service;
        const service = backend && find(objects, 'Service', backend.name);
        if (!service) {
          say(`${rule.host}${path.path} goes to Service ${backend?.name}, which does not exist`);
          continue;
        }
        routed.add(service.metadata.name);
        const port = (service.spec?.ports ?? []).find(
          (candidate: any) => candidate.name === backend.port?.name || candidate.port === backend.port?.number,
        );
        if (!port) say(`${rule.host}${path.path} names a port Service/${backend.name} does not have`);
      }
    }
  }
  for (const name of published) if (!routed.has(name)) problems.push(`${name}: no Ingress publishes it`);

  const expectations: Array<[string, (value: string) => Array<[string, string]>]> = [
    ['CASES_CONSOLE_ROUTER_URL', (value) => [[value, 'router']]],
    ['CASES_CONSOLE_ANALYTICS_URL', (value) => [[value, 'analytics']]],
    ['INTAKE_WEB_ANALYTICS_URL', (value) => [[`${value.replace(/\/$/, '')}/v1/transparency`, 'analytics']]],
    ['ROUTER_CORS_ORIGINS', (value) => list(value).map((origin) => [origin, 'cases'])],
    ['ANALYTICS_CORS_ORIGINS', (value) => list(value).map((origin) => [origin, 'cases'])],
    ['ANALYTICS_PUBLIC_CORS_ORIGINS', (value) => list(value).map((origin) => [origin, 'intake-web'])],
    [
      'CASES_EVIDENCE_BASE_URLS',
      (value) =>
        list(value).map((pair) => {
          const [channel, ...rest] = pair.split(':');
          return [rest.join(':'), channel === 'web' ? 'intake-web' : `intake-${channel}`];
        }),
    ],
  ];
  for (const [key, targets] of expectations) {
    const value = configValue(objects, key);
    if (!value) {
      problems.push(`${key}: not set in a ConfigMap`);
      continue;
    }
    for (const [url, service] of targets(value)) {
      const reached = routeOf(objects, url);
      if (reached !== service) problems.push(`${key}: ${url} leads to ${reached ?? 'no Service'}, not ${service}`);
    }
  }
  return problems;
}

const list = (value: string): string[] =>
  value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);

/**
 * Autoscalers scale existing Deployments of the stateless HTTP intakes only (min <= max, CPU target
 * with a CPU request), and each of those intakes has one.
 */
export function checkAutoscalers(objects: K8sObject[], autoscaled: string[]): string[] {
  const problems: string[] = [];
  const autoscalers = ofKind(objects, 'HorizontalPodAutoscaler');
  for (const hpa of autoscalers) {
    const say = (problem: string) => problems.push(`${nameOf(hpa)}: ${problem}`);
    const target = hpa.spec?.scaleTargetRef ?? {};
    const deployment =
      target.kind === 'Deployment' && target.apiVersion === 'apps/v1' ? find(objects, 'Deployment', target.name) : undefined;
    if (!deployment) {
      say(`scales ${target.apiVersion}/${target.kind}/${target.name}, which does not exist`);
      continue;
    }
    if (!autoscaled.includes(target.name)) say(`scales ${target.name}, which is not a stateless HTTP intake`);
    if (Number(hpa.spec?.minReplicas ?? 1) > Number(hpa.spec?.maxReplicas)) say('minReplicas is above maxReplicas');
    const usesCpu = (hpa.spec?.metrics ?? []).some((metric: any) => metric.resource?.name === 'cpu');
    const requestsCpu = (deployment.spec?.template?.spec?.containers ?? []).every((container: any) => container.resources?.requests?.cpu);
    if (usesCpu && !requestsCpu) say('targets CPU utilisation of containers without a CPU request');
  }
  for (const name of autoscaled) {
    if (!autoscalers.some((hpa) => hpa.spec?.scaleTargetRef?.name === name)) problems.push(`${name}: no HorizontalPodAutoscaler`);
  }
  return problems;
}
