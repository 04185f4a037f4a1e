import { segmentChinese } from './jieba-segmenter';
import { englishTokens, normaliseText, ZH_STOP_WORDS } from './text-features';

const HAN_RUN = /[\u3400-\u9fff]+/g;
/** Longest Chinese phrase kept (characters): long enough for a merchant or product name. */
const MAX_PHRASE_CHARS = 8;
/** Phrases join up to this many adjacent jieba words. */
const MAX_PHRASE_WORDS = 3;

/**
 * The distinct terms of a complaint, for spotting words and names that suddenly appear in many
 * complaints (hot spots):
 *
 * - Chinese: jieba words of two or more characters that are not function words, plus phrases of 2-3
 *   adjacent words within a run of Chinese (no punctuation in between, not starting or ending with a
 *   function word, at most 8 characters). jieba splits a name it does not know (鑫|盛|理财), so the
 *   phrases are what catch it whole (鑫盛理财);
 * - English: stemmed words of three or more letters without stop words, plus adjacent pairs ("acme pay").
 *
 * Lower case, NFKC-normalised.
 */
export function extractTerms(text: string): string[] {
  const normalised = normaliseText(text);
  const terms = new Set<string>();
  for (const run of normalised.match(HAN_RUN) ?? []) addChineseTerms(segmentChinese(run), terms);
  const words = englishTokens(normalised);
  words.forEach((word, i) => {
    if (word.length >= 3) terms.add(word);
    if (i + 1 < words.length) terms.add(`${word} ${words[i + 1]}`);
  });
  return [...terms];
}

function addChineseTerms(words: string[], terms: Set<string>): void {
  words.forEach((word, i) => {
    if (word.length >= 2 && !ZH_STOP_WORDS.has(word)) terms.add(word);
    if (ZH_STOP_WORDS.has(word)) return;
    for (let n = 2; n <= MAX_PHRASE_WORDS && i + n <= words.length; n++) {
      const last = words[i + n - 1];
      const phrase = words.slice(i, i + n).join('');
      if (phrase.length > MAX_PHRASE_CHARS) break;
      if (!ZH_STOP_WORDS.has(last)) terms.add(phrase);
    }
  });
}
