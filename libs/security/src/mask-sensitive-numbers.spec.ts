import { isResidentId, maskSensitiveNumbers, passesLuhn } from './mask-sensitive-numbers';

describe('maskSensitiveNumbers', () => {
  it('masks a card number, keeping the last four digits', () => {
    expect(maskSensitiveNumbers('卡号6222020200112233446被盗刷')).toBe('卡号***************3446被盗刷');
  });

  it('masks grouped card numbers and keeps the separators', () => {
    expect(maskSensitiveNumbers('card 4111 1111 1111 1111 was charged')).toBe('card **** **** **** 1111 was charged');
    expect(maskSensitiveNumbers('4111-1111-1111-1111')).toBe('****-****-****-1111');
  });

  it('leaves digit runs that are not card numbers alone (Luhn fails, or too short)', () => {
    expect(maskSensitiveNumbers('order 1234567890123 on 2026-11-29, amount 3000')).toBe('order 1234567890123 on 2026-11-29, amount 3000');
  });

  it('masks resident ID numbers, including an X check character', () => {
    expect(maskSensitiveNumbers('身份证11010519491231002X,请核实')).toBe('身份证**************002X,请核实');
    expect(maskSensitiveNumbers('ID 110105194912310021')).toBe('ID 110105194912310021');
  });

  it('validates with Luhn and GB 11643', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
    expect(isResidentId('11010519491231002X')).toBe(true);
    expect(isResidentId('11010519491331002X')).toBe(false);
  });
});
