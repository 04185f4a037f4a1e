import { DEFAULT_SLA_POLICY } from '../../domain/sla-policy';
import { caseFixture } from '../../domain/testing/case.fixture';
import { ActOnCaseUseCase } from '../act-on-case/act-on-case.use-case';
import { FixedClock } from '../in-memory/fixed-clock';
import { InMemoryCaseEventsRelay } from '../in-memory/in-memory-case-events.relay';
import { InMemoryCaseRepository } from '../in-memory/in-memory-case.repository';
import { seedCase } from '../in-memory/seed-case';
import { DepartmentForbiddenError, FindCasesQuery, Viewer } from './find-cases.query';

const DAY = 24 * 3_600_000;
const NOW = new Date('2026-11-10T00:00:00.000Z');

const viewer = (id: string, roles: string[], departments: Viewer['departments'] | 'all'): Viewer => ({
  id,
  roles,
  departments: departments === 'all' ? [] : departments,
  seesAllDepartments: departments === 'all',
  canSee: (d) => departments === 'all' || departments.includes(d),
});

const cardAgent = viewer('agent-1', ['agent'], ['CARD_CENTER']);
const auditor = viewer('aud-1', ['auditor'], 'all');

async function setUp() {
  const cases = new InMemoryCaseRepository();
  const clock = new FixedClock(NOW);
  // Received 9 days and 1 day before now, no feedback given yet.
  const older = seedCase(cases, caseFixture(new Date(NOW.getTime() - 9 * DAY)));
  const newer = seedCase(cases, caseFixture(new Date(NOW.getTime() - 1 * DAY)));
  const lending = seedCase(cases, caseFixture(new Date(NOW.getTime() - 5 * DAY), { department: 'LENDING' }));
  await new ActOnCaseUseCase(cases, clock, DEFAULT_SLA_POLICY, new InMemoryCaseEventsRelay(cases)).execute(
    { ...cardAgent, roles: ['agent'] },
    newer.reference,
    { action: 'claim' },
  );
  return { query: new FindCasesQuery(cases, clock), older, newer, lending };
}

describe('FindCasesQuery', () => {
  it("lists only the caller's departments, the decision due first", async () => {
    const { query, older, newer } = await setUp();
    const { items, total } = await query.list(cardAgent, { limit: 10, offset: 0 });
    expect(items.map((c) => c.reference)).toEqual([older.reference, newer.reference]);
    expect(total).toBe(2);
  });

  it('refuses a department the caller may not see', async () => {
    const { query } = await setUp();
    await expect(query.list(cardAgent, { department: 'LENDING', limit: 10, offset: 0 })).rejects.toThrow(DepartmentForbiddenError);
  });

  it("reads 'me' as the caller and a due window from the clock's now", async () => {
    const { query, older, newer } = await setUp();
    expect((await query.list(cardAgent, { assignee: 'me', limit: 10, offset: 0 })).items.map((c) => c.reference)).toEqual([
      newer.reference,
    ]);
    const dueWithin = async (hours: number) =>
      (await query.list(cardAgent, { dueWithinHours: hours, limit: 10, offset: 0 })).items.map((c) => c.reference);
    // The older one's first feedback is overdue; the newer one's is due in a day.
    expect(await dueWithin(12)).toEqual([older.reference]);
    expect(await dueWithin(2 * 24)).toEqual([older.reference, newer.reference]);
  });

  it('reports a case of another department as absent', async () => {
    const { query, lending } = await setUp();
    expect(await query.get(cardAgent, lending.reference)).toBeNull();
    expect((await query.get(auditor, lending.reference))?.case.reference).toBe(lending.reference);
  });

  it('shows the audit trail to auditors only', async () => {
    const { query, newer } = await setUp();
    expect(await query.audit(cardAgent, newer.reference)).toBeNull();
    expect((await query.audit(auditor, newer.reference))?.map((e) => [e.action, e.actorId])).toEqual([['claim', 'agent-1']]);
  });
});
