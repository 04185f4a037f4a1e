import { setTimeout as sleep } from 'node:timers/promises';

/** One fault of the schedule: injected `atSec` seconds after the load started (or once the previous fault is over). */
export interface Fault {
  atSec: number;
  name: string;
  /** Breaks something and brings it back (kill, outage, restart); resolves once the part itself is up again. */
  inject: () => Promise<void>;
}

/** What happened to one fault. */
export interface FaultRecord {
  name: string;
  /** Seconds after the load started. */
  injectedAtSec: number;
  /** From the injection until the broken part was up again. */
  restartedAfterSec: number;
  /** From the injection until every service answered `/health/ready` 200 again (null: not within the wait). */
  allReadyAfterSec: number | null;
}

const ALL_READY_WAIT_MS = 60_000;

/**
 * Runs the faults one after the other, each at its time, and after each waits until every service is
 * ready again before the next one (so each fault meets a healthy stack). Deterministic in its steps;
 * only the load's position within the router's batches varies from run to run.
 */
export async function runFaults(
  faults: Fault[],
  loadStartedAt: number,
  allReady: () => Promise<boolean>,
  log: (line: string) => void,
): Promise<FaultRecord[]> {
  const records: FaultRecord[] = [];
  for (const fault of faults) {
    const wait = loadStartedAt + fault.atSec * 1000 - Date.now();
    if (wait > 0) await sleep(wait);
    const injectedAt = Date.now();
    log(`t=${seconds(injectedAt - loadStartedAt)} s: ${fault.name}`);
    await fault.inject();
    const restartedAfterSec = seconds(Date.now() - injectedAt);
    let allReadyAfterSec: number | null = null;
    while (Date.now() - injectedAt < ALL_READY_WAIT_MS + restartedAfterSec * 1000) {
      if (await allReady()) {
        allReadyAfterSec = seconds(Date.now() - injectedAt);
        break;
      }
      await sleep(250);
    }
    log(`  back after ${restartedAfterSec} s, every service ready after ${allReadyAfterSec ?? 'more than 60'} s`);
    records.push({ name: fault.name, injectedAtSec: seconds(injectedAt - loadStartedAt), restartedAfterSec, allReadyAfterSec });
  }
  return records;
}

function seconds(ms: number): number {
  return Math.round(ms / 100) / 10;
}
