/** Every text of the staff console, in Chinese (the default) and English, with the same keys. */
export const MESSAGES = {
  zh: {
    'console.title': '投诉处理工作台',
    'console.signIn': '登录',
  },
  en: {
    'console.title': 'Complaint handling console',
    'console.signIn': 'Sign in',
  },
} as const satisfies Record<'zh' | 'en', Record<string, string>>;

export type MessageKey = keyof (typeof MESSAGES)['zh'];
