import type { CaseEventKind } from '@complaints/contracts';
import type { Language } from './notification';

export interface MessageContext {
  reference: string;
  /** The handler's own words, for feedback and resolutions. */
  message?: string;
  /** A new decision due date (extensions), ISO. */
  dueAt?: string;
}

interface Template {
  subject: (c: MessageContext) => string;
  text: (c: MessageContext) => string;
}

const SURVEY_ZH = '请直接回复 1-5 为本次处理评分（5 为非常满意），或回复“满意”/“不满意”。';
const SURVEY_EN = 'Please reply with a score from 1 to 5 (5 = very satisfied), or "satisfied" / "not satisfied".';
const said = (c: MessageContext, prefix: string) => (c.message ? `${prefix}${c.message}` : '');
const day = (iso?: string) => (iso ? iso.slice(0, 10) : '');

/** What the customer is told, per case event, in Chinese and English. Events not listed are not sent. */
const TEMPLATES: Partial<Record<CaseEventKind, Record<Language, Template>>> = {
  opened: {
    zh: {
      subject: (c) => `投诉已受理 ${c.reference}`,
      text: (c) => `您的投诉已受理，编号 ${c.reference}。我们将在 48 小时内与您联系，并在 15 日内给出处理结果。`,
    },
    en: {
      subject: (c) => `Complaint received ${c.reference}`,
      text: (c) =>
        `We have received your complaint, reference ${c.reference}. We will contact you within 48 hours and give you our decision within 15 days.`,
    },
  },
  feedback_sent: {
    zh: {
      subject: (c) => `投诉处理进展 ${c.reference}`,
      text: (c) => `关于您的投诉 ${c.reference}：${c.message ?? '我们正在处理，请耐心等待。'}`,
    },
    en: {
      subject: (c) => `Update on ${c.reference}`,
      text: (c) => `About your complaint ${c.reference}: ${c.message ?? 'we are working on it.'}`,
    },
  },
  extension_approved: {
    zh: {
      subject: (c) => `处理期限延长 ${c.reference}`,
      text: (c) => `您的投诉 ${c.reference} 情况较复杂，处理期限延长至 ${day(c.dueAt)}。${said(c, '原因：')}`,
    },
    en: {
      subject: (c) => `More time needed for ${c.reference}`,
      text: (c) =>
        `Your complaint ${c.reference} needs more time; we will give you our decision by ${day(c.dueAt)}. ${said(c, 'Reason: ')}`.trim(),
    },
  },
  resolution_proposed: {
    zh: {
      subject: (c) => `处理方案 ${c.reference}`,
      text: (c) => `关于您的投诉 ${c.reference}，我们提出以下处理方案：${c.message ?? '详见后续通知。'}如有异议，请直接回复。`,
    },
    en: {
      subject: (c) => `Our proposal on ${c.reference}`,
      text: (c) => `About your complaint ${c.reference}, we propose: ${c.message ?? 'details follow.'} If you disagree, just reply.`,
    },
  },
  resolved: {
    zh: {
      subject: (c) => `投诉处理结果 ${c.reference}`,
      text: (c) => `您的投诉 ${c.reference} 已处理完毕。${said(c, '处理结果：')}${SURVEY_ZH}`,
    },
    en: {
      subject: (c) => `Decision on ${c.reference}`,
      text: (c) => `We have dealt with your complaint ${c.reference}. ${said(c, 'Our decision: ')} ${SURVEY_EN}`.replace(/\s+/g, ' '),
    },
  },
  mediation_referred: {
    zh: { subject: (c) => `转交调解 ${c.reference}`, text: (c) => `您的投诉 ${c.reference} 已转交第三方调解组织。${said(c, '')}` },
    en: {
      subject: (c) => `Referred to mediation ${c.reference}`,
      text: (c) => `Your complaint ${c.reference} has been referred to an independent mediator. ${said(c, '')}`.trim(),
    },
  },
  mediation_concluded: {
    zh: { subject: (c) => `调解结果 ${c.reference}`, text: (c) => `您的投诉 ${c.reference} 的调解已结束。${said(c, '结果：')}` },
    en: {
      subject: (c) => `Mediation concluded ${c.reference}`,
      text: (c) => `The mediation of your complaint ${c.reference} has concluded. ${said(c, 'Outcome: ')}`.trim(),
    },
  },
  reopened: {
    zh: { subject: (c) => `投诉重新处理 ${c.reference}`, text: (c) => `您的投诉 ${c.reference} 已重新打开，上级部门将跟进处理。` },
    en: {
      subject: (c) => `Complaint reopened ${c.reference}`,
      text: (c) => `Your complaint ${c.reference} has been reopened and is being reviewed by a senior team.`,
    },
  },
  closed: {
    zh: { subject: (c) => `投诉已办结 ${c.reference}`, text: (c) => `您的投诉 ${c.reference} 已办结，感谢您的反馈。` },
    en: {
      subject: (c) => `Complaint closed ${c.reference}`,
      text: (c) => `Your complaint ${c.reference} is closed. Thank you for telling us.`,
    },
  },
  withdrawn: {
    zh: { subject: (c) => `投诉已撤回 ${c.reference}`, text: (c) => `您已撤回投诉 ${c.reference}。如需再次投诉，请随时联系我们。` },
    en: {
      subject: (c) => `Complaint withdrawn ${c.reference}`,
      text: (c) => `Your complaint ${c.reference} has been withdrawn. You can complain again at any time.`,
    },
  },
};

/** The message for an event, or null when customers are not told about this kind of event. */
export function renderMessage(kind: CaseEventKind, language: Language, context: MessageContext): { subject: string; text: string } | null {
  const template = TEMPLATES[kind]?.[language];
  return template ? { subject: template.subject(context), text: template.text(context) } : null;
}
