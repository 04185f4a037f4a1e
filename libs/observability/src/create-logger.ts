import pino, { Logger } from 'pino';

/**
 * Paths that may hold personal data or secrets. Log lines never carry them (DESIGN section 2, Security).
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

/** The service's root JSON logger (pino). */
export function createLogger(service: string, level: string): Logger {
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    formatters: { level: (label) => ({ level: label }) },
  });
}
