/**
 * Masks payment card numbers (PCI DSS) and PRC resident ID numbers in free text, keeping the last
 * four characters, before the text is written anywhere. Cards are recognised by length (13-19
 * digits) and the Luhn check; IDs by the GB 11643 layout (region, birth date, sequence, check
 * character) and its checksum. Digits may be ASCII or full-width (０-９, Ｘ), in one run or in groups
 * split by one space, hyphen or dot (ASCII, full-width or typographic: `6222 0212 3456 7890`,
 * `6222.0212.3456.7890`, `110105 19491231 002X`); every group but the last has at least 3 digits, so
 * dates (2026-11-29), amounts (1.50) and times stay as written. Groups of four written like a
 * card's face (4-4-4-4, 4-4-4-4-3) are masked even when the Luhn check fails (a mistyped card). A single run of more than 19 digits
 * is no number of either kind. The scan is one pass with a bounded look-ahead (no regular
 * expression), so its time is linear in the text's length.
 */
export function maskSensitiveNumbers(text: string): string {
  let out = '';
  let copied = 0;
  let i = 0;
  while (i < text.length) {
    if (digitAt(text, i) === undefined || (i > 0 && digitAt(text, i - 1) !== undefined)) {
      i++;
      continue;
    }
    const run = readRun(text, i);
    for (const [from, to] of sensitiveSpans(text, run)) {
      out += text.slice(copied, from) + maskKeepingLast4(text.slice(from, to));
      copied = to;
    }
    i = run.end;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** A group of digits (its last character may be an ID's check character X). */
interface Group {
  start: number;
  end: number;
  digits: string;
}

interface Run {
  groups: Group[];
  end: number;
}

const SEPARATORS = new Set([' ', '\u00a0', '\u3000', '-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\uff0d', '.', '\uff0e']);
const CHECK_X = new Set(['X', 'x', '\uff38', '\uff58']);
const MIN_INNER_GROUP = 3;
const MAX_CARD = 19;
const MIN_CARD = 13;
const ID_LENGTH = 18;

/** The ASCII digit of a character (ASCII or full-width), else undefined. */
function digitAt(text: string, i: number): string | undefined {
  const c = text.charCodeAt(i);
  if (c >= 0x30 && c <= 0x39) return text[i];
  if (c >= 0xff10 && c <= 0xff19) return String.fromCharCode(c - 0xff10 + 0x30);
  return undefined;
}

/** A letter or digit, ASCII or full-width: an ID number is not part of a longer word. */
function isAlphanumeric(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i) | 0x20;
  const w = text.charCodeAt(i);
  return (c >= 0x61 && c <= 0x7a) || digitAt(text, i) !== undefined || (w >= 0xff21 && w <= 0xff3a) || (w >= 0xff41 && w <= 0xff5a);
}

/** Digit groups from `start`, joined by single separators; an X ends the run. */
function readRun(text: string, start: number): Run {
  const groups: Group[] = [];
  let i = start;
  for (;;) {
    const groupStart = i;
    let digits = '';
    for (let d = digitAt(text, i); d !== undefined; d = digitAt(text, ++i)) digits += d;
    if (CHECK_X.has(text[i]) && !isAlphanumeric(text, i + 1)) {
      groups.push({ start: groupStart, end: i + 1, digits: `${digits}X` });
      return { groups, end: i + 1 };
    }
    groups.push({ start: groupStart, end: i, digits });
    if (!SEPARATORS.has(text[i]) || (digitAt(text, i + 1) === undefined && !isLoneCheckX(text, i + 1))) return { groups, end: i };
    i++;
  }
}

/** An ID's check character written apart from its digits (`... 0021 X`). */
function isLoneCheckX(text: string, i: number): boolean {
  return CHECK_X.has(text[i]) && !isAlphanumeric(text, i + 1);
}

/**
 * The [from, to) spans of a run that are card or ID numbers: from each group on, the longest run of
 * whole groups that is one (then on after it).
 */
function sensitiveSpans(text: string, run: Run): [number, number][] {
  const spans: [number, number][] = [];
  const { groups } = run;
  let i = 0;
  while (i < groups.length) {
    let found = -1;
    let length = 0;
    for (let j = i; j < groups.length; j++) {
      length += groups[j].digits.length;
      if (length > MAX_CARD) break;
      if (length >= MIN_CARD && isSensitive(text, groups, i, j)) found = j;
      if (groups[j].digits.length < MIN_INNER_GROUP) break;
    }
    if (found < 0) {
      i++;
      continue;
    }
    spans.push([groups[i].start, groups[found].end]);
    i = found + 1;
  }
  return spans;
}

/** Whether groups `from` to `to` (13 to 19 characters) are a card or an ID number. */
function isSensitive(text: string, groups: Group[], from: number, to: number): boolean {
  let digits = '';
  for (let g = from; g <= to; g++) digits += groups[g].digits;
  if (isCard(digits) || isWrittenAsCard(groups, from, to)) return true;
  return isResidentId(digits) && !isAlphanumeric(text, groups[to].end) && !(from === 0 && isAlphanumeric(text, groups[0].start - 1));
}

function isCard(digits: string): boolean {
  return digits.length >= MIN_CARD && digits.length <= MAX_CARD && !digits.endsWith('X') && passesLuhn(digits);
}

/** Groups of four written like a card's face (4-4-4-4 or 4-4-4-4-3): a card even when mistyped (Luhn fails). */
function isWrittenAsCard(groups: Group[], from: number, to: number): boolean {
  const count = to - from + 1;
  if (count !== 4 && count !== 5) return false;
  for (let g = from; g < to; g++) if (groups[g].digits.length !== 4) return false;
  const last = groups[to].digits;
  return !last.endsWith('X') && last.length === (count === 4 ? 4 : 3);
}

/** Replaces every digit (and X) but the last four with `*`, keeping separators. */
function maskKeepingLast4(value: string): string {
  let keep = 4;
  const chars = value.split('');
  for (let i = chars.length - 1; i >= 0; i--) {
    if (digitAt(value, i) === undefined && !CHECK_X.has(chars[i])) continue;
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
  if (value.length !== ID_LENGTH || !/^\d{17}[\dXx]$/.test(value)) return false;
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return false;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(value[i]), 0);
  return ID_CHECK[sum % 11] === value[17].toUpperCase();
}
