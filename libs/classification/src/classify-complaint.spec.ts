import { PRODUCTS, REASONS, SERVICE_POINTS } from '@complaints/contracts';
import { Classification, classifyComplaint, CLASSIFIER_VERSION, priorityOf } from './classify-complaint';
import { customerText } from './training/routing-dataset';

// Written for this test: neither training nor held-out items.
const CLEAR: [string, string][] = [
  ['CREDIT_CARD', '我的信用卡这个月被收了三百块年费,办卡时说免年费的'],
  ['CREDIT_CARD', 'My credit card statement shows an annual fee I was told would be waived.'],
  ['DEPOSIT', '借记卡里的活期存款被扣了账户管理费,开户的时候没人说'],
  ['DEPOSIT', 'The bank charged an overdraft fee on my checking account.'],
  ['LOAN', '房贷提前还款被收了违约金,贷款合同里没写'],
  ['LOAN', 'My mortgage servicer misapplied my loan payment and charged a late fee.'],
  ['PAYMENT', '跨行转账三天了还没到账,汇款到底去哪了'],
  ['PAYMENT', 'My wire transfer to another bank has not arrived after a week.'],
  ['WEALTH', '理财经理推荐的基金亏了两成,说是稳健型理财产品'],
  ['WEALTH', 'The mutual fund my investment advisor recommended lost a third of its value.'],
  ['INSURANCE', '在银行买的分红保险,退保要损失一大半保费'],
  ['INSURANCE', 'The insurer denied my claim on the life insurance policy sold at the bank.'],
  ['CREDIT_REPORT', '征信报告上有一条不属于我的逾期记录,要求更正'],
  ['CREDIT_REPORT', 'There is an account on my credit report from Equifax that is not mine.'],
];

const expectInRange = (c: Classification) => {
  for (const value of Object.values(c.confidence)) {
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThanOrEqual(1);
  }
};

describe('classifyComplaint', () => {
  it.each(CLEAR)('%s: %s', (product, text) => {
    const c = classifyComplaint({ text });
    expect(c.product).toBe(product);
    expect(c.confidence.product).toBeGreaterThan(0.5);
  });

  it('returns codes of the taxonomy, confidences in 0..1 and ranked alternatives', () => {
    const c = classifyComplaint({ text: '手机银行转账一直报错,提示交易失败' });
    expect(PRODUCTS).toContain(c.product);
    expect(REASONS).toContain(c.reason);
    expect(SERVICE_POINTS).toContain(c.servicePoint);
    expectInRange(c);
    expect(c.classifierVersion).toBe(CLASSIFIER_VERSION);
    expect(c.alternatives?.reason[0]).toEqual({ label: c.reason, confidence: c.confidence.reason });
    const alternatives = c.alternatives?.product.map((a) => a.confidence) ?? [];
    expect(alternatives).toEqual([...alternatives].sort((a, b) => b - a));
  });

  it('classifies theft of funds as FUNDS_SECURITY and P1, and explains itself with matched terms', () => {
    const c = classifyComplaint({ text: '信用卡被盗刷了5笔,都是在网上商城消费的,请立即冻结并退款。' });
    expect(c).toMatchObject({ product: 'CREDIT_CARD', reason: 'FUNDS_SECURITY', priority: 'P1', escalation: false });
    expect(c.matchedTerms).toEqual(expect.arrayContaining(['信用卡', '盗刷']));
  });

  it('detects threats to go to the regulator, media or court, in Chinese and English, as escalation and P1', () => {
    for (const text of [
      '这个问题再不解决,我就向金融监管总局投诉,还要找媒体曝光',
      'If this is not fixed I will file a complaint with the CFPB and contact my lawyer.',
    ]) {
      const c = classifyComplaint({ text });
      expect(c.escalation).toBe(true);
      expect(c.priority).toBe('P1');
    }
    expect(classifyComplaint({ text: '信用卡年费能不能减免' }).escalation).toBe(false);
  });

  it('makes vulnerable customers P1 and suggestions P3', () => {
    expect(classifyComplaint({ text: '我奶奶九十岁了行动不便,网点非要她本人来办理挂失' }).priority).toBe('P1');
    const suggestion = classifyComplaint({ text: '建议手机银行增加一个大字模式' });
    expect(suggestion).toMatchObject({ reason: 'OTHER', priority: 'P3' });
  });

  it('is unsure about gibberish and off-topic text (below the router triage threshold of 0.35)', () => {
    for (const text of ['asdf qwer zxcv', '哈哈哈哈哈', '12345 !!!', '今天天气不错,我们去公园玩吧']) {
      const c = classifyComplaint({ text });
      expectInRange(c);
      expect(c.confidence.product).toBeLessThan(0.35);
      expect(c.confidence.reason).toBeLessThan(0.35);
    }
  });

  it('is confident on a clear complaint', () => {
    const c = classifyComplaint({ text: '借记卡每年扣10元小额账户管理费,开户时没人告诉我有这个费用。' });
    expect(c).toMatchObject({ product: 'DEPOSIT', reason: 'FEES' });
    expect(c.confidence.product).toBeGreaterThan(0.8);
    expect(c.confidence.reason).toBeGreaterThan(0.6);
  });

  it('uses the product the customer picked only when the text names none', () => {
    expect(classifyComplaint({ text: '服务太慢了', productHint: 'WEALTH' }).product).toBe('WEALTH');
    expect(classifyComplaint({ text: '信用卡年费乱收', productHint: 'WEALTH' }).product).toBe('CREDIT_CARD');
  });

  it('classifies a call on the customer turns only', () => {
    const turns: [string, string][] = [
      ['agent', '您好,这里是信用卡中心,请问您的信用卡有什么问题?'],
      ['customer', '不是信用卡,是我在你们这买的理财产品,到期了钱还没回来'],
      ['agent', '我帮您查一下信用卡账户'],
      ['customer', '我说了是理财,基金赎回一周了'],
    ];
    const text = customerText({ turns });
    expect(text).toBe('不是信用卡,是我在你们这买的理财产品,到期了钱还没回来\n我说了是理财,基金赎回一周了');
    expect(classifyComplaint({ text }).product).toBe('WEALTH');
  });

  it('combines the P1 causes into one probability', () => {
    expect(priorityOf(0.9, 0, 0, 0)).toMatchObject({ label: 'P1' });
    expect(priorityOf(0.05, 0.05, 0.05, 0.9).label).toBe('P3');
    expect(priorityOf(0.05, 0.05, 0.05, 0.1).label).toBe('P2');
    const { probability } = priorityOf(0.3, 0.3, 0.3, 0.5);
    expect(probability).toBeGreaterThan(0);
    expect(probability).toBeLessThanOrEqual(1);
  });
});
