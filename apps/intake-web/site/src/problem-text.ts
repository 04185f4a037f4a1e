import type { ApiProblem, Lang } from '@complaints/web-ui';
import { EVIDENCE_RULE_MESSAGES, type EvidenceRule } from '@complaints/contracts/evidence.rules';
import { RULE_MESSAGES, type RuleKey } from '@complaints/contracts/web-complaint.rules';
import type { Translate } from './messages';

/**
 * A field message of the API in the page's language: the API answers the shared rules' English
 * messages, so the page shows the same rule's own wording; any other message is shown as it came.
 */
export function localiseFieldMessage(message: string, lang: Lang): string {
  const rule = (Object.keys(RULE_MESSAGES.en) as RuleKey[]).find((key) => RULE_MESSAGES.en[key] === message);
  if (rule) return RULE_MESSAGES[lang][rule];
  for (const key of Object.keys(EVIDENCE_RULE_MESSAGES.en) as EvidenceRule[]) {
    const values = matchTemplate(EVIDENCE_RULE_MESSAGES.en[key], message);
    if (values) {
      const megabytes = values.maxBytes ? String(Math.floor(Number(values.maxBytes) / (1024 * 1024))) : '';
      return fill(EVIDENCE_RULE_MESSAGES[lang][key], { ...values, maxMegabytes: megabytes });
    }
  }
  return message;
}

/** The API's field errors of a refused request, by field, in the page's language. */
export function fieldErrors(problem: ApiProblem, lang: Lang): Record<string, string> {
  return Object.fromEntries(problem.errors.map((e) => [e.field, localiseFieldMessage(e.message, lang)]));
}

/** What to tell the customer about a refused or failed request, without technical details. */
export function problemText(problem: ApiProblem, t: Translate): string {
  if (problem.status === 0) return t('error.network');
  if (problem.status === 429) return t('error.busy');
  if (problem.status === 413) return t('error.tooLarge');
  if (problem.status >= 500) return t('error.unavailable');
  return t('error.generic');
}

function matchTemplate(template: string, message: string): Record<string, string> | null {
  const names: string[] = [];
  const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return '(.+?)';
  });
  const match = new RegExp(`^${pattern}$`).exec(message);
  return match ? Object.fromEntries(names.map((name, i) => [name, match[i + 1]])) : null;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
}
