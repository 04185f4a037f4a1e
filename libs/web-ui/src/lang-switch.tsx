import type { Lang } from './i18n';

/** The 中文 / English switch: two buttons, the current one marked with aria-pressed. */
export function LangSwitch({ lang, onChange }: { lang: Lang; onChange: (lang: Lang) => void }) {
  return (
    <div class="lang-switch" role="group" aria-label="Language / 语言">
      <button type="button" aria-pressed={lang === 'zh'} onClick={() => onChange('zh')} lang="zh-CN">
        中文
      </button>
      <button type="button" aria-pressed={lang === 'en'} onClick={() => onChange('en')} lang="en">
        English
      </button>
    </div>
  );
}
