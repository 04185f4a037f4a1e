import { jrt0169Rows } from './jrt0169-table';

describe('jrt0169Rows', () => {
  it('lists the cells with complaints in taxonomy order, labelled in Chinese and English', () => {
    const rows = jrt0169Rows([
      { channel: 'hotline', product: 'DEPOSIT', reason: 'PROCESS', count: 5 },
      { channel: 'web', product: 'LOAN', reason: 'FEES', count: 1 },
      { channel: 'web', product: 'CREDIT_CARD', reason: 'FEES', count: 6 },
      { channel: 'web', product: 'CREDIT_CARD', reason: 'MARKETING', count: 0 },
      { channel: 'web', product: 'UNKNOWN', reason: 'UNKNOWN', count: 2 },
    ]);
    expect(rows.map((r) => [r.channel, r.product, r.reason, r.count])).toEqual([
      ['web', 'CREDIT_CARD', 'FEES', 6],
      ['web', 'LOAN', 'FEES', 1],
      ['web', 'UNKNOWN', 'UNKNOWN', 2],
      ['hotline', 'DEPOSIT', 'PROCESS', 5],
    ]);
    expect(rows[0]).toMatchObject({ productLabel: '信用卡 Credit cards', reasonLabel: '定价收费 Pricing and fees' });
    expect(rows[2]).toMatchObject({ productLabel: 'UNKNOWN', reasonLabel: 'UNKNOWN' });
  });
});
