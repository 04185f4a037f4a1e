/**
 * Reads a customer's answer to the satisfaction survey sent on resolution: a digit 1-5, or words
 * such as 满意 / 不满意 (satisfied / not satisfied). Null when the text is not such an answer (then it
 * is a message, perhaps a new complaint). Words map onto the 1-5 scale: 非常满意 and 满意 5,
 * 基本满意 4, 一般 3, 不满意 2, 非常不满意 1.
 */
export function parseSurveyReply(reply: string): number | null {
  const text = withoutTrailingMarks(reply.trim()).toLowerCase();
  if (/^[1-5]$/.test(text)) return Number(text);
  if (/^[１-５]$/.test(text)) return text.charCodeAt(0) - 0xff10;
  return SURVEY_WORDS[text] ?? null;
}

const TRAILING_MARKS = new Set(['。', '.', '!', '！', '~', '～']);

/** The text without its trailing punctuation and spaces, in linear time (a `[…\s]+$` pattern backtracks over long runs). */
function withoutTrailingMarks(text: string): string {
  let end = text.length;
  while (end > 0 && (TRAILING_MARKS.has(text[end - 1]) || /\s/.test(text[end - 1]))) end--;
  return text.slice(0, end);
}

const SURVEY_WORDS: Record<string, number> = {
  非常满意: 5,
  很满意: 5,
  满意: 5,
  基本满意: 4,
  比较满意: 4,
  还行: 3,
  一般: 3,
  不满意: 2,
  不太满意: 2,
  非常不满意: 1,
  很不满意: 1,
  'very satisfied': 5,
  satisfied: 5,
  'fairly satisfied': 4,
  neutral: 3,
  'not satisfied': 2,
  unsatisfied: 2,
  dissatisfied: 2,
  'very dissatisfied': 1,
};
