import { parseContract, ComplaintV1 } from '@complaints/contracts';
import { PiiCipher } from '@complaints/security/domain';
import { HotlineCall, normaliseHotlineCall } from './hotline-call';

const cipher = PiiCipher.fromSetting('k1:ZGV2LW9ubHktcGlpLWtleS1ub3QtZm9yLXByb2QtMzI=', 'k1');
const ids = {
  callcenterId: 'cc-a',
  complaintId: '8a7f5c1e-8b1b-5d3a-9a55-0c2f3d1e4b6a',
  reference: 'C20261129-H7K3Q9',
  receivedAt: new Date('2026-11-29T02:00:00Z'),
};

function call(overrides: Partial<HotlineCall> = {}): HotlineCall {
  return {
    callId: 'CALL-1',
    startedAt: '2026-11-29T09:30:00+08:00',
    endedAt: '2026-11-29T09:36:12+08:00',
    callerNumber: '138 0013 8000',
    callerRegion: '440000',
    agentId: 'A-17',
    queue: 'cards',
    summary: 'Customer reports card 6222 0212 3456 7894 used without consent',
    disposition: 'ESCALATED',
    transcript: [
      { speaker: 'agent', text: '您好，请问有什么可以帮您？', offsetMs: 0 },
      { speaker: 'customer', text: '我的卡6222021234567894昨天被盗刷了', offsetMs: 4_000 },
      { speaker: 'agent', text: '请稍等，我帮您查询' },
      { speaker: 'customer', text: '请尽快冻结' },
    ],
    ...overrides,
  };
}

describe('normaliseHotlineCall', () => {
  it('makes a valid canonical complaint from what the customer said, with the call kept as context', () => {
    const result = normaliseHotlineCall(call(), ids, cipher, 'CN');
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const complaint = parseContract(ComplaintV1, JSON.parse(JSON.stringify(result.complaint)));
    expect(complaint.content.text).toBe('我的卡************7894昨天被盗刷了\n请尽快冻结');
    expect(complaint.content.language).toBe('zh');
    expect(complaint.content.transcript).toHaveLength(4);
    expect(complaint.content.transcript?.[1]).toEqual({ speaker: 'customer', text: '我的卡************7894昨天被盗刷了', offsetMs: 4_000 });
    expect(complaint.receivedAt).toBe('2026-11-29T01:30:00.000Z');
    expect(complaint.source).toEqual({ system: 'cc-a', messageId: 'CALL-1', receivedAt: '2026-11-29T02:00:00.000Z' });
    expect(complaint.customer.contact.phoneLast4).toBe('8000');
    expect(cipher.open(complaint.customer.contact.phone!)).toBe('+8613800138000');
    expect(complaint.context.extra).toEqual({
      callStartedAt: '2026-11-29T01:30:00.000Z',
      callEndedAt: '2026-11-29T01:36:12.000Z',
      callDurationSeconds: '372',
      agentId: 'A-17',
      queue: 'cards',
      disposition: 'ESCALATED',
      region: '440000',
      summary: expect.stringContaining('7894 used without consent'),
    });
    expect(complaint.context.extra?.summary).not.toContain('6222 0212 3456');
  });

  it("vouches for the caller's number and customer id only when the call centre verified the caller", () => {
    const identities = (overrides: Partial<HotlineCall>) => {
      const result = normaliseHotlineCall(call(overrides), ids, cipher, 'CN');
      return result.ok ? parseContract(ComplaintV1, JSON.parse(JSON.stringify(result.complaint))).customer.verifiedIdentities : 'refused';
    };
    expect(identities({})).toBeUndefined();
    expect(identities({ callerVerified: false, customerId: 'cust-1' })).toBeUndefined();
    expect(identities({ callerVerified: true })).toEqual(['phone']);
    expect(identities({ callerVerified: true, customerId: 'cust-1' })).toEqual(['phone', 'customerId']);
  });

  it('reads a number without a country code in the configured country', () => {
    const result = normaliseHotlineCall(call({ callerNumber: '(415) 555-2671' }), ids, cipher, 'US');
    expect(result.ok && cipher.open(result.complaint.customer.contact.phone!)).toBe('+14155552671');
  });

  it('names every field that makes a call unusable', () => {
    const result = normaliseHotlineCall(
      call({ callerNumber: '95588', endedAt: '2026-11-29T09:00:00+08:00', transcript: [{ speaker: 'agent', text: '喂？' }] }),
      ids,
      cipher,
      'CN',
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((e) => e.field)).toEqual(['callerNumber', 'endedAt', 'transcript']);
  });

  it('refuses a call that starts in the future', () => {
    const result = normaliseHotlineCall(call({ startedAt: '2026-11-29T03:00:00Z', endedAt: '2026-11-29T03:05:00Z' }), ids, cipher, 'CN');
    expect(!result.ok && result.errors.map((e) => e.field)).toEqual(['startedAt']);
  });
});
