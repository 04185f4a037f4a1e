import { key, useI18n } from '../i18n';

/** The priority as words and colour (never colour alone). */
export function PriorityBadge({ priority }: { priority: string }) {
  const { t } = useI18n();
  return <span class={`badge priority-${priority.toLowerCase()}`}>{t(key('priority', priority))}</span>;
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  return <span class="badge status">{t(key('status', status))}</span>;
}
