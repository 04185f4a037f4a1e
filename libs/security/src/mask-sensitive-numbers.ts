/**
 * Masks payment card numbers (PCI DSS) and PRC resident ID numbers in free text, keeping the last
 * four characters, before the text is written anywhere. Cards are recognised by length (13-19
 * digits, optionally grouped by spaces or dashes) and the Luhn check; IDs by the GB 11643 layout
 * (region, birth date, sequence, check character) and its checksum.
 */
export function maskSensitiveNumbers(text: string): string {
  return maskCardNumbers(maskIdNumbers(text));
}

const ID_CANDIDATE = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const CARD_CANDIDATE = /(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)/g;

function maskIdNumbers(text: string): string {
  return text.replace(ID_CANDIDATE, (candidate) => (isResidentId(candidate) ? maskKeepingLast4(candidate) : candidate));
}

function maskCardNumbers(text: string): string {
  return text.replace(CARD_CANDIDATE, (candidate) => {
    const digits = candidate.replace(/[ -]/g, '');
    return digits.length >= 13 && digits.length <= 19 && passesLuhn(digits) ? maskKeepingLast4(candidate) : candidate;
  });
}

/** Replaces every digit (and X) but the last four with `*`, keeping separators. */
function maskKeepingLast4(value: string): string {
  let keep = 4;
  const chars = [...value];
  for (let i = chars.length - 1; i >= 0; i--) {
    if (!/[\dXx]/.test(chars[i])) continue;
    if (keep > 0) keep--;
    else chars[i] = '*';
  }
  return chars.join('');
}

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643-1999 resident identity number: plausible birth date and a valid check character. */
export function isResidentId(value: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(value)) return false;
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return false;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(value[i]), 0);
  return ID_CHECK[sum % 11] === value[17].toUpperCase();
}
