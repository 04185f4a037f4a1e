import { CaseEventV1 } from '@complaints/contracts';
import { caseUpdateOf } from './customer-timeline';

function event(customerVisible: boolean, message?: string): CaseEventV1 {
  return Object.assign(new CaseEventV1(), {
    eventId: '5f0c3f5e-8f0e-4b7a-9d55-0a1d4b8c9e01',
    eventType: customerVisible ? 'case.feedback_sent' : 'case.note_added',
    case: { complaintId: '0b7c6a44-63f6-5b9e-9a4f-0e4a0f3a2d11', status: 'IN_PROGRESS' },
    customerVisible,
    message,
    at: '2026-11-29T02:00:00.000Z',
  });
}

describe('caseUpdateOf', () => {
  it('keeps the message of a customer-visible event', () => {
    expect(caseUpdateOf(event(true, 'We are looking into it'))).toEqual({
      eventId: '5f0c3f5e-8f0e-4b7a-9d55-0a1d4b8c9e01',
      complaintId: '0b7c6a44-63f6-5b9e-9a4f-0e4a0f3a2d11',
      eventType: 'case.feedback_sent',
      status: 'IN_PROGRESS',
      customerVisible: true,
      message: 'We are looking into it',
      at: new Date('2026-11-29T02:00:00.000Z'),
    });
  });

  it('never keeps the text of an internal note', () => {
    const update = caseUpdateOf(event(false, 'customer sounds angry, check KYC'));
    expect(update.message).toBeNull();
    expect(update.customerVisible).toBe(false);
    expect(update.status).toBe('IN_PROGRESS');
  });
});
