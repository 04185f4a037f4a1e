import { useEffect, useState } from 'preact/hooks';
import { Field } from '../components/field';
import { ProblemBanner } from '../components/problem-banner';
import type { ConsoleApi } from '../console-api';
import { useI18n } from '../i18n';
import { DeactivateHandler } from '../routing-admin/deactivate-handler';
import { HandlerAudit } from '../routing-admin/handler-audit';
import { HandlerForm } from '../routing-admin/handler-form';
import { HandlerTable } from '../routing-admin/handler-table';
import { SavedHandlerNotice } from '../routing-admin/saved-handler-notice';
import type { Handler, HandlerList, SavedHandler } from '../routing-admin/types';
import { canEditRules, canReadRules, type Session } from '../session';
import { DepartmentOptions } from '../components/department-options';

/**
 * The departments' handlers on the router (skills, languages, active, open cases); admins add, change and
 * deactivate them (the router moves the open cases of a handler who no longer fits); the change trail below.
 */
export function HandlersPage({ api, session, routerUrl }: { api: ConsoleApi; session: Session; routerUrl: string }) {
  const { t } = useI18n();
  const allowed = canReadRules(session);
  const editable = canEditRules(session);
  const [department, setDepartment] = useState('');
  const [list, setList] = useState<HandlerList | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reload, setReload] = useState(0);
  const [editing, setEditing] = useState<Handler | null>(null);
  const [deactivating, setDeactivating] = useState<Handler | null>(null);
  const [outcome, setOutcome] = useState<{ saved: SavedHandler; deactivated: boolean } | null>(null);

  useEffect(() => {
    document.title = `${t('handlers.heading')} · ${t('console.title')}`;
  }, [t]);

  useEffect(() => {
    if (!allowed) return;
    let live = true;
    setError(null);
    api.get<HandlerList>(`${routerUrl}/v1/routing/handlers${department ? `?department=${department}` : ''}`).then(
      (next) => live && setList(next),
      (caught) => live && setError(caught),
    );
    return () => {
      live = false;
    };
  }, [api, routerUrl, department, reload, allowed]);

  const changed = (saved: SavedHandler, deactivated: boolean) => {
    setOutcome({ saved, deactivated });
    setEditing(null);
    setDeactivating(null);
    setReload((n) => n + 1);
  };

  if (!allowed) {
    return (
      <>
        <h1>{t('handlers.heading')}</h1>
        <div class="banner error" role="alert">
          {t('handlers.forbidden')}
        </div>
      </>
    );
  }
  const active = list?.items.filter((h) => h.active).length ?? 0;
  return (
    <>
      <h1>{t('handlers.heading')}</h1>
      {!editable && <div class="banner info">{t('handlers.readOnly')}</div>}
      {outcome && <SavedHandlerNotice saved={outcome.saved} deactivated={outcome.deactivated} />}
      <div class="filters">
        <Field id="handlers-department" label={t('handlers.department')}>
          <select id="handlers-department" value={department} onChange={(e) => setDepartment(e.currentTarget.value)}>
            <option value="">{t('handlers.allDepartments')}</option>
            <DepartmentOptions />
          </select>
        </Field>
        <div class="refresh">
          <button type="button" onClick={() => setReload((n) => n + 1)}>
            {t('handlers.refresh')}
          </button>
        </div>
      </div>
      {error !== null && <ProblemBanner error={error} />}
      {!list && error === null && <p role="status">{t('handlers.loading')}</p>}
      {list && list.items.length === 0 && <p class="banner info">{department ? t('handlers.empty') : t('handlers.emptyAll')}</p>}
      {list && list.items.length > 0 && (
        <>
          <p class="hint" role="status">
            {t('handlers.count', { total: list.items.length, active })}
          </p>
          <HandlerTable
            handlers={list.items}
            editable={editable}
            onEdit={(h) => {
              setDeactivating(null);
              setEditing(h);
              // The form below takes the person there.
              setTimeout(() => document.getElementById('handler-form-heading')?.focus());
            }}
            onDeactivate={(h) => {
              setEditing(null);
              setDeactivating(h);
            }}
          />
        </>
      )}
      {editable && deactivating && (
        <DeactivateHandler
          key={deactivating.id}
          api={api}
          routerUrl={routerUrl}
          handler={deactivating}
          onCancel={() => setDeactivating(null)}
          onDone={(saved) => changed(saved, true)}
        />
      )}
      {editable && (
        <HandlerForm
          key={editing?.id ?? `new-${reload}`}
          api={api}
          routerUrl={routerUrl}
          editing={editing}
          onSaved={(saved) => changed(saved, editing !== null && editing.active && !saved.handler.active)}
          onNew={() => setEditing(null)}
        />
      )}
      <HandlerAudit api={api} routerUrl={routerUrl} reload={reload} />
    </>
  );
}
