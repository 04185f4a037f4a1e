import { COMPLAINT_BODY } from './web-intake.scenario';

/**
 * The pipeline bench's web complaints: the web scenario's example body, each with a customer phone
 * of its own (139 followed by the complaint's number), so none is a repeat of another, and the
 * number at the end of the text (` #<n>`, too short to be masked), so the cases tell which request
 * each came from: two cases with one text are a duplicate.
 */
export function webComplaintBody(n: number): string {
  const body = JSON.parse(COMPLAINT_BODY) as { text: string; customer: Record<string, string> };
  return JSON.stringify({ ...body, text: `${body.text} #${n}`, customer: { ...body.customer, phone: `139${String(n).padStart(8, '0')}` } });
}
