import type { Product, Reason, ServicePoint } from '@complaints/contracts';

/** term -> weight. Chinese terms match as substrings; English terms as lower-case words/phrases. */
export type Lexicon<L extends string> = Partial<Record<L, Record<string, number>>>;

export const PRODUCT_LEXICON: Lexicon<Product> = {
  CREDIT_CARD: {
    信用卡: 3, 信用卡中心: 3, 账单日: 2, 还款日: 1, 分期: 1, 附属卡: 2, 年费: 2, 透支: 2, 额度: 1, 刷卡: 1,
    'credit card': 3, 'card was charged': 2, 'annual fee': 2, 'late fee': 1, statement: 1, chargeback: 2,
  },
  LOAN: {
    贷款: 3, 房贷: 3, 车贷: 3, 装修贷: 3, 按揭: 3, 借款: 2, 还款: 1, 利率: 1, 等额本息: 3, 提前还款: 3, 催收: 2, 逾期: 1, 授信: 1,
    loan: 3, mortgage: 3, 'auto loan': 3, 'student loan': 3, lender: 2, refinance: 2, foreclosure: 3, 'payday loan': 3, servicer: 2,
  },
  DEPOSIT: {
    存款: 3, 借记卡: 3, 储蓄卡: 3, 账户: 1, 开户: 2, 销户: 3, 存折: 3, 定期: 2, 活期: 2, 取款: 2, 取钱: 2, 账户管理费: 3, 冻结: 1, 提额: 1,
    'savings account': 3, 'checking account': 3, 'debit card': 3, deposit: 2, overdraft: 2, 'bank account': 2, atm: 2, 'account number': 1,
  },
  PAYMENT: {
    转账: 3, 汇款: 3, 支付: 2, 收款: 2, 付款: 1, 国际汇款: 3, 跨行: 2, 扫码: 2, 快捷支付: 3, 到账: 1,
    transfer: 2, 'wire transfer': 3, remittance: 3, paypal: 3, 'money transfer': 3, zelle: 3, venmo: 3, 'mobile wallet': 3, payment: 1,
  },
  WEALTH: {
    理财: 3, 基金: 3, 理财产品: 3, 赎回: 2, 净值: 2, 年化: 2, 收益率: 2, 代销: 3, 养老金: 2, 信托: 2, 股票: 1,
    investment: 3, fund: 2, 'mutual fund': 3, brokerage: 3, annuity: 2, pension: 2, portfolio: 2,
  },
  INSURANCE: {
    保险: 3, 保单: 3, 理赔: 3, 意外险: 2, 寿险: 3, 保费: 3, 退保: 3, 分红险: 3,
    insurance: 3, policy: 1, premium: 2, claim: 1, insurer: 3,
  },
  CREDIT_REPORT: {
    征信: 4, 征信报告: 4, 信用报告: 4, 逾期记录: 2, 异议: 1,
    'credit report': 4, 'credit reporting': 4, 'credit bureau': 4, equifax: 4, experian: 4, transunion: 4, 'credit score': 3, 'identity theft': 1,
  },
};

export const REASON_LEXICON: Lexicon<Reason> = {
  SERVICE_QUALITY: {
    态度: 3, 态度差: 4, 服务差: 3, 不耐烦: 3, 辱骂: 1, 难打: 3, 没人接: 3, 排队: 2, 等了: 1, 工作人员: 1, 客服: 1,
    rude: 3, attitude: 3, unprofessional: 3, 'on hold': 2, 'customer service': 1, 'hung up': 2,
  },
  MARKETING: {
    营销: 3, 推销: 3, 营销短信: 4, 骚扰: 2, 退订: 3, 广告: 1, 电话推销: 4,
    marketing: 3, solicitation: 3, telemarketing: 4, unsolicited: 3, advertis: 2, spam: 2,
  },
  DISCLOSURE: {
    没告诉: 3, 没有告知: 3, 未告知: 3, 稳赚: 3, 风险等级: 3, 保本: 2, 误导: 3, 隐瞒: 3, 没有说明: 3, 以为是存钱: 4, 没有录音录像: 3, 不透明: 1,
    misleading: 3, 'not disclosed': 3, 'never told': 3, 'was not told': 3, 'did not disclose': 3, misrepresent: 3, 'hidden': 2,
  },
  CHOICE: {
    搭售: 4, 强制: 3, 捆绑: 4, 必须同时购买: 4, 不买就: 3, 强迫: 3,
    bundled: 3, 'forced to buy': 4, 'required to purchase': 4, 'tied to': 2,
  },
  FEES: {
    手续费: 3, 费用: 2, 收费: 3, 管理费: 3, 违约金: 3, 利息: 2, 年费: 3, 利率: 2, 扣费: 3, 多收: 3, 定价: 2, 罚息: 3,
    fee: 3, fees: 3, charge: 1, charges: 1, interest: 2, 'late fee': 3, 'overdraft fee': 4, apr: 2, 'interest rate': 3,
  },
  RETURNS: {
    收益: 2, 预期年化: 4, 亏损: 3, 亏了: 3, 到手: 2, 回报: 2, 虚假广告: 2, 实际收益: 4,
    return: 2, returns: 2, yield: 2, losses: 2, 'lost money': 2,
  },
  CONTRACT: {
    合同: 3, 条款: 3, 单方面: 3, 协议: 2, 格式条款: 4, 改成: 1,
    contract: 3, agreement: 2, terms: 2, 'terms and conditions': 3, clause: 3, unilaterally: 3,
  },
  FUNDS_SECURITY: {
    盗刷: 5, 被盗: 4, 诈骗: 4, 骗: 2, 被扣: 3, 什么都没操作: 4, 没有操作: 3, 止付: 3, 冒用: 4, 资金安全: 4, 莫名: 2, 没有在这个网站: 3,
    unauthorized: 5, fraud: 4, fraudulent: 5, scam: 4, stolen: 4, 'did not authorize': 5, "didn't authorize": 5, 'identity theft': 3, hacked: 4,
  },
  INFO_SECURITY: {
    个人信息: 4, 信息泄露: 5, 泄露: 4, 卖给: 3, 隐私: 4, 数据: 1,
    'personal information': 4, leaked: 4, 'data breach': 5, privacy: 4, 'my data': 3, 'shared my information': 4,
  },
  DEBT_COLLECTION: {
    催收: 5, 催债: 5, 暴力催收: 5, 讨债: 5, 骚扰家人: 4, 辱骂我的家人: 4,
    'debt collector': 5, 'debt collection': 5, collector: 3, 'collection agency': 5, collections: 3, 'owe a debt': 3, debt: 2,
  },
  PROCESS: {
    流程: 3, 审批: 2, 还没结果: 3, 一直没有: 2, 没有任何进度: 3, 拖延: 3, 推诿: 3, 没到: 2, 还没到: 2, 异议: 2, 更正: 2, 没有回复: 2, 不让: 2, 要求提供: 1, 多久: 2,
    delay: 2, delayed: 2, 'still not': 2, 'never received': 2, 'no response': 2, refused: 2, 'charged twice': 3, duplicate: 2, dispute: 2, 'took weeks': 2, 'not been resolved': 2,
  },
  SYSTEM_FAILURE: {
    报错: 4, 系统故障: 5, 系统错误: 3, 闪退: 4, 坏了: 4, 暂停服务: 3, 交易失败: 3, 识别一直失败: 4, 无法登录: 4, 登不上: 4, 系统延迟: 2, 失败: 1,
    error: 2, outage: 4, crash: 3, 'app crashed': 4, 'system down': 4, glitch: 3, 'cannot log in': 4, "can't log in": 4, 'out of service': 3,
  },
  OTHER: {
    建议: 4, 希望: 1, 咨询: 3, 请问: 1,
    suggest: 4, suggestion: 4, inquiry: 3, 'would like to know': 3,
  },
};

export const SERVICE_POINT_LEXICON: Lexicon<ServicePoint> = {
  BRANCH: {
    网点: 3, 柜台: 4, 支行: 3, 营业厅: 4, 大堂: 3, 经理: 1, 客户经理: 2, 理财经理: 2,
    branch: 4, teller: 4, 'in person': 2, banker: 2,
  },
  CALL_CENTER: {
    客服热线: 4, 热线: 3, 客服电话: 4, 人工客服: 3,
    'call center': 4, hotline: 4, 'phone line': 2, 'on hold': 2, representative: 1,
  },
  ONLINE: {
    手机银行: 4, 网银: 4, 网上银行: 4, 网上: 2, 线上: 3, 小程序: 3, 人脸识别: 2, 网站: 2, 宣传页: 1,
    app: 3, online: 3, website: 3, 'mobile banking': 4, 'online banking': 4,
  },
  SELF_SERVICE: {
    自动取款机: 5, 取款机: 5, 自助: 4, 存取款机: 5, 柜员机: 5,
    atm: 5, kiosk: 4, 'cash machine': 5,
  },
  THIRD_PARTY: {
    催收人员: 4, 中介: 3, 外包: 4, 第三方: 4, 代理: 2, 合作机构: 4,
    'debt collector': 4, 'third party': 4, 'collection agency': 4, agent: 1,
  },
};

/** Threats to go to the regulator, the media or the courts, or a complaint said to be ignored before. */
export const ESCALATION_TERMS: Record<string, number> = {
  金融监管总局: 5, 银保监: 5, 人民银行: 4, 人行: 3, 12378: 5, 监管部门: 5, 银监: 5, 媒体: 4, 曝光: 5, 记者: 5, 起诉: 5, 法院: 5, 报警: 5, 律师: 4,
  投诉过: 4, 没有任何回复: 4, 不服: 4, 不公平: 3, 再次投诉: 4, 第三次投诉: 5,
  regulator: 5, cfpb: 5, 'attorney general': 5, lawyer: 4, attorney: 4, lawsuit: 5, sue: 4, court: 4, media: 4, journalist: 5, police: 4,
  'third complaint': 5, 'second complaint': 4, 'complained before': 4, 'no response': 2, unfair: 2,
};

/** Vulnerable customers (elderly, disabled, seriously ill): P1. */
export const VULNERABLE_TERMS: Record<string, number> = {
  老人: 3, 老年人: 2, 八十岁: 5, 七十岁: 4, 九十岁: 5, 残疾: 5, 重病: 5, 癌症: 5, 住院: 4, 父亲: 1, 母亲: 1,
  elderly: 4, disabled: 5, disability: 5, 'terminally ill': 5, cancer: 4, hospital: 3, 'my father': 1, 'my mother': 1, dementia: 5,
};

/** Ongoing loss of funds: P1 together with FUNDS_SECURITY. */
export const URGENT_LOSS_TERMS: Record<string, number> = {
  盗刷: 5, 被扣: 4, 止付: 5, 冻结: 3, 立即: 2, 马上: 2, 快点: 2, 刚才: 2,
  unauthorized: 4, stolen: 4, 'right now': 2, immediately: 2, freeze: 3, urgent: 3,
};
