import { STRINGS, type Strings } from './strings';

type Value = Strings[keyof Strings];

/** A string value, a function called with sample arguments, or a record of strings, as text. */
function texts(value: Value): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') return [(value as (...args: unknown[]) => string)('X', 3)];
  return Object.values(value);
}

describe('UI strings', () => {
  it('have the same keys in both languages and no empty text', () => {
    const zh = STRINGS['zh-CN'];
    const en = STRINGS['en-US'];
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const key of Object.keys(zh) as Array<keyof Strings>) {
      for (const text of [...texts(zh[key]), ...texts(en[key])]) expect(text.trim().length).toBeGreaterThan(0);
    }
  });

  it('are Chinese in zh-CN and English in en-US', () => {
    const han = /[\u4e00-\u9fff]/;
    // Only the dash for no value and the pure arrangements of given words carry no words of their own.
    const keys = (Object.keys(STRINGS['zh-CN']) as Array<keyof Strings>).filter(
      (k) => !['noValue', 'sheetHeading', 'findingLine', 'previewChange'].includes(k),
    );
    for (const key of keys) expect([key, texts(STRINGS['zh-CN'][key]).every((t) => han.test(t))]).toEqual([key, true]);
    // English text may quote the workbook's Chinese sheet names (审核记录, 审核报告) but is English around them.
    for (const key of keys)
      expect([
        key,
        texts(STRINGS['en-US'][key]).every((t) => /[A-Za-z]{2}/.test(t.replace(/审核记录|审核报告/g, ''))),
      ]).toEqual([key, true]);
  });

  it('put numbers and workbook names into the sentences', () => {
    expect(STRINGS['zh-CN'].applied(5)).toBe('已写入 5 个单元格，修改已记入“审核记录”工作表。');
    expect(STRINGS['en-US'].applied(1)).toBe('1 cell written and recorded in the 审核记录 sheet.');
    expect(STRINGS['zh-CN'].expectedActual('4', '无')).toBe('应为 4，实为 无');
    expect(STRINGS['en-US'].scanProgress(2, 5)).toBe('Reading sheet 2 of 5');
    expect(STRINGS['zh-CN'].editRefused({ kind: 'not-a-number', text: 'abc' })).toBe(
      '“abc”不是数字：请输入数字，如 1,234.5 或 93.5%。',
    );
    expect(STRINGS['en-US'].editRefused({ kind: 'formula-input', text: '=A1' })).toBe(
      '“=A1” looks like a formula: only a number can be typed here, such as 1,234.5 or 93.5%.',
    );
    expect(STRINGS['zh-CN'].edited('评分表!G13', 7)).toBe(
      '已修改 评分表!G13，7 个公式随之重算；修改已记入“审核记录”工作表，可以撤销。',
    );
  });
});
