import { LangSwitch, translator, useLang } from '@complaints/web-ui';
import { MESSAGES } from './messages';

export function App() {
  const [lang, setLang] = useLang();
  const t = translator(MESSAGES, lang);
  return (
    <>
      <header class="console-header">
        <span class="product">{t('console.title')}</span>
        <LangSwitch lang={lang} onChange={setLang} />
      </header>
      <main class="workspace">
        <h1>{t('console.signIn')}</h1>
      </main>
    </>
  );
}
