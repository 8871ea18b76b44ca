import { buildWorkbook, VARIANTS } from '../../test/fixtures/build-workbook';
import { seed003 } from '../../test/fixtures/seeds/seed003';
import { seed004 } from '../../test/fixtures/seeds/seed004';
import { checkWorkbook } from '../core/check';
import type { WorkbookModel } from '../core/model';
import { readWorkbook } from '../file/read-workbook';
import { levelOneRows } from './summary';

describe('level-1 rows of the summary card (seed 003)', () => {
  let result: ReturnType<typeof checkWorkbook>;
  beforeAll(async () => {
    const read = readWorkbook((await buildWorkbook(seed003, VARIANTS[1] as (typeof VARIANTS)[number])).bytes, 'x.xlsx');
    if (!read.ok) throw new Error(read.error.message);
    result = checkWorkbook(read.workbook);
  }, 60_000);

  it('come from the first summary table', () => {
    const rows = levelOneRows(result.model, result.analysis);
    expect(rows.map((r) => [r.name, r.weight, r.score])).toEqual([
      ['决策', 15, 14],
      ['过程', 25, 20],
      ['产出', 30, 30],
      ['效益', 30, 29.36],
    ]);
    expect(rows[1]?.rate).toBeCloseTo(0.8, 10);
    expect(rows[0]?.sheet).toBe('汇总表');
  });

  it('else from the indicator table’s level-1 nodes, a blank computable score counted as computed', () => {
    const model: WorkbookModel = {
      sheets: result.model.sheets.map((s) => ({ ...s, tables: s.tables.filter((t) => t.kind !== 'summary') })),
    };
    const rows = levelOneRows(model, result.analysis);
    expect(rows.map((r) => [r.name, r.weight, r.score])).toEqual([
      ['“工作活动”设置', 15, 14],
      ['“工作活动”管理', 25, 20],
      ['“工作活动”产出', 30, 30],
      ['“工作活动”效果', 30, 29.36],
    ]);
    // Without the computed 4 for the blank 预算执行率 score, 管理 has no complete score of its own.
    const without = levelOneRows(model, { ...result.analysis, computedScores: new Map() });
    expect(without[1]?.score).not.toBe(20);
    expect(levelOneRows({ sheets: [] }, result.analysis)).toEqual([]);
  });
});

describe('level-1 rows of a self-evaluation form (seed 004)', () => {
  it('begin with the 预算执行率 row, so the rows add up to the total', async () => {
    const read = readWorkbook((await buildWorkbook(seed004, VARIANTS[0] as (typeof VARIANTS)[number])).bytes, 'x.xlsx');
    if (!read.ok) throw new Error(read.error.message);
    const result = checkWorkbook(read.workbook);
    const rows = levelOneRows(result.model, result.analysis);
    expect(rows.map((r) => [r.kind, r.weight, r.score])).toEqual([
      ['budget', 10, 10],
      ['indicator', 50, 50],
      ['indicator', 30, 30],
      ['indicator', 10, 10],
    ]);
    // The form states 96 beside the 100 its rows give (seed 004's own inconsistency); without the row it would be 90.
    expect(rows.reduce((sum, r) => sum + (r.score ?? 0), 0)).toBe(100);
  }, 60_000);
});
