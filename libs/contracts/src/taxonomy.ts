/**
 * The routing taxonomy of docs/ARCHITECTURE.md (Taxonomy and routing), after PBoC JR/T 0169-2018. Codes are fixed; labels are zh + en.
 */
export const CHANNELS = ['web', 'hotline', 'mobile', 'wechat', 'weibo'] as const;
export type Channel = (typeof CHANNELS)[number];

export const PRODUCTS = ['DEPOSIT', 'CREDIT_CARD', 'LOAN', 'PAYMENT', 'WEALTH', 'INSURANCE', 'CREDIT_REPORT', 'OTHER'] as const;
export type Product = (typeof PRODUCTS)[number];

export const REASONS = [
  'SERVICE_QUALITY',
  'MARKETING',
  'DISCLOSURE',
  'CHOICE',
  'FEES',
  'RETURNS',
  'CONTRACT',
  'FUNDS_SECURITY',
  'INFO_SECURITY',
  'DEBT_COLLECTION',
  'PROCESS',
  'SYSTEM_FAILURE',
  'OTHER',
] as const;
export type Reason = (typeof REASONS)[number];

export const SERVICE_POINTS = ['BRANCH', 'CALL_CENTER', 'ONLINE', 'SELF_SERVICE', 'THIRD_PARTY', 'OTHER'] as const;
export type ServicePoint = (typeof SERVICE_POINTS)[number];

export const PRIORITIES = ['P1', 'P2', 'P3'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const DEPARTMENTS = [
  'CARD_CENTER',
  'RETAIL_BANKING',
  'LENDING',
  'WEALTH',
  'PAYMENTS',
  'DIGITAL',
  'FRAUD',
  'CONSUMER_PROTECTION',
  'CUSTOMER_SERVICE',
] as const;
export type Department = (typeof DEPARTMENTS)[number];

export interface Label {
  zh: string;
  en: string;
}

export const PRODUCT_LABELS: Record<Product, Label> = {
  DEPOSIT: { zh: '存款/借记卡/账户', en: 'Deposits, debit cards and accounts' },
  CREDIT_CARD: { zh: '信用卡', en: 'Credit cards' },
  LOAN: { zh: '贷款', en: 'Loans' },
  PAYMENT: { zh: '支付结算', en: 'Payments and transfers' },
  WEALTH: { zh: '理财/基金/代销', en: 'Wealth management and funds' },
  INSURANCE: { zh: '保险', en: 'Insurance' },
  CREDIT_REPORT: { zh: '征信', en: 'Credit reports' },
  OTHER: { zh: '其他', en: 'Other' },
};

export const REASON_LABELS: Record<Reason, Label> = {
  SERVICE_QUALITY: { zh: '服务态度及服务质量', en: 'Service attitude and quality' },
  MARKETING: { zh: '营销方式和手段', en: 'Marketing practices' },
  DISCLOSURE: { zh: '信息披露', en: 'Information disclosure' },
  CHOICE: { zh: '自主选择权', en: 'Freedom of choice' },
  FEES: { zh: '定价收费', en: 'Pricing and fees' },
  RETURNS: { zh: '产品收益', en: 'Product returns' },
  CONTRACT: { zh: '合同条款', en: 'Contract terms' },
  FUNDS_SECURITY: { zh: '资金安全', en: 'Security of funds' },
  INFO_SECURITY: { zh: '信息安全', en: 'Security of personal information' },
  DEBT_COLLECTION: { zh: '债务催收', en: 'Debt collection' },
  PROCESS: { zh: '业务办理流程', en: 'Handling process' },
  SYSTEM_FAILURE: { zh: '系统故障/设施设备', en: 'System or equipment failure' },
  OTHER: { zh: '其他', en: 'Other' },
};

export const SERVICE_POINT_LABELS: Record<ServicePoint, Label> = {
  BRANCH: { zh: '营业网点', en: 'Branch' },
  CALL_CENTER: { zh: '客服热线', en: 'Call centre' },
  ONLINE: { zh: '网上银行/手机银行', en: 'Online and mobile banking' },
  SELF_SERVICE: { zh: '自助设备', en: 'Self-service machines' },
  THIRD_PARTY: { zh: '第三方/合作机构', en: 'Third parties and agents' },
  OTHER: { zh: '其他', en: 'Other' },
};

export const DEPARTMENT_LABELS: Record<Department, Label> = {
  CARD_CENTER: { zh: '信用卡中心', en: 'Card centre' },
  RETAIL_BANKING: { zh: '个人金融部', en: 'Retail banking' },
  LENDING: { zh: '个人信贷部', en: 'Lending' },
  WEALTH: { zh: '财富管理部', en: 'Wealth management' },
  PAYMENTS: { zh: '运营管理部-支付结算', en: 'Payments operations' },
  DIGITAL: { zh: '网络金融部', en: 'Digital banking' },
  FRAUD: { zh: '风险管理部-反欺诈', en: 'Fraud risk' },
  CONSUMER_PROTECTION: { zh: '消费者权益保护部', en: 'Consumer protection' },
  CUSTOMER_SERVICE: { zh: '客户服务中心', en: 'Customer service' },
};
