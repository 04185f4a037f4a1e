import { CpuProfile, packageOf, summariseCpuProfile } from './cpu-profile-summary';

const frame = (functionName: string, url = '', lineNumber = -1) => ({ functionName, url, lineNumber });

describe('CPU profile summary', () => {
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame('(idle)') },
      { id: 2, callFrame: frame('validate', 'file:///r/node_modules/class-validator/cjs/index.js', 9) },
      { id: 3, callFrame: frame('route', 'file:///r/dist/apps/router/src/route.js', 0) },
      { id: 4, callFrame: frame('(garbage collector)') },
    ],
    startTime: 1_000,
    // Samples at 2000, 3000, 4000, 5000, 6000 and 9000 µs; each owns the time until the next one.
    samples: [2, 2, 3, 1, 4, 2],
    timeDeltas: [1_000, 1_000, 1_000, 1_000, 1_000, 3_000],
  };

  it('sums self time per package and function within the window, idle left out', () => {
    const summary = summariseCpuProfile(profile, { fromUs: 2_500, toUs: 6_000 }, 10);
    expect(summary.busyMs).toBe(5);
    expect(summary.byPackage).toEqual([
      { name: '(garbage collector)', ms: 3, share: 60 },
      { name: 'class-validator', ms: 1, share: 20 },
      { name: 'ours:apps/router', ms: 1, share: 20 },
    ]);
    expect(summary.byFunction.map((e) => e.name)).toEqual([
      '(garbage collector)',
      'validate class-validator:10',
      'route ours:apps/router:1',
    ]);
  });

  it('names packages, our code and built-ins', () => {
    expect(packageOf('file:///x/node_modules/@nestjs/core/a.js', 'f')).toBe('@nestjs/core');
    expect(packageOf('file:///x/dist/libs/messaging/src/a.js', 'f')).toBe('ours:libs/messaging');
    expect(packageOf('node:internal/timers', 'f')).toBe('node:internal/timers');
    expect(packageOf('', 'writev')).toBe('(native)');
  });
});
