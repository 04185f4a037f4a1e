import { performance } from 'node:perf_hooks';
import { MachineCpu, machineCpu, processCpuMs } from './proc-stat';

/**
 * CPU snapshots of the machine and of named groups of processes (a service, the Kafka JVM, the
 * PostgreSQL backends of a database), and the CPU each used between two snapshots, raw and with
 * the idle rate taken off.
 */

/** Processes to watch, by name; a name may stand for several pids (PostgreSQL backends). */
export type ProcessGroups = Record<string, number[]>;

export interface CpuSnapshot {
  /** performance.now() when it was taken. */
  atMs: number;
  machine: MachineCpu;
  /** Per group, the CPU milliseconds each pid had used so far. */
  processes: Record<string, Record<number, number>>;
}

/** What was used between two snapshots. */
export interface CpuDelta {
  elapsedMs: number;
  machineBusyMs: number;
  /** Per group, CPU milliseconds. */
  processes: Record<string, number>;
}

export function cpuSnapshot(groups: ProcessGroups): CpuSnapshot {
  const processes: CpuSnapshot['processes'] = {};
  for (const [name, pids] of Object.entries(groups)) {
    processes[name] = {};
    for (const pid of pids) {
      const ms = processCpuMs(pid);
      if (ms !== null) processes[name][pid] = ms;
    }
  }
  return { atMs: performance.now(), machine: machineCpu(), processes };
}

/**
 * CPU used between `before` and `after`, per group of `after`: a pid that appeared meanwhile counts
 * with all it used (it started within the window), a pid that ended meanwhile is lost.
 */
export function cpuDelta(before: CpuSnapshot, after: CpuSnapshot): CpuDelta {
  const processes: Record<string, number> = {};
  for (const [name, pids] of Object.entries(after.processes)) {
    processes[name] = Object.entries(pids).reduce((sum, [pid, ms]) => sum + ms - (before.processes[name]?.[Number(pid)] ?? 0), 0);
  }
  return { elapsedMs: after.atMs - before.atMs, machineBusyMs: after.machine.busyMs - before.machine.busyMs, processes };
}

/** CPU used under load per unit of work, raw and with what the idle rate would have used in the same time taken off. */
export interface CpuPerUnit {
  rawMs: number;
  idleCorrectedMs: number;
  /** CPU milliseconds per second doing nothing. */
  idleMsPerSec: number;
}

/** Per-unit CPU of the machine and of every group of `load`, corrected with the rates of `idle`. */
export function cpuPerUnit(load: CpuDelta, idle: CpuDelta, units: number): { machine: CpuPerUnit; processes: Record<string, CpuPerUnit> } {
  const perUnit = (used: number, idleUsed: number): CpuPerUnit => {
    const idleMsPerSec = idle.elapsedMs > 0 ? (idleUsed * 1000) / idle.elapsedMs : 0;
    return {
      rawMs: used / units,
      idleCorrectedMs: (used - (idleMsPerSec * load.elapsedMs) / 1000) / units,
      idleMsPerSec,
    };
  };
  const processes: Record<string, CpuPerUnit> = {};
  for (const [name, used] of Object.entries(load.processes)) processes[name] = perUnit(used, idle.processes[name] ?? 0);
  return { machine: perUnit(load.machineBusyMs, idle.machineBusyMs), processes };
}
