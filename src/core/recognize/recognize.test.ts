import { sheetOf, workbookOf } from '../../../test/snapshot-builder';
import { tablesOf } from '../model/tables';
import { flattenIndicators } from '../../../test/model-walk';
import { DEFAULT_PROFILE } from '../profile';
import { recognizeWorkbook } from './index';
import { asFraction } from './figures';

const recognize = (...sheets: Parameters<typeof sheetOf>[]) =>
  recognizeWorkbook(workbookOf(...sheets.map((s) => sheetOf(...s))), DEFAULT_PROFILE).model;

describe('indicator tables', () => {
  it('reads a parent-row layout: each level on its own row with its weight and score', () => {
    const model = recognize([
      '评分表',
      [
        ['一级指标', '二级指标', '三级指标', '分值', '得分'],
        ['决策', null, null, 20, 18],
        [null, '项目立项', null, 10, 9],
        [null, null, '立项依据充分性', 5, 5],
        [null, null, '立项程序规范性', 5, 4],
        [null, '绩效目标', null, 10, 9],
        [null, null, '绩效目标合理性', 10, 9],
        ['合计', null, null, 20, 18],
      ],
    ]);
    const table = tablesOf(model, 'indicators')[0];
    const flat = flattenIndicators(table?.indicators ?? []);
    expect(flat.map((f) => [f.path.join('/'), f.node.weight?.cell, f.node.score?.value])).toEqual([
      ['决策', 'D2', 18],
      ['决策/项目立项', 'D3', 9],
      ['决策/项目立项/立项依据充分性', 'D4', 5],
      ['决策/项目立项/立项程序规范性', 'D5', 4],
      ['决策/绩效目标', 'D6', 9],
      ['决策/绩效目标/绩效目标合理性', 'D7', 9],
    ]);
    expect(table?.total?.score?.cell).toBe('E8');
  });

  it('reads a header over two rows, a weight column per level and names repeated on every row', () => {
    const model = recognize([
      '指标',
      [
        ['评价指标', null, null, null, '得分'],
        ['一级指标', '一级分值', '二级指标', '二级分值', null],
        ['产出', 30, '数量', 20, 19],
        ['产出', 30, '质量', 10, 8],
        ['总分', 30, null, null, 27],
      ],
      ['A1:D1', 'E1:E2'],
    ]);
    const table = tablesOf(model, 'indicators')[0];
    expect(table?.levels).toBe(2);
    const [output] = table?.indicators ?? [];
    expect(output?.weight).toMatchObject({ cell: 'B3', value: 30 });
    expect(output?.children.map((c) => [c.name.text, c.weight?.cell, c.score?.cell])).toEqual([
      ['数量', 'D3', 'E3'],
      ['质量', 'D4', 'E4'],
    ]);
    expect(table?.total?.score?.value).toBe(27);
  });

  it('takes weights out of labels and reads numbers typed as text, full-width digits included', () => {
    const model = recognize([
      '自评',
      [
        ['一级指标', '二级指标', '指标分值', '自评得分', '得分率（%）'],
        ['产出指标（５０分）', '数量指标(30分)', '３０', '２８', '93.33'],
        [null, '质量指标(20分)', 20, 20, '100%'],
      ],
    ]);
    const [output] = tablesOf(model, 'indicators')[0]?.indicators ?? [];
    expect(output).toMatchObject({ labelWeight: 50, key: '产出' });
    expect(output?.name.text).toBe('产出指标');
    const [quantity, quality] = output?.children ?? [];
    expect(quantity).toMatchObject({
      labelWeight: 30,
      weight: { value: 30, form: 'text-number' },
      score: { value: 28, form: 'text-number' },
    });
    expect(quantity?.rate).toMatchObject({ value: 93.33, form: 'text-number' });
    expect(quality?.rate && asFraction(quality.rate)).toBe(1);
  });

  it('keeps a blank score as a figure with no value at its address', () => {
    const model = recognize([
      '评分',
      [
        ['一级指标', '二级指标', '分值', '得分'],
        ['过程', '预算执行率', 4, null],
        [null, '资金使用', 6, 6],
      ],
    ]);
    const [process] = tablesOf(model, 'indicators')[0]?.indicators ?? [];
    expect(process?.children[0]?.score).toMatchObject({ cell: 'D2', value: null });
  });
});

describe('summary tables', () => {
  it('reads a horizontal summary with rates in percent units', () => {
    const model = recognize([
      '汇总',
      [
        ['指标', '决策', '过程', '产出', '效益', '合计'],
        ['分值', 15, 25, 30, 30, 100],
        ['得分', 14, 20, 30, 29.36, 93.36],
        ['得分率（%）', 93.33, 80, 100, 97.87, 93.36],
      ],
    ]);
    const summary = tablesOf(model, 'summary')[0];
    expect(summary?.orientation).toBe('horizontal');
    expect(summary?.rows.map((r) => [r.key, r.weight?.cell, r.score?.value])).toEqual([
      ['决策', 'B2', 14],
      ['过程', 'C2', 20],
      ['产出', 'D2', 30],
      ['效益', 'E2', 29.36],
    ]);
    expect(summary?.rows[0]?.rate).toMatchObject({ form: 'percent-units', value: 93.33 });
    expect(summary?.total?.score?.cell).toBe('F3');
  });

  it('does not take a plain list with a weight column for a summary', () => {
    const model = recognize([
      '清单',
      [
        ['项目', '分值'],
        ['办公用品', 3],
        ['差旅费', 4],
      ],
    ]);
    expect(tablesOf(model, 'summary')).toEqual([]);
  });
});

describe('key-value sheets', () => {
  it('reads labels with symbols, units from the section label, and expression text', () => {
    const model = recognize([
      '结论表',
      [
        ['资金情况（万元）', '预算安排资金（A）', 2.81, '实际到位资金（B）', 2.81],
        [null, '预算执行率（C/B）', '2.81/2.81*100%=100%', null, null],
        ['评价得分', 84.55, '评价等级', '良', null],
      ],
      ['A1:A2'],
    ]);
    const entries = tablesOf(model, 'key-values')[0]?.entries ?? [];
    expect(entries.map((e) => [e.key, e.symbol, e.unit, e.value?.value ?? e.text?.text])).toEqual([
      ['预算安排资金', 'A', '万元', 2.81],
      ['实际到位资金', 'B', '万元', 2.81],
      ['预算执行率', 'C/B', '万元', 100],
      ['评价得分', undefined, undefined, 84.55],
      ['评价等级', undefined, undefined, '良'],
    ]);
    expect(entries[2]?.text?.text).toBe('2.81/2.81*100%=100%');
  });
});

describe('self-evaluation form', () => {
  it('reads the funds block over the indicator block', () => {
    const model = recognize([
      '自评表',
      [
        ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
        ['项目资金（万元）', '年度资金总额', 100, 120, 108, 10, { value: 0.9, format: '0.00%' }, 9],
        [null, '其中：当年财政拨款', 100, 120, 108, null, null, null],
        [],
        ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
        ['产出指标', '数量指标', '培训人数', '≥900人', '850人', 20, 18.89, '部分学员未到'],
      ],
      ['A2:A3'],
    ]);
    const budget = tablesOf(model, 'budget')[0];
    expect(budget?.unit).toBe('万元');
    expect(budget?.rows.map((r) => [r.label.text, r.fullYearBudget?.value, r.executed?.cell, r.rate?.form])).toEqual([
      ['年度资金总额', 120, 'E2', 'percent'],
      ['其中：当年财政拨款', 120, 'E3', 'number'],
    ]);
    const table = tablesOf(model, 'indicators')[0];
    expect(table?.selfEvaluation).toBe(true);
    const leaf = flattenIndicators(table?.indicators ?? []).at(-1)?.node;
    expect(leaf?.texts).toMatchObject({
      target: { text: '≥900人', cell: 'D6' },
      actual: { text: '850人' },
      deviation: { text: '部分学员未到', cell: 'H6' },
    });
  });
});

describe('a sheet with nothing recognisable', () => {
  it('yields no table', () => {
    const model = recognize(['说明', [['本表由财政局统一印制'], ['填表人：张三']]]);
    expect(model.sheets[0]?.tables).toEqual([]);
  });
});
