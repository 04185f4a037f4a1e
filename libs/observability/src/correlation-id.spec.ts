import type { IncomingMessage } from 'node:http';
import { correlationIdOf, safeCorrelationId } from './observability.module';

describe('correlation ids from outside', () => {
  it('accepts 1-128 of A-Z a-z 0-9 . _ : -', () => {
    expect(safeCorrelationId('order-42:retry_1.a')).toBe('order-42:retry_1.a');
    expect(safeCorrelationId(['first', 'second'])).toBe('first');
    expect(safeCorrelationId('a'.repeat(128))).toBe('a'.repeat(128));
  });

  it('refuses markup, spaces, CR/LF, empty and over-long values', () => {
    for (const value of ['<script>alert(1)</script>', 'a b', 'a\r\nset-cookie: x', '', 'a'.repeat(129), 'ü', undefined, 42]) {
      expect(safeCorrelationId(value)).toBeUndefined();
    }
  });

  it('gives a request the id it was assigned, else its safe header, else a new UUID', () => {
    const request = (headers: Record<string, string>, id?: string) => ({ headers, id }) as unknown as IncomingMessage;
    expect(correlationIdOf(request({ 'x-correlation-id': 'abc' }, 'assigned'))).toBe('assigned');
    expect(correlationIdOf(request({ 'x-correlation-id': 'abc' }))).toBe('abc');
    expect(correlationIdOf(request({ 'x-correlation-id': '<b>' }))).toMatch(/^[0-9a-f-]{36}$/);
  });
});
