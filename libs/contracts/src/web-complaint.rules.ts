import { REFERENCE_PATTERN } from './complaint-reference';
import { toE164 } from './phone-number';
import { regionCode, regionRuleMessage } from './regions';
import { PRODUCTS } from './taxonomy';

/**
 * The rules of the web complaint API, in one place for both sides: intake-web's DTOs validate with
 * these limits, patterns and (English) messages, and the customer site checks its form with the same
 * function before sending, showing the message of the same rule in the page's language. Pure: no
 * decorators, no Node APIs (the site imports this file through Vite).
 */

export type RuleLanguage = 'zh' | 'en';

export const WEB_COMPLAINT_LIMITS = {
  textMaxLength: 5_000,
  nameMaxLength: 100,
  emailMaxLength: 254,
  commentMaxLength: 2_000,
  /** Evidence files per complaint, and bytes per file (the web site and API alike). */
  maxAttachments: 3,
  maxAttachmentBytes: 5 * 1024 * 1024,
} as const;

/** Something other than white space. */
export const NOT_BLANK = /\S/;
/**
 * One @, something before it, a domain of dot-separated labels (at least two), no spaces. Linear: each
 * character can be matched by one part of the pattern only (no overlapping repetitions to backtrack
 * over); the length is checked before it anyway (`emailMaxLength`).
 */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;
/** PRC resident ID number: 17 digits and a digit or X. */
export const ID_NUMBER_PATTERN = /^\d{17}[\dXx]$/;
export const PHONE_LAST4_PATTERN = /^\d{4}$/;

const L = WEB_COMPLAINT_LIMITS;

/** Every rule's message: English is what the API answers in problem+json; Chinese is the site's wording of the same rule. */
export const RULE_MESSAGES = {
  en: {
    textRequired: 'text must describe the complaint',
    textTooLong: `text must be at most ${L.textMaxLength} characters`,
    nameRequired: 'name must not be empty',
    nameTooLong: `name must be at most ${L.nameMaxLength} characters`,
    phoneInvalid: 'phone must be a phone number, e.g. 13800138000 or +8613800138000',
    emailInvalid: 'email must be an e-mail address',
    emailTooLong: `email must be at most ${L.emailMaxLength} characters`,
    idNumberInvalid: 'idNumber must be an 18-character resident ID number',
    productUnknown: `product must be one of ${PRODUCTS.join(', ')}`,
    regionUnknown: regionRuleMessage('region'),
    consentRequired: 'consent must be true: the complaint cannot be processed without it',
    referenceInvalid: 'reference must look like C20261129-W7K3Q9',
    phoneLast4Invalid: 'phoneLast4 must be the last 4 digits of your phone number',
    scoreInvalid: 'score must be a whole number from 1 to 5',
    commentTooLong: `comment must be at most ${L.commentMaxLength} characters`,
  },
  zh: {
    textRequired: '请描述您的投诉内容',
    textTooLong: `投诉内容最多 ${L.textMaxLength} 字`,
    nameRequired: '请填写姓名',
    nameTooLong: `姓名最多 ${L.nameMaxLength} 个字`,
    phoneInvalid: '请填写有效的电话号码，例如 13800138000 或 +8613800138000',
    emailInvalid: '请填写有效的电子邮箱地址',
    emailTooLong: `电子邮箱最多 ${L.emailMaxLength} 个字符`,
    idNumberInvalid: '身份证号码应为 18 位（最后一位可为 X）',
    productUnknown: '请从列表中选择产品',
    regionUnknown: '请从列表中选择所在地区',
    consentRequired: '请勾选同意，我们才能处理您的投诉',
    referenceInvalid: '受理编号格式应如 C20261129-W7K3Q9',
    phoneLast4Invalid: '请填写手机号码的后 4 位数字',
    scoreInvalid: '请选择 1 到 5 分',
    commentTooLong: `意见最多 ${L.commentMaxLength} 字`,
  },
} as const satisfies Record<RuleLanguage, Record<string, string>>;

export type RuleKey = keyof (typeof RULE_MESSAGES)['en'];

/** A broken rule, named by the API's field path (`customer.phone`). */
export interface RuleBreach {
  field: string;
  rule: RuleKey;
}

/** The web form as typed (empty strings for fields left blank). */
export interface WebComplaintForm {
  text: string;
  name: string;
  phone: string;
  email: string;
  idNumber: string;
  product: string;
  /** A province-level division (code or name, see regions.ts), or empty when not given. */
  region: string;
  consent: boolean;
}

/** The rules the web complaint API applies, checked on the form: one breach per field at most, in form order. */
export function checkWebComplaint(form: WebComplaintForm): RuleBreach[] {
  const breaches: RuleBreach[] = [];
  const breach = (field: string, rule: RuleKey | null) => {
    if (rule) breaches.push({ field, rule });
  };
  breach('customer.name', !NOT_BLANK.test(form.name) ? 'nameRequired' : form.name.length > L.nameMaxLength ? 'nameTooLong' : null);
  breach('customer.phone', isPhoneNumber(form.phone) ? null : 'phoneInvalid');
  breach(
    'customer.email',
    form.email === ''
      ? null
      : form.email.length > L.emailMaxLength
        ? 'emailTooLong'
        : EMAIL_PATTERN.test(form.email)
          ? null
          : 'emailInvalid',
  );
  breach('customer.idNumber', form.idNumber === '' || ID_NUMBER_PATTERN.test(form.idNumber) ? null : 'idNumberInvalid');
  breach('product', form.product === '' || (PRODUCTS as readonly string[]).includes(form.product) ? null : 'productUnknown');
  breach('region', form.region === '' || regionCode(form.region) ? null : 'regionUnknown');
  breach('text', !NOT_BLANK.test(form.text) ? 'textRequired' : form.text.length > L.textMaxLength ? 'textTooLong' : null);
  breach('consent', form.consent ? null : 'consentRequired');
  return breaches;
}

/** The status look-up's rules: a well-formed reference and four digits. */
export function checkLookUp(form: { reference: string; phoneLast4: string }): RuleBreach[] {
  const breaches: RuleBreach[] = [];
  if (!REFERENCE_PATTERN.test(form.reference)) breaches.push({ field: 'reference', rule: 'referenceInvalid' });
  if (!PHONE_LAST4_PATTERN.test(form.phoneLast4)) breaches.push({ field: 'phoneLast4', rule: 'phoneLast4Invalid' });
  return breaches;
}

/** The satisfaction survey's rules: the look-up's, a score from 1 to 5 and a comment of limited length. */
export function checkSurvey(form: { reference: string; phoneLast4: string; score: number | null; comment: string }): RuleBreach[] {
  const breaches = checkLookUp(form);
  if (form.score === null || !Number.isInteger(form.score) || form.score < 1 || form.score > 5)
    breaches.push({ field: 'score', rule: 'scoreInvalid' });
  if (form.comment.length > L.commentMaxLength) breaches.push({ field: 'comment', rule: 'commentTooLong' });
  return breaches;
}

/** A mainland mobile or landline, or any valid E.164 number (the rule of `toE164`). */
export function isPhoneNumber(value: string): boolean {
  return toE164(value) !== null;
}

export function ruleMessage(rule: RuleKey, language: RuleLanguage = 'en'): string {
  return RULE_MESSAGES[language][rule];
}
