import { Handler, HandlingNeed, pickHandler } from './handler';

const handler = (id: string, overrides: Partial<Handler> = {}): Handler => ({
  id, name: id, department: 'CARD_CENTER', skills: [], languages: ['zh'], active: true, ...overrides,
});
const need: HandlingNeed = { department: 'CARD_CENTER', language: 'zh', product: 'CREDIT_CARD', reason: 'FEES' };

describe('pickHandler', () => {
  it('picks the fitting handler with the fewest open cases', () => {
    expect(pickHandler([{ handler: handler('a'), openCases: 3 }, { handler: handler('b'), openCases: 1 }], need)?.id).toBe('b');
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
    expect(pickHandler([{ handler: handler('z'), openCases: 1 }, { handler: handler('m'), openCases: 1 }], need)?.id).toBe('m');
  });
});
