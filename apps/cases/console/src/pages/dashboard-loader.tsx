import type { ComponentProps, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ProblemBanner } from '../components/problem-banner';
import { useI18n } from '../i18n';
import type { DashboardPage } from './dashboard-page';

type Props = ComponentProps<typeof DashboardPage>;

/** The dashboard and its charting library (ECharts) are fetched only when the dashboard is opened: the other screens stay light. */
export function DashboardLoader(props: Props) {
  const { t } = useI18n();
  const [Page, setPage] = useState<FunctionComponent<Props> | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    import('./dashboard-page').then((module) => setPage(() => module.DashboardPage), setError);
  }, []);
  if (error !== null) return <ProblemBanner error={error} />;
  if (!Page) return <p role="status">{t('dashboard.loading')}</p>;
  return <Page {...props} />;
}
