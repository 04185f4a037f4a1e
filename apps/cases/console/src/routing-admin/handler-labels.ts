import { PRODUCTS, REASONS } from '@complaints/contracts/taxonomy';
import { key, type I18n } from '../i18n';

/** The skills a handler may have: product codes (but OTHER) and reason codes, as the router takes them. */
export const SKILL_PRODUCTS: readonly string[] = PRODUCTS.filter((p) => p !== 'OTHER');
export const SKILL_REASONS: readonly string[] = REASONS;
export const HANDLER_LANGUAGES = ['zh', 'en', 'other'] as const;

/** A skill code in words: a product's name, else a reason's. */
export function skillLabel(code: string, { label }: I18n): string {
  return SKILL_PRODUCTS.includes(code) ? label('product', code) : label('reason', code);
}

export function skillsText(skills: readonly string[], texts: I18n): string {
  return skills.length === 0 ? texts.t('handlers.generalist') : skills.map((s) => skillLabel(s, texts)).join('、');
}

export function languagesText(languages: readonly string[], { t, lang }: I18n): string {
  return languages.map((l) => t(key('handlers.lang', l))).join(lang === 'zh' ? '、' : ', ');
}
