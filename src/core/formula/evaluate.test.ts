import { sheetOf } from '../../../test/snapshot-builder';
import type { WorkbookSnapshot } from '../snapshot';
import { formatNumberText } from './number-format';
import { numberToText, textToNumber, Unknown } from './values';
import { WorkbookEvaluator } from './workbook-evaluator';

/** Excel's own rules, where LibreOffice (the corpus test's reference) differs or has no say. */
function workbook(): WorkbookSnapshot {
  return {
    sheets: [
      sheetOf('表', [
        ['优', 10, 2.5, '3', true],
        ['良', 20, null, 'x', false],
        ['中', 30, 5, { formula: 'B1+B2', value: 30 }, null],
        ['差', 40, { value: 0.9363, format: '0.00%' }, { error: '#N/A' }, 1],
      ]),
      sheetOf('Other Sheet', [[7, 8]]),
    ],
  };
}

const evaluate = (formula: string, at = { row: 9, col: 9 }, array = false) =>
  new WorkbookEvaluator(workbook()).evaluateText('表', at, formula, array);
const value = (formula: string) => {
  const result = evaluate(formula);
  return result.type === 'empty' ? null : result.type === 'unknown' ? `unknown:${result.reason}` : result.value;
};

describe('Excel semantics', () => {
  it.each<[string, unknown]>([
    // Logical values: skipped in references, counted as typed arguments, ranked above numbers and text.
    ['SUM(A1:C4)', 108.4363],
    ['SUM(A1:E4)', '#N/A'],
    ['SUM(D4,1)', '#N/A'],
    ['SUM(E1:E2)', 0],
    ['SUM(TRUE,"2",1)', 4],
    ['SUM(1E+308,1E+308)', '#NUM!'],
    ['1E+3081', '#NUM!'],
    ['AVERAGE(E1:E4)', 1],
    ['COUNT(A1:E4)', 9],
    ['COUNT(TRUE,"2","x")', 2],
    ['COUNTA(A1:E4)', 18],
    ['E1>100', true],
    ['"z"<E2', true],
    ['E1+1', 2],
    ['E1&"!"', 'TRUE!'],
    ['COUNTIF(E1:E3,TRUE)', 1],
    ['COUNTIF(E1:E4,TRUE)', 'unknown:ambiguous'], // LibreOffice's TRUE is the 1 in E4
    ['AND(E1:E2)', false],
    ['OR(E1:E2)', true],
    ['AND(A1:A4)', '#VALUE!'],
    // Blanks: 0 in arithmetic, "" in text, skipped by aggregates; a formula that reads a blank shows 0.
    ['C2', 0],
    ['C2&"|"', '|'],
    ['C2=0', true],
    ['C2=""', true],
    ['AVERAGE(C1:C3)', 3.75],
    ['ISBLANK(C2)', true],
    ['COUNTBLANK(A1:E4)', 2],
    // Text: numbers typed as text convert in arithmetic and VALUE, not in references.
    ['D1*2', 6],
    ['SUM(D1:D2)', 0],
    ['D2*2', '#VALUE!'],
    ['VALUE("95%")', 0.95],
    ['VALUE("1,234.5")', 1234.5],
    ['"A"="a"', true],
    // Errors pass through, IFERROR catches them.
    ['D4+1', '#N/A'],
    ['IFERROR(D4,"无")', '无'],
    ['IFNA(1/0,0)', '#DIV/0!'],
    ['ISNA(D4)', true],
    // Numbers as Excel keeps them.
    ['ROUND(93.625,2)', 93.63],
    ['ROUND(1.005,2)', 1.01],
    ['ROUND(-2.5,0)', -3],
    ['ROUNDDOWN(91.4285714,2)', 91.42],
    ['ROUNDUP(0.1+0.2,1)', 0.3],
    ['0.1+0.2=0.3', true],
    ['0.3-0.1-0.2', 0],
    ['-2^2', 4],
    ['50%', 0.5],
    ['1/3&""', '0.333333333333333'],
    // References: other sheets (case-insensitive names), ranges joined with INDEX, implicit intersection.
    ["'Other Sheet'!A1+'other sheet'!B1", 15],
    ['SUM(B1:INDEX(B1:B4,3))', 60],
    ['Missing!A1', '#REF!'],
    ["'[1]Sheet1'!A1", 'unknown:external'],
    // Lookups and grades.
    ['VLOOKUP("中",A1:B4,2,FALSE)', 30],
    ['VLOOKUP(25,B1:C4,2)', 0],
    ['MATCH("良",A1:A4,0)', 2],
    ['INDEX(A1:B4,4,2)', 40],
    ['IF(B4>=90,"优",IF(B4>=80,"良",IF(B4>=60,"中","差")))', '差'],
    ['TEXT(C4,"0.00%")', '93.63%'],
    ['TEXT(1234.5,"#,##0.00")', '1,234.50'],
    ['CHOOSE(2,"a","b")', 'b'],
    ['LEFT("评分表",2)&LEN("abc")', '评分3'],
    // What cannot be known.
    ['NOW()', 'unknown:volatile'],
    ['INDIRECT("A1")+1', 'unknown:volatile'],
    ['Named+1', 'unknown:name'],
    ['FORECAST(1,B1:B4,C1:C4)', 'unknown:unsupported-function'],
    ['IF(TRUE,1,NOW())', 1],
    ['"2024-01-01"+1', 'unknown:date-text'],
  ])('%s → %p', (formula, expected) => {
    expect(value(formula)).toEqual(expected);
  });

  it('intersects a range with the formula’s row in a plain formula, and takes it whole in an array formula', () => {
    expect(evaluate('B1:B4*2', { row: 2, col: 9 })).toEqual({ type: 'number', value: 60 });
    expect(evaluate('B1:B4*2', { row: 7, col: 9 })).toEqual({ type: 'error', value: '#VALUE!' });
    expect(evaluate('SUM(B1:B4*2)', { row: 7, col: 9 }, true)).toEqual({ type: 'number', value: 200 });
    expect(evaluate('AVERAGE(IF(B1:B4>15,B1:B4))', { row: 7, col: 9 }, true)).toEqual({ type: 'number', value: 30 });
    expect(evaluate('SUMPRODUCT((A1:A4="良")*B1:B4)')).toEqual({ type: 'number', value: 20 });
  });
});

describe('recalculation', () => {
  const book = (): WorkbookSnapshot => ({
    sheets: [
      sheetOf('评分', [
        ['指标', '分值', '得分', '得分率'],
        ['甲', 40, 30, { formula: 'C2/B2', value: 0.75 }],
        ['乙', 60, null, { formula: 'IFERROR(C3/B3,"")', value: '' }],
        [
          '合计',
          { formula: 'SUM(B2:B3)', value: 100 },
          { formula: 'SUM(C2:C3)', value: 30 },
          { formula: 'C4/B4', value: 0.3 },
        ],
        ['等级', { formula: 'IF(C4>=90,"优",IF(C4>=60,"中","差"))', value: '差' }, null, null],
      ]),
      sheetOf('汇总', [
        [
          { formula: '评分!C4*1', value: 30 },
          { formula: 'A1+NOW()*0', value: 30 },
        ],
      ]),
    ],
  });

  it('recomputes every formula that depends on a changed cell, directly or through others, in order', () => {
    const results = new WorkbookEvaluator(book()).recalculate([
      { sheet: '评分', row: 2, col: 2, value: { type: 'number', value: 54 } },
    ]);
    const shown = Object.fromEntries(
      results.map((r) => [
        `${r.sheet}!${r.row}:${r.col}`,
        r.value.type === 'unknown' ? r.value.reason : r.value.type === 'empty' ? null : r.value.value,
      ]),
    );
    expect(shown).toEqual({
      '评分!2:3': 0.9,
      '评分!3:2': 84,
      '评分!3:3': 0.84,
      '评分!4:1': '中',
      '汇总!0:0': 84,
      '汇总!0:1': 'volatile',
    });
  });

  it('computes new formulas that read one another, and their readers', () => {
    const results = new WorkbookEvaluator(book()).recalculate([
      { sheet: '评分', row: 2, col: 2, formula: 'B3*0.9' },
      { sheet: '评分', row: 5, col: 2, formula: 'C3+C4' },
    ]);
    const value = (row: number, col: number) => results.find((r) => r.row === row && r.col === col)?.value;
    expect(value(2, 2)).toEqual({ type: 'number', value: 54 });
    expect(value(5, 2)).toEqual({ type: 'number', value: 138 });
    expect(value(3, 2)).toEqual({ type: 'number', value: 84 });
    expect(results.find((r) => r.row === 2 && r.col === 2)?.changed).toBe(true);
  });

  it('calls a cycle unknown and stops', () => {
    const results = new WorkbookEvaluator({
      sheets: [sheetOf('S', [[1, { formula: 'A1+C1', value: 1 }, { formula: 'B1+1', value: 2 }]])],
    }).recalculate([{ sheet: 'S', row: 0, col: 0, value: { type: 'number', value: 5 } }]);
    expect(results.map((r) => r.value)).toEqual([
      { type: 'unknown', reason: 'cycle' },
      { type: 'unknown', reason: 'cycle' },
    ]);
  });

  it('follows a chain of 50,000 formulas without running out of stack', () => {
    const rows = [[1], ...Array.from({ length: 50_000 }, (_, i) => [{ formula: `A${i + 1}+1`, value: i + 2 }])];
    const results = new WorkbookEvaluator({ sheets: [sheetOf('S', rows)] }).recalculate([
      { sheet: 'S', row: 0, col: 0, value: { type: 'number', value: 10 } },
    ]);
    expect(results).toHaveLength(50_000);
    expect(results.find((r) => r.row === 50_000)?.value).toEqual({ type: 'number', value: 50_010 });
  });

  it('reads the stored results of other formulas for a formula’s own result', () => {
    const evaluator = new WorkbookEvaluator(book());
    const cell = book().sheets[0]?.cells.find((c) => c.row === 3 && c.col === 3);
    expect(cell && evaluator.storedResult('评分', cell)).toEqual({ type: 'number', value: 0.3 });
  });
});

describe('values and formats', () => {
  it('reads numbers typed as text as Excel does', () => {
    expect(textToNumber(' 1,234.50 ')).toBe(1234.5);
    expect(textToNumber('95%')).toBe(0.95);
    expect(textToNumber('-1e3')).toBe(-1000);
    expect(textToNumber('12,34')).toBeUndefined();
    expect(textToNumber('abc')).toBeUndefined();
    expect(textToNumber('2024/1/1')).toBeInstanceOf(Unknown);
  });

  it('writes numbers as Excel writes them into text', () => {
    expect([0.1 + 0.2, 1 / 3, 1e15, 1e-7, -2.5, 100].map(numberToText)).toEqual([
      '0.3',
      '0.333333333333333',
      '1E+15',
      '1E-07',
      '-2.5',
      '100',
    ]);
  });

  it('formats numbers with the codes scoring workbooks use', () => {
    expect(formatNumberText(0.93625, '0.00%')).toBe('93.63%');
    expect(formatNumberText(-1234.5, '#,##0.00')).toBe('-1,234.50');
    expect(formatNumberText(9.4, '0.0"分"')).toBe('9.4分');
    expect(formatNumberText(0.5, '#.00')).toBe('.50');
    expect(formatNumberText(-3, '0;(0)')).toBe('(3)');
    expect(formatNumberText(0, '0;-0;"零"')).toBe('零');
    expect(formatNumberText(12345, '#,##0,')).toBe('12');
    expect(formatNumberText('文字', '0.00;;;"【"@"】"')).toBe('【文字】');
    expect(formatNumberText(45000, 'yyyy-mm-dd')).toBeInstanceOf(Unknown);
    expect(formatNumberText(1, '[>0]0')).toBeInstanceOf(Unknown);
  });
});

describe('array formulas the snapshot cannot mark', () => {
  it('calls a result that cut a range to its row unknown when the reader does not say which formulas are arrays', () => {
    const sheets = [sheetOf('S', [[1, 2, { formula: 'SUM(A1:B1*2)', value: 6 }]])];
    const cell = sheets[0]?.cells[2];
    if (!cell) throw new Error('no cell');
    // From .xlsx the array flag is read: a plain formula intersects (here #VALUE!).
    expect(
      new WorkbookEvaluator({ sheets, source: { name: 'a.xlsx', format: 'xlsx' } }).storedResult('S', cell),
    ).toEqual({
      type: 'error',
      value: '#VALUE!',
    });
    // From .xls (and the add-in) it may have been entered as an array formula: unknown, never a stale finding.
    expect(new WorkbookEvaluator({ sheets, source: { name: 'a.xls', format: 'xls' } }).storedResult('S', cell)).toEqual(
      {
        type: 'unknown',
        reason: 'array',
        detail: 'array entry not known',
      },
    );
  });
});
