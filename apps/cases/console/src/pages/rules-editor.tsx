import { DEPARTMENTS, PRODUCTS } from '@complaints/contracts/taxonomy';
import { ApiProblem } from '@complaints/web-ui';
import { useState } from 'preact/hooks';
import { describedBy, Field } from '../components/field';
import { ProblemBanner } from '../components/problem-banner';
import type { ConsoleApi } from '../console-api';
import { key, useI18n, type I18n } from '../i18n';
import type { RoutingRule, RuleCondition, RuleSet } from '../types';
import { DepartmentOptions } from '../components/department-options';
import { TableHead } from '../components/table-head';

/** A rule's conditions in words: "product Credit cards and reason Fees, or …". */
function describeWhen(when: RuleCondition[], { t, label }: I18n): string {
  if (when.length === 0 || when.some((c) => Object.keys(c).length === 0)) return t('admin.any');
  return when
    .map((c) =>
      Object.entries(c)
        .map(([axis, values]) => {
          const name = t(key('admin.axis', axis));
          if (typeof values === 'boolean') return `${name}: ${values ? t('admin.yes') : t('admin.no')}`;
          const shown = (values as string[]).map((v) =>
            axis === 'priority' ? v : label(axis as 'product' | 'reason' | 'servicePoint', v),
          );
          return `${name}: ${shown.join(' / ')}`;
        })
        .join(` ${t('admin.and')} `),
    )
    .join(t('admin.or'));
}

/**
 * The ordered rule list. Admins change descriptions, departments and order, remove rules and add a
 * product rule, then save a new version from the version they loaded (a concurrent change is a 409).
 */
export function RulesEditor({
  api,
  routerUrl,
  ruleSet,
  editable,
  onSaving,
  onSaved,
  onReload,
}: {
  api: ConsoleApi;
  routerUrl: string;
  ruleSet: RuleSet;
  editable: boolean;
  onSaving: () => void;
  onSaved: (next: RuleSet) => void;
  onReload: () => void;
}) {
  const texts = useI18n();
  const { t, label } = texts;
  const [rules, setRules] = useState<RoutingRule[]>(ruleSet.rules);
  const [comment, setComment] = useState('');
  const [missingComment, setMissingComment] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const changed = JSON.stringify(rules) !== JSON.stringify(ruleSet.rules);

  const update = (index: number, patch: Partial<RoutingRule>) => setRules(rules.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...rules];
    [next[index], next[index + by]] = [next[index + by], next[index]];
    setRules(next);
  };

  const save = async (event: Event) => {
    event.preventDefault();
    setMissingComment(!comment.trim());
    if (!comment.trim()) return;
    setBusy(true);
    setError(null);
    onSaving();
    try {
      onSaved(
        await api.send<RuleSet>('PUT', `${routerUrl}/v1/routing/rules`, {
          expectedVersion: ruleSet.version,
          comment: comment.trim(),
          rules,
        }),
      );
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const conflict = error instanceof ApiProblem && error.status === 409;
  // The router names the active version in its expectedVersion field error.
  const activeVersion = conflict ? (error.fieldMessage('expectedVersion')?.match(/\d+/)?.[0] ?? '?') : '';
  const commentError = missingComment ? t('field.required') : error instanceof ApiProblem ? error.fieldMessage('comment') : undefined;
  return (
    <>
      <div class="table-wrap">
        <table class="rules">
          <TableHead
            columns={[
              t('admin.col.order'),
              t('admin.col.id'),
              t('admin.col.description'),
              t('admin.col.department'),
              t('admin.col.when'),
              editable && t('admin.col.move'),
            ]}
          />
          <tbody>
            {rules.map((rule, index) => (
              <tr key={rule.id} data-rule={rule.id}>
                <td>{index + 1}</td>
                <th scope="row">{rule.id}</th>
                <td>
                  {editable ? (
                    <input
                      aria-label={t('admin.descriptionOf', { id: rule.id })}
                      value={rule.description}
                      onInput={(e) => update(index, { description: e.currentTarget.value })}
                    />
                  ) : (
                    rule.description
                  )}
                </td>
                <td>
                  {editable ? (
                    <select
                      aria-label={t('admin.departmentOf', { id: rule.id })}
                      value={rule.department}
                      onChange={(e) => update(index, { department: e.currentTarget.value })}
                    >
                      <DepartmentOptions />
                    </select>
                  ) : (
                    label('department', rule.department)
                  )}
                </td>
                <td>{describeWhen(rule.when, texts)}</td>
                {editable && (
                  <td class="row-buttons">
                    <button
                      type="button"
                      aria-label={t('admin.moveUp', { id: rule.id })}
                      disabled={index === 0}
                      onClick={() => move(index, -1)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      aria-label={t('admin.moveDown', { id: rule.id })}
                      disabled={index === rules.length - 1}
                      onClick={() => move(index, 1)}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      aria-label={t('admin.remove', { id: rule.id })}
                      onClick={() => setRules(rules.filter((_, i) => i !== index))}
                    >
                      ✕
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editable && <NewRule existing={rules.map((r) => r.id)} onAdd={(rule) => setRules([rule, ...rules])} />}
      {editable && (
        <form class="save-rules" onSubmit={save} noValidate aria-label={t('admin.edit')}>
          {changed && <p class="hint">{t('admin.editing')}</p>}
          {conflict && (
            <div class="banner error" role="alert">
              <p>{t('admin.conflict', { version: activeVersion })}</p>
              <button type="button" onClick={onReload}>
                {t('admin.reload')}
              </button>
            </div>
          )}
          {error !== null && !conflict && (
            <>
              {error instanceof ApiProblem && error.status === 400 && <p>{t('admin.invalid')}</p>}
              <ProblemBanner error={error} shownFields={['comment']} />
            </>
          )}
          <Field id="rules-comment" label={t('admin.comment')} error={commentError}>
            <input
              id="rules-comment"
              value={comment}
              onInput={(e) => setComment(e.currentTarget.value)}
              {...describedBy('rules-comment', undefined, commentError)}
            />
          </Field>
          <div class="form-buttons">
            <button type="submit" class="primary" disabled={busy || !changed}>
              {busy ? t('admin.saving') : t('admin.save')}
            </button>
            <button type="button" disabled={!changed} onClick={() => setRules(ruleSet.rules)}>
              {t('admin.discard')}
            </button>
          </div>
        </form>
      )}
    </>
  );
}

function NewRule({ existing, onAdd }: { existing: string[]; onAdd: (rule: RoutingRule) => void }) {
  const { t, label } = useI18n();
  const [id, setId] = useState('');
  const [description, setDescription] = useState('');
  const [department, setDepartment] = useState<string>(DEPARTMENTS[0]);
  const [products, setProducts] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const add = (event: Event) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!id.trim() || existing.includes(id.trim())) found.id = t('field.required');
    if (!description.trim()) found.description = t('field.required');
    if (products.length === 0) found.products = t('admin.new.needProduct');
    setErrors(found);
    if (Object.keys(found).length) return;
    onAdd({ id: id.trim(), description: description.trim(), department, when: [{ product: products }] });
    setId('');
    setDescription('');
    setProducts([]);
  };

  return (
    <form class="panel new-rule" onSubmit={add} noValidate aria-labelledby="new-rule-heading">
      <h3 id="new-rule-heading">{t('admin.add')}</h3>
      <div class="row">
        <Field id="new-rule-id" label={t('admin.new.id')} error={errors.id}>
          <input
            id="new-rule-id"
            value={id}
            onInput={(e) => setId(e.currentTarget.value)}
            {...describedBy('new-rule-id', undefined, errors.id)}
          />
        </Field>
        <Field id="new-rule-description" label={t('admin.new.description')} error={errors.description}>
          <input
            id="new-rule-description"
            value={description}
            onInput={(e) => setDescription(e.currentTarget.value)}
            {...describedBy('new-rule-description', undefined, errors.description)}
          />
        </Field>
        <Field id="new-rule-department" label={t('admin.new.department')}>
          <select id="new-rule-department" value={department} onChange={(e) => setDepartment(e.currentTarget.value)}>
            <DepartmentOptions />
          </select>
        </Field>
      </div>
      <fieldset class="choices" aria-describedby={errors.products ? 'new-rule-products-error' : undefined}>
        <legend>{t('admin.new.products')}</legend>
        {PRODUCTS.map((p) => (
          <label key={p} class="choice">
            <input
              type="checkbox"
              checked={products.includes(p)}
              onChange={() => setProducts(products.includes(p) ? products.filter((x) => x !== p) : [...products, p])}
            />
            {label('product', p)}
          </label>
        ))}
        {errors.products && (
          <p class="error" id="new-rule-products-error">
            {errors.products}
          </p>
        )}
      </fieldset>
      <button type="submit">{t('admin.new.add')}</button>
    </form>
  );
}
