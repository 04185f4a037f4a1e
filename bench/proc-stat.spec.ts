import { parseMachineStat, parseProcessCpuMs, parseStatmRssMb } from './proc-stat';

describe('proc-stat parsing', () => {
  it('counts every /proc/stat column but idle and iowait as busy, in ms', () => {
    const text = 'cpu  100 5 50 1000 20 3 2 0 0 0\ncpu0 50 2 25 500 10 1 1 0 0 0\n';
    expect(parseMachineStat(text)).toEqual({ busyMs: 1600, totalMs: 11800 });
  });

  it('reads utime + stime after a command holding spaces and parentheses', () => {
    const text = '4242 (node (a) b) S 1 4242 4242 0 -1 4194304 100 0 0 0 123 45 0 0 20 0 11 0 2672 1000 500 18446744073709551615';
    expect(parseProcessCpuMs(text)).toBe(1680);
  });

  it('turns resident pages into MB', () => {
    expect(parseStatmRssMb('100000 25600 3000 10 0 40000 0')).toBe(100);
  });
});
