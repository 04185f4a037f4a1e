import { relative } from 'node:path';
import { LocalKafka, startLocalKafka } from '@complaints/devstack';
import { PROJECT_ROOT } from './stack-env';
import { Incarnation, restartLine, Supervisor } from './supervisor';

/**
 * Keeps a local Kafka node running: when its JVM exits (not stopped through the supervisor), it is
 * started again on the same ports and data (`startLocalKafka(node.options)`), after the supervisor's
 * backoff, with a line for `say` when it exits and when it answers again. `stop()` stops it for good.
 */
export function superviseBroker(node: LocalKafka, say: (line: string) => void): Supervisor {
  const asRun = (broker: LocalKafka): Incarnation => ({ pid: broker.pid, exited: broker.exited, stop: () => broker.stop() });
  const supervisor = new Supervisor({
    name: `kafka ${node.brokers}`,
    launch: async () => asRun(await startLocalKafka(node.options)),
    onRestart: (event) => say(`broker ${node.brokers} ${restartLine(event)}; see ${relative(PROJECT_ROOT, node.logFile)}`),
    onStarted: (run, restart) => {
      if (restart > 0) say(`broker ${node.brokers} ready again (pid ${run.pid})`);
    },
  });
  supervisor.start(asRun(node));
  return supervisor;
}
