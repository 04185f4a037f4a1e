import { randomInt } from 'node:crypto';

/**
 * A mainland mobile number no other test uses. The router links complaints by the same customer on
 * the same matter (repeat complaints), so tests that file complaints need customers of their own.
 */
export function uniquePhone(): { number: string; e164: string; last4: string } {
  const number = `139${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
  return { number, e164: `+86${number}`, last4: number.slice(-4) };
}
