import { caseEventOf, receivedComplaint } from '../in-memory/events';
import { InMemoryReadModelWriter } from '../in-memory/in-memory-read-model.writer';
import { RecordEventUseCase } from './record-event.use-case';

function setUp() {
  const writer = new InMemoryReadModelWriter();
  return { writer, record: new RecordEventUseCase(writer) };
}

describe('RecordEventUseCase', () => {
  it('records received complaints with their Kafka offsets and answers how many were new', async () => {
    const { writer, record } = setUp();
    const a = receivedComplaint('年费', { context: { extra: { region: '上海市' } } });
    const b = receivedComplaint('年费');

    expect(
      await record.received([
        { event: a, offset: 10 },
        { event: b, offset: 11 },
      ]),
    ).toBe(2);

    expect(writer.factsOf(a.complaint.complaintId)).toMatchObject([
      {
        topic: 'received',
        offset: 10,
        eventId: a.eventId,
        complaint: { reference: a.complaint.reference, channel: 'web', region: '310000' },
      },
    ]);
  });

  it('records a redelivered event, or one twice in a batch, once', async () => {
    const { writer, record } = setUp();
    const a = receivedComplaint('年费');
    await record.received([{ event: a, offset: 10 }]);

    expect(
      await record.received([
        { event: a, offset: 10 },
        { event: a, offset: 10 },
      ]),
    ).toBe(0);
    expect(writer.eventCount).toBe(1);
  });

  it("records a merged repeat complaint's link against both complaints", async () => {
    const { writer, record } = setUp();
    const caseId = '11111111-1111-4111-8111-111111111111';
    const repeatId = '22222222-2222-4222-8222-222222222222';

    await record.caseEvents([{ event: caseEventOf(caseId, 'case.linked_complaint', { linkedComplaintId: repeatId }), offset: 3 }]);

    expect(writer.factsOf(caseId).map((f) => f.topic)).toEqual(['case']);
    expect(writer.factsOf(repeatId).map((f) => f.topic)).toEqual(['case']);
  });

  it('tells the consumer when the read model does not answer, recording nothing', async () => {
    const { writer, record } = setUp();
    writer.unavailable = new Error('connection refused');
    await expect(record.received([{ event: receivedComplaint('年费'), offset: 1 }])).rejects.toThrow('connection refused');
    expect(writer.eventCount).toBe(0);
  });
});
