import type { Label } from './taxonomy';

/**
 * Categories of the root causes (溯源) and corrective actions (整改) staff write when they close a case;
 * reports publish counts per category only (analytics sorts each free text into one). Labels zh + en.
 */
export const ROOT_CAUSE_CATEGORIES = [
  'DISCLOSURE',
  'STAFF_CONDUCT',
  'FRAUD',
  'SYSTEM',
  'THIRD_PARTY',
  'PRODUCT_DESIGN',
  'PROCESS',
  'CUSTOMER_MISUNDERSTANDING',
  'OTHER',
] as const;
export type RootCauseCategory = (typeof ROOT_CAUSE_CATEGORIES)[number];

export const CORRECTIVE_ACTION_CATEGORIES = [
  'REFUND_COMPENSATION',
  'ACCOUNTABILITY',
  'TRAINING',
  'DISCLOSURE_UPDATE',
  'SYSTEM_FIX',
  'VENDOR_MANAGEMENT',
  'PROCESS_CHANGE',
  'PRODUCT_CHANGE',
  'OTHER',
] as const;
export type CorrectiveActionCategory = (typeof CORRECTIVE_ACTION_CATEGORIES)[number];

export const ROOT_CAUSE_LABELS: Record<RootCauseCategory, Label> = {
  DISCLOSURE: { zh: '信息告知不充分', en: 'Information not properly disclosed' },
  STAFF_CONDUCT: { zh: '员工服务与行为', en: 'Staff conduct and service' },
  FRAUD: { zh: '欺诈与盗用', en: 'Fraud and unauthorised use' },
  SYSTEM: { zh: '系统或设备故障', en: 'System or equipment failure' },
  THIRD_PARTY: { zh: '第三方或合作机构', en: 'Third parties and agents' },
  PRODUCT_DESIGN: { zh: '产品设计与收费', en: 'Product design and pricing' },
  PROCESS: { zh: '业务流程与时效', en: 'Processes and delays' },
  CUSTOMER_MISUNDERSTANDING: { zh: '客户误解', en: 'Customer misunderstanding' },
  OTHER: { zh: '其他', en: 'Other' },
};

export const CORRECTIVE_ACTION_LABELS: Record<CorrectiveActionCategory, Label> = {
  REFUND_COMPENSATION: { zh: '退款、补偿或减免', en: 'Refunds, compensation or waivers' },
  ACCOUNTABILITY: { zh: '内部问责', en: 'Internal accountability' },
  TRAINING: { zh: '员工培训', en: 'Staff training' },
  DISCLOSURE_UPDATE: { zh: '改进信息告知', en: 'Clearer information for customers' },
  SYSTEM_FIX: { zh: '系统修复与升级', en: 'System fixes and upgrades' },
  VENDOR_MANAGEMENT: { zh: '加强合作机构管理', en: 'Closer management of third parties' },
  PROCESS_CHANGE: { zh: '优化业务流程', en: 'Process improvements' },
  PRODUCT_CHANGE: { zh: '调整产品或收费', en: 'Product or pricing changes' },
  OTHER: { zh: '其他', en: 'Other' },
};
