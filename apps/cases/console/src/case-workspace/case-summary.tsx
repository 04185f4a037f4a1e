import { regionName } from '@complaints/contracts/regions';
import { groupName } from '../dashboard/group-names';
import { dateTime } from '../format';
import { useI18n } from '../i18n';
import type { CaseDetail } from '../types';
import { maskKeepingEnd } from './mask';

/**
 * The case at a glance: when and how it came in, what it is about, where it is and who the customer
 * is, masked (the API gives only the phone's last four digits and the customer id; contact details stay sealed).
 */
export function CaseSummary({ current }: { current: CaseDetail }) {
  const i18n = useI18n();
  const { t, lang, label } = i18n;
  const region = current.context.extra?.region;
  const { phoneLast4, customerId } = current.customer;
  return (
    <section class="panel" aria-labelledby="overview-heading">
      <h2 id="overview-heading">{t('case.overview')}</h2>
      <dl class="facts">
        <dt>{t('case.received')}</dt>
        <dd>
          <time dateTime={current.receivedAt}>{dateTime(current.receivedAt, lang)}</time>
        </dd>
        <dt>{t('case.channel')}</dt>
        <dd>{groupName('channel', current.channel, i18n)}</dd>
        <dt>{t('summary.product')}</dt>
        <dd>{label('product', current.category.product)}</dd>
        <dt>{t('summary.reason')}</dt>
        <dd>{label('reason', current.category.reason)}</dd>
        <dt>{t('summary.servicePoint')}</dt>
        <dd>{label('servicePoint', current.category.servicePoint)}</dd>
        {region && (
          <>
            <dt>{t('summary.region')}</dt>
            <dd>{regionName(region, lang) || region}</dd>
          </>
        )}
        <dt>{t('case.department')}</dt>
        <dd>{label('department', current.department)}</dd>
        <dt>{t('case.assignee')}</dt>
        <dd>{current.assignee ?? t('queue.nobody')}</dd>
        <dt>{t('case.routing')}</dt>
        <dd>{t('case.routing.value', { rule: current.routing.ruleId, version: current.routing.rulesVersion })}</dd>
        {phoneLast4 && (
          <>
            <dt>{t('summary.phone')}</dt>
            <dd>{t('summary.phone.value', { last4: phoneLast4 })}</dd>
          </>
        )}
        {customerId && (
          <>
            <dt>{t('summary.customerId')}</dt>
            <dd>{t('summary.customerId.value', { masked: maskKeepingEnd(customerId) })}</dd>
          </>
        )}
        {!phoneLast4 && !customerId && (
          <>
            <dt>{t('case.customer')}</dt>
            <dd>{t('case.customer.unknown')}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
