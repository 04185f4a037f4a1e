import { parseKeyedSetting } from './keyed-setting';

describe('parseKeyedSetting', () => {
  it('groups values by id, keeping order, for rotation', () => {
    expect(parseKeyedSetting('cc-a:one, cc-b:two,cc-a:three')).toEqual(
      new Map([
        ['cc-a', ['one', 'three']],
        ['cc-b', ['two']],
      ]),
    );
  });

  it('keeps colons in values (URLs)', () => {
    expect(parseKeyedSetting('cc-a:http://127.0.0.1:8080/cb').get('cc-a')).toEqual(['http://127.0.0.1:8080/cb']);
  });

  it('reads an empty setting as nothing', () => {
    expect(parseKeyedSetting('').size).toBe(0);
  });

  it.each(['no-colon', ':secret', 'cc-a:'])('refuses %p without echoing the value', (setting) => {
    expect(() => parseKeyedSetting(setting)).toThrow(/not an <id>:<value> pair/);
  });
});
