import { LangSwitch, requestJson, useLang } from '@complaints/web-ui';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { consoleApi } from './console-api';
import { problemText } from './components/problem-banner';
import { I18nContext, i18n, key } from './i18n';
import { navigate, onLinkClick, paths, replaceRoute, useRoute } from './navigation';
import { completeOidcSignIn, OidcCallbackError } from './oidc';
import { AdminPage } from './pages/admin-page';
import { CasePage } from './pages/case-page';
import { DashboardLoader } from './pages/dashboard-loader';
import { HandlersPage } from './pages/handlers-page';
import { QueuePage } from './pages/queue-page';
import { SignInPage, type SignInNotice } from './pages/sign-in-page';
import { canReadRules, isExpired, type Session, sessionFromToken, storedSession, storeSession } from './session';
import type { ConsoleConfig } from './types';

export function App() {
  const [lang, setLang] = useLang();
  const texts = useMemo(() => i18n(lang), [lang]);
  const { t } = texts;
  const route = useRoute();
  const [config, setConfig] = useState<ConsoleConfig | null>(null);
  const [configError, setConfigError] = useState<unknown>(null);
  const [session, setSession] = useState<Session | null>(() => {
    const stored = storedSession();
    return stored && !isExpired(stored) ? stored : null;
  });
  const [notice, setNotice] = useState<SignInNotice | null>(() => (storedSession() && !session ? 'expired' : null));

  const loadConfig = useCallback(() => {
    setConfigError(null);
    requestJson<ConsoleConfig>('/v1/console/config').then(setConfig, setConfigError);
  }, []);
  useEffect(loadConfig, [loadConfig]);

  const endSession = useCallback((why: SignInNotice) => {
    storeSession(null);
    setSession(null);
    setNotice(why);
  }, []);

  // The token's own expiry ends the session even when nothing is being sent.
  useEffect(() => {
    if (!session) return;
    const timer = setTimeout(() => endSession('expired'), Math.max(0, session.expiresAt - Date.now()));
    return () => clearTimeout(timer);
  }, [session, endSession]);

  // After moving to another screen, focus goes to it (screen readers announce the new page).
  const [firstRoute] = useState(route);
  useEffect(() => {
    if (route !== firstRoute) document.getElementById('main')?.focus();
  }, [route, firstRoute]);

  const api = useMemo(() => (session ? consoleApi(session, () => endSession('expired')) : null), [session, endSession]);

  const signIn = (next: Session) => {
    storeSession(next);
    setSession(next);
    setNotice(null);
  };

  // Back from single sign-on: redeem the code once, then show where the person was going.
  const [ssoError, setSsoError] = useState<string | null>(null);
  useEffect(() => {
    if (route.page !== 'callback') return;
    completeOidcSignIn().then(
      ({ token, returnTo }) => {
        const next = sessionFromToken(token);
        if (next) signIn(next);
        replaceRoute(returnTo);
      },
      (error: unknown) => {
        setSsoError(error instanceof OidcCallbackError ? error.message : problemText(error, t));
        setNotice('ssoFailed');
        replaceRoute(paths.queue());
      },
    );
    // Only on arrival at the callback address.
  }, [route.page]);

  let page;
  if (configError) {
    page = (
      <>
        <h1>{t('console.title')}</h1>
        <div class="banner error" role="alert">
          {t('console.configFailed', { detail: problemText(configError, t) })} <button onClick={loadConfig}>{t('console.retry')}</button>
        </div>
      </>
    );
  } else if (!config) {
    page = <p role="status">{t('console.loading')}</p>;
  } else if (route.page === 'callback') {
    page = <p role="status">{t('signIn.completing')}</p>;
  } else if (!session || !api) {
    page = <SignInPage config={config} notice={notice} ssoError={ssoError} onSignedIn={signIn} />;
  } else if (route.page === 'case') {
    page = <CasePage key={route.reference} api={api} session={session} reference={route.reference} routerUrl={config.routerUrl} />;
  } else if (route.page === 'admin') {
    page = <AdminPage api={api} session={session} routerUrl={config.routerUrl} />;
  } else if (route.page === 'handlers') {
    page = <HandlersPage api={api} session={session} routerUrl={config.routerUrl} />;
  } else if (route.page === 'dashboard') {
    page = <DashboardLoader api={api} session={session} analyticsUrl={config.analyticsUrl} />;
  } else {
    page = <QueuePage api={api} session={session} />;
  }

  return (
    <I18nContext.Provider value={texts}>
      <header class="console-header">
        <span class="product">{t('console.title')}</span>
        {session && (
          <nav aria-label={t('nav.label')}>
            <a
              href={paths.queue()}
              aria-current={route.page === 'queue' ? 'page' : undefined}
              onClick={(e) => onLinkClick(e, paths.queue())}
            >
              {t('nav.queue')}
            </a>
            <a
              href={paths.dashboard()}
              aria-current={route.page === 'dashboard' ? 'page' : undefined}
              onClick={(e) => onLinkClick(e, paths.dashboard())}
            >
              {t('nav.dashboard')}
            </a>
            {canReadRules(session) && (
              <>
                <a
                  href={paths.admin()}
                  aria-current={route.page === 'admin' ? 'page' : undefined}
                  onClick={(e) => onLinkClick(e, paths.admin())}
                >
                  {t('nav.admin')}
                </a>
                <a
                  href={paths.handlers()}
                  aria-current={route.page === 'handlers' ? 'page' : undefined}
                  onClick={(e) => onLinkClick(e, paths.handlers())}
                >
                  {t('nav.handlers')}
                </a>
              </>
            )}
          </nav>
        )}
        <div class="header-end">
          {session && (
            <>
              <span class="who">
                {t('nav.signedInAs', { sub: session.sub, roles: session.roles.map((r) => t(key('role', r))).join(', ') })}
              </span>
              <button
                type="button"
                class="sign-out"
                onClick={() => {
                  endSession('signedOut');
                  navigate(paths.queue());
                }}
              >
                {t('nav.signOut')}
              </button>
            </>
          )}
          <LangSwitch lang={lang} onChange={setLang} />
        </div>
      </header>
      <main class="workspace" id="main" tabIndex={-1}>
        {page}
      </main>
    </I18nContext.Provider>
  );
}
