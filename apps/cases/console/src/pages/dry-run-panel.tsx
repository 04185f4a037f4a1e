import { useState } from 'preact/hooks';
import { describedBy, Field } from '../components/field';
import { ProblemBanner } from '../components/problem-banner';
import type { ConsoleApi } from '../console-api';
import { key, useI18n } from '../i18n';
import type { DryRunResult } from '../types';
import { ApiProblem } from '@complaints/web-ui';
import { TableHead } from '../components/table-head';

const AXES = ['product', 'reason', 'servicePoint', 'priority', 'escalation'] as const;
const percent = (x: number) => `${Math.round(x * 100)}%`;

/** "Where would this go, and why": the router's dry run of a text with the active rules. */
export function DryRunPanel({ api, routerUrl }: { api: ConsoleApi; routerUrl: string }) {
  const { t, label } = useI18n();
  const [text, setText] = useState('');
  const [result, setResult] = useState<DryRunResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setMissing(!text.trim());
    if (!text.trim()) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await api.send<DryRunResult>('POST', `${routerUrl}/v1/routing/dry-run`, { text }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const textError = missing ? t('field.required') : error instanceof ApiProblem ? error.fieldMessage('text') : undefined;
  const value = (axis: (typeof AXES)[number], c: DryRunResult['classification']) =>
    axis === 'escalation'
      ? c.escalation
        ? t('dryRun.yes')
        : t('dryRun.no')
      : axis === 'priority'
        ? t(key('priority', c.priority))
        : label(axis, c[axis]);
  return (
    <section class="panel" aria-labelledby="dry-run-heading">
      <h2 id="dry-run-heading">{t('dryRun.heading')}</h2>
      {error !== null && <ProblemBanner error={error} shownFields={['text']} />}
      <form onSubmit={submit} noValidate>
        <Field id="dry-run-text" label={t('dryRun.text')} error={textError}>
          <textarea
            id="dry-run-text"
            rows={3}
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
            {...describedBy('dry-run-text', undefined, textError)}
          />
        </Field>
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('dryRun.running') : t('dryRun.submit')}
        </button>
      </form>
      {result && (
        <div class="dry-run-result" aria-live="polite">
          <h3>{t('dryRun.result')}</h3>
          <p class="outcome">
            <strong>
              {t('dryRun.outcome', { department: label('department', result.outcome.department), rule: result.outcome.ruleId })}
            </strong>{' '}
            <span class="muted">({t('dryRun.rulesVersion', { version: result.rulesVersion })})</span>
          </p>
          {result.triage.applied && (
            <p class="banner info">{t('dryRun.triage', { threshold: percent(result.triage.threshold), reason: result.triage.reason })}</p>
          )}
          <table>
            <caption>{t('dryRun.classification')}</caption>
            <TableHead columns={[t('dryRun.axis'), t('dryRun.value'), t('dryRun.confidence')]} />
            <tbody>
              {AXES.map((axis) => (
                <tr key={axis}>
                  <th scope="row">{t(key('admin.axis', axis))}</th>
                  <td>{value(axis, result.classification)}</td>
                  <td>{percent(result.classification.confidence[axis])}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h4>{t('dryRun.terms')}</h4>
          {result.classification.matchedTerms.length ? (
            <ul class="terms">
              {result.classification.matchedTerms.map((term) => (
                <li key={term}>{term}</li>
              ))}
            </ul>
          ) : (
            <p class="muted">{t('dryRun.noTerms')}</p>
          )}
          <table>
            <caption>{t('dryRun.evaluations')}</caption>
            <TableHead
              columns={[t('admin.col.order'), t('admin.col.id'), t('admin.col.department'), t('dryRun.matched'), t('dryRun.winner')]}
            />
            <tbody>
              {result.evaluations.map((e) => (
                <tr key={e.ruleId} class={e.winner ? 'winner' : undefined}>
                  <td>{e.position + 1}</td>
                  <th scope="row">{e.ruleId}</th>
                  <td>{label('department', e.department)}</td>
                  <td>{e.matched ? t('dryRun.yes') : t('dryRun.no')}</td>
                  <td>{e.winner ? `✓ ${t('dryRun.yes')}` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
