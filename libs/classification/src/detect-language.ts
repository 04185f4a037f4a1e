/** zh when Chinese characters make up a fair share of the letters, en when Latin letters dominate. */
export function detectLanguage(text: string): 'zh' | 'en' | 'other' {
  const han = text.match(/[\u3400-\u9fff]/g)?.length ?? 0;
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  if (han === 0 && latin === 0) return 'other';
  // One Chinese character carries about as much as a short English word.
  return han * 4 >= latin ? 'zh' : 'en';
}
