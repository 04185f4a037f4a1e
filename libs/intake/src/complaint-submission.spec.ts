import { ComplaintReceivedV1, ComplaintV1, parseContract } from '@complaints/contracts';
import { complaintContent } from './domain/complaint-content';
import { receivedComplaintEvent, submissionResult } from './complaint-submission';
import { complaintAccepted } from './http/complaint-accepted';

const file = {
  id: '6f1c8c55-1f0c-4d2e-9a57-3f3a5f0b1c2d',
  contentType: 'image/png' as const,
  sizeBytes: 68,
  sha256: 'a'.repeat(64),
  fileName: 'receipt.png',
  content: Buffer.from('png'),
};
const receivedAt = new Date('2026-11-29T01:02:03Z');

function complaint(evidence = [file]): ComplaintV1 {
  return Object.assign(new ComplaintV1(), {
    complaintId: '0b7c6a44-63f6-5b9e-9a4f-0e4a0f3a2d11',
    reference: 'C20261129-W7K3Q9',
    channel: 'web' as const,
    receivedAt: receivedAt.toISOString(),
    source: { system: 'web-form', messageId: null, receivedAt: receivedAt.toISOString() },
    customer: { contact: {} },
    content: complaintContent('信用卡被盗刷了，请冻结', evidence),
    context: {},
  });
}

describe('a submitted complaint', () => {
  it('carries its text, language and evidence metadata, never the file bytes or names', () => {
    expect(complaintContent('信用卡被盗刷了，请冻结', [file])).toEqual({
      text: '信用卡被盗刷了，请冻结',
      language: 'zh',
      attachments: [{ id: file.id, contentType: 'image/png', sizeBytes: 68, sha256: 'a'.repeat(64) }],
    });
    expect(complaintContent('My card was charged twice', [])).toEqual({ text: 'My card was charged twice', language: 'en' });
  });

  it('is published as a valid complaints.received.v1 event of the intake that received it', () => {
    const event = receivedComplaintEvent(complaint(), { source: 'intake-web', receivedAt, correlationId: 'corr-1' });
    expect(parseContract(ComplaintReceivedV1, JSON.parse(JSON.stringify(event)))).toMatchObject({
      eventType: ComplaintReceivedV1.type,
      eventVersion: 1,
      occurredAt: receivedAt.toISOString(),
      correlationId: 'corr-1',
      causationId: null,
      source: 'intake-web',
    });
    expect(receivedComplaintEvent(complaint(), { source: 'intake-web', receivedAt, correlationId: 'corr-1' }).eventId).not.toBe(
      event.eventId,
    );
  });

  it('is answered with its reference, its evidence metadata and the promises, replayed or not', () => {
    const event = receivedComplaintEvent(complaint(), { source: 'intake-web', receivedAt, correlationId: 'corr-1' });
    const record = {
      complaintId: event.complaint.complaintId,
      reference: event.complaint.reference,
      requestHash: 'h',
      status: 'accepted' as const,
      event,
      receivedAt,
    };
    const result = submissionResult(record, true);
    expect(result).toEqual({
      reference: 'C20261129-W7K3Q9',
      complaintId: record.complaintId,
      receivedAt: '2026-11-29T01:02:03.000Z',
      replayed: true,
      attachments: [{ id: file.id, contentType: 'image/png', sizeBytes: 68, sha256: 'a'.repeat(64) }],
    });
    expect(complaintAccepted(result)).toEqual({
      reference: 'C20261129-W7K3Q9',
      complaintId: record.complaintId,
      status: 'RECEIVED',
      receivedAt: '2026-11-29T01:02:03.000Z',
      attachments: result.attachments,
      promises: { feedbackWithinHours: 48, decisionWithinDays: 15 },
    });
    expect(
      submissionResult(
        { ...record, event: receivedComplaintEvent(complaint([]), { source: 'intake-web', receivedAt, correlationId: 'c' }) },
        false,
      ).attachments,
    ).toEqual([]);
  });
});
