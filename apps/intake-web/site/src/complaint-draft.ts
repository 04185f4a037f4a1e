import type { WebComplaintForm } from '@complaints/contracts/web-complaint.rules';
import type { ComplaintBody } from './submission-outbox';

/** The form as typed: kept in localStorage on every change, so a reload or a lost tab loses nothing. */
export type ComplaintDraft = Omit<WebComplaintForm, 'idNumber'>;

const DRAFT_KEY = 'complaint.draft';

export const EMPTY_DRAFT: ComplaintDraft = { name: '', phone: '', email: '', product: '', region: '', text: '', consent: false };

export function loadDraft(): ComplaintDraft | null {
  try {
    const raw = localStorage.getItem(DRAFT_KEY);
    return raw ? { ...EMPTY_DRAFT, ...(JSON.parse(raw) as Partial<ComplaintDraft>) } : null;
  } catch {
    return null;
  }
}

export function saveDraft(draft: ComplaintDraft): void {
  try {
    if (JSON.stringify(draft) === JSON.stringify(EMPTY_DRAFT)) localStorage.removeItem(DRAFT_KEY);
    else localStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
  } catch {
    // storage disabled: the draft lives in the page only
  }
}

export function clearDraft(): void {
  try {
    localStorage.removeItem(DRAFT_KEY);
  } catch {
    // storage disabled
  }
}

/** The form values a pending submission was made of (to show them while it is being retried). */
export function draftOf(body: ComplaintBody): ComplaintDraft {
  return {
    name: body.customer.name,
    phone: body.customer.phone,
    email: body.customer.email ?? '',
    product: body.product ?? '',
    region: body.region ?? '',
    text: body.text,
    consent: body.consent,
  };
}

/** The API body of a checked draft: optional fields left out when blank. */
export function bodyOf(draft: ComplaintDraft, attachments: ComplaintBody['attachments']): ComplaintBody {
  return {
    text: draft.text,
    customer: { name: draft.name.trim(), phone: draft.phone.trim(), ...(draft.email.trim() ? { email: draft.email.trim() } : {}) },
    ...(draft.product ? { product: draft.product } : {}),
    ...(draft.region ? { region: draft.region } : {}),
    consent: true,
    ...(attachments && attachments.length > 0 ? { attachments } : {}),
  };
}
