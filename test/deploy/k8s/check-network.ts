import { K8sObject, LabelSelector, nameOf, ofKind, PodShape, selects } from './objects';
import { podShapes } from './workloads';

interface Peer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: unknown;
}
interface Rule {
  peers?: Peer[];
  ports?: Array<{ port?: number | string; protocol?: string }>;
}

/** A peer of this namespace's pods only (no namespaceSelector, no ipBlock). */
const localPeer = (peer: Peer): boolean => peer.podSelector !== undefined && !peer.namespaceSelector && !peer.ipBlock;

function rulePorts(rule: Rule, pod: PodShape, port: number): boolean {
  if (!rule.ports || rule.ports.length === 0) return true;
  return rule.ports.some(
    (entry) => entry.port === undefined || entry.port === port || (typeof entry.port === 'string' && pod.ports[entry.port] === port),
  );
}

/**
 * Whether a pod may open a TCP connection to another pod of the namespace on a port under these
 * NetworkPolicies: the source's egress and the destination's ingress must both allow it (a pod that
 * no policy of a direction selects is open in that direction). ipBlock rules are taken to never match
 * pods (the policies here exclude the private ranges that pod addresses come from).
 */
export function mayConnect(policies: K8sObject[], from: PodShape, to: PodShape, port: number): boolean {
  const direction = (type: 'Ingress' | 'Egress', subject: PodShape, other: PodShape, destination: PodShape): boolean => {
    const applying = policies.filter(
      (policy) => (policy.spec?.policyTypes ?? ['Ingress']).includes(type) && selects(policy.spec?.podSelector, subject.labels),
    );
    if (applying.length === 0) return true;
    const rules: Rule[] = applying.flatMap((policy) =>
      ((type === 'Ingress' ? policy.spec?.ingress : policy.spec?.egress) ?? []).map((rule: any) => ({
        peers: type === 'Ingress' ? rule.from : rule.to,
        ports: rule.ports,
      })),
    );
    return rules.some(
      (rule) =>
        (!rule.peers || rule.peers.some((peer) => localPeer(peer) && selects(peer.podSelector, other.labels))) &&
        rulePorts(rule, destination, port),
    );
  };
  return direction('Egress', from, to, to) && direction('Ingress', to, from, to);
}

/**
 * NetworkPolicies select real pods (their podSelector, and every pod peer of this namespace), name only
 * ports that exist; the public intakes reach no internal service; router and analytics reach cases
 * (JWKS); every app reaches a Kafka broker and PostgreSQL.
 */
export function checkNetworkPolicies(objects: K8sObject[], publicApps: string[], internalApps: string[]): string[] {
  const problems: string[] = [];
  const pods = podShapes(objects);
  const policies = ofKind(objects, 'NetworkPolicy');
  const matching = (selector: LabelSelector | undefined) => pods.filter((pod) => selects(selector, pod.labels));
  for (const policy of policies) {
    const say = (problem: string) => problems.push(`${nameOf(policy)}: ${problem}`);
    const subjects = matching(policy.spec?.podSelector);
    if (subjects.length === 0) say('its podSelector selects no pod');
    for (const [type, key, peersKey] of [
      ['ingress', 'ingress', 'from'],
      ['egress', 'egress', 'to'],
    ] as const) {
      for (const rule of policy.spec?.[key] ?? []) {
        const peers: Peer[] = rule[peersKey] ?? [];
        for (const peer of peers.filter(localPeer)) {
          if (matching(peer.podSelector).length === 0) say(`an ${type} peer selects no pod: ${JSON.stringify(peer.podSelector)}`);
        }
        const portOwners = type === 'ingress' ? subjects : peers.filter(localPeer).flatMap((peer) => matching(peer.podSelector));
        for (const entry of rule.ports ?? []) {
          if (typeof entry.port === 'string' && portOwners.length > 0 && !portOwners.some((pod) => entry.port in pod.ports)) {
            say(`${type} port ${entry.port} is no named port of the pods it applies to`);
          }
        }
      }
    }
  }
  const app = (name: string) => pods.find((pod) => pod.owner === `Deployment/${name}`);
  const httpPort = (pod: PodShape) => pod.ports.http;
  for (const source of publicApps.map(app)) {
    for (const target of internalApps.map(app)) {
      if (source && target && mayConnect(policies, source, target, httpPort(target))) {
        problems.push(`${source.owner} (public) can reach ${target.owner} (internal)`);
      }
    }
  }
  const cases = app('cases');
  for (const name of ['router', 'analytics']) {
    const source = app(name);
    if (source && cases && !mayConnect(policies, source, cases, httpPort(cases))) problems.push(`${source.owner} cannot reach cases' JWKS`);
  }
  const brokers = pods.filter((pod) => pod.labels['strimzi.io/broker-role'] === 'true');
  const databases = pods.filter((pod) => pod.labels['cnpg.io/cluster']);
  for (const source of [...publicApps, ...internalApps].map(app)) {
    if (!source) continue;
    if (!brokers.some((broker) => mayConnect(policies, source, broker, 9092)))
      problems.push(`${source.owner} cannot reach a Kafka broker on 9092`);
    if (!databases.some((database) => mayConnect(policies, source, database, 5432)))
      problems.push(`${source.owner} cannot reach PostgreSQL on 5432`);
  }
  return problems;
}
