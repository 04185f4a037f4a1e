import type { MessageKey } from './messages';
import type { CaseDetail } from './types';

/** A choice of a select field; `text` is shown as it is (numbers), `label` is translated (with `values` for its placeholders). */
export interface ActionOption {
  value: string;
  label?: MessageKey;
  text?: string;
  values?: Record<string, string | number>;
}

/** Where a field's choices come from when its form opens: `department-handlers`, the case department's active handlers (the router's). */
export type OptionsSource = 'department-handlers';

/** A hint under a field, translated with its placeholders. */
export interface FieldHint {
  key: MessageKey;
  values?: Record<string, string | number>;
}

/** A field of an action's form; `type` converts the value before it is sent. */
export interface ActionField {
  name: string;
  label: MessageKey;
  control: 'text' | 'textarea' | 'select';
  required: boolean;
  type?: 'number' | 'boolean';
  options?: ActionOption[];
  /** Choices loaded when the form opens; until they arrive, and when there are none to have, the field is its own `control`. */
  optionsSource?: OptionsSource;
  hint?: FieldHint;
}

/** What an options source gave: the choices (possibly none) and a hint saying what they are, or why there are none. */
export interface LoadedOptions {
  options: ActionOption[];
  hint: FieldHint;
}

/** An options source for a case: what to say while its choices load, and the loading itself (which never fails: no choices and a hint why). */
export interface OptionsLoader {
  pending(current: CaseDetail): FieldHint;
  load(current: CaseDetail): Promise<LoadedOptions>;
}

export type OptionsLoaders = Partial<Record<OptionsSource, OptionsLoader>>;

/** The field as its form shows it: a select of the loaded choices when there are some, else its own control with the hint saying why. */
export function withLoadedOptions(field: ActionField, loaded: LoadedOptions | undefined): ActionField {
  if (!field.optionsSource || !loaded) return field;
  if (loaded.options.length === 0) return { ...field, hint: loaded.hint };
  return { ...field, control: 'select', options: loaded.options, hint: loaded.hint };
}

export interface ActionSpec {
  /** POST /v1/cases/{reference}/<path> */
  path: string;
  fields: ActionField[];
}

const text = (name: string, label: MessageKey, required = true): ActionField => ({ name, label, control: 'textarea', required });
const reason = text('reason', 'field.reason');

/** The cases API's actions (GET /v1/cases/{reference} lists those the caller may take now) and their forms. */
export const CASE_ACTIONS: Record<string, ActionSpec> = {
  claim: { path: 'claim', fields: [] },
  start: { path: 'start', fields: [] },
  'send-feedback': { path: 'feedback', fields: [text('message', 'field.message')] },
  'propose-resolution': { path: 'resolution', fields: [text('proposal', 'field.proposal')] },
  resolve: { path: 'resolve', fields: [text('summary', 'field.summary', false)] },
  close: { path: 'close', fields: [text('rootCause', 'field.rootCause'), text('correctiveAction', 'field.correctiveAction')] },
  'add-note': { path: 'notes', fields: [text('note', 'field.note')] },
  assign: {
    path: 'assign',
    fields: [{ name: 'assignee', label: 'field.assignee', control: 'text', required: true, optionsSource: 'department-handlers' }],
  },
  escalate: { path: 'escalate', fields: [reason] },
  'request-extension': {
    path: 'extension',
    fields: [
      {
        name: 'toDays',
        label: 'field.toDays',
        control: 'select',
        required: true,
        type: 'number',
        options: [
          { value: '30', label: 'field.toDays.30' },
          { value: '60', label: 'field.toDays.60' },
        ],
      },
      reason,
    ],
  },
  'decide-extension': {
    path: 'extension/decision',
    fields: [
      {
        name: 'approve',
        label: 'field.approve',
        control: 'select',
        required: true,
        type: 'boolean',
        options: [
          { value: 'true', label: 'field.approve.true' },
          { value: 'false', label: 'field.approve.false' },
        ],
      },
      text('comment', 'field.comment', false),
    ],
  },
  'pause-clock': { path: 'clock/pause', fields: [reason] },
  'resume-clock': { path: 'clock/resume', fields: [] },
  'refer-to-mediation': {
    path: 'mediation',
    fields: [
      { name: 'organisation', label: 'field.organisation', control: 'text', required: true },
      { name: 'mediator', label: 'field.mediator', control: 'text', required: false },
      text('reason', 'field.mediationReason', false),
    ],
  },
  'record-mediation-outcome': {
    path: 'mediation/outcome',
    fields: [
      {
        name: 'outcome',
        label: 'field.outcome',
        control: 'select',
        required: true,
        options: [
          { value: 'settled', label: 'field.outcome.settled' },
          { value: 'not_settled', label: 'field.outcome.not_settled' },
        ],
      },
      text('summary', 'field.mediationSummary'),
    ],
  },
  'record-satisfaction': {
    path: 'satisfaction',
    fields: [
      {
        name: 'score',
        label: 'field.score',
        control: 'select',
        required: true,
        type: 'number',
        options: ['5', '4', '3', '2', '1'].map((v) => ({ value: v, text: v })),
      },
      text('comment', 'field.comment', false),
    ],
  },
  reopen: { path: 'reopen', fields: [reason] },
  withdraw: { path: 'withdraw', fields: [reason] },
  archive: { path: 'archive', fields: [] },
};

/** The request body of an action from its form's values: empty optional fields left out, numbers and booleans converted. */
export function actionBody(spec: ActionSpec, values: Record<string, string>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of spec.fields) {
    const raw = (values[field.name] ?? field.options?.[0]?.value ?? '').trim();
    if (!raw) continue;
    body[field.name] = field.type === 'number' ? Number(raw) : field.type === 'boolean' ? raw === 'true' : raw;
  }
  return body;
}
