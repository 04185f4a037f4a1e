import type { Language } from './notification';

/** The SMS that thanks a customer for their survey answer; a low score is told that it goes further. */
export function surveyThanks(language: Language, reference: string, score: number): { subject: string; text: string } {
  if (language === 'en') {
    return {
      subject: `Thank you for rating ${reference}`,
      text:
        score >= 3
          ? `Thank you for your rating (${score}/5) of how we handled your complaint ${reference}.`
          : `Thank you for your rating (${score}/5) of your complaint ${reference}. A senior team will review it and contact you.`,
    };
  }
  return {
    subject: `感谢您的评价 ${reference}`,
    text:
      score >= 3
        ? `感谢您的评价（${score}分）！您对投诉 ${reference} 处理结果的反馈已记录。`
        : `感谢您的评价（${score}分）。您对投诉 ${reference} 处理结果的意见已记录，上级部门将重新跟进并与您联系。`,
  };
}
