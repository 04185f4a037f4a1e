import { arch, cpus, loadavg, platform, totalmem } from 'node:os';

/** Where and how a bench run measured, stored with every scenario's results. */
export interface BenchRun {
  /** When the run started (ISO 8601). */
  timestamp: string;
  machine: Machine;
  resultsDir: string;
  infrastructure: {
    brokers: string;
    kafkaStartedByBench: boolean;
    partitions: number;
    databaseUrl: string;
  };
}

export interface Machine {
  node: string;
  platform: string;
  cpuCount: number;
  cpuModel: string;
  totalMemMb: number;
  loadAvgAtStart: number[];
}

/** The machine, with its load average now (call it before any load). */
export function machine(): Machine {
  const cpuList = cpus();
  return {
    node: process.version,
    platform: `${platform()} ${arch()}`,
    cpuCount: cpuList.length,
    cpuModel: cpuList[0]?.model ?? 'unknown',
    totalMemMb: Math.round(totalmem() / 2 ** 20),
    loadAvgAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

/** The first line of every Markdown report. */
export function measuredLine(run: BenchRun): string {
  const m = run.machine;
  return `Measured ${run.timestamp} with Node ${m.node} on ${m.platform}, ${m.cpuCount} CPU cores (${m.cpuModel}), load average ${m.loadAvgAtStart.join(' ')} at start.`;
}
