import type { ComponentChildren } from 'preact';
import { ProblemBanner } from '../components/problem-banner';
import { useI18n } from '../i18n';
import type { Loaded } from './use-analytics';

/** A dashboard panel: its heading, then loading, failure, "nothing in this period" or the content. */
export function Section<T>({
  id,
  title,
  loaded,
  isEmpty,
  emptyText,
  children,
}: {
  id: string;
  title: string;
  loaded: Loaded<T>;
  isEmpty: (data: T) => boolean;
  emptyText: string;
  children: (data: T) => ComponentChildren;
}) {
  const { t } = useI18n();
  const { data, error, loading } = loaded;
  return (
    <section class="panel dashboard-section" id={id} aria-labelledby={`${id}-heading`} aria-busy={loading ? 'true' : 'false'}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {loading && (
        <p role="status" class="hint">
          {data ? t('dashboard.updating') : t('dashboard.loading')}
        </p>
      )}
      {error !== null && <ProblemBanner error={error} />}
      {data !== null && isEmpty(data) && <p class="banner info">{emptyText}</p>}
      {data !== null && !isEmpty(data) && children(data)}
    </section>
  );
}

/** A chart and, for whoever cannot see it, the same figures as a table. */
export function ChartFigure({ chart, children }: { chart: ComponentChildren; children: ComponentChildren }) {
  const { t } = useI18n();
  return (
    <figure class="chart-figure">
      {chart}
      <details class="chart-data">
        <summary>{t('dashboard.showTable')}</summary>
        <div class="table-wrap">{children}</div>
      </details>
    </figure>
  );
}
