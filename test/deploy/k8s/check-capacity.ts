import { K8sObject, nameOf, ofKind } from './objects';
import { configValue, maxReplicas } from './workloads';

/** Connections kept free for the operator, replication and a person with psql. */
export const RESERVED_CONNECTIONS = 10;

/**
 * PostgreSQL has room for every app replica's pool: the most replicas each Deployment can have, plus
 * one surge pod of a rolling update, times DATABASE_POOL_SIZE, stays under max_connections less a reserve.
 */
export function checkDatabaseConnections(objects: K8sObject[]): string[] {
  const clusters = ofKind(objects, 'Cluster');
  if (clusters.length !== 1) return [`${clusters.length} CloudNativePG Clusters, expected one`];
  const cluster = clusters[0];
  const maxConnections = Number(cluster.spec?.postgresql?.parameters?.max_connections ?? 100);
  const pool = Number(configValue(objects, 'DATABASE_POOL_SIZE') ?? 10);
  const pods = ofKind(objects, 'Deployment').reduce((sum, deployment) => {
    const surge = Number(deployment.spec?.strategy?.rollingUpdate?.maxSurge ?? 1);
    return sum + maxReplicas(objects, deployment) + surge;
  }, 0);
  const needed = pods * pool;
  return needed > maxConnections - RESERVED_CONNECTIONS
    ? [
        `${nameOf(cluster)}: up to ${pods} app pods x DATABASE_POOL_SIZE ${pool} = ${needed} connections, max_connections is ${maxConnections}`,
      ]
    : [];
}
