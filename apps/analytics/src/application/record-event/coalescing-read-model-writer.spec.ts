import { CoalescingReadModelWriter } from './coalescing-read-model-writer';
import { ProjectedEvent, ReadModelWriter } from './read-model-writer';

const event = (eventId: string): ProjectedEvent => ({ eventId, projections: [] });

/** A writer that records each call and counts every eventId once; it fails a call holding a poison event. */
class RecordingWriter extends ReadModelWriter {
  readonly calls: string[][][] = [];
  private readonly seen = new Set<string>();
  private release: (() => void) | null = null;
  private gate: Promise<void> | null = null;

  /** Holds the next call until released, to hand other batches over while it is under way. */
  hold(): () => void {
    this.gate = new Promise((resolve) => (this.release = resolve));
    return () => this.release?.();
  }

  async applyBatches(batches: readonly (readonly ProjectedEvent[])[]): Promise<number[]> {
    this.calls.push(batches.map((b) => b.map((e) => e.eventId)));
    const gate = this.gate;
    this.gate = null;
    await gate;
    if (batches.some((b) => b.some((e) => e.eventId === 'poison'))) throw new Error('refused');
    return batches.map((b) => b.filter((e) => !this.seen.has(e.eventId) && this.seen.add(e.eventId)).length);
  }
}

describe('CoalescingReadModelWriter', () => {
  it('applies the batches handed over while a write is under way together, each caller getting its own count', async () => {
    const inner = new RecordingWriter();
    const writer = new CoalescingReadModelWriter(inner, 0, 500);
    const release = inner.hold();
    const first = writer.applyBatch([event('a')]);
    const second = writer.applyBatch([event('b'), event('c')]);
    const third = writer.applyBatch([event('c'), event('d')]);
    release();
    expect(await Promise.all([first, second, third])).toEqual([1, 2, 1]);
    expect(inner.calls).toEqual([
      [['a']],
      [
        ['b', 'c'],
        ['c', 'd'],
      ],
    ]);
  });

  it('applies the batches handed over within the linger time in one call', async () => {
    const inner = new RecordingWriter();
    const writer = new CoalescingReadModelWriter(inner, 20, 500);
    const counts = await Promise.all([writer.applyBatch([event('a')]), writer.applyBatch([event('a'), event('b')])]);
    expect(counts).toEqual([1, 1]);
    expect(inner.calls).toEqual([[['a'], ['a', 'b']]]);
  });

  it('does not linger once enough events wait', async () => {
    const inner = new RecordingWriter();
    const writer = new CoalescingReadModelWriter(inner, 3_600_000, 3);
    const counts = await Promise.all([writer.applyBatch([event('a')]), writer.applyBatch([event('b'), event('c')])]);
    expect(counts).toEqual([1, 2]);
    expect(inner.calls).toEqual([[['a'], ['b', 'c']]]);
  });

  it('applies batches one caller at a time when they failed together, so only the failing one fails', async () => {
    const inner = new RecordingWriter();
    const writer = new CoalescingReadModelWriter(inner, 0, 500);
    const release = inner.hold();
    const first = writer.applyBatch([event('a')]);
    const good = writer.applyBatch([event('b')]);
    const bad = writer.applyBatch([event('poison')]);
    release();
    await expect(first).resolves.toBe(1);
    await expect(good).resolves.toBe(1);
    await expect(bad).rejects.toThrow('refused');
    expect(inner.calls).toEqual([[['a']], [['b'], ['poison']], [['b']], [['poison']]]);
  });

  it('fails a batch applied alone with its own error', async () => {
    const writer = new CoalescingReadModelWriter(new RecordingWriter(), 0, 500);
    await expect(writer.applyBatch([event('poison')])).rejects.toThrow('refused');
    await expect(writer.applyBatch([event('a')])).resolves.toBe(1);
  });
});
