import { SheetGrid } from '../grid';
import { DEFAULT_PROFILE } from '../profile';
import { sheetOf } from '../../../test/snapshot-builder';
import { RowView } from './recognizer';
import { RECOGNIZERS } from './registry';

/** One example of each layout, its header on the first row. */
const EXAMPLES: Record<string, Parameters<typeof sheetOf>[1]> = {
  'indicator-table': [
    ['一级指标', '二级指标', '分值', '得分'],
    ['决策', '立项', 20, 18],
    ['过程', '资金', 80, 70],
  ],
  'budget-table': [
    ['项目资金', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    ['年度资金总额', 10, 10, 9, 10, 0.9, 9],
  ],
  'vertical-summary': [
    ['一级指标', '分值', '得分'],
    ['决策', 20, 18],
    ['过程', 80, 70],
  ],
  'horizontal-summary': [
    ['指标', '决策', '过程', '合计'],
    ['分值', 20, 80, 100],
    ['得分', 18, 70, 88],
  ],
  'survey-table': [
    ['问题', '满意', '一般', '不满意'],
    ['服务态度', 10, 5, 1],
  ],
  'accuracy-table': [
    ['项目', '应发人数', '实发人数'],
    ['春节慰问', 100, 99],
  ],
  'target-table': [
    ['一级指标', '二级指标', '三级指标', '指标值'],
    ['产出指标', '数量指标', '培训人次', '≥1000人次'],
  ],
  'amount-table': [
    ['资金来源', '预算金额（万元）'],
    ['中央', 6],
    ['省级', 1],
  ],
};

describe('the recognizer registry', () => {
  it('lists each recognizer once, the amount table (any header may open one) last', () => {
    const names = RECOGNIZERS.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names[names.length - 1]).toBe('amount-table');
    expect(Object.keys(EXAMPLES).sort()).toEqual([...names].sort());
  });

  it.each(RECOGNIZERS.map((r) => [r.name, r] as const))('%s reads its own layout on its own', (name, recognizer) => {
    const grid = new SheetGrid(sheetOf('表', EXAMPLES[name] ?? []));
    const view = new RowView(grid, 0, DEFAULT_PROFILE);
    expect(recognizer.startsAt(view)).toBe(true);
    expect(recognizer.read(view)?.table.kind).toBe(recognizer.kind);
  });
});
