import { sniffEvidenceType } from './evidence-type';
import type { RuleLanguage } from './web-complaint.rules';

/**
 * The evidence rules' messages: English is what the services answer (see checkEvidence), Chinese the
 * customer site's wording of the same rule. Pure, so the site checks files with the same rules.
 */
export const EVIDENCE_RULE_MESSAGES = {
  en: {
    tooMany: 'at most {max} attachments are accepted; {count} were sent',
    tooLarge: 'must be at most {maxBytes} bytes',
    notBase64: 'must be the file content in standard base64',
    wrongType: 'must be a JPEG, PNG, GIF, WebP or HEIC image or a PDF document (judged by the content, not the name)',
    typeMismatch: 'is {declared} but the content is {sniffed}',
  },
  zh: {
    tooMany: '最多可上传 {max} 个文件，您选择了 {count} 个',
    tooLarge: '文件不能超过 {maxMegabytes} MB',
    notBase64: '文件内容无法读取，请重新选择',
    wrongType: '只接受 JPEG、PNG、GIF、WebP、HEIC 图片或 PDF 文件（按文件内容判断，而非文件名）',
    typeMismatch: '文件类型与内容不符（内容为 {sniffed}）',
  },
} as const satisfies Record<RuleLanguage, Record<string, string>>;

export type EvidenceRule = keyof (typeof EVIDENCE_RULE_MESSAGES)['en'];

export function evidenceMessage(rule: EvidenceRule, values: Record<string, string | number> = {}, language: RuleLanguage = 'en'): string {
  return EVIDENCE_RULE_MESSAGES[language][rule].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

/** A file the customer picked: its size and its first bytes (enough to recognise the type). */
export interface PickedFile {
  sizeBytes: number;
  head: Uint8Array;
}

export interface EvidenceBreach {
  /** `attachments` for the count, `attachments[i].data` for one file, as the API names them. */
  field: string;
  rule: EvidenceRule;
  values: Record<string, string | number>;
}

/** The checks the API makes on evidence, made on picked files before they are sent. */
export function checkPickedEvidence(files: readonly PickedFile[], limits: { maxCount: number; maxBytes: number }): EvidenceBreach[] {
  if (files.length > limits.maxCount)
    return [{ field: 'attachments', rule: 'tooMany', values: { max: limits.maxCount, count: files.length } }];
  const breaches: EvidenceBreach[] = [];
  files.forEach((file, index) => {
    const field = `attachments[${index}].data`;
    if (file.sizeBytes > limits.maxBytes) {
      breaches.push({
        field,
        rule: 'tooLarge',
        values: { maxBytes: limits.maxBytes, maxMegabytes: Math.floor(limits.maxBytes / (1024 * 1024)) },
      });
    } else if (!sniffEvidenceType(file.head)) {
      breaches.push({ field, rule: 'wrongType', values: {} });
    }
  });
  return breaches;
}
