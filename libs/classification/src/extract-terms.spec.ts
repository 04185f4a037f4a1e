import { extractTerms } from './extract-terms';

describe('extractTerms', () => {
  it('keeps Chinese words and catches a name jieba splits as a phrase of adjacent words', () => {
    const terms = extractTerms('鑫盛理财的业务员推销高收益产品，现在血本无归');
    expect(terms).toEqual(expect.arrayContaining(['鑫盛理财', '业务员', '推销', '血本无归', '理财']));
    expect(terms).not.toContain('的');
  });

  it('never starts or ends a phrase with a function word, nor joins across punctuation', () => {
    const terms = extractTerms('我在某某理财购买了产品，客服推脱');
    expect(terms).toEqual(expect.arrayContaining(['某某理财', '某某', '客服推脱']));
    for (const term of terms) {
      expect(term).not.toMatch(/^(我|在|了)|(我|在|了)$/);
      expect(term).not.toContain('，');
    }
    expect(terms).not.toContain('产品客服');
  });

  it('keeps phrases short enough to be a name', () => {
    for (const term of extractTerms('个人住房抵押贷款提前还款违约金计算方式不透明')) expect(term.length).toBeLessThanOrEqual(8);
  });

  it('takes English words without stop words, and adjacent pairs for names', () => {
    const terms = extractTerms('I was charged an overdraft fee by Acme Pay twice');
    expect(terms).toEqual(expect.arrayContaining(['overdraft', 'acme', 'pay', 'acme pay', 'twice']));
    expect(terms).not.toContain('was');
    expect(terms).not.toContain('by');
  });

  it('gives each term once, normalised', () => {
    const terms = extractTerms('ＡＣＭＥ Pay, acme pay; 某某理财 某某理财');
    expect(terms.filter((t) => t === 'acme pay')).toHaveLength(1);
    expect(terms.filter((t) => t === '某某理财')).toHaveLength(1);
  });
});
