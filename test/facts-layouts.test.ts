import { checkWorkbook } from '../src/core/check';
import type { Finding } from '../src/core/finding';
import { parseLabel } from '../src/core/facts/label';
import { sheetOf, workbookOf, type GridValue } from './snapshot-builder';

/** The findings of a full check, as `code sheet!cell` plus the fields asked for. */
function check(...sheets: Parameters<typeof sheetOf>[]): Finding[] {
  return checkWorkbook(workbookOf(...sheets.map((s) => sheetOf(...s)))).findings;
}
const at = (f: Finding) => `${f.code} ${f.sheet}!${f.cell}`;
describe('labels', () => {
  it('reads hints, symbols, units, periods and 其中 without evaluating anything', () => {
    expect(parseLabel('预算执行率（C/B）')).toMatchObject({
      name: '预算执行率',
      hint: { numerator: 'C', denominator: 'B' },
    });
    expect(parseLabel('资金到位率=B/A')).toMatchObject({
      name: '资金到位率',
      hint: { numerator: 'B', denominator: 'A' },
    });
    expect(parseLabel('执行率=实际支出/预算')).toMatchObject({
      name: '执行率',
      hint: { numerator: '实际支出', denominator: '预算' },
    });
    expect(parseLabel('执行率(%)')).toMatchObject({ name: '执行率', percent: true });
    expect(parseLabel('实际支出资金（万元）')).toMatchObject({ name: '实际支出资金', unit: '万元' });
    expect(parseLabel('预算安排资金（A）')).toMatchObject({ name: '预算安排资金', symbol: 'A' });
    expect(parseLabel('1-7月执行率')).toMatchObject({ name: '执行率', period: '1-7月' });
    expect(parseLabel('其中：财政拨款')).toMatchObject({ name: '财政拨款', partOf: true });
  });
});

describe('rates beside the funds they come from, with the formula hinted in the label', () => {
  /** A funds table (项目 | 金额) followed by rate rows, in the phrasings evaluators use. */
  const funds = (
    rateLabels: [string, string],
    values: [GridValue, GridValue] = [null, null],
  ): Parameters<typeof sheetOf> => [
    '资金情况',
    [
      ['单位：万元'],
      ['项目', '金额'],
      ['预算安排资金（A）', 477.39],
      ['实际到位资金（B）', 151.68],
      ['实际支出资金（C）', 151.68],
      [rateLabels[0], values[0]],
      [rateLabels[1], values[1]],
    ],
  ];

  it.each([
    ['预算执行率（C/B）', '资金到位率（B/A）'],
    ['预算执行率=C/B', '资金到位率=B/A'],
    ['执行率', '到位率'],
  ] as Array<[string, string]>)('fills blank %s and %s with formulas over the input cells', (execution, arrival) => {
    const findings = check(funds([execution, arrival])).sort((a, b) => a.cell.localeCompare(b.cell));
    expect(findings.map((f) => [at(f), f.expected, f.fix?.writes[0]?.formula])).toEqual([
      ['derived/missing 资金情况!B6', 1, 'B5/B4'],
      ['derived/missing 资金情况!B7', 0.3177, 'B4/B3'],
    ]);
  });

  it('reports a wrong rate in percent units under 执行率(%)', () => {
    const findings = check(
      funds(
        ['预算执行率(%)', '资金到位率(%)'],
        [
          { value: 100, format: '0.00' },
          { value: 31.5, format: '0.00' },
        ],
      ),
    );
    expect(findings.map((f) => [at(f), f.expected, f.actual])).toEqual([['rate/wrong 资金情况!B7', 31.77, 31.5]]);
  });

  it('reads the rates of a monitoring form: 1-7月执行率 = 1-7月执行数 / 年初预算数, per row', () => {
    const findings = check([
      '监控',
      [
        ['项目资金（万元）', null, '年初预算数', '1-7月执行数', '1-7月执行率', '全年预计执行数'],
        ['年度资金总额', null, '100.00', '45.00', '45.00%', '100.00'],
        ['其中：财政拨款', null, '80.00', '40.00', null, '80.00'],
        ['上年结转资金', null, '20.00', '5.00', '20.00%', '20.00'],
        ['其他资金', null, null, null, null, null],
      ],
      ['A1:B1', 'A2:B2', 'A3:B3', 'A4:B4', 'A5:B5'],
    ]);
    expect(findings.map((f) => [at(f), f.expected, f.actual])).toEqual([
      ['rate/wrong 监控!E4', 25, 20],
      ['derived/missing 监控!E3', 0.5, null],
    ]);
  });
});

describe('survey results as a vertical list of counts', () => {
  it.each([
    [
      ['发放问卷', '600'],
      ['有效问卷', '558'],
      ['满意问卷', '374'],
      ['总体满意度', null],
    ],
    [
      ['发放问卷份数', 600],
      ['有效问卷份数', 558],
      ['满意问卷份数', 374],
      ['满意度', null],
    ],
    [
      ['有效问卷数（份）', 558],
      ['满意问卷数（份）', 374],
      ['综合满意度（%）', null],
    ],
  ] as GridValue[][][])('derives 满意度 = 满意 / 有效 = 67.03%', (...rows) => {
    const findings = check(['问卷', [['满意度调查情况'], ...rows]]);
    expect(
      findings.filter((f) => f.code === 'derived/missing').map((f) => [f.expected, f.fix?.writes[0]?.formula]),
    ).toEqual([[rows.length === 3 ? 67.03 : 0.6703, expect.stringMatching(/^B\d\/B\d(\*100)?$/)]]);
  });
});

describe('one figure stated in two places', () => {
  it('compares the conclusion’s 实际到位资金 with the funds sheet’s table (a header over rows)', () => {
    const findings = check(
      [
        '结论',
        [
          ['实际到位资金（万元）', 7],
          ['实际支出资金（万元）', 7],
        ],
      ],
      ['资金', [['单位：万元'], ['资金来源', '实际到位资金', '实际支出资金'], ['合计', 7.5, 7]]],
    );
    // The funds table's 合计 row is the figure the conclusion states: the conclusion is reported against it.
    expect(findings.map((f) => [at(f), f.expected, f.actual, f.related])).toEqual([
      ['cross/mismatch 结论!B1', 7.5, 7, [{ sheet: '资金', cell: 'B3' }]],
    ]);
  });

  it('compares a payment list in 元 with 实际支出 stated in a funds table in 万元', () => {
    const findings = check(
      [
        '资金',
        [
          ['项目', '金额（万元）'],
          ['预算资金', 7],
          ['实际支出', 7],
        ],
      ],
      [
        '支付明细',
        [['资金支出明细表（元）'], ['支付内容', '支付金额'], ['中央补助', 58080], ['省级补助', 9120], ['合计', 67200]],
      ],
    );
    expect(findings.map((f) => [at(f), f.expected, f.actual])).toEqual([['cross/mismatch 资金!B3', 6.72, 7]]);
  });

  it('gives a blank 预算执行率 score its expected value from funds in such a table', () => {
    const findings = check(
      ['资金', [['单位：万元'], ['项目', '金额'], ['全年预算数', 10], ['全年执行数', 9]]],
      [
        '评分表',
        [
          ['一级指标', '二级指标', '评分标准', '分值', '得分'],
          ['过程', '预算执行率', '预算执行率×分值', 10, null],
          [null, '资金使用', '有一项不符合扣1分', 10, 10],
        ],
      ],
    );
    expect(
      findings.filter((f) => f.code === 'score/missing').map((f) => [at(f), f.expected, f.fix?.writes[0]?.formula]),
    ).toEqual([['score/missing 评分表!E2', 9, "MIN(1,'资金'!B4/'资金'!B3)*D2"]]);
  });
});
