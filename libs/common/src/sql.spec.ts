import { containsPattern, orderOf, sqlList, sqlValue } from './sql';

describe('SQL fragments', () => {
  it('matches text literally inside LIKE patterns', () => {
    expect(containsPattern('100%_done\\')).toBe('%100\\%\\_done\\\\%');
    expect(containsPattern('жагсаалт')).toBe('%жагсаалт%');
  });

  it('orders by a list of values, quoting them', () => {
    expect(orderOf(['high', "o'clock"], 'r.priority')).toBe("array_position(ARRAY['high','o''clock']::varchar[], r.priority)");
  });

  it('writes known codes as SQL literals, quoting them', () => {
    expect(sqlValue('draft')).toBe("'draft'");
    expect(sqlValue("o'clock")).toBe("'o''clock'");
    expect(sqlList(['suggested', "o'clock"])).toBe("('suggested','o''clock')");
  });
});
