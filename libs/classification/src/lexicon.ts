import type { Product, Reason, ServicePoint } from '@complaints/contracts';

/**
 * Domain terms per label. Chinese terms match as substrings; English terms as lower-case words or
 * phrases on word boundaries (a trailing plural "s" allowed). A match is evidence, not a verdict:
 * the trained model weighs each `lex:<axis>:<label>` feature against the words around it.
 */
export type Lexicon<L extends string> = Partial<Record<L, readonly string[]>>;

export const PRODUCT_LEXICON: Lexicon<Product> = {
  CREDIT_CARD: [
    '信用卡', '信用卡中心', '账单日', '附属卡', '年费', '透支', '取现', '最低还款', '循环利息', '账单分期', '临时额度', '提额', '刷卡', '积分', '办卡', '销卡', '卡中心',
    'credit card', 'card account', 'annual fee', 'late fee', 'statement balance', 'chargeback', 'reward point', 'credit limit', 'cash advance', 'visa', 'mastercard', 'amex',
  ],
  LOAN: [
    '贷款', '房贷', '车贷', '装修贷', '公积金贷款', '信用贷', '过桥', '按揭', '借款', '消费贷', '经营贷', '助学贷款', '网贷', '月供', '等额本息', '等额本金', '提前还款', '放款', '放贷', '续贷', '解押', '抵押', 'lpr', '授信', '备用金',
    'loan', 'mortgage', 'auto loan', 'student loan', 'lender', 'refinance', 'foreclosure', 'payday loan', 'servicer', 'escrow', 'loan modification', 'forbearance', 'principal',
  ],
  DEPOSIT: [
    '存款', '借记卡', '储蓄卡', '工资卡', '社保卡', '保管箱', '养老金代发', '开户', '销户', '存折', '定期', '活期', '大额存单', '取款', '取钱', '取现', '账户管理费', '存款证明', '余额', '账户',
    'savings account', 'checking account', 'debit card', 'deposit', 'overdraft', 'bank account', 'checking', 'savings', 'account balance',
  ],
  PAYMENT: [
    '转账', '汇款', '支付', '收款', '付款', '数字人民币', '钱包', 'etc', '外币兑换', '换汇', '结汇', '国际汇款', '跨境汇款', '跨行', '扫码', '快捷支付', '收款码', '二维码', '免密支付', '退汇', '代发', '缴费',
    'transfer', 'wire transfer', 'wire', 'remittance', 'paypal', 'money transfer', 'zelle', 'venmo', 'cash app', 'mobile wallet', 'money order', 'western union',
  ],
  WEALTH: [
    '理财', '基金', '理财产品', '理财经理', '贵金属', '黄金', '积存金', '外汇理财', '结构性存款', '赎回', '净值', '年化', '收益率', '代销', '养老金', '信托', '私募', '资管', '定投', '风险测评', '风险等级', '业绩比较基准', '保本',
    'investment', 'mutual fund', 'fund', 'brokerage', 'annuity', 'pension', 'portfolio', 'retirement account', 'financial advisor', 'stock',
  ],
  INSURANCE: [
    '保险', '保单', '理赔', '意外险', '寿险', '保费', '退保', '分红险', '万能险', '重疾险', '车险', '航意险', '犹豫期', '投保', '保额',
    'insurance', 'insurer', 'policy', 'premium', 'claim', 'coverage', 'life insurance',
  ],
  CREDIT_REPORT: [
    '征信', '征信报告', '信用报告', '逾期记录', '异议申请', '征信记录', '查询记录', '呆账', '信用记录',
    'credit report', 'credit reporting', 'credit bureau', 'equifax', 'experian', 'transunion', 'credit score', 'credit file', 'fcra', 'inquiry', 'inquiries',
  ],
};

export const REASON_LEXICON: Lexicon<Reason> = {
  SERVICE_QUALITY: [
    '态度', '态度差', '态度恶劣', '服务差', '服务太差', '不耐烦', '爱答不理', '黑脸', '冷漠', '呵斥', '挂电话', '挂我电话', '难打', '打不通', '没人接', '排队', '等了', '推来推去', '踢皮球', '不专业',
    'rude', 'attitude', 'unprofessional', 'on hold', 'hung up', 'dismissive', 'ignored me', 'waited',
  ],
  MARKETING: [
    '营销', '推销', '营销短信', '营销电话', '骚扰', '退订', '广告', '弹窗', '推送', '忽悠', '讲座', '送礼', '诱导',
    'marketing', 'solicitation', 'telemarketing', 'unsolicited', 'advertising', 'advertisement', 'spam', 'promotional call', 'do not call',
    'ads', 'promotional', 'sell me', 'keeps pushing', 'offers', 'opted out',
  ],
  DISCLOSURE: [
    '没告诉', '没有告知', '未告知', '没人告诉', '没说清楚', '没讲清楚', '没有说明', '稳赚', '保本', '风险揭示', '误导', '隐瞒', '以为是存钱', '以为是存款', '说是存钱', '不透明', '只字不提', '宣传',
    'misleading', 'not disclosed', 'never told', 'was not told', 'did not disclose', 'never explained', 'misrepresent', 'hidden', 'deceptive', 'mislead',
    'nobody explained', 'nobody told', 'never mentioned', 'not mentioned', 'without telling', 'not informed', 'did not explain', 'told me it was',
  ],
  CHOICE: [
    '搭售', '强制', '捆绑', '必须同时', '不买就', '强迫', '强买强卖', '默认勾选', '选择权', '非要', '不给办',
    'bundled', 'forced to buy', 'required to purchase', 'condition of', 'had to buy', 'forced',
    'only if', 'unless i', 'insisted', 'automatically enrolled', 'without asking', 'without my consent', 'pre-checked',
  ],
  FEES: [
    '手续费', '费用', '收费', '管理费', '违约金', '利息', '年费', '利率', '扣费', '多收', '乱收费', '定价', '罚息', '工本费', '服务费', '赎回费', '认购费', '评估费', '多扣',
    'fee', 'interest', 'late fee', 'overdraft fee', 'apr', 'interest rate', 'penalty', 'surcharge', 'charged me',
  ],
  RETURNS: [
    '收益', '预期年化', '亏损', '亏了', '到手', '回报', '实际收益', '净值', '分红', '跌破', '业绩比较基准', '结算利率',
    'return', 'yield', 'lost value', 'losses', 'lost money', 'dividend', 'performance', 'promised', 'projection', 'lost', 'underperform',
  ],
  CONTRACT: [
    '合同', '条款', '单方面', '协议', '格式条款', '合约', '约定', '免责条款', '违约',
    'contract', 'agreement', 'terms and conditions', 'clause', 'unilaterally', 'fine print', 'exclusion', 'terms', 'changed the terms', 'breach',
  ],
  FUNDS_SECURITY: [
    '盗刷', '被盗', '诈骗', '骗子', '被骗', '冒用', '冒名', '资金安全', '什么都没操作', '没有操作', '没有做过任何操作', '不是我刷的', '止付', '被转走', '调包', '盗用', '莫名其妙',
    'unauthorized', 'fraud', 'fraudulent', 'scam', 'scammed', 'stolen', 'did not authorize', "didn't authorize", 'identity theft', 'hacked', 'skimmed', 'did not make',
  ],
  INFO_SECURITY: [
    '个人信息', '信息泄露', '泄露', '卖给', '隐私', '身份证号', '被随意', '过度收集', '授权读取', '未经我授权', '信息被',
    'personal information', 'leaked', 'data breach', 'privacy', 'my data', 'shared my information', 'without my permission', 'exposed',
    'contact details', 'personal data', 'sold my', 'my information', 'date of birth', 'social security number',
  ],
  DEBT_COLLECTION: [
    '催收', '催债', '暴力催收', '讨债', '催收公司', '催收人员', '催还款', '欠钱', '上门', '律师函',
    'debt collector', 'debt collection', 'collector', 'collection agency', 'collections', 'debt', 'owe', 'fdcpa', 'validation', 'collect',
  ],
  PROCESS: [
    '流程', '审批', '还没结果', '一直没有', '没有任何进度', '拖延', '推诿', '还没到', '没到账', '异议', '更正', '没有回复', '不让', '要求提供', '多久', '跑了', '来回', '折腾', '冻结', '预约', '还没', '一直说',
    'delay', 'still not', 'never received', 'no response', 'refused', 'charged twice', 'duplicate', 'dispute', 'took weeks', 'not been resolved', 'waiting', 'still has not',
    'pending', 'would not let', 'still open', 'lost my', 'on hold for', 'has not', 'weeks', 'months',
  ],
  SYSTEM_FAILURE: [
    '报错', '系统故障', '系统错误', '系统繁忙', '系统维护', '闪退', '崩溃', '崩了', '坏了', '故障', '暂停服务', '交易失败', '识别失败', '无法登录', '登不上', '登录不上', '打不开', '吞卡', '吞了', '没出钞', '卡纸', '没反应',
    'error', 'outage', 'crash', 'system down', 'glitch', 'cannot log in', "can't log in", 'out of service', 'not working', 'did not dispense',
    'server error', 'was down', 'is down', 'logs me out', 'would not load', 'technical issue', 'malfunction',
  ],
  OTHER: [
    '建议', '希望', '咨询', '请问', '想问', '想了解', '怎么查', '能不能', '是多少', '几天',
    'suggest', 'suggestion', 'inquiry', 'would like to know', 'how long', 'how can', 'how often', 'information about', 'could you tell',
    'can i', 'please consider', 'is there', 'what is', 'what are', 'do i need', 'how do i', 'i want to check', 'just a suggestion',
  ],
};

export const SERVICE_POINT_LEXICON: Lexicon<ServicePoint> = {
  BRANCH: [
    '网点', '柜台', '柜员', '支行', '营业厅', '大堂', '大堂经理', '客户经理', '理财经理', '窗口', '排队',
    'branch', 'teller', 'in person', 'banker', 'loan officer', 'financial advisor',
  ],
  CALL_CENTER: ['客服热线', '热线', '客服电话', '人工客服', '客服', '打电话', '电话', '智能客服', 'call center', 'hotline', 'phone', 'on hold', 'representative', 'called'],
  ONLINE: [
    '手机银行', '网银', '网上银行', 'app', '线上', '小程序', '人脸识别', '网站', '页面', '短信', '网上', '微信',
    'online', 'website', 'mobile banking', 'online banking', 'text message', 'email',
  ],
  SELF_SERVICE: ['自动取款机', '取款机', '自助', '存取款机', '存款机', '柜员机', 'atm', '叫号机', '自助终端', 'kiosk', 'cash machine'],
  THIRD_PARTY: [
    '催收人员', '催收公司', '中介', '外包', '第三方', '代理人', '合作机构', '合作', '车商', '委托',
    'debt collector', 'third party', 'collection agency', 'agent', 'dealer', 'contractor',
  ],
};

/** Threats to go to the regulator, the media, the courts or the police, or an earlier complaint ignored or handled unfairly. */
export const ESCALATION_TERMS: readonly string[] = [
  '金融监管总局', '金融监督管理总局', '监管局', '银保监', '银监', '人民银行', '人行', '央行', '12378', '监管部门', '监管机构', '媒体', '曝光', '记者', '电视台', '热搜',
  '起诉', '法院', '报警', '律师', '告你们', '投诉过', '没有任何回复', '不服', '不公平', '再次投诉', '多次投诉', '投诉了两次', '投诉了三次', '敷衍',
  'regulator', 'cfpb', 'attorney general', 'lawyer', 'attorney', 'lawsuit', 'sue', 'court', 'media', 'newspaper', 'journalist', 'police',
  'second complaint', 'third complaint', 'complained before', 'previous complaint', 'unfair',
];

/** Vulnerable customers (elderly, disabled, seriously ill). */
export const VULNERABLE_TERMS: readonly string[] = [
  '老人', '老年', '七十', '八十', '九十', '岁了', '奶奶', '爷爷', '残疾', '轮椅', '听障', '视力', '瘫痪', '中风', '重病', '癌症', '化疗', '住院', '手术', '痴呆', '心脏病',
  'elderly', 'disabled', 'disability', 'wheelchair', 'terminally ill', 'cancer', 'hospital', 'dementia', 'bedridden', 'senior',
];

/** Every term, for jieba's user dictionary. */
export function domainTerms(): string[] {
  const lexicons = [PRODUCT_LEXICON, REASON_LEXICON, SERVICE_POINT_LEXICON] as Lexicon<string>[];
  const terms = lexicons.flatMap((lexicon) => Object.values(lexicon).flatMap((list) => [...(list ?? [])]));
  return [...new Set([...terms, ...ESCALATION_TERMS, ...VULNERABLE_TERMS])];
}
