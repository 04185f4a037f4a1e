import { useEffect, useState } from 'preact/hooks';

export type Lang = 'zh' | 'en';

const STORAGE_KEY = 'lang';

/** The page language: `?lang=` first, then the visitor's last choice, else Chinese. */
export function initialLang(): Lang {
  const fromQuery = new URLSearchParams(location.search).get('lang');
  if (fromQuery === 'zh' || fromQuery === 'en') return fromQuery;
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
}

/** The current language and a setter that remembers the choice and sets `<html lang>`. */
export function useLang(): [Lang, (lang: Lang) => void] {
  const [lang, setLang] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    localStorage.setItem(STORAGE_KEY, lang);
  }, [lang]);
  return [lang, setLang];
}

/**
 * A typed translator over dictionaries with the same keys in every language:
 * `t('confirm.title', { reference })` fills `{reference}` placeholders.
 */
export function translator<K extends string>(dictionaries: Record<Lang, Record<K, string>>, lang: Lang) {
  return (key: K, values: Record<string, string | number> = {}): string =>
    dictionaries[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}
