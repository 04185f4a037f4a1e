import { percent } from '../format';
import { useI18n } from '../i18n';
import type { KpiGroup } from '../types';

/** The period's headline figures. */
export function Summary({ total }: { total: KpiGroup }) {
  const { t, lang } = useI18n();
  return (
    <dl class="summary">
      <div>
        <dt>{t('dashboard.summary.volume')}</dt>
        <dd>
          <span class="figure">{total.volume}</span>
          <span class="hint">{t('dashboard.summary.cases', { n: total.cases })}</span>
        </dd>
      </div>
      <div>
        <dt>{t('dashboard.summary.feedback48h')}</dt>
        <dd>
          <span class="figure">{percent(total.firstFeedback.shareWithin48h, lang)}</span>
          <span class="hint">{t('dashboard.noShare', { n: total.firstFeedback.within48h })}</span>
        </dd>
      </div>
      <div>
        <dt>{t('dashboard.summary.decision15d')}</dt>
        <dd>
          <span class="figure">{percent(total.decision.shareWithin15d, lang)}</span>
          <span class="hint">{t('dashboard.noShare', { n: total.decision.within15d })}</span>
        </dd>
      </div>
      <div>
        <dt>{t('dashboard.summary.breached')}</dt>
        <dd>
          <span class="figure">{total.breaches.complaints}</span>
        </dd>
      </div>
    </dl>
  );
}
