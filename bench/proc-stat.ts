import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time and memory from Linux's /proc, for the pipeline bench: the machine's busy time
 * (`/proc/stat`) and a process's user + system time (`/proc/<pid>/stat`) and resident set
 * (`/proc/<pid>/statm`). Times are in milliseconds (USER_HZ is 100 on Linux: 10 ms per tick).
 */

const MS_PER_TICK = 10;
const PAGE_BYTES = 4096;

/** Machine-wide CPU time since boot, all cores together. */
export interface MachineCpu {
  busyMs: number;
  totalMs: number;
}

/** The first line of /proc/stat ("cpu  user nice system idle iowait irq softirq steal ..."): busy = all but idle and iowait. */
export function parseMachineStat(text: string): MachineCpu {
  const line = text.split('\n', 1)[0];
  const fields = line.trim().split(/\s+/);
  if (fields[0] !== 'cpu') throw new Error(`unexpected /proc/stat first line: ${line}`);
  // user nice system idle iowait irq softirq steal (guest time is already in user).
  const ticks = fields.slice(1, 9).map(Number);
  const total = ticks.reduce((sum, t) => sum + t, 0);
  const idle = ticks[3] + ticks[4];
  return { busyMs: (total - idle) * MS_PER_TICK, totalMs: total * MS_PER_TICK };
}

/** utime + stime of a /proc/<pid>/stat line, whose command (field 2) may hold spaces and parentheses. */
export function parseProcessCpuMs(text: string): number {
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // After the command: state(3) ppid(4) ... utime is field 14, stime field 15 (1-based).
  return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
}

/** Resident set in MB from /proc/<pid>/statm ("size resident shared ..." in pages). */
export function parseStatmRssMb(text: string): number {
  return (Number(text.split(' ')[1]) * PAGE_BYTES) / 2 ** 20;
}

export function machineCpu(): MachineCpu {
  return parseMachineStat(readFileSync('/proc/stat', 'utf8'));
}

/** CPU time the process has used so far, or null once it is gone. */
export function processCpuMs(pid: number): number | null {
  try {
    return parseProcessCpuMs(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return null;
  }
}

export function processRssMb(pid: number): number | null {
  try {
    return parseStatmRssMb(readFileSync(`/proc/${pid}/statm`, 'utf8'));
  } catch {
    return null;
  }
}

/** Pids whose command line (arguments joined by spaces) satisfies `match`. */
export function pidsWhere(match: (commandLine: string) => boolean): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (match(readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' '))) pids.push(Number(entry));
    } catch {
      // The process ended meanwhile.
    }
  }
  return pids;
}
