import { ContractViolation, parseContract } from '@complaints/contracts';
import { ProblemException, problem, unsafeStringIn, validationProblem } from '@complaints/http';
import { CallInput } from '../../application/receive-calls/receive-calls.use-case';
import { HotlineCall } from '../../domain/hotline-call';
import { parseTranscriptText } from '../../domain/transcript';
import { HotlineCallDto } from './hotline-call.dto';

/**
 * Reads a pushed batch `{ calls: [...] }`. The envelope must be right (else 400, or 413 when there
 * are too many calls); each call is then checked on its own, so a bad record is rejected alone: strings
 * no service can store (NUL, lone surrogates) first, then the contract.
 */
export function parseCallBatch(body: unknown, maxCalls: number): CallInput[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw validationProblem([{ field: 'body', message: 'body must be a JSON object { "calls": [...] }' }]);
  }
  const unknownFields = Object.keys(body).filter((key) => key !== 'calls');
  if (unknownFields.length > 0) {
    throw validationProblem(unknownFields.map((field) => ({ field, message: `property ${field} should not exist` })));
  }
  const { calls } = body as { calls?: unknown };
  if (!Array.isArray(calls) || calls.length === 0) {
    throw validationProblem([{ field: 'calls', message: 'calls must be a non-empty array of call records' }]);
  }
  if (calls.length > maxCalls) {
    throw new ProblemException(
      problem(413, 'batch-too-large', `A batch holds at most ${maxCalls} calls; this one has ${calls.length}. Split it.`, {
        errors: [{ field: 'calls', message: `calls must contain no more than ${maxCalls} elements` }],
      }),
    );
  }
  return calls.map((raw, index) => parseCall(raw, index));
}

function parseCall(raw: unknown, index: number): CallInput {
  const field = `calls[${index}]`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { index, errors: [{ field, message: `${field} must be a call record object` }] };
  }
  const record = raw as Record<string, unknown>;
  const unsafe = unsafeStringIn(record);
  const callId = typeof record.callId === 'string' && !unsafeStringIn(record.callId) ? record.callId : undefined;
  if (unsafe) return { index, callId, errors: [{ field: `${field}.${unsafe.field}`, message: unsafe.message }] };
  let candidate = record;
  if (typeof record.transcript === 'string') {
    const parsed = parseTranscriptText(record.transcript);
    if (!parsed.ok) return { index, callId, errors: [{ field: `${field}.transcript`, message: `transcript ${parsed.error}` }] };
    candidate = { ...record, transcript: parsed.turns };
  }
  try {
    const call = parseContract(HotlineCallDto, candidate);
    return { index, call: toCall(call) };
  } catch (error) {
    if (!(error instanceof ContractViolation)) throw error;
    return {
      index,
      callId,
      errors: error.errors.map((e) => ({ field: e.field === '$' ? field : `${field}.${e.field}`, message: e.message })),
    };
  }
}

function toCall(dto: HotlineCallDto): HotlineCall {
  return { ...dto, transcript: dto.transcript.map((turn) => ({ ...turn })) };
}
