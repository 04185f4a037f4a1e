import { find, K8sObject, ofKind, PodShape, selects } from './objects';

/** The app container of a Deployment (named `app`, else the first). */
export function appContainer(deployment: K8sObject): any {
  const containers: any[] = deployment.spec?.template?.spec?.containers ?? [];
  return containers.find((container) => container.name === 'app') ?? containers[0];
}

/** A probe's or a Service's port (a number or a container port's name) as a number, if it resolves. */
export function resolvePort(container: any, port: number | string | undefined): number | undefined {
  if (typeof port === 'number') return port;
  return (container?.ports ?? []).find((candidate: any) => candidate.name === port)?.containerPort;
}

/** The most replicas a Deployment can have: its autoscaler's maximum, else its replicas. */
export function maxReplicas(objects: K8sObject[], deployment: K8sObject): number {
  const autoscaler = ofKind(objects, 'HorizontalPodAutoscaler').find(
    (hpa) => hpa.spec?.scaleTargetRef?.kind === 'Deployment' && hpa.spec.scaleTargetRef.name === deployment.metadata.name,
  );
  return autoscaler ? Number(autoscaler.spec.maxReplicas) : Number(deployment.spec?.replicas ?? 1);
}

/** A ConfigMap key's value as the apps see it (the first ConfigMap having it). */
export function configValue(objects: K8sObject[], key: string): string | undefined {
  return ofKind(objects, 'ConfigMap').find((map) => map.data && key in map.data)?.data?.[key];
}

/**
 * The pods the objects make: each Deployment's and Job's template, and the pods the operators start for
 * a Strimzi Kafka (its node pools and entity operator) and a CloudNativePG Cluster, with the labels
 * those operators give them.
 */
export function podShapes(objects: K8sObject[]): PodShape[] {
  const pods: PodShape[] = [];
  for (const workload of objects.filter((object) => object.kind === 'Deployment' || object.kind === 'Job')) {
    const template = workload.spec?.template ?? {};
    const ports: Record<string, number> = {};
    for (const container of template.spec?.containers ?? []) {
      for (const port of container.ports ?? []) if (port.name) ports[port.name] = port.containerPort;
    }
    pods.push({ owner: `${workload.kind}/${workload.metadata.name}`, labels: template.metadata?.labels ?? {}, ports });
  }
  for (const kafka of ofKind(objects, 'Kafka')) {
    const cluster = kafka.metadata.name;
    for (const pool of ofKind(objects, 'KafkaNodePool').filter((p) => p.metadata.labels?.['strimzi.io/cluster'] === cluster)) {
      const roles: string[] = pool.spec?.roles ?? [];
      pods.push({
        owner: `KafkaNodePool/${pool.metadata.name}`,
        labels: {
          'strimzi.io/cluster': cluster,
          'strimzi.io/kind': 'Kafka',
          'strimzi.io/name': `${cluster}-kafka`,
          'strimzi.io/pool-name': pool.metadata.name,
          ...(roles.includes('broker') ? { 'strimzi.io/broker-role': 'true' } : {}),
          ...(roles.includes('controller') ? { 'strimzi.io/controller-role': 'true' } : {}),
        },
        ports: {},
      });
    }
    if (kafka.spec?.entityOperator) {
      pods.push({
        owner: `Kafka/${cluster} entity operator`,
        labels: { 'strimzi.io/cluster': cluster, 'strimzi.io/kind': 'Kafka', 'strimzi.io/name': `${cluster}-entity-operator` },
        ports: {},
      });
    }
  }
  for (const cluster of ofKind(objects, 'Cluster')) {
    pods.push({
      owner: `Cluster/${cluster.metadata.name}`,
      labels: { 'cnpg.io/cluster': cluster.metadata.name, 'cnpg.io/podRole': 'instance' },
      ports: { postgresql: 5432, metrics: 9187, status: 8000 },
    });
  }
  return pods;
}

/** Whether some PodDisruptionBudget covers the Deployment's pods. */
export function hasDisruptionBudget(objects: K8sObject[], deployment: K8sObject): boolean {
  const labels = deployment.spec?.template?.metadata?.labels ?? {};
  return ofKind(objects, 'PodDisruptionBudget').some((pdb) => pdb.spec?.selector && selects(pdb.spec.selector, labels));
}

export { find };
