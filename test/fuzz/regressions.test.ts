import { checkWorkbook } from '../../src/core/check';
import { sheetOf, workbookOf } from '../snapshot-builder';
import { checkProblems } from './properties';

/** Counterexamples the fuzzing found, shrunk, kept so the fixes stay fixed. */

it('a survey whose response count is tiny (5e-324) derives a huge rate, not an infinite one', () => {
  // Shrunk from check.test.ts: the share -8.9e-20 / 5e-324 is -1.8e304, and rounding it to the cell's decimals scaled it
  // past the largest double: -Infinity became a derived/missing `expected` that FindingSchema refuses (JSON prints null).
  const workbook = workbookOf(
    sheetOf('评分表', [
      ['满意度', '一般', '知晓率', '合计', '比较满意'],
      ['一级指标', null, null, 5e-324, -8.881784197001248e-20],
    ]),
  );
  expect(checkProblems(workbook, 'zh-CN')).toEqual([]);
  const { analysis } = checkWorkbook(workbook);
  expect(analysis.rates.every((r) => Number.isFinite(r.rate.exact))).toBe(true);
});

it('a rate whose quotient overflows (1e308 / 1e-10) is not derived at all', () => {
  const workbook = workbookOf(
    sheetOf('结论表', [
      ['实际到位资金', 1e-10],
      ['实际支出资金', 1e308],
      ['预算执行率', null],
    ]),
  );
  expect(checkProblems(workbook, 'zh-CN')).toEqual([]);
  expect(checkWorkbook(workbook).analysis.rates).toEqual([]);
});

it('a funds row whose executed amount is -1e308 expects no score (rate × weight overflowed to -Infinity)', () => {
  // Shrunk from check.test.ts (10,000 runs): 全年执行数 -1e308 over 全年预算数 1, times the weight 2, gave score/rule an
  // `expected` of -Infinity, which FindingSchema refuses.
  const workbook = workbookOf(
    sheetOf('', [
      [
        '实际完成值',
        '偏差原因分析',
        '执行率',
        '全年预算数',
        '项目',
        '得分',
        '分值',
        '全年执行数',
        '年初预算数',
        '年度指标值',
      ],
      ['一级指标', null, { error: '#NULL!' }, 1, 0, '0', 2, -1e308],
    ]),
  );
  expect(checkProblems(workbook, 'zh-CN')).toEqual([]);
  expect(
    checkWorkbook(workbook).analysis.expectations.every((e) => e.expected === undefined || Number.isFinite(e.expected)),
  ).toBe(true);
});

it('a survey rate of 1e308 is not compared in percent units (× 100 overflowed to Infinity)', () => {
  // Shrunk from check.test.ts (10,000 runs): 非常满意 1e308 over 合计 1 gave rate/wrong an `expected` of Infinity.
  const workbook = workbookOf(
    sheetOf('评分表', [
      ['知晓率', '比较满意', '一般', '不满意', '非常满意', '满意度', '合计'],
      ['一级指标', null, 0, '0', 1e308, 2, 1],
    ]),
  );
  expect(checkProblems(workbook, 'zh-CN')).toEqual([]);
});

it('a grade label under a merge that spans the whole sheet leaves its blank value no place past XFD', () => {
  // Shrunk from check.test.ts (10,000 runs): A1:XFD1048576 merged over 评价等级 put the grade's slot at XFE2, outside the grid.
  const workbook = workbookOf(
    sheetOf(
      '评分表',
      [
        [null],
        ['评价等级'],
        [null],
        [null],
        [null],
        [null],
        [null],
        [null],
        [null],
        [null, '偏差原因分析', '执行率'],
        [null, '一级指标'],
        [null, '一级指标'],
        [null, '一级指标', '评价得分', 0],
      ],
      ['D13', 'A1:XFD1048576', 'B5:C13'],
    ),
  );
  expect(checkProblems(workbook, 'zh-CN')).toEqual([]);
});

it('a rate stated twice, once as 1e308 (percent units), compares no overflowing figure', () => {
  // Shrunk from check.test.ts (10,000 runs, facts): 预算执行率 1e308 is read in percent units, so the other copy's
  // fraction scaled to it gave cross/mismatch an `expected` of Infinity, which FindingSchema refuses.
  const workbook = workbookOf(sheetOf('评分表', [[], ['总分', '预算执行率', 1e308], ['总分', '预算执行率', '0％']]));
  expect(checkProblems(workbook, 'zh-CN')).toEqual([]);
});

it('a total over items of 1e308 each is not compared (the sum overflows)', () => {
  const workbook = workbookOf(
    sheetOf('资金', [
      ['资金来源', '金额（万元）'],
      ['中央', 1e308],
      ['省级', 1e308],
      ['合计', 5],
    ]),
  );
  expect(checkProblems(workbook, 'zh-CN')).toEqual([]);
});

it('a SUM over two cells of 1e308 overflows to #NUM!, not to a stale result of Infinity', () => {
  // Shrunk from check.test.ts (10,000 runs): formula/stale compared the stored text with a recomputed Infinity and gave
  // an `expected` that FindingSchema refuses.
  const workbook = workbookOf(
    sheetOf('评分表', [
      [{ value: '一级指标（0分）', formula: 'SUM(C1:A3)' }, '满意'],
      ['问题', '非常满意', 1e308],
      ['一级指标', null, 1e308],
    ]),
  );
  expect(checkProblems(workbook, 'zh-CN')).toEqual([]);
  expect(checkWorkbook(workbook).findings.find((f) => f.code === 'formula/stale')).toMatchObject({
    cell: 'A1',
    expectedText: '#NUM!',
  });
});

it('a formula whose number literal is past what a double holds (1E+3081) computes #NUM!, not Infinity', () => {
  const workbook = workbookOf(sheetOf('', [[], ['总分', null, { error: '#NULL!', formula: '1E+3081' }]]));
  expect(checkProblems(workbook, 'zh-CN')).toEqual([]);
});
