import { ApiProblem } from '@complaints/web-ui';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ProblemBanner } from '../components/problem-banner';
import type { ConsoleApi } from '../console-api';
import { dateTime } from '../format';
import { useI18n } from '../i18n';
import { canEditRules, canReadRules, type Session } from '../session';
import type { RuleSet } from '../types';
import { RuleVersions } from '../routing-admin/rule-versions';
import { DryRunPanel } from './dry-run-panel';
import { RulesEditor } from './rules-editor';

/** The router's rules: the active version, a dry run of any text, the version history, and (for admins) editing and restoring. */
export function AdminPage({ api, session, routerUrl }: { api: ConsoleApi; session: Session; routerUrl: string }) {
  const { t, lang } = useI18n();
  const [ruleSet, setRuleSet] = useState<RuleSet | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const [restored, setRestored] = useState<{ from: number; version: number } | null>(null);
  const restoredBanner = useRef<HTMLDivElement>(null);
  // The confirmation is gone once the restore is done: its outcome takes the focus.
  useEffect(() => {
    if (restored) restoredBanner.current?.focus();
  }, [restored]);
  const allowed = canReadRules(session);

  const load = useCallback(async () => {
    setError(null);
    try {
      setRuleSet(await api.get<RuleSet>(`${routerUrl}/v1/routing/rules`));
    } catch (caught) {
      setError(caught);
    }
  }, [api, routerUrl]);

  useEffect(() => {
    if (allowed) void load();
  }, [allowed, load]);

  useEffect(() => {
    document.title = `${t('admin.heading')} · ${t('console.title')}`;
  }, [t]);

  if (!allowed) {
    return (
      <>
        <h1>{t('admin.heading')}</h1>
        <div class="banner error" role="alert">
          {t('admin.forbidden')}
        </div>
      </>
    );
  }
  return (
    <>
      <h1>{t('admin.heading')}</h1>
      {!canEditRules(session) && <div class="banner info">{t('admin.readOnly')}</div>}
      {error !== null && !(error instanceof ApiProblem && error.status === 409) && <ProblemBanner error={error} />}
      {saved !== null && (
        <div class="banner ok" role="status">
          {t('admin.saved', { version: saved })}
        </div>
      )}
      {restored !== null && (
        <div class="banner ok" role="status" tabIndex={-1} ref={restoredBanner}>
          {t('versions.restored', restored)}
        </div>
      )}
      <DryRunPanel api={api} routerUrl={routerUrl} />
      {!ruleSet && !error && <p role="status">{t('admin.loading')}</p>}
      {ruleSet && (
        <section class="panel" aria-labelledby="rules-heading">
          <h2 id="rules-heading">{t('admin.rules')}</h2>
          <p class="hint">
            {t('admin.version', {
              version: ruleSet.version,
              by: ruleSet.createdBy,
              at: dateTime(ruleSet.createdAt, lang),
              comment: ruleSet.comment,
            })}
          </p>
          <RulesEditor
            key={ruleSet.version}
            api={api}
            routerUrl={routerUrl}
            ruleSet={ruleSet}
            editable={canEditRules(session)}
            onSaving={() => {
              setSaved(null);
              setRestored(null);
            }}
            onSaved={(next) => {
              setRuleSet(next);
              setSaved(next.version);
            }}
            onReload={() => {
              setSaved(null);
              void load();
            }}
          />
        </section>
      )}
      {ruleSet && (
        <RuleVersions
          api={api}
          routerUrl={routerUrl}
          active={ruleSet}
          editable={canEditRules(session)}
          onRestored={(next, from) => {
            setRuleSet(next);
            setSaved(null);
            setRestored({ from, version: next.version });
          }}
          onReload={() => {
            setSaved(null);
            setRestored(null);
            void load();
          }}
        />
      )}
    </>
  );
}
