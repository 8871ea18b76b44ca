import { parseCellAddress } from '../address';
import { faithfulFixtures, fixtureOf, runRule, SEED_VARIANTS, type SeedFixture } from '../../../test/rule-harness';
import { sheetOf, workbookOf } from '../../../test/snapshot-builder';
import type { WorkbookSnapshot } from '../snapshot';
import { formulaStale } from './formula-stale';

let faithful: Map<string, SeedFixture>;
beforeAll(async () => {
  faithful = await faithfulFixtures();
}, 60_000);

describe('formula/stale on hand-made sheets', () => {
  const scores = (total: number, rate: number) =>
    workbookOf(
      sheetOf('评分表', [
        ['指标', '分值', '得分', '得分率'],
        ['决策', 20, 18, { formula: 'C2/B2', value: 0.9, format: '0.00%' }],
        ['产出', 50, 45, { formula: 'C3/B3', value: 0.9, format: '0.00%' }],
        ['效益', 30, 30.36, { formula: 'C4/B4', value: 1.012, format: '0.00%' }],
        [
          '合计',
          100,
          { formula: 'SUM(C2:C4)', value: total, format: '0.00' },
          { formula: 'C5/B5', value: rate, format: '0.00%' },
        ],
      ]),
    );

  it('reports a total whose stored result misses a change, in both languages, as the cell shows the figures', () => {
    // The total was saved before 决策 was scored 18: it still holds 75.36.
    expect(runRule(formulaStale, scores(75.36, 0.7536))).toEqual([
      {
        code: 'formula/stale',
        severity: 'warning',
        sheet: '评分表',
        cell: 'C5',
        message: '公式 =SUM(C2:C4) 保存的结果是 75.36，按引用单元格的当前值计算应为 93.36（保存时未重新计算）',
        expected: 93.36,
        actual: 75.36,
        expectedText: '93.36',
        actualText: '75.36',
      },
    ]);
    expect(runRule(formulaStale, scores(75.36, 0.7536), { lang: 'en-US' })[0]?.message).toBe(
      'The formula =SUM(C2:C4) stores 75.36; from the values of the cells it reads it computes 93.36 (saved without recalculating)',
    );
  });

  it('compares at the decimals the cell shows, so binary noise and hidden decimals are not stale', () => {
    // 93.36 / 100 = 0.9336 shown as 93.36%; 0.93360000001 shows the same.
    expect(runRule(formulaStale, scores(93.36, 0.93360000001))).toEqual([]);
    expect(runRule(formulaStale, scores(93.364, 0.9336))).toEqual([]);
    const [finding] = runRule(formulaStale, scores(93.36, 0.9337));
    expect(finding).toMatchObject({
      cell: 'D5',
      expected: 0.9336,
      actual: 0.9337,
      expectedText: '93.36%',
      actualText: '93.37%',
    });
    expect(finding?.message).toContain('保存的结果是 93.37%，按引用单元格的当前值计算应为 93.36%');
  });

  it('is one finding for a run of stale cells down a column, with their count', () => {
    const rows: Array<Array<number | { formula: string; value: number }>> = [];
    for (let i = 1; i <= 6; i++) rows.push([i, i * 2, { formula: `A${i}*B${i}`, value: i <= 4 ? 0 : i * i * 2 }]);
    const [finding, ...rest] = runRule(formulaStale, workbookOf(sheetOf('明细', rows)));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ cell: 'C1:C4', count: 4, expected: 2, actual: 0 });
    expect(finding?.message).toBe('4 个公式保存的结果与重新计算的结果不符，如 C1 的 =A1*B1 保存 0，应为 2');
  });

  it('stays quiet where the result cannot be known, and for formulas saved without a result', () => {
    const snapshot = workbookOf(
      sheetOf('S', [
        [1, { formula: 'A1+NOW()*0', value: 5 }],
        [2, { formula: 'INDIRECT("A1")', value: 7 }],
        [3, { formula: 'Rate*A3', value: 9 }],
        [4, { formula: "'[1]Other'!A1", value: 9 }],
        [5, { formula: 'A5*2' }],
        [6, { formula: 'FORECAST(1,A1:A5,A1:A5)', value: 1 }],
      ]),
    );
    expect(runRule(formulaStale, snapshot)).toEqual([]);
  });

  it('compares text, logical values and errors exactly', () => {
    const snapshot = workbookOf(
      sheetOf('S', [
        [95, { formula: 'IF(A1>=90,"优","良")', value: '良' }],
        [0, { formula: '1/A2', error: '#DIV/0!' }],
        [1, { formula: 'A3>0', value: false }],
      ]),
    );
    expect(runRule(formulaStale, snapshot).map((f) => [f.cell, f.expected, f.actual])).toEqual([
      ['B1', '优', '良'],
      ['B3', 'TRUE', 'FALSE'],
    ]);
  });
});

describe('formula/stale on seed fixtures', () => {
  it.each(SEED_VARIANTS)('gives nothing on faithful seed %s (%s)', (id, variant) => {
    expect(runRule(formulaStale, fixtureOf(faithful, id, variant).snapshot)).toEqual([]);
  });

  it('finds a seed total saved before its scores changed', () => {
    const { snapshot } = fixtureOf(faithful, '001', 'merged');
    const copy: WorkbookSnapshot = structuredClone(snapshot);
    const formulas = copy.sheets.flatMap((sheet) =>
      sheet.cells.filter((c) => c.formula?.startsWith('SUM(') && c.value.type === 'number').map((c) => ({ sheet, c })),
    );
    expect(formulas.length).toBeGreaterThan(0);
    const { sheet, c } = formulas[0] as (typeof formulas)[number];
    const stored = (c.value as { value: number }).value;
    c.value = { type: 'number', value: stored - 1 };
    const findings = runRule(formulaStale, copy);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ sheet: sheet.name, expected: stored, actual: stored - 1 });
    expect(parseCellAddress(findings[0]?.cell ?? '')).toEqual({ row: c.row, col: c.col });
  });
});
