import { useEffect, useState } from 'preact/hooks';
import { ProblemBanner } from '../components/problem-banner';
import type { ConsoleApi } from '../console-api';
import { dateTime } from '../format';
import { key, useI18n, type I18n } from '../i18n';
import type { HandlerAuditEntry, HandlerAuditPage, HandlerChange } from './types';
import { TableHead } from '../components/table-head';

const PAGE_SIZE = 10;
const COMPARED = ['name', 'department', 'skills', 'languages'] as const;

/** One change in words: added, deactivated, activated again, or which fields changed. */
export function describeChange({ before, after }: Pick<HandlerAuditEntry, 'before' | 'after'>, { t, label, lang }: I18n): string {
  if (!before) return t('handlerAudit.created', { department: label('department', after.department) });
  const parts: string[] = [];
  if (before.active && !after.active) parts.push(t('handlerAudit.deactivated'));
  if (!before.active && after.active) parts.push(t('handlerAudit.activated'));
  const changed = COMPARED.filter(
    (field) => JSON.stringify(before[field as keyof HandlerChange]) !== JSON.stringify(after[field as keyof HandlerChange]),
  );
  if (changed.length)
    parts.push(
      t('handlerAudit.changed', { fields: changed.map((f) => t(key('handlerAudit.field', f))).join(lang === 'zh' ? '、' : ', ') }),
    );
  return parts.length ? parts.join(lang === 'zh' ? '；' : '; ') : t('handlerAudit.unchanged');
}

/** The append-only trail of handler changes (GET /v1/routing/handlers/audit), newest first, a page at a time. */
export function HandlerAudit({ api, routerUrl, reload }: { api: ConsoleApi; routerUrl: string; reload: number }) {
  const texts = useI18n();
  const { t, lang } = texts;
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<HandlerAuditPage | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);

  // A change made on the page shows on the first page.
  useEffect(() => setOffset(0), [reload]);
  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(null);
    api
      .get<HandlerAuditPage>(`${routerUrl}/v1/routing/handlers/audit?limit=${PAGE_SIZE}&offset=${offset}`)
      .then(
        (next) => live && setPage(next),
        (caught) => live && setError(caught),
      )
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [api, routerUrl, offset, reload]);

  return (
    <section class="panel" aria-labelledby="handler-audit-heading">
      <h2 id="handler-audit-heading">{t('handlerAudit.heading')}</h2>
      {error !== null && <ProblemBanner error={error} />}
      {!page && error === null && <p role="status">{t('handlerAudit.loading')}</p>}
      {page && page.items.length === 0 && <p class="banner info">{t('handlerAudit.empty')}</p>}
      {page && page.items.length > 0 && (
        <>
          <p class="hint" role="status">
            {t('handlerAudit.count', { total: page.total, from: page.offset + 1, to: page.offset + page.items.length })}
          </p>
          <div class="table-wrap">
            <table class="handler-audit">
              <caption class="visually-hidden">{t('handlerAudit.caption')}</caption>
              <TableHead
                columns={[
                  t('handlerAudit.col.at'),
                  t('handlerAudit.col.actor'),
                  t('handlerAudit.col.handler'),
                  t('handlerAudit.col.change'),
                  t('handlerAudit.col.reassigned'),
                ]}
              />
              <tbody>
                {page.items.map((entry) => (
                  <tr key={entry.id} data-audit={entry.id}>
                    <td>{dateTime(entry.at, lang)}</td>
                    <td>{entry.actor}</td>
                    <th scope="row">
                      {entry.after.name} ({entry.handlerId})
                    </th>
                    <td>{describeChange(entry, texts)}</td>
                    <td>
                      {t('handlerAudit.reassignedCount', { n: entry.reassigned.length })}
                      {entry.reassigned.length > 0 && (
                        <ul class="moves">
                          {entry.reassigned.map((m) => (
                            <li key={m.complaintId}>
                              {m.to
                                ? t('handlers.movedTo', { reference: m.reference, to: m.to })
                                : t('handlers.movedToQueue', { reference: m.reference })}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {page.total > PAGE_SIZE && (
            <nav class="pages" aria-label={t('handlerAudit.pages')}>
              <button type="button" disabled={offset === 0 || loading} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
                {t('handlerAudit.previous')}
              </button>
              <button type="button" disabled={offset + PAGE_SIZE >= page.total || loading} onClick={() => setOffset(offset + PAGE_SIZE)}>
                {t('handlerAudit.next')}
              </button>
            </nav>
          )}
        </>
      )}
    </section>
  );
}
