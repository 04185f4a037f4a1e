import pino, { DestinationStream, Logger } from 'pino';
import { serializeError } from './safe-error';

/**
 * Paths that may hold personal data or secrets. Log lines never carry them (docs/ARCHITECTURE.md, Personal data).
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-signature"]',
  '*.phone',
  '*.email',
  '*.idNumber',
  '*.name',
  '*.callerNumber',
  '*.*.phone',
  '*.*.email',
  '*.*.idNumber',
  '*.*.name',
  'password',
  '*.password',
  'token',
  '*.token',
  'secret',
  '*.secret',
];

/** Serializers of every service's logs: errors by an allow-list of fields, never SQL parameters (safe-error.ts). */
export const LOG_SERIALIZERS = { err: serializeError, error: serializeError };

/** The service's root JSON logger (pino), to stdout unless given another destination (tests). */
export function createLogger(service: string, level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    formatters: { level: (label: string) => ({ level: label }) },
    serializers: LOG_SERIALIZERS,
  };
  return destination ? pino(options, destination) : pino(options);
}
