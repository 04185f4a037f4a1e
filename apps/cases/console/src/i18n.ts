import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { DEPARTMENT_LABELS, PRODUCT_LABELS, REASON_LABELS, SERVICE_POINT_LABELS, type Label } from '@complaints/contracts/taxonomy';
import { translator, type Lang } from '@complaints/web-ui';
import { MESSAGES, type MessageKey } from './messages';

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export interface I18n {
  lang: Lang;
  t: Translate;
  /** A taxonomy code's label (department, product, reason, service point) in the page language. */
  label: (labels: 'department' | 'product' | 'reason' | 'servicePoint', code: string) => string;
}

const TAXONOMY: Record<'department' | 'product' | 'reason' | 'servicePoint', Record<string, Label>> = {
  department: DEPARTMENT_LABELS,
  product: PRODUCT_LABELS,
  reason: REASON_LABELS,
  servicePoint: SERVICE_POINT_LABELS,
};

export function i18n(lang: Lang): I18n {
  const t: Translate = translator<MessageKey>(MESSAGES, lang);
  return { lang, t, label: (kind, code) => TAXONOMY[kind][code]?.[lang] ?? code };
}

export const I18nContext = createContext<I18n>(i18n('zh'));

export function useI18n(): I18n {
  return useContext(I18nContext);
}

/** A message key built from a code (`status.${status}`): the code lists are the dictionaries' own. */
export function key(prefix: string, code: string): MessageKey {
  return `${prefix}.${code}` as MessageKey;
}
