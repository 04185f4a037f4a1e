import { IdempotencyKeyReusedError, IdempotentAcceptance, IdempotentRecord, ReserveOutcome } from './idempotent-acceptance';

interface Rec extends IdempotentRecord<{ id: string }> {
  key: string;
}

/** An in-memory intake: records by key and by reference, and what went out. */
function intake(options: { failPublishes?: number } = {}) {
  const byKey = new Map<string, Rec>();
  const references = new Set<string>();
  const published: string[] = [];
  const accepted: string[] = [];
  let failures = options.failPublishes ?? 0;
  const acceptance = new IdempotentAcceptance<Rec, { reference: string; replayed: boolean }>({
    publish: async (event) => {
      if (failures-- > 0) throw new Error('broker down');
      published.push(event.id);
    },
    markAccepted: async (record) => {
      byKey.get(record.key)!.status = 'accepted';
      accepted.push(record.reference);
    },
    answer: (record, replayed) => ({ reference: record.reference, replayed }),
  });
  const reserve = async (record: Rec): Promise<ReserveOutcome> => {
    if (references.has(record.reference)) return 'reference-taken';
    if (byKey.has(record.key)) return 'key-taken';
    references.add(record.reference);
    byKey.set(record.key, { ...record });
    return 'reserved';
  };
  return { byKey, references, published, accepted, acceptance, reserve };
}

function draws(...references: string[]) {
  let next = 0;
  return (key: string, requestHash: string) => (): Rec => ({
    key,
    requestHash,
    reference: references[next++],
    status: 'pending',
    event: { id: `event-${key}` },
    receivedAt: new Date('2026-11-29T01:00:00Z'),
  });
}

describe('IdempotentAcceptance', () => {
  it('reserves, publishes and marks accepted, in that order, and answers a new request as not replayed', async () => {
    const { acceptance, reserve, byKey, published, accepted } = intake();
    const answer = await acceptance.reserveAndPublish({
      requestHash: 'h1',
      draft: draws('R1')('k1', 'h1'),
      reserve,
      winner: async () => byKey.get('k1') ?? null,
    });
    expect(answer).toEqual({ reference: 'R1', replayed: false });
    expect(published).toEqual(['event-k1']);
    expect(accepted).toEqual(['R1']);
    expect(byKey.get('k1')!.status).toBe('accepted');
  });

  it('draws another reference while the drawn one is taken, and gives up after the attempts allowed', async () => {
    const { acceptance, reserve, references, byKey } = intake();
    references.add('R1').add('R2');
    const draft = draws('R1', 'R2', 'R3');
    await expect(
      acceptance.reserveAndPublish({ requestHash: 'h', draft: draft('k1', 'h'), reserve, winner: async () => byKey.get('k1') ?? null }),
    ).resolves.toEqual({ reference: 'R3', replayed: false });

    const alwaysTaken = intake();
    alwaysTaken.references.add('X');
    await expect(
      alwaysTaken.acceptance.reserveAndPublish(
        { requestHash: 'h', draft: draws('X', 'X')('k2', 'h'), reserve: alwaysTaken.reserve, winner: async () => null },
        2,
      ),
    ).rejects.toThrow('could not allocate a unique reference in 2 attempts');
    expect(alwaysTaken.published).toEqual([]);
  });

  it('leaves a record pending when the publish fails; the replay publishes the same event again and then answers as replayed', async () => {
    const { acceptance, reserve, byKey, published } = intake({ failPublishes: 1 });
    await expect(
      acceptance.reserveAndPublish({ requestHash: 'h', draft: draws('R1')('k1', 'h'), reserve, winner: async () => null }),
    ).rejects.toThrow('broker down');
    expect(byKey.get('k1')!.status).toBe('pending');

    expect(await acceptance.replay(byKey.get('k1')!, 'h')).toEqual({ reference: 'R1', replayed: true });
    expect(published).toEqual(['event-k1']);
    expect(byKey.get('k1')!.status).toBe('accepted');

    expect(await acceptance.replay(byKey.get('k1')!, 'h')).toEqual({ reference: 'R1', replayed: true });
    expect(published).toEqual(['event-k1']);
  });

  it('refuses a replay of the key with another request, publishing nothing', async () => {
    const { acceptance, reserve, byKey, published } = intake();
    await acceptance.reserveAndPublish({ requestHash: 'h', draft: draws('R1')('k1', 'h'), reserve, winner: async () => null });
    const refused = acceptance.replay(byKey.get('k1')!, 'another');
    await expect(refused).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    await expect(refused).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      message: 'This Idempotency-Key was already used with a different request.',
    });
    expect(published).toEqual(['event-k1']);
  });

  it('answers as the concurrent request that took the key first did, or refuses when that one was another request', async () => {
    const { acceptance, reserve, byKey } = intake();
    await acceptance.reserveAndPublish({ requestHash: 'h', draft: draws('R1')('k1', 'h'), reserve, winner: async () => null });
    const winner = async () => byKey.get('k1') ?? null;
    await expect(acceptance.reserveAndPublish({ requestHash: 'h', draft: draws('R2')('k1', 'h'), reserve, winner })).resolves.toEqual({
      reference: 'R1',
      replayed: true,
    });
    await expect(
      acceptance.reserveAndPublish({ requestHash: 'other', draft: draws('R3')('k1', 'other'), reserve, winner }),
    ).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
  });
});
