import { cpuDelta, cpuPerUnit, CpuSnapshot } from './process-cpu';

const snapshot = (atMs: number, busyMs: number, processes: CpuSnapshot['processes']): CpuSnapshot => ({
  atMs,
  machine: { busyMs, totalMs: 0 },
  processes,
});

describe('process CPU deltas', () => {
  it('sums each group over its pids, counting a new pid whole and dropping a gone one', () => {
    const before = snapshot(0, 1_000, { postgres: { 10: 100, 11: 50 }, router: { 20: 400 } });
    const after = snapshot(2_000, 1_900, { postgres: { 10: 130, 12: 5 }, router: { 20: 460 } });
    expect(cpuDelta(before, after)).toEqual({ elapsedMs: 2_000, machineBusyMs: 900, processes: { postgres: 35, router: 60 } });
  });

  it('takes off what the idle rate would have used over the loaded time', () => {
    const idle = { elapsedMs: 10_000, machineBusyMs: 2_000, processes: { router: 200 } };
    const load = { elapsedMs: 60_000, machineBusyMs: 72_000, processes: { router: 6_000 } };
    const perUnit = cpuPerUnit(load, idle, 6_000);
    expect(perUnit.machine).toEqual({ rawMs: 12, idleCorrectedMs: 10, idleMsPerSec: 200 });
    expect(perUnit.processes.router).toEqual({ rawMs: 1, idleCorrectedMs: 0.8, idleMsPerSec: 20 });
  });
});
