import { detectLanguage } from '@complaints/classification';
import { ComplaintV1, CountryCode, FieldError, Product, RegionCode, toE164, truncateText } from '@complaints/contracts';
import { maskSensitiveNumbers, PiiCipher } from '@complaints/security/domain';
import { customerWords, TranscriptTurn } from './transcript';

/** One call record as a call-centre system pushes it (shape already validated at the edge). */
export interface HotlineCall {
  callId: string;
  startedAt: string;
  endedAt: string;
  callerNumber: string;
  customerId?: string;
  /** Whether the call centre verified the caller (e.g. security questions, a one-time code): then the number and customer id identify them. */
  callerVerified?: boolean;
  /** The caller's province-level division (GB/T 2260 code), when the call centre knows it. */
  callerRegion?: RegionCode;
  agentId?: string;
  queue?: string;
  /** The call centre's own summary of the call and its disposition code. */
  summary?: string;
  disposition?: string;
  productHint?: Product;
  transcript: TranscriptTurn[];
}

export interface CallIdentity {
  callcenterId: string;
  complaintId: string;
  reference: string;
  /** When the intake received the record (the call itself started earlier). */
  receivedAt: Date;
}

export type NormalisedCall = { ok: true; complaint: ComplaintV1 } | { ok: false; errors: FieldError[] };

/** The contract's limit on complaint text; the full transcript still travels with it. */
const MAX_TEXT_LENGTH = 20_000;

/** How far in the future a call may claim to have started (clock skew between systems). */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * The canonical complaint of a call. The complaint text is what the customer said (their turns);
 * the whole transcript stays as context for the handler; card and ID numbers are masked in every
 * turn and in the summary; the caller's number is sealed in E.164 form. The complaint counts as
 * received when the call started: that is when the customer complained, and the clocks run from it.
 */
export function normaliseHotlineCall(call: HotlineCall, ids: CallIdentity, cipher: PiiCipher, defaultCountry: CountryCode): NormalisedCall {
  const errors: FieldError[] = [];
  const phone = toE164(call.callerNumber, defaultCountry);
  if (!phone) errors.push({ field: 'callerNumber', message: 'callerNumber must be a dialable phone number' });
  const startedAt = new Date(call.startedAt);
  const endedAt = new Date(call.endedAt);
  if (startedAt.getTime() > ids.receivedAt.getTime() + FUTURE_TOLERANCE_MS)
    errors.push({ field: 'startedAt', message: 'startedAt must not be in the future' });
  if (endedAt.getTime() < startedAt.getTime()) errors.push({ field: 'endedAt', message: 'endedAt must not be before startedAt' });
  const transcript = call.transcript.map((turn) => ({ ...turn, text: maskSensitiveNumbers(turn.text) }));
  const text = truncateText(customerWords(transcript), MAX_TEXT_LENGTH);
  if (!text.trim()) errors.push({ field: 'transcript', message: 'transcript must contain at least one customer turn' });
  if (errors.length > 0 || !phone) return { ok: false, errors };

  return {
    ok: true,
    complaint: Object.assign(new ComplaintV1(), {
      complaintId: ids.complaintId,
      reference: ids.reference,
      channel: 'hotline' as const,
      receivedAt: startedAt.toISOString(),
      source: { system: ids.callcenterId, messageId: call.callId, receivedAt: ids.receivedAt.toISOString() },
      customer: {
        ...(call.customerId ? { customerId: call.customerId } : {}),
        ...(call.callerVerified
          ? { verifiedIdentities: call.customerId ? ['phone' as const, 'customerId' as const] : ['phone' as const] }
          : {}),
        contact: { phone: cipher.seal(phone), phoneLast4: phone.slice(-4) },
      },
      content: { text, language: detectLanguage(text), transcript },
      context: {
        ...(call.productHint ? { productHint: call.productHint } : {}),
        extra: callDetails(call, startedAt, endedAt),
      },
    }),
  };
}

/** The call centre's own record of the call, kept for the handler (flat strings, as the contract wants); the caller's region for reporting. */
function callDetails(call: HotlineCall, startedAt: Date, endedAt: Date): Record<string, string> {
  const details: Record<string, string | undefined> = {
    callStartedAt: startedAt.toISOString(),
    callEndedAt: endedAt.toISOString(),
    callDurationSeconds: String(Math.round((endedAt.getTime() - startedAt.getTime()) / 1000)),
    agentId: call.agentId,
    queue: call.queue,
    disposition: call.disposition,
    region: call.callerRegion,
    summary: call.summary === undefined ? undefined : maskSensitiveNumbers(call.summary),
  };
  return Object.fromEntries(Object.entries(details).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
