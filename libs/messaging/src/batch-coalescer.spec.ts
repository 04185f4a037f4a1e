import { BatchCoalescer } from './batch-coalescer';

/** A handler that records each call and fails any call holding a poisoned event. */
function recordingHandler(poisoned: ReadonlySet<string> = new Set()) {
  const calls: string[][] = [];
  let concurrent = 0;
  let maxConcurrent = 0;
  const handle = async (events: string[]) => {
    calls.push(events);
    concurrent++;
    maxConcurrent = Math.max(maxConcurrent, concurrent);
    await new Promise((resolve) => setTimeout(resolve, 5));
    concurrent--;
    if (events.some((e) => poisoned.has(e))) throw new Error(`poisoned: ${events.join(',')}`);
  };
  return { calls, handle, maxConcurrent: () => maxConcurrent };
}

describe('BatchCoalescer', () => {
  it("joins the calls made in the same turn into one, each caller's events in order", async () => {
    const handler = recordingHandler();
    const coalescer = new BatchCoalescer(handler.handle, 100);
    await Promise.all([coalescer.handle(['p0-1', 'p0-2']), coalescer.handle(['p1-1']), coalescer.handle(['p2-1', 'p2-2'])]);
    expect(handler.calls).toEqual([['p0-1', 'p0-2', 'p1-1', 'p2-1', 'p2-2']]);
  });

  it('runs one inner call at a time; calls arriving meanwhile go together in the next', async () => {
    const handler = recordingHandler();
    const coalescer = new BatchCoalescer(handler.handle, 100);
    const first = coalescer.handle(['a']);
    await new Promise((resolve) => setTimeout(resolve, 1));
    const later = [coalescer.handle(['b']), coalescer.handle(['c'])];
    await Promise.all([first, ...later]);
    expect(handler.calls).toEqual([['a'], ['b', 'c']]);
    expect(handler.maxConcurrent()).toBe(1);
  });

  it('never joins beyond maxEvents, and never splits one caller', async () => {
    const handler = recordingHandler();
    const coalescer = new BatchCoalescer(handler.handle, 3);
    await Promise.all([
      coalescer.handle(['a1', 'a2']),
      coalescer.handle(['b1', 'b2']),
      coalescer.handle(['c1']),
      coalescer.handle(['d1', 'd2', 'd3', 'd4']),
    ]);
    expect(handler.calls).toEqual([
      ['a1', 'a2'],
      ['b1', 'b2', 'c1'],
      ['d1', 'd2', 'd3', 'd4'],
    ]);
  });

  it('when a joint call fails, hands each caller its own outcome from a call of its own', async () => {
    const handler = recordingHandler(new Set(['bad']));
    const coalescer = new BatchCoalescer(handler.handle, 100);
    const outcomes = await Promise.allSettled([coalescer.handle(['ok-1']), coalescer.handle(['bad', 'ok-2']), coalescer.handle(['ok-3'])]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(handler.calls).toEqual([['ok-1', 'bad', 'ok-2', 'ok-3'], ['ok-1'], ['bad', 'ok-2'], ['ok-3']]);
  });

  it('passes a lone caller straight through, failure included', async () => {
    const handler = recordingHandler(new Set(['bad']));
    const coalescer = new BatchCoalescer(handler.handle, 100);
    await expect(coalescer.handle(['bad'])).rejects.toThrow('poisoned: bad');
    await coalescer.handle(['fine']);
    expect(handler.calls).toEqual([['bad'], ['fine']]);
  });
});
