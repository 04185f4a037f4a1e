import { parseSurveyReply } from './survey-reply';

describe('parseSurveyReply', () => {
  it.each([
    ['5', 5], [' 1 ', 1], ['３', 3], ['满意', 5], ['满意！', 5], ['非常满意', 5], ['基本满意', 4], ['一般', 3], ['不满意', 2], ['非常不满意', 1],
    ['Satisfied', 5], ['not satisfied.', 2], ['Very dissatisfied', 1],
  ])('reads %p as %p', (reply, score) => {
    expect(parseSurveyReply(reply)).toBe(score);
  });

  it.each(['6', '0', '10', '我对处理结果不满意，还要投诉', '你好', '', '满意满意'])('does not take %p for a survey answer', (reply) => {
    expect(parseSurveyReply(reply)).toBeNull();
  });
});
