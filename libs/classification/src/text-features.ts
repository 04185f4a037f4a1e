import { segmentChinese } from './jieba-segmenter';
import { detectLanguage } from './detect-language';
import { matchLexicons, LexiconMatch } from './lexicon-match';

export interface TextFeatures {
  language: 'zh' | 'en' | 'other';
  /** Distinct feature names (tokens, n-grams, lexicon hits); binary, so order does not matter. */
  features: string[];
  lexicon: LexiconMatch;
}

const HAN = /[\u3400-\u9fff]/;
const HAN_RUN = /[\u3400-\u9fff]+/g;
const LATIN_WORD = /[a-z]+(?:'[a-z]+)?/g;

/** Words that carry no routing signal (plus CFPB's XXXX redactions). */
const EN_STOP_WORDS = new Set(
  (
    'a an the and or but if of to in on at by for with from as is are was were be been being am i me my we our you your he she ' +
    'him her his it its they them their this that these those there here then than so such not no do does did done have has had ' +
    'will would can could should may might must shall just also very too about into over after before again what which who whom ' +
    'when where why how all any some more most other own same only both each few up down out off under further once xx xxxx'
  ).split(' '),
);

/** Chinese function words, never a feature or a term on their own. */
export const ZH_STOP_WORDS = new Set([
  '的',
  '了',
  '是',
  '我',
  '你',
  '他',
  '她',
  '在',
  '和',
  '就',
  '都',
  '也',
  '还',
  '又',
  '吗',
  '吧',
  '啊',
  '呢',
  '着',
  '把',
  '被',
  '这',
  '那',
  '有',
]);

/** NFKC (full-width to half-width), lower case, CFPB's redactions removed. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\bx{2,}\b/g, ' ');
}

/** jieba words of the Chinese runs, for tests and explanation. */
export function chineseTokens(text: string): string[] {
  return segmentChinese(normaliseText(text)).filter((token) => HAN.test(token) && !ZH_STOP_WORDS.has(token));
}

/** Light English stemming: enough to join fee/fees, charged/charge, calling/call. */
export function stemEnglish(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ing') && word.length > 6) return word.slice(0, -3);
  if (word.endsWith('ed') && word.length > 5) return word.slice(0, -2);
  if (word.endsWith('es') && /(ss|sh|ch|x)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}

export function englishTokens(text: string): string[] {
  return (normaliseText(text).match(LATIN_WORD) ?? []).filter((w) => !EN_STOP_WORDS.has(w) && w.length > 1).map(stemEnglish);
}

/**
 * The features the model sees: jieba words and character bigrams of the Chinese, stemmed English
 * words and word bigrams, one feature per lexicon label matched (`lex:<axis>:<label>`) and per
 * matched term, and the language.
 */
export function extractFeatures(text: string): TextFeatures {
  const normalised = normaliseText(text);
  const language = detectLanguage(normalised);
  const features = new Set<string>([`lang:${language}`]);

  if (HAN.test(normalised)) {
    for (const token of chineseTokens(normalised)) features.add(`w:${token}`);
    for (const run of normalised.match(HAN_RUN) ?? []) {
      for (let i = 0; i + 1 < run.length; i++) features.add(`c:${run.slice(i, i + 2)}`);
    }
  }
  const words = englishTokens(normalised);
  words.forEach((word, i) => {
    features.add(`e:${word}`);
    if (i + 1 < words.length) features.add(`e:${word}_${words[i + 1]}`);
  });

  const lexicon = matchLexicons(normalised);
  for (const hit of lexicon.hits) {
    features.add(`lex:${hit.axis}:${hit.label}`);
    for (const term of hit.terms) features.add(`t:${term}`);
  }
  return { language, features: [...features], lexicon };
}
