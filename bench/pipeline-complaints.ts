import { COMPLAINT_BODY } from './web-intake.scenario';

/**
 * The pipeline bench's web complaints: the web scenario's example body, each with a customer phone
 * of its own (139 followed by the complaint's number), so none is a repeat of another.
 */
export function webComplaintBody(n: number): string {
  const body = JSON.parse(COMPLAINT_BODY) as { customer: Record<string, string> };
  return JSON.stringify({ ...body, customer: { ...body.customer, phone: `139${String(n).padStart(8, '0')}` } });
}
