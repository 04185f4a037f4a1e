/** Every text of the customer site, in Chinese (the default) and English, with the same keys. */
export const MESSAGES = {
  zh: {
    'site.title': '投诉受理',
    'site.bank': '示例银行',
    'home.intro': '我们会在 48 小时内首次答复您，并在 15 天内给出处理结果。',
  },
  en: {
    'site.title': 'Complaints',
    'site.bank': 'Example Bank',
    'home.intro': 'We will first get back to you within 48 hours and give you our decision within 15 days.',
  },
} as const satisfies Record<'zh' | 'en', Record<string, string>>;

export type MessageKey = keyof (typeof MESSAGES)['zh'];
