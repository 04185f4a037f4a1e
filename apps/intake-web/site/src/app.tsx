import { LangSwitch, translator, useLang } from '@complaints/web-ui';
import { MESSAGES } from './messages';

export function App() {
  const [lang, setLang] = useLang();
  const t = translator(MESSAGES, lang);
  return (
    <>
      <header class="site-header">
        <span class="bank">{t('site.bank')}</span>
        <LangSwitch lang={lang} onChange={setLang} />
      </header>
      <main class="page">
        <h1>{t('site.title')}</h1>
        <p>{t('home.intro')}</p>
      </main>
    </>
  );
}
