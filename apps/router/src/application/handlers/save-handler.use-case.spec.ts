import type { Handler } from '../../domain/handler';
import { InMemoryHandlerStore } from '../in-memory/in-memory-handler.store';
import { InMemoryReassignmentsRelay } from '../in-memory/in-memory-reassignments.relay';
import { InMemoryRoutingDatabase } from '../in-memory/in-memory-routing-database';
import { SaveHandlerUseCase } from './save-handler.use-case';

const NOW = new Date('2026-12-01T10:00:00.000Z');

const handler = (id: string, overrides: Partial<Handler> = {}): Handler => ({
  id,
  name: id,
  department: 'CARD_CENTER',
  skills: [],
  languages: ['zh'],
  active: true,
  ...overrides,
});

function setUp(handlers: Handler[], assigned: Record<string, string | null>) {
  const db = new InMemoryRoutingDatabase();
  for (const h of handlers) db.tables.handlers.set(h.id, h);
  for (const [complaintId, handlerId] of Object.entries(assigned)) {
    db.tables.assignments.set(complaintId, {
      complaintId,
      reference: `REF-${complaintId}`,
      department: 'CARD_CENTER',
      language: 'zh',
      product: 'CREDIT_CARD',
      reason: 'FEES',
      handlerId,
      open: true,
    });
  }
  const store = new InMemoryHandlerStore(db, () => NOW);
  const relay = new InMemoryReassignmentsRelay(db);
  return { db, store, relay, save: new SaveHandlerUseCase(store, relay) };
}

describe('SaveHandlerUseCase', () => {
  it('creates a handler and audits it as new', async () => {
    const { store, relay, save } = setUp([], {});

    const saved = await save.execute(handler('h-1'), 'admin-1');

    expect(saved).toEqual({ handler: handler('h-1'), reassigned: [] });
    expect((await store.find('h-1'))?.handler).toEqual(handler('h-1'));
    expect((await store.auditTrail(10, 0)).items).toMatchObject([
      { actor: 'admin-1', handlerId: 'h-1', before: null, after: handler('h-1') },
    ]);
    expect(relay.published).toEqual([]);
  });

  it('moves the open cases of a deactivated handler to the fitting handler with the fewest, and tells cases of each move', async () => {
    const { db, store, relay, save } = setUp([handler('h-1'), handler('h-2'), handler('h-3'), handler('h-en', { languages: ['en'] })], {
      a: 'h-1',
      b: 'h-1',
      c: 'h-2',
    });

    const { reassigned } = await save.execute(handler('h-1', { active: false }), 'admin-1');

    expect(reassigned.map((m) => [m.complaintId, m.from, m.to])).toEqual([
      ['a', 'h-1', 'h-3'],
      ['b', 'h-1', 'h-2'],
    ]);
    expect(db.openCases(db.tables, 'h-1')).toBe(0);
    expect(relay.published.map((e) => [e.complaintId, e.to, e.reason, e.changedBy])).toEqual([
      ['a', 'h-3', 'handler_inactive', 'admin-1'],
      ['b', 'h-2', 'handler_inactive', 'admin-1'],
    ]);
    const [entry] = (await store.auditTrail(1, 0)).items;
    expect(entry).toMatchObject({ before: { active: true }, after: { active: false } });
    expect(entry.reassigned).toHaveLength(2);
  });

  it('moves only the cases a changed handler no longer fits, and to the queue when nobody fits', async () => {
    const { relay, save } = setUp([handler('h-1')], { a: 'h-1' });

    const { reassigned } = await save.execute(handler('h-1', { languages: ['en'] }), 'admin-1');

    expect(reassigned).toEqual([{ complaintId: 'a', reference: 'REF-a', department: 'CARD_CENTER', from: 'h-1', to: null }]);
    expect(relay.published.map((e) => e.reason)).toEqual(['handler_unfit']);
  });

  it('keeps the cases of a handler who still fits', async () => {
    const { relay, save } = setUp([handler('h-1'), handler('h-2')], { a: 'h-1' });
    expect((await save.execute(handler('h-1', { name: 'Renamed', skills: ['FEES'] }), 'admin-1')).reassigned).toEqual([]);
    expect(relay.published).toEqual([]);
  });

  it('tells the caller when the store does not answer', async () => {
    const { db, save } = setUp([], {});
    db.unavailable = new Error('connection refused');
    await expect(save.execute(handler('h-1'), 'admin-1')).rejects.toThrow('connection refused');
  });
});
