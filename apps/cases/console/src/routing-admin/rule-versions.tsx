import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ProblemBanner } from '../components/problem-banner';
import type { ConsoleApi } from '../console-api';
import { dateTime } from '../format';
import { useI18n } from '../i18n';
import { RulesEditor } from '../pages/rules-editor';
import type { RuleSet } from '../types';
import { RestoreVersion } from './restore-version';
import type { RuleSetVersions } from './types';
import { TableHead } from '../components/table-head';

const nothing = () => undefined;

/**
 * The rule set's history: every version (who, when, why), an older version's rules on request and,
 * for editors, restoring one as a new version after they confirm it.
 */
export function RuleVersions({
  api,
  routerUrl,
  active,
  editable,
  onRestored,
  onReload,
}: {
  api: ConsoleApi;
  routerUrl: string;
  active: RuleSet;
  editable: boolean;
  onRestored: (next: RuleSet, from: number) => void;
  onReload: () => void;
}) {
  const { t, lang } = useI18n();
  const [versions, setVersions] = useState<RuleSetVersions | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [viewing, setViewing] = useState<number | null>(null);
  const [viewed, setViewed] = useState<RuleSet | null>(null);
  const [viewError, setViewError] = useState<unknown>(null);
  const [restoring, setRestoring] = useState(false);
  const viewHeading = useRef<HTMLHeadingElement>(null);

  // The history again whenever the active version changes (a save, a restore, a reload).
  useEffect(() => {
    setError(null);
    api.get<RuleSetVersions>(`${routerUrl}/v1/routing/rules/versions`).then(setVersions, setError);
  }, [api, routerUrl, active.version]);

  const view = useCallback(
    async (version: number) => {
      setViewing(version);
      setViewed(null);
      setViewError(null);
      setRestoring(false);
      try {
        setViewed(await api.get<RuleSet>(`${routerUrl}/v1/routing/rules/versions/${version}`));
      } catch (caught) {
        setViewError(caught);
      }
    },
    [api, routerUrl],
  );

  useEffect(() => {
    if (viewed) viewHeading.current?.focus();
  }, [viewed]);

  const close = () => {
    setViewing(null);
    setViewed(null);
    setRestoring(false);
  };

  return (
    <section class="panel" aria-labelledby="versions-heading">
      <h2 id="versions-heading">{t('versions.heading')}</h2>
      {error !== null && <ProblemBanner error={error} />}
      {!versions && error === null && <p role="status">{t('versions.loading')}</p>}
      {versions && versions.items.length === 0 && <p class="banner info">{t('versions.empty')}</p>}
      {versions && versions.items.length > 0 && (
        <div class="table-wrap">
          <table class="versions">
            <caption class="visually-hidden">{t('versions.caption')}</caption>
            <TableHead
              columns={[
                t('versions.col.version'),
                t('versions.col.by'),
                t('versions.col.at'),
                t('versions.col.comment'),
                t('versions.col.rules'),
                t('versions.col.actions'),
              ]}
            />
            <tbody>
              {versions.items.map((v) => (
                <tr key={v.version} data-version={v.version} class={v.version === viewing ? 'selected' : undefined}>
                  <th scope="row">
                    {v.version} {v.active && <span class="badge status">{t('versions.active')}</span>}
                  </th>
                  <td>{v.createdBy}</td>
                  <td>{dateTime(v.createdAt, lang)}</td>
                  <td>{v.comment}</td>
                  <td>{v.ruleCount}</td>
                  <td>
                    <button
                      type="button"
                      aria-label={t('versions.view', { version: v.version })}
                      aria-pressed={v.version === viewing}
                      onClick={() => void view(v.version)}
                    >
                      {t('versions.viewShort')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {viewing !== null && (
        <div class="version-view">
          {viewError !== null && <ProblemBanner error={viewError} />}
          {!viewed && viewError === null && <p role="status">{t('versions.viewLoading', { version: viewing })}</p>}
          {viewed && (
            <section aria-labelledby="version-view-heading">
              <h3 id="version-view-heading" ref={viewHeading} tabIndex={-1}>
                {viewed.version === active.version
                  ? t('versions.viewingActive', { version: viewed.version })
                  : t('versions.viewing', { version: viewed.version })}
              </h3>
              <p class="hint">
                {t('versions.meta', { by: viewed.createdBy, at: dateTime(viewed.createdAt, lang), comment: viewed.comment })}
              </p>
              <RulesEditor
                key={viewed.version}
                api={api}
                routerUrl={routerUrl}
                ruleSet={viewed}
                editable={false}
                onSaving={nothing}
                onSaved={nothing}
                onReload={nothing}
              />
              {restoring ? (
                <RestoreVersion
                  api={api}
                  routerUrl={routerUrl}
                  version={viewed.version}
                  activeVersion={active.version}
                  onCancel={() => setRestoring(false)}
                  onRestored={(next) => {
                    close();
                    onRestored(next, viewed.version);
                  }}
                  onReload={() => {
                    close();
                    onReload();
                  }}
                />
              ) : (
                <div class="form-buttons">
                  {editable && viewed.version !== active.version && (
                    <button type="button" class="primary" onClick={() => setRestoring(true)}>
                      {t('versions.restore', { version: viewed.version })}
                    </button>
                  )}
                  <button type="button" onClick={close}>
                    {t('versions.close')}
                  </button>
                </div>
              )}
            </section>
          )}
        </div>
      )}
    </section>
  );
}
