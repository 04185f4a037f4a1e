import type { IHeaders } from 'kafkajs';
import type { EventEnvelope } from '@complaints/contracts';

/** Header names the platform puts on every Kafka message. */
export const Headers = {
  correlationId: 'correlation-id',
  causationId: 'causation-id',
  eventId: 'event-id',
  eventType: 'event-type',
  contentType: 'content-type',
} as const;

/** The headers that describe an event, derived from its envelope. */
export function envelopeHeaders(event: EventEnvelope): Record<string, string> {
  const headers: Record<string, string> = {
    [Headers.correlationId]: event.correlationId,
    [Headers.eventId]: event.eventId,
    [Headers.eventType]: `${event.eventType}.v${event.eventVersion}`,
    [Headers.contentType]: 'application/json',
  };
  if (event.causationId) headers[Headers.causationId] = event.causationId;
  return headers;
}

/** Kafka headers as plain strings (kafkajs hands them over as Buffers). */
export function decodeHeaders(headers: IHeaders | undefined): Record<string, string> {
  const decoded: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    const first = Array.isArray(value) ? value[0] : value;
    decoded[name] = Buffer.isBuffer(first) ? first.toString('utf8') : String(first);
  }
  return decoded;
}
