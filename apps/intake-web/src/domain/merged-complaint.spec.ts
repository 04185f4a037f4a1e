import { CaseEventV1 } from '@complaints/contracts';
import { mergedWebComplaint } from './merged-complaint';

function linked(data: Record<string, unknown>, eventType: CaseEventV1['eventType'] = 'case.linked_complaint'): CaseEventV1 {
  return Object.assign(new CaseEventV1(), { eventType, at: '2026-11-29T08:00:00.000Z', data, case: { reference: 'C20261128-H00001' } as CaseEventV1['case'] });
}

describe('a web complaint merged into a case', () => {
  it('is read from case.linked_complaint with its own reference and the case it joined', () => {
    expect(mergedWebComplaint(linked({ linkedReference: 'C20261129-W00002', channel: 'web' }))).toEqual({
      reference: 'C20261129-W00002', caseReference: 'C20261128-H00001', at: new Date('2026-11-29T08:00:00.000Z'),
    });
  });

  it('is none for other channels, other events and malformed data', () => {
    expect(mergedWebComplaint(linked({ linkedReference: 'C20261129-H00002', channel: 'hotline' }))).toBeNull();
    expect(mergedWebComplaint(linked({ linkedReference: 'C20261129-W00002', channel: 'web' }, 'case.opened'))).toBeNull();
    expect(mergedWebComplaint(linked({ channel: 'web' }))).toBeNull();
  });
});
