import { Handler, HandlerPool, HandlingNeed, pickHandler } from './handler';

const handler = (id: string, overrides: Partial<Handler> = {}): Handler => ({
  id,
  name: id,
  department: 'CARD_CENTER',
  skills: [],
  languages: ['zh'],
  active: true,
  ...overrides,
});
const need: HandlingNeed = { department: 'CARD_CENTER', language: 'zh', product: 'CREDIT_CARD', reason: 'FEES' };

describe('pickHandler', () => {
  it('picks the fitting handler with the fewest open cases', () => {
    expect(
      pickHandler(
        [
          { handler: handler('a'), openCases: 3 },
          { handler: handler('b'), openCases: 1 },
        ],
        need,
      )?.id,
    ).toBe('b');
  });

  it('skips the inactive, other departments, other languages and other specialities', () => {
    const loads = [
      { handler: handler('inactive', { active: false }), openCases: 0 },
      { handler: handler('lending', { department: 'LENDING' }), openCases: 0 },
      { handler: handler('english', { languages: ['en'] }), openCases: 0 },
      { handler: handler('loans', { skills: ['LOAN'] }), openCases: 0 },
      { handler: handler('fees', { skills: ['LOAN', 'FEES'] }), openCases: 5 },
    ];
    expect(pickHandler(loads, need)?.id).toBe('fees');
    expect(pickHandler(loads.slice(0, 4), need)).toBeNull();
  });

  it('breaks ties by id', () => {
    expect(
      pickHandler(
        [
          { handler: handler('z'), openCases: 1 },
          { handler: handler('m'), openCases: 1 },
        ],
        need,
      )?.id,
    ).toBe('m');
  });
});

describe('HandlerPool', () => {
  it('counts each pick of a batch, so a batch spreads over the handlers as one complaint after the other would', () => {
    const pool = new HandlerPool([
      { handler: handler('a'), openCases: 2 },
      { handler: handler('b'), openCases: 0 },
      { handler: handler('c', { languages: ['en'] }), openCases: 0 },
    ]);
    const picks = Array.from({ length: 6 }, () => pool.pick(need)?.id);
    // b catches up with a first (0 -> 2), then they alternate, ties by id.
    expect(picks).toEqual(['b', 'b', 'a', 'b', 'a', 'b']);
    expect(pool.pick({ ...need, department: 'LENDING' })).toBeNull();
  });

  it('leaves the loads it was given unchanged', () => {
    const loads = [{ handler: handler('a'), openCases: 1 }];
    new HandlerPool(loads).pick(need);
    expect(loads[0].openCases).toBe(1);
  });
});
