import type { Finding } from './finding';
import { shownCell, shownFigure, shownNumber, valuesToShow, withShownTexts } from './shown';
import type { WorkbookSnapshot } from './snapshot';

describe('shownNumber: a number as its cell shows it', () => {
  it.each([
    [0.9143, '0.00%', '91.43%'],
    [0.9362999999999999, '0.00%', '93.63%'],
    [0.93625, '0.00%', '93.63%'],
    [1, '0%', '100%'],
    [3, '0.00', '3.00'],
    [7, '0.00_ ', '7.00'],
    [70000, '#,##0.00', '70,000.00'],
    [-1234.5, '#,##0.00', '-1,234.50'],
    [-1234.5, '#,##0.00;(#,##0.00)', '(1,234.50)'],
    [-2, '#,##0.00;[Red]\\-#,##0.00', '-2.00'],
    [7, '0.00"万元"', '7.00万元'],
    [7.3278, '[$¥-804]#,##0.00', '¥7.33'],
    [0.5, '#.##', '.5'],
    [2.5, '0.0#', '2.5'],
    [2.567, '0.0#', '2.57'],
    [93.36, undefined, '93.36'],
    [0.9362999999999999, 'General', '0.9363'],
    [12345.678, '0', '12346'],
    [45000, 'yyyy"年"m"月"d"日"', '45000'],
    [0.000123, '0.00E+00', '0.000123'],
  ])('%p in %p shows %p', (value, format, text) => {
    expect(shownNumber(value, format)).toBe(text);
  });

  it('shows a computed figure with the decimals it needs, so it does not look equal to the figure it differs from', () => {
    expect(shownNumber(0.9143, '0.0%')).toBe('91.4%');
    expect(shownNumber(0.9143, '0.0%', { exact: true })).toBe('91.43%');
    expect(shownNumber(4, '0.00', { exact: true })).toBe('4.00');
  });
});

describe('shownCell and shownFigure', () => {
  it('read a cell as it shows, and a figure in the units of its cell', () => {
    expect(shownCell({ row: 0, col: 0, value: { type: 'number', value: 3 }, format: '0.00' })).toBe('3.00');
    expect(shownCell({ row: 0, col: 0, value: { type: 'text', value: '93.63%' } })).toBe('93.63%');
    const textPercent = { row: 0, col: 0, value: { type: 'text' as const, value: '91.42%' } };
    expect(shownFigure(91.43, textPercent, 'expected')).toBe('91.43%');
    const blank = { row: 0, col: 0, value: { type: 'empty' as const } };
    expect(shownFigure(93, blank, 'expected')).toBeUndefined();
    expect(shownFigure('优', blank, 'expected')).toBe('优');
    expect(shownFigure(null, blank, 'actual')).toBeUndefined();
  });
});

describe('withShownTexts', () => {
  const snapshot: WorkbookSnapshot = {
    sheets: [
      {
        name: '汇总',
        visibility: 'visible',
        merges: [],
        cells: [
          { row: 1, col: 3, value: { type: 'number', value: 0.9142 }, format: '0.00%' },
          { row: 2, col: 3, value: { type: 'empty' }, format: '0.00' },
        ],
      },
    ],
  };
  const base = { code: 'rate/rounding', severity: 'warning', sheet: '汇总', message: 'm' } as const;

  it('gives a finding on one cell the texts its cell would show, keeping a rule’s own', () => {
    const findings: Finding[] = [
      { ...base, cell: 'D2', expected: 0.9143, actual: 0.9142 },
      { ...base, cell: 'D3', expected: 4, actual: null },
      { ...base, cell: 'D2', expected: 0.9143, actual: 0.9142, expectedText: '91.43%（32 ÷ 35）' },
      { ...base, cell: 'D2:D9', expected: 1, count: 8 },
    ];
    expect(withShownTexts(findings, snapshot).map((f) => [f.expectedText, f.actualText])).toEqual([
      ['91.43%', '91.42%'],
      ['4.00', undefined],
      ['91.43%（32 ÷ 35）', '91.42%'],
      [undefined, undefined],
    ]);
  });
});

describe('valuesToShow: expected and actual only when they add something', () => {
  it('leaves out a figure the message states, in any of its forms, and an empty actual', () => {
    expect(valuesToShow({ message: '满意度未填写，可计算为 93%', expected: 93, actual: null })).toEqual({});
    expect(valuesToShow({ message: '满意度未填写，可计算为 93%', expected: 0.93, actual: null })).toEqual({});
    expect(
      valuesToShow({ message: '“预算执行率”（分值 4）未填得分，按评分标准应为 4', expected: 4, actual: null }),
    ).toEqual({});
    expect(valuesToShow({ message: '扣分（12/15）但未填写偏差原因分析', expected: '', actual: 12 })).toEqual({});
    expect(
      valuesToShow({ message: '得分率 91.42% 只在截断时与 32 ÷ 35 相符', expected: 0.9143, actual: 0.9142 }),
    ).toEqual({ expected: '0.9143' });
    expect(
      valuesToShow({
        message: '得分率 91.42% 只在截断时与 32 ÷ 35 相符',
        expected: 0.9143,
        actual: 0.9142,
        expectedText: '91.43%',
        actualText: '91.42%',
      }),
    ).toEqual({ expected: '91.43%' });
  });

  it('keeps a figure the message does not state, without binary noise', () => {
    expect(valuesToShow({ message: '得分与评分标准不符', expected: 0.9362999999999999, actual: 9 })).toEqual({
      expected: '0.9363',
      actual: '9',
    });
    expect(valuesToShow({ message: '等级与总分不符', expected: '优', actual: '良' })).toEqual({
      expected: '优',
      actual: '良',
    });
    // 4 is not 14: a figure is matched whole.
    expect(valuesToShow({ message: '分值 14', expected: 4 })).toEqual({ expected: '4' });
  });
});
