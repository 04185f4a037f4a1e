import { correctiveActionCategory, rootCauseCategory } from './closure-category';

describe('closure categories', () => {
  it('files root causes under the first matching category, in Chinese or English', () => {
    expect(rootCauseCategory('开户时未告知小额账户管理费')).toBe('DISCLOSURE');
    expect(rootCauseCategory('柜员服务态度差')).toBe('STAFF_CONDUCT');
    expect(rootCauseCategory('Core banking outage during batch run')).toBe('SYSTEM');
    expect(rootCauseCategory('外包催收人员违规')).toBe('THIRD_PARTY');
    expect(rootCauseCategory('天气原因')).toBe('OTHER');
    expect(rootCauseCategory(null)).toBeNull();
  });

  it('files corrective actions likewise', () => {
    expect(correctiveActionCategory('退还管理费30元')).toBe('REFUND_COMPENSATION');
    expect(correctiveActionCategory('开户流程增加费用告知确认')).toBe('DISCLOSURE_UPDATE');
    expect(correctiveActionCategory('Retrain branch staff on fee disclosure')).toBe('TRAINING');
    expect(correctiveActionCategory('优化审批流程')).toBe('PROCESS_CHANGE');
    expect(correctiveActionCategory('  ')).toBeNull();
  });
});
