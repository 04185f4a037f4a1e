import { dateTime } from '../format';
import { key, useI18n } from '../i18n';
import type { MessageKey } from '../messages';
import type { TimelineItem } from '../types';

/** Details of a timeline entry worth a line of their own, in words. */
const DETAIL_LINES: [string, MessageKey][] = [
  ['reason', 'case.timeline.reason'],
  ['rootCause', 'case.timeline.rootCause'],
  ['correctiveAction', 'case.timeline.correctiveAction'],
  ['assignee', 'case.timeline.assignee'],
  ['toDays', 'case.timeline.toDays'],
  ['score', 'case.timeline.score'],
  ['organisation', 'case.timeline.organisation'],
  ['ruleId', 'case.timeline.rule'],
];

/** One side of the timeline: what the customer was told, or the internal record. */
export function CaseTimeline({ id, title, entries }: { id: string; title: string; entries: TimelineItem[] }) {
  const { t, lang } = useI18n();
  return (
    <section class="panel timeline" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {entries.length === 0 && <p class="muted">{t('case.timeline.empty')}</p>}
      <ol>
        {entries.map((entry, index) => {
          const d = entry.details;
          const lines: string[] = [];
          if (typeof d.from === 'string' && typeof d.to === 'string')
            lines.push(t('case.timeline.status', { from: t(key('status', d.from)), to: t(key('status', d.to)) }));
          for (const [name, message] of DETAIL_LINES) {
            const value = d[name];
            if (typeof value === 'string' || typeof value === 'number') lines.push(t(message, { value, reason: value }));
          }
          return (
            <li key={`${entry.at}-${index}`} data-type={entry.type}>
              <p class="entry-head">
                <strong>{t(key('event', entry.type))}</strong> <time dateTime={entry.at}>{dateTime(entry.at, lang)}</time> ·{' '}
                <span class="muted">{entry.actor}</span>
              </p>
              {typeof d.message === 'string' && d.message && <p class="entry-message">{d.message}</p>}
              {lines.map((line) => (
                <p key={line} class="entry-detail">
                  {line}
                </p>
              ))}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
