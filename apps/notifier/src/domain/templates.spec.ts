import { CASE_EVENT_KINDS } from '@complaints/contracts';
import { renderMessage } from './templates';

describe('customer message templates', () => {
  it('gives the reference and the 48 h / 15-day promises when a case opens, in Chinese and English', () => {
    expect(renderMessage('opened', 'zh', { reference: 'C20261129-W7K3Q9' })?.text).toBe(
      '您的投诉已受理，编号 C20261129-W7K3Q9。我们将在 48 小时内与您联系，并在 15 日内给出处理结果。',
    );
    expect(renderMessage('opened', 'en', { reference: 'C20261129-W7K3Q9' })?.text).toContain('within 48 hours');
  });

  it('passes on the handler’s words and asks for a 1-5 score on resolution', () => {
    const zh = renderMessage('resolved', 'zh', { reference: 'C1', message: '已为您退还手续费 50 元。' });
    expect(zh?.text).toBe(
      '您的投诉 C1 已处理完毕。处理结果：已为您退还手续费 50 元。请直接回复 1-5 为本次处理评分（5 为非常满意），或回复“满意”/“不满意”。',
    );
    const en = renderMessage('resolved', 'en', { reference: 'C1', message: 'We refunded the fee.' });
    expect(en?.text).toBe(
      'We have dealt with your complaint C1. Our decision: We refunded the fee. Please reply with a score from 1 to 5 (5 = very satisfied), or "satisfied" / "not satisfied".',
    );
  });

  it('states the new due date of an extension', () => {
    expect(
      renderMessage('extension_approved', 'zh', { reference: 'C1', dueAt: '2026-12-29T00:00:00.000Z', message: '需要调取监控' })?.text,
    ).toBe('您的投诉 C1 情况较复杂，处理期限延长至 2026-12-29。原因：需要调取监控');
  });

  it('has a template in both languages for every kind it sends, and nothing for internal kinds', () => {
    const sent = CASE_EVENT_KINDS.filter((kind) => renderMessage(kind, 'zh', { reference: 'C1' }) !== null);
    expect(sent.sort()).toEqual([
      'closed',
      'extension_approved',
      'feedback_sent',
      'mediation_concluded',
      'mediation_referred',
      'opened',
      'reopened',
      'resolution_proposed',
      'resolved',
      'withdrawn',
    ]);
    for (const kind of sent) expect(renderMessage(kind, 'en', { reference: 'C1' })).not.toBeNull();
    expect(renderMessage('note_added', 'zh', { reference: 'C1' })).toBeNull();
    expect(renderMessage('sla_breached', 'en', { reference: 'C1' })).toBeNull();
  });
});
