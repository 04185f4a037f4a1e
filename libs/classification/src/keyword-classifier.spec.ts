import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyComplaint } from './keyword-classifier';
import { detectLanguage } from './detect-language';

interface Labeled {
  id: string;
  text?: string;
  turns?: [string, string][];
  product: string;
  reason: string;
  escalation: boolean;
  priority: string;
}

const examples: Labeled[] = readFileSync(join(__dirname, '..', 'test-data', 'dev-complaints-zh.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Labeled);

const textOf = (e: Labeled) => e.text ?? (e.turns ?? []).filter(([speaker]) => speaker === 'customer').map(([, t]) => t).join('\n');

describe('classifyComplaint (keyword baseline)', () => {
  it('classifies the obvious cases on every axis', () => {
    const c = classifyComplaint({ text: '信用卡被盗刷了5笔,都是在网上商城消费的,请立即冻结并退款。' });
    expect(c).toMatchObject({ product: 'CREDIT_CARD', reason: 'FUNDS_SECURITY', priority: 'P1', escalation: false });
    expect(c.matchedTerms).toEqual(expect.arrayContaining(['信用卡', '盗刷']));
  });

  it('detects escalation threats and makes them P1', () => {
    const c = classifyComplaint({ text: '如果本周内还不处理,我将向人民银行和金融监管总局投诉。' });
    expect(c.escalation).toBe(true);
    expect(c.priority).toBe('P1');
    expect(classifyComplaint({ text: 'If it is not refunded this week I will file a complaint with the regulator.' }).escalation).toBe(true);
  });

  it('treats suggestions as P3 and vulnerable customers as P1', () => {
    expect(classifyComplaint({ text: '建议贵行在网点增加老年人专用窗口' }).priority).toBe('P3');
    expect(classifyComplaint({ text: '我父亲八十岁了,你们网点让他买了一个十年期的保险' }).priority).toBe('P1');
  });

  it('matches English terms on word boundaries only', () => {
    expect(classifyComplaint({ text: 'The coffee machine in the lobby is broken' }).reason).not.toBe('FEES');
    expect(classifyComplaint({ text: 'I was charged an overdraft fee twice on my checking account' })).toMatchObject({ product: 'DEPOSIT', reason: 'FEES' });
  });

  it('uses the product the customer picked when the text names none', () => {
    expect(classifyComplaint({ text: '服务太慢了', productHint: 'WEALTH' }).product).toBe('WEALTH');
    expect(classifyComplaint({ text: '信用卡年费乱收', productHint: 'WEALTH' }).product).toBe('CREDIT_CARD');
  });

  // A floor for the baseline on the shared development set, not a target: the routing issue trains a model.
  it('gets most of the labeled development complaints right', () => {
    const score = (axis: 'product' | 'reason' | 'priority') =>
      examples.filter((e) => classifyComplaint({ text: textOf(e) })[axis] === e[axis]).length / examples.length;
    expect(score('product')).toBeGreaterThanOrEqual(0.7);
    expect(score('reason')).toBeGreaterThanOrEqual(0.5);
    expect(score('priority')).toBeGreaterThanOrEqual(0.7);
  });
});

describe('detectLanguage', () => {
  it.each([
    ['信用卡被盗刷了', 'zh'],
    ['My card was charged twice', 'en'],
    ['APP上的转账功能一直报错', 'zh'],
    ['12345 !!!', 'other'],
  ])('%s -> %s', (text, language) => expect(detectLanguage(text)).toBe(language));
});
