import { ESCALATION_TERMS, Lexicon, PRODUCT_LEXICON, REASON_LEXICON, SERVICE_POINT_LEXICON, VULNERABLE_TERMS } from './lexicon';

export type LexiconAxis = 'product' | 'reason' | 'servicePoint' | 'escalation' | 'vulnerable';

export interface LexiconHit {
  axis: LexiconAxis;
  label: string;
  terms: string[];
}

export interface LexiconMatch {
  hits: LexiconHit[];
  /** Every matched term, in lexicon order, without repeats. */
  terms: string[];
}

const LEXICONS: [LexiconAxis, Lexicon<string>][] = [
  ['product', PRODUCT_LEXICON],
  ['reason', REASON_LEXICON],
  ['servicePoint', SERVICE_POINT_LEXICON],
  ['escalation', { ESCALATION: ESCALATION_TERMS }],
  ['vulnerable', { VULNERABLE: VULNERABLE_TERMS }],
];

interface CompiledLabel {
  axis: LexiconAxis;
  label: string;
  /** Terms with Latin letters (matched on word boundaries) and the rest (Chinese, digits: substrings). */
  latin: string[];
  other: string[];
}

const hasLatin = (term: string) => /[a-z]/.test(term);

const COMPILED: CompiledLabel[] = LEXICONS.flatMap(([axis, lexicon]) =>
  Object.entries(lexicon).map(([label, terms]) => ({
    axis,
    label,
    latin: (terms ?? []).filter(hasLatin),
    other: (terms ?? []).filter((term) => !hasLatin(term)),
  })),
);

/** The lexicon terms found in already normalised (NFKC, lower-case) text. */
export function matchLexicons(normalised: string): LexiconMatch {
  // Skip the half of the lexicon that cannot match: English text has no Chinese terms and vice versa.
  const latinText = hasLatin(normalised);
  // Anything outside ASCII: the range has to start at NUL.
  // eslint-disable-next-line no-control-regex
  const otherText = /[^\x00-\x7f]|\d/.test(normalised);
  const hits: LexiconHit[] = [];
  for (const { axis, label, latin, other } of COMPILED) {
    const found = [
      ...(otherText ? other.filter((term) => normalised.includes(term)) : []),
      ...(latinText ? latin.filter((term) => containsTerm(normalised, term)) : []),
    ];
    if (found.length) hits.push({ axis, label, terms: found });
  }
  return { hits, terms: [...new Set(hits.flatMap((hit) => hit.terms))] };
}

/** Chinese terms and digits match anywhere; Latin terms only at word boundaries (so "fee" is not in "coffee"). */
export function containsTerm(text: string, term: string): boolean {
  if (!/[a-z]/.test(term)) return text.includes(term);
  for (let from = 0; ;) {
    const at = text.indexOf(term, from);
    if (at < 0) return false;
    const before = text[at - 1];
    const end = at + term.length;
    const after = text[end];
    if (!isLatinWordChar(before) && (!isLatinWordChar(after) || (after === 's' && !isLatinWordChar(text[end + 1])))) return true;
    from = at + 1;
  }
}

function isLatinWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[a-z0-9]/.test(ch);
}
