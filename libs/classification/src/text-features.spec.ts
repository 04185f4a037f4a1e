import { chineseTokens, englishTokens, extractFeatures, normaliseText, stemEnglish } from './text-features';
import { containsTerm } from './lexicon-match';

describe('text features', () => {
  it('segments Chinese with jieba and keeps domain terms whole', () => {
    const tokens = chineseTokens('信用卡被盗刷了,我要向金融监管总局投诉');
    expect(tokens).toEqual(expect.arrayContaining(['信用卡', '盗刷', '金融监管总局', '投诉']));
    expect(tokens).not.toContain('了');
  });

  it('turns full-width characters into half-width and lower case', () => {
    expect(normaliseText('ＡＰＰ上转账１２３')).toBe('app上转账123');
  });

  it('stems English words and drops stop words and CFPB redactions', () => {
    expect(englishTokens('The fees were charged to my XXXX account')).toEqual(['fee', 'charg', 'account']);
    expect(stemEnglish('inquiries')).toBe('inquiry');
    expect(stemEnglish('calling')).toBe('call');
  });

  it('emits words, character bigrams, English bigrams, lexicon hits and the language', () => {
    const zh = extractFeatures('征信报告有错误');
    expect(zh.language).toBe('zh');
    expect(zh.features).toEqual(expect.arrayContaining(['lang:zh', 'w:征信报告', 'c:征信', 'lex:product:CREDIT_REPORT', 't:征信']));
    const en = extractFeatures('Late fee on my credit card');
    expect(en.features).toEqual(expect.arrayContaining(['lang:en', 'e:late', 'e:late_fee', 'lex:product:CREDIT_CARD', 'lex:reason:FEES']));
    expect(en.lexicon.terms).toEqual(expect.arrayContaining(['credit card', 'late fee']));
  });

  it('matches English lexicon terms on word boundaries only', () => {
    expect(containsTerm('the coffee machine is broken', 'fee')).toBe(false);
    expect(containsTerm('two fees were charged', 'fee')).toBe(true);
    expect(containsTerm('app上转账', 'app')).toBe(true);
    expect(containsTerm('happy', 'app')).toBe(false);
  });
});
