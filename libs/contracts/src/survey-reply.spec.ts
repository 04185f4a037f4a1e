import { parseSurveyReply } from './survey-reply';

describe('parseSurveyReply', () => {
  it.each([
    ['5', 5],
    [' 1 ', 1],
    ['３', 3],
    ['满意', 5],
    ['满意！', 5],
    ['非常满意', 5],
    ['基本满意', 4],
    ['一般', 3],
    ['不满意', 2],
    ['非常不满意', 1],
    ['Satisfied', 5],
    ['not satisfied.', 2],
    ['Very dissatisfied', 1],
  ])('reads %p as %p', (reply, score) => {
    expect(parseSurveyReply(reply)).toBe(score);
  });

  it.each(['6', '0', '10', '我对处理结果不满意，还要投诉', '你好', '', '满意满意'])('does not take %p for a survey answer', (reply) => {
    expect(parseSurveyReply(reply)).toBeNull();
  });
});

describe('parseSurveyReply on hostile text', () => {
  it('strips trailing marks in linear time (a WeChat message of 20,000 spaces and a letter)', () => {
    expect(parseSurveyReply('满意 ～ 。!!')).toBe(5);
    const started = performance.now();
    expect(parseSurveyReply(`${' '.repeat(20_000)}x`)).toBeNull();
    expect(parseSurveyReply(`${'。'.repeat(200_000)}`)).toBeNull();
    expect(performance.now() - started).toBeLessThan(100);
  });
});
