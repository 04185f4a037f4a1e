import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Top self-time entries of a V8 CPU profile (`node --cpu-prof`), by package and by function, over a
 * window of time: the pipeline bench profiles every service over its whole life and keeps the
 * samples taken while the load ran. Profile timestamps are microseconds of the monotonic clock,
 * the clock of `process.hrtime`, the same in every process of the machine.
 */

/** The parts of a `.cpuprofile` used here. */
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileEntry {
  name: string;
  ms: number;
  /** Share of the busy (non-idle) time of the window, in %. */
  share: number;
}

export interface ProfileSummary {
  /** Sampled time the thread was not idle within the window. */
  busyMs: number;
  byPackage: ProfileEntry[];
  byFunction: ProfileEntry[];
}

/** A window of monotonic time, in microseconds (`process.hrtime.bigint() / 1000n`). */
export interface MonotonicWindow {
  fromUs: number;
  toUs: number;
}

/** Now on the profiles' clock. */
export function monotonicNowUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

/** Self time per package and per function of the samples within `window`, the `top` largest of each. */
export function summariseCpuProfile(profile: CpuProfile, window: MonotonicWindow, top: number): ProfileSummary {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busyUs = 0;
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    const frame = nodes.get(id);
    if (!frame || at < window.fromUs || at > window.toUs || frame.functionName === '(idle)') return;
    const us = profile.timeDeltas[i + 1] ?? 0;
    const pkg = packageOf(frame.url, frame.functionName);
    const name = frame.functionName || '(anonymous)';
    const fn = frame.url ? `${name} ${pkg}:${frame.lineNumber + 1}` : name;
    busyUs += us;
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  });
  const entries = (map: Map<string, number>): ProfileEntry[] =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: Math.round(us / 1000), share: busyUs > 0 ? Math.round((1000 * us) / busyUs) / 10 : 0 }));
  return { busyMs: Math.round(busyUs / 1000), byPackage: entries(byPackage), byFunction: entries(byFunction) };
}

/**
 * Where a frame's code comes from: an npm package, one of our libs or apps (`ours:libs/messaging`),
 * a Node built-in, or V8 itself (`(garbage collector)`, `(program)`, `(native)`).
 */
export function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const ours = /\/dist\/((apps|libs|bench|tools)\/[^/]+)/.exec(url);
  if (ours) return `ours:${ours[1]}`;
  if (url.startsWith('node:')) return url;
  return url.slice(-40);
}

/** The profiles in `dir` by the pid that wrote them (`CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile`). */
export async function profilesByPid(dir: string): Promise<Map<number, string>> {
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.cpuprofile'));
  return new Map(files.map((f) => [Number(f.split('.')[3]), join(dir, f)]));
}

export async function readCpuProfile(file: string): Promise<CpuProfile> {
  return JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
}
