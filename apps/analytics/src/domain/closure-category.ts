import type { CorrectiveActionCategory, RootCauseCategory } from '@complaints/contracts';

export type { CorrectiveActionCategory, RootCauseCategory };

/**
 * Root causes (溯源) and corrective actions (整改) are free text written by staff when they close a case.
 * Reports show them only as category counts: each text falls into the first category whose terms it
 * contains (Chinese or English, case-insensitive), else OTHER (categories and their labels:
 * libs/contracts/src/closure-categories.ts). The texts themselves never leave the
 * read model.
 */
const ROOT_CAUSE_TERMS: [RootCauseCategory, string[]][] = [
  ['DISCLOSURE', ['未告知', '未提示', '未说明', '告知', '披露', '提示不', '说明不', 'disclos', 'not told', 'not inform', 'misleading']],
  ['STAFF_CONDUCT', ['态度', '员工', '柜员', '坐席', '客户经理', '服务不', 'staff', 'attitude', 'rude', 'employee']],
  ['FRAUD', ['盗刷', '欺诈', '诈骗', '冒用', 'fraud', 'scam', 'unauthori']],
  ['SYSTEM', ['系统', '故障', '设备', '网络', '宕机', 'system', 'outage', 'bug', 'glitch']],
  ['THIRD_PARTY', ['第三方', '外包', '合作机构', '催收', '代理', 'third party', 'third-party', 'vendor', 'collector', 'agent']],
  ['PRODUCT_DESIGN', ['产品', '条款', '费率', '收费', '费用', '利率', 'product', 'terms', 'fee', 'pricing', 'interest']],
  ['PROCESS', ['流程', '手续', '审核', '效率', '办理', '时限', 'process', 'procedure', 'delay', 'slow']],
  ['CUSTOMER_MISUNDERSTANDING', ['误解', '客户理解', '不了解', 'misunderst']],
];

const CORRECTIVE_ACTION_TERMS: [CorrectiveActionCategory, string[]][] = [
  ['REFUND_COMPENSATION', ['退还', '退款', '退回', '赔偿', '补偿', '减免', '免除', 'refund', 'compensat', 'reimburs', 'waive']],
  ['ACCOUNTABILITY', ['问责', '处罚', '考核', '处分', 'disciplin', 'accountab', 'sanction']],
  ['TRAINING', ['培训', '学习', 'train', 'coach']],
  ['DISCLOSURE_UPDATE', ['告知', '提示', '披露', '说明', 'disclos', 'notice', 'inform']],
  ['SYSTEM_FIX', ['系统', '修复', '升级', '上线', 'fix', 'patch', 'upgrade', 'system']],
  ['VENDOR_MANAGEMENT', ['第三方', '外包', '合作机构', '催收', 'vendor', 'third party', 'third-party', 'outsourc']],
  ['PROCESS_CHANGE', ['流程', '手续', '优化', '规范', 'process', 'procedure']],
  ['PRODUCT_CHANGE', ['产品', '条款', '费率', 'product', 'terms', 'pricing']],
];

function categorise<C extends string>(text: string | null | undefined, table: [C, string[]][], other: C): C | null {
  if (text === null || text === undefined || text.trim() === '') return null;
  const lower = text.toLowerCase();
  for (const [category, terms] of table) if (terms.some((term) => lower.includes(term))) return category;
  return other;
}

export function rootCauseCategory(text: string | null | undefined): RootCauseCategory | null {
  return categorise(text, ROOT_CAUSE_TERMS, 'OTHER');
}

export function correctiveActionCategory(text: string | null | undefined): CorrectiveActionCategory | null {
  return categorise(text, CORRECTIVE_ACTION_TERMS, 'OTHER');
}
