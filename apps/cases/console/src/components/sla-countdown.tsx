import { duration } from '../format';
import { useI18n } from '../i18n';

/**
 * A deadline counting down with the page's clock (`now`, ticking every second): time left, or how long
 * overdue (red, with the word, not colour alone); "done" once met, "paused" while the clock stands.
 */
export function SlaCountdown({
  dueAt,
  now,
  metAt,
  paused,
  label,
}: {
  dueAt: string;
  now: number;
  metAt: string | null;
  paused?: boolean;
  label: string;
}) {
  const { t } = useI18n();
  if (metAt)
    return (
      <span class="sla sla-met" aria-label={`${label}: ${t('sla.met')}`}>
        ✓ {t('sla.met')}
      </span>
    );
  if (paused)
    return (
      <span class="sla sla-paused" aria-label={`${label}: ${t('sla.paused')}`}>
        ⏸ {t('sla.paused')}
      </span>
    );
  const left = Date.parse(dueAt) - now;
  const text = left > 0 ? t('sla.left', { time: duration(left, t) }) : t('sla.overdue', { time: duration(left, t) });
  const urgency = left <= 0 ? 'sla-overdue' : left < 6 * 3_600_000 ? 'sla-soon' : 'sla-ok';
  return (
    <span class={`sla ${urgency}`} role="timer" data-due={dueAt} aria-label={`${label}: ${text}`}>
      {left <= 0 ? '⚠ ' : ''}
      {text}
    </span>
  );
}
