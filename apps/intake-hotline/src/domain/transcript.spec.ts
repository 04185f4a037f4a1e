import { customerWords, parseTranscriptText } from './transcript';

describe('parseTranscriptText', () => {
  it('reads Chinese labels with full-width colons and offsets', () => {
    const parsed = parseTranscriptText(
      '[00:00:05] 坐席：您好，这里是客服中心\n[00:00:09] 客户：我的信用卡被盗刷了\n[00:01:23] 客户: 请帮我冻结',
    );
    expect(parsed).toEqual({
      ok: true,
      turns: [
        { speaker: 'agent', text: '您好，这里是客服中心', offsetMs: 5_000 },
        { speaker: 'customer', text: '我的信用卡被盗刷了', offsetMs: 9_000 },
        { speaker: 'customer', text: '请帮我冻结', offsetMs: 83_000 },
      ],
    });
  });

  it('reads English labels in any case, with minute offsets and without offsets', () => {
    const parsed = parseTranscriptText('Agent: How can I help?\n[01:02.5] customer: I was charged twice.\nCUSTOMER: Please refund it.');
    expect(parsed).toEqual({
      ok: true,
      turns: [
        { speaker: 'agent', text: 'How can I help?' },
        { speaker: 'customer', text: 'I was charged twice.', offsetMs: 62_500 },
        { speaker: 'customer', text: 'Please refund it.' },
      ],
    });
  });

  it('joins unlabelled lines to the turn before them and skips blank lines', () => {
    const parsed = parseTranscriptText('客户：第一句\n接着说第二句\n\n坐席：好的');
    expect(parsed).toEqual({
      ok: true,
      turns: [
        { speaker: 'customer', text: '第一句\n接着说第二句' },
        { speaker: 'agent', text: '好的' },
      ],
    });
  });

  it('refuses text before the first speaker label', () => {
    expect(parseTranscriptText('hello\nCustomer: hi')).toEqual({
      ok: false,
      error: expect.stringContaining('line 1 has no speaker label'),
    });
  });

  it('refuses a transcript without any words', () => {
    expect(parseTranscriptText('\n  \n客户：')).toEqual({ ok: false, error: 'has no turns' });
  });

  it('gives the customer words only', () => {
    const parsed = parseTranscriptText('坐席：请讲\n客户：卡被吞了\n坐席：稍等\n客户：在ATM上');
    expect(parsed.ok && customerWords(parsed.turns)).toBe('卡被吞了\n在ATM上');
  });
});
