import { useMemo } from 'preact/hooks';
import { Chart } from '../components/chart';
import { dateTime } from '../format';
import { useI18n } from '../i18n';
import { onLinkClick, paths } from '../navigation';
import type { HotspotAlert } from '../types';
import { hotspotOption } from './chart-options';
import { hotspotSubject } from './group-names';

/** Hot-spot alerts: observed against expected as bars, and the list (the chart's text) with sample cases linked. */
export function HotspotAlerts({ alerts }: { alerts: HotspotAlert[] }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const option = useMemo(() => hotspotOption(alerts, (a) => hotspotSubject(a, i18n), t), [alerts, i18n, t]);
  const number = (n: number) => new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: 1 }).format(n);
  return (
    <>
      <p class="hint">{t('dashboard.hotspots.explain')}</p>
      <figure class="chart-figure">
        <Chart option={option} summary={t('dashboard.hotspots.summary', { count: alerts.length })} />
      </figure>
      <ol class="hotspots" aria-label={t('dashboard.hotspots.list')}>
        {alerts.map((a) => (
          <li key={a.id} data-key={a.key}>
            <h3>
              <span class={`badge hotspot-${a.kind}`}>
                {t(a.kind === 'spike' ? 'dashboard.hotspots.kind.spike' : 'dashboard.hotspots.kind.term')}
              </span>{' '}
              {hotspotSubject(a, i18n)}
            </h3>
            <p>{t('dashboard.hotspots.figures', { observed: a.observed, expected: number(a.expected), ratio: number(a.ratio) })}</p>
            <p class="hint">{t('dashboard.hotspots.since', { since: dateTime(a.since, lang), raised: dateTime(a.raisedAt, lang) })}</p>
            {a.samples.length === 0 ? (
              <p class="hint">{t('dashboard.hotspots.noSamples')}</p>
            ) : (
              <p>
                {t('dashboard.hotspots.samples')}{' '}
                {a.samples.map((reference) => (
                  <a key={reference} class="sample" href={paths.case(reference)} onClick={(e) => onLinkClick(e, paths.case(reference))}>
                    {reference}
                  </a>
                ))}
              </p>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
