import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { LocalKafka, readOrCreateClusterId, startLocalKafka } from './local-kafka';

/** Local Kafka nodes started together: one alone, or a KRaft cluster of several. */
export interface LocalKafkaCluster {
  /** Bootstrap list, `127.0.0.1:<port>,...`, one address per node. */
  brokers: string;
  /** The nodes as first started (see {@link LocalKafka.options} to start one again). */
  nodes: LocalKafka[];
  /** Stops every node; resolves once all have exited. */
  stop(): Promise<void>;
}

export interface LocalKafkaClusterOptions {
  projectRoot: string;
  /** Each node's broker port; its controller listens on port + 1. Node ids are 1, 2, ... in this order. */
  ports: number[];
  /** One node: its data right here (as {@link startLocalKafka}); several: `<dataDir>/node-<id>` each, the cluster id in `<dataDir>/cluster.id`. */
  dataDir: string;
  /** JVM heap of each node in MB (default: 512 for one node, 384 each for several). */
  heapMb?: number;
  log?: (line: string) => void;
}

/**
 * Starts one KRaft node, or a cluster of `ports.length` combined broker + controller nodes on 127.0.0.1
 * that vote among themselves (controller.quorum.voters lists all), their storage formatted with one
 * cluster id. They start together (a node answers only once a quorum has elected a leader). Each
 * node's data survives a stop/start, so a node is restarted with `startLocalKafka(node.options)`.
 */
export async function startLocalKafkaCluster(opts: LocalKafkaClusterOptions): Promise<LocalKafkaCluster> {
  const { projectRoot, ports, dataDir, log } = opts;
  if (ports.length === 1) {
    const node = await startLocalKafka({ projectRoot, port: ports[0], controllerPort: ports[0] + 1, dataDir, heapMb: opts.heapMb, log });
    return { brokers: node.brokers, nodes: [node], stop: () => node.stop() };
  }
  await mkdir(dataDir, { recursive: true });
  const clusterId = await readOrCreateClusterId(dataDir);
  const voters = ports.map((port, i) => ({ nodeId: i + 1, controllerPort: port + 1 }));
  log?.(`starting a ${ports.length}-node Kafka cluster ${clusterId} on ${ports.map((p) => `127.0.0.1:${p}`).join(',')}`);
  const started = await Promise.allSettled(
    ports.map((port, i) =>
      startLocalKafka({
        projectRoot,
        port,
        controllerPort: port + 1,
        nodeId: i + 1,
        voters,
        clusterId,
        dataDir: join(dataDir, `node-${i + 1}`),
        heapMb: opts.heapMb ?? 384,
        log,
      }),
    ),
  );
  const nodes = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const stop = async () => {
    await Promise.all(nodes.map((node) => node.stop()));
  };
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await stop();
    throw failed.reason;
  }
  return { brokers: nodes.map((node) => node.brokers).join(','), nodes, stop };
}
