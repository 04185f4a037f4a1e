import { LangSwitch, translator, useLang } from '@complaints/web-ui';
import { ComplaintPage } from './complaint-page';
import { MESSAGES } from './messages';
import { onLinkClick, useLocation } from './router';
import { StatusPage } from './status-page';
import { SurveyPage } from './survey-page';
import { TransparencyPage } from './transparency-page';

/**
 * The customer site: the complaint form at `/`, the status look-up at `/status`, the survey at `/survey`,
 * the public transparency report at `/transparency`.
 */
export function App() {
  const [lang, setLang] = useLang();
  const t = translator(MESSAGES, lang);
  const url = useLocation();
  const reference = url.searchParams.get('reference') ?? '';
  const path = url.pathname;
  return (
    <>
      <a class="skip-link" href="#main">
        {lang === 'zh' ? '跳到主要内容' : 'Skip to content'}
      </a>
      <header class="site-header">
        <span class="bank">
          {t('site.bank')} · {t('site.title')}
        </span>
        <LangSwitch lang={lang} onChange={setLang} />
      </header>
      <nav class="site-nav" aria-label={t('nav.label')}>
        <a href="/" onClick={onLinkClick} aria-current={path === '/' ? 'page' : undefined}>
          {t('nav.file')}
        </a>
        <a href="/status" onClick={onLinkClick} aria-current={path === '/status' ? 'page' : undefined}>
          {t('nav.status')}
        </a>
        <a href="/transparency" onClick={onLinkClick} aria-current={path === '/transparency' ? 'page' : undefined}>
          {t('nav.transparency')}
        </a>
      </nav>
      <main class="page" id="main">
        {path === '/status' ? (
          <StatusPage key={`status-${reference}`} lang={lang} t={t} initialReference={reference} />
        ) : path === '/transparency' ? (
          <TransparencyPage lang={lang} t={t} />
        ) : path === '/survey' ? (
          <SurveyPage key={`survey-${reference}`} lang={lang} t={t} initialReference={reference} />
        ) : (
          <ComplaintPage lang={lang} t={t} />
        )}
      </main>
      <footer class="site-footer">
        <nav aria-label={t('footer.label')}>
          <a href="/transparency" onClick={onLinkClick}>
            {t('footer.transparency')}
          </a>
        </nav>
      </footer>
    </>
  );
}
