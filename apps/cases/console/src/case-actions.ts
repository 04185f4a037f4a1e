import type { MessageKey } from './messages';

/** A field of an action's form; `type` converts the value before it is sent. */
export interface ActionField {
  name: string;
  label: MessageKey;
  control: 'text' | 'textarea' | 'select';
  required: boolean;
  type?: 'number' | 'boolean';
  /** Choices; `text` is shown as it is (numbers), `label` is translated. */
  options?: { value: string; label?: MessageKey; text?: string }[];
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
  assign: { path: 'assign', fields: [{ name: 'assignee', label: 'field.assignee', control: 'text', required: true }] },
  escalate: { path: 'escalate', fields: [reason] },
  'request-extension': {
    path: 'extension',
    fields: [
      { name: 'toDays', label: 'field.toDays', control: 'select', required: true, type: 'number', options: [{ value: '30', label: 'field.toDays.30' }, { value: '60', label: 'field.toDays.60' }] },
      reason,
    ],
  },
  'decide-extension': {
    path: 'extension/decision',
    fields: [
      { name: 'approve', label: 'field.approve', control: 'select', required: true, type: 'boolean', options: [{ value: 'true', label: 'field.approve.true' }, { value: 'false', label: 'field.approve.false' }] },
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
      { name: 'outcome', label: 'field.outcome', control: 'select', required: true, options: [{ value: 'settled', label: 'field.outcome.settled' }, { value: 'not_settled', label: 'field.outcome.not_settled' }] },
      text('summary', 'field.mediationSummary'),
    ],
  },
  'record-satisfaction': {
    path: 'satisfaction',
    fields: [
      { name: 'score', label: 'field.score', control: 'select', required: true, type: 'number', options: ['5', '4', '3', '2', '1'].map((v) => ({ value: v, text: v })) },
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
