import {
  faithfulFixtures,
  fixtureOf,
  runRule,
  SEED_VARIANTS,
  seedWorkbook,
  type SeedFixture,
} from '../../../test/rule-harness';
import { sheetOf, workbookOf, type GridValue } from '../../../test/snapshot-builder';
import { seed001 } from '../../../test/fixtures/seeds/seed001';
import { seed003 } from '../../../test/fixtures/seeds/seed003';
import type { WorkbookSnapshot } from '../snapshot';
import { formulaRangeOmits } from './formula-range-omits';

let faithful: Map<string, SeedFixture>;
beforeAll(async () => {
  faithful = await faithfulFixtures();
}, 60_000);

const f = (formula: string, value: number): GridValue => ({ formula, value });

/** Replaces the formula of one cell (found by its text) in a copy of the snapshot. */
function withFormula(snapshot: WorkbookSnapshot, sheet: string, from: string, to: string): WorkbookSnapshot {
  const copy = structuredClone(snapshot);
  const cell = copy.sheets.find((s) => s.name === sheet)?.cells.find((c) => c.formula === from);
  if (!cell) throw new Error(`no formula ${from} on ${sheet}`);
  cell.formula = to;
  return copy;
}

describe('formula/range-omits on generic sheets', () => {
  it('reports a total that stops one row short of the figures above it', () => {
    const snapshot = workbookOf(
      sheetOf('Budget', [
        ['Item', 'Amount'],
        ['Rent', 100],
        ['Staff', 250],
        ['Travel', 40],
        ['Total', f('SUM(B2:B3)', 350)],
      ]),
    );
    expect(runRule(formulaRangeOmits, snapshot)).toEqual([
      {
        code: 'formula/range-omits',
        severity: 'error',
        sheet: 'Budget',
        cell: 'B5',
        message: '合计公式 =SUM(B2:B3) 漏掉了 B4',
        related: [{ sheet: 'Budget', cell: 'B4' }],
      },
    ]);
    expect(runRule(formulaRangeOmits, snapshot, { lang: 'en-US' })[0]?.message).toBe(
      'The total =SUM(B2:B3) leaves out B4',
    );
  });

  it('reports the totals of a 合计 row that start after the first row the others count', () => {
    const snapshot = workbookOf(
      sheetOf('Sources', [
        ['Unit', 'Federal', 'State', 'Total'],
        ['CATS', 0, 447514, f('SUM(B2:C2)', 447514)],
        ['CESTP', 807134, 0, f('SUM(B3:C3)', 807134)],
        ['OMACR', 0, 11400, f('SUM(B4:C4)', 11400)],
        ['Total', f('SUM(B3:B4)', 807134), f('SUM(C2:C4)', 458914), f('SUM(D3:D4)', 818534)],
      ]),
    );
    // C5 differs from the two others, but the figures side with it: B5 and D5 leave out row 2.
    expect(runRule(formulaRangeOmits, snapshot).map((x) => [x.cell, x.related, x.message])).toEqual([
      [
        'B5',
        [{ sheet: 'Sources', cell: 'C5' }],
        '合计公式 B5 加的是第 3–4 行，而同一行的合计 C5 加的是第 2–4 行：少加了第 2 行',
      ],
      [
        'D5',
        [{ sheet: 'Sources', cell: 'C5' }],
        '合计公式 D5 加的是第 3–4 行，而同一行的合计 C5 加的是第 2–4 行：少加了第 2 行',
      ],
    ]);
    expect(runRule(formulaRangeOmits, snapshot, { lang: 'en-US' })[0]?.message).toBe(
      'The total B5 adds rows 3–4, while the total C5 of the same row adds rows 2–4; left out: row 2',
    );
  });

  it('reports a subtotal counted twice by the grand total', () => {
    const snapshot = workbookOf(
      sheetOf('Costs', [
        ['Staff', 10],
        ['Rent', 5],
        ['Subtotal', f('SUM(B1:B2)', 15)],
        ['Travel', 3],
        ['Total', f('SUM(B1:B4)', 33)],
      ]),
    );
    expect(runRule(formulaRangeOmits, snapshot)).toMatchObject([
      {
        cell: 'B5',
        message: '合计公式 =SUM(B1:B4) 的范围 B1:B4 含有小计 B3，重复计算',
        related: [{ sheet: 'Costs', cell: 'B3' }],
      },
    ]);
  });

  it('finds the subtotal whether the range is shorter than the sheet’s formulas or reaches far past them', () => {
    const rows: GridValue[][] = [
      ['Staff', 10, f('B1*2', 20)],
      ['Rent', 5, f('B2*2', 10)],
      ['Subtotal', f('SUM(B1:B2)', 15), f('B3*2', 30)],
      ['Travel', 3, f('B4*2', 6)],
      ['Total', f('SUM(B1:B4)', 33)],
    ];
    expect(runRule(formulaRangeOmits, workbookOf(sheetOf('Short', rows))).map((x) => [x.cell, x.related])).toEqual([
      ['B5', [{ sheet: 'Short', cell: 'B3' }]],
    ]);
    const long = workbookOf(
      sheetOf('Long', [
        ['Staff', 10],
        ['Rent', 5],
        ['Subtotal', f('SUM(B1:B2)', 15)],
        ['Total', f('SUM(B1:B3)+SUM(B6:B1000000)', 30)],
      ]),
    );
    expect(runRule(formulaRangeOmits, long).map((x) => x.cell)).toEqual(['B4']);
  });

  it('reports a row total that stops before the last column', () => {
    const snapshot = workbookOf(
      sheetOf('Hours', [
        ['Mon', 'Tue', 'Wed', 'Sum'],
        [8, 7, 6, f('SUM(A2:B2)', 15)],
      ]),
    );
    expect(runRule(formulaRangeOmits, snapshot)).toMatchObject([
      { cell: 'D2', related: [{ sheet: 'Hours', cell: 'C2' }] },
    ]);
  });

  it('leaves well-formed totals alone: full ranges, a statistic of the block, a figure added separately, a subtracted subtotal, a heading above', () => {
    const snapshot = workbookOf(
      sheetOf('Fine', [
        ['Year', 2001, 2002],
        ['A', 10, 20],
        ['B', 5, 6],
        ['Subtotal', f('SUM(B2:B3)', 15), f('SUM(C2:C3)', 26)],
        ['Average', f('AVERAGE(B2:B3)', 7.5), f('AVERAGE(C2:C3)', 13)],
        ['Adjustment', 1, 1],
        ['Total', f('SUM(B2:B4)-B4+B6', 16), f('SUM(C2:C3)+C6', 27)],
      ]),
    );
    expect(runRule(formulaRangeOmits, snapshot)).toEqual([]);
  });
});

describe('formula/range-omits on regions of totals', () => {
  const figures = [
    [10, 20, 30, 40, 50, 60, 70, 80, 90],
    [1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 1, 1, 1, 1, 1, 1, 1, 1],
  ];

  it('reports the two totals of a row of nine that add one row less, as one region against the seven', () => {
    const total = (c: string) => (c === 'C' || c === 'D' ? f(`SUM(${c}2:${c}3)`, 0) : f(`SUM(${c}1:${c}3)`, 0));
    const snapshot = workbookOf(sheetOf('Sums', [...figures, [...'ABCDEFGHI'].map(total)]));
    expect(runRule(formulaRangeOmits, snapshot)).toEqual([
      {
        code: 'formula/range-omits',
        severity: 'error',
        sheet: 'Sums',
        cell: 'C4:D4',
        count: 2,
        message: '这 2 个合计公式（C4:D4）加的是第 2–3 行，而同一行的合计 A4:B4、E4:I4 加的是第 1–3 行：少加了第 1 行',
        related: [
          { sheet: 'Sums', cell: 'A4:B4' },
          { sheet: 'Sums', cell: 'E4:I4' },
        ],
      },
    ]);
    expect(runRule(formulaRangeOmits, snapshot, { lang: 'en-US' })[0]?.message).toBe(
      'These 2 totals (C4:D4) add rows 2–3, while the totals A4:B4, E4:I4 of the same row add rows 1–3; left out: row 1',
    );
  });

  it('reports a total that adds the totals beside it and leaves out the figures above it', () => {
    const snapshot = workbookOf(
      sheetOf('FY', [
        ['FY01', 'FY02', 'FY03'],
        [74, 70, 80],
        [0, 1, 5],
        [3, 2, 2],
        [f('SUM(A2:A4)', 77), f('SUM(B2:B4)', 73), f('SUM(A5:B5)', 150)],
      ]),
    );
    expect(runRule(formulaRangeOmits, snapshot)).toEqual([
      expect.objectContaining({
        cell: 'C5',
        message: '合计 C5 加的是同一行的 A5:B5，本列上方的 C2、C3、C4 没有计入；同一行其余合计加的是各自上方的数',
        related: [
          { sheet: 'FY', cell: 'C2' },
          { sheet: 'FY', cell: 'C3' },
          { sheet: 'FY', cell: 'C4' },
        ],
      }),
    ]);
  });

  it('says so when the wider totals add subtotals with the figures inside them', () => {
    const snapshot = workbookOf(
      sheetOf('Budget', [
        [1, 1, 1],
        [2, 2, 2],
        [f('SUM(A1:A2)', 3), f('SUM(B1:B2)', 3), f('SUM(C1:C2)', 3)],
        [4, 4, 4],
        [f('SUM(A4:A4)', 4), f('SUM(B4:B4)', 4), f('SUM(C4:C4)', 4)],
        [f('SUM(A1:A5)', 14), f('B3+B5', 7), f('C3+C5', 7)],
      ]),
    );
    expect(runRule(formulaRangeOmits, snapshot)).toEqual([
      expect.objectContaining({
        cell: 'A6',
        count: 1,
        message:
          '合计公式 A6 加的是第 1–5 行，而同一行的合计 B6:C6 加的是第 3、5 行：多加了第 1–2、4 行，其中的数已含在所加的小计里，重复计算',
      }),
    ]);
  });

  it('leaves a row of totals alone when only two blocks of as many differ over blank rows', () => {
    const snapshot = workbookOf(
      sheetOf('Sums', [
        [null, null, null, null],
        [1, 2, 3, 4],
        [1, 1, 1, 1],
        [f('SUM(A1:A3)', 2), f('SUM(B1:B3)', 3), f('SUM(C2:C3)', 4), f('SUM(D2:D3)', 5)],
      ]),
    );
    expect(runRule(formulaRangeOmits, snapshot)).toEqual([]);
  });
});

describe('formula/range-omits on indicator groups', () => {
  const table = (level1Score: string, total: string) =>
    workbookOf(
      sheetOf(
        '评分表',
        [
          ['一级指标', '二级指标', '分值', '得分'],
          ['产出', null, f('SUM(C3:C4)', 50), f(level1Score, 45)],
          [null, '产出数量', 25, 22],
          [null, '产出质量', 25, 23],
          ['效益', null, f('SUM(C6:C7)', 50), f('SUM(D6:D7)', 40)],
          [null, '社会效益', 30, 24],
          [null, '满意度', 20, 16],
          ['合计', null, f('SUM(C2,C5)', 100), f(total, 85)],
        ],
        ['A2:A4', 'A5:A7'],
      ),
    );

  it('reports a level-1 score that adds only some of its children', () => {
    const findings = runRule(formulaRangeOmits, table('SUM(D3:D3)', 'D2+D5'));
    expect(findings).toEqual([
      expect.objectContaining({
        cell: 'D2',
        message: '“产出”的得分公式 =SUM(D3:D3) 漏掉了下级指标 D4',
        related: [
          { sheet: '评分表', cell: 'D3' },
          { sheet: '评分表', cell: 'D4' },
        ],
      }),
    ]);
  });

  it('reports a total that adds a cell which is no level-1 indicator', () => {
    expect(runRule(formulaRangeOmits, table('SUM(D3:D4)', 'D2+D5+D7'))).toEqual([
      expect.objectContaining({ cell: 'D8', message: '“合计”的得分公式 =D2+D5+D7 计入了非下级指标的单元格 D7' }),
    ]);
  });

  it('gives no finding for the well-formed table', () => {
    expect(runRule(formulaRangeOmits, table('SUM(D3:D4)', 'D2+D5'))).toEqual([]);
  });
});

describe('formula/range-omits on seed fixtures', () => {
  it('reports the 评分表 total score that stops short (seed 001)', async () => {
    const { snapshot } = await seedWorkbook(seed001);
    const planted = withFormula(snapshot, '评分表', 'SUM(E3:E12)', 'SUM(E3:E11)');
    // The score total is compared with the weight total beside it in the 合计 row: E12 holds a score it leaves out.
    expect(runRule(formulaRangeOmits, planted)).toEqual([
      expect.objectContaining({
        sheet: '评分表',
        cell: 'E13',
        message: '合计公式 E13 加的是第 3–11 行，而同一行的合计 D13 加的是第 3–12 行：少加了第 12 行',
        related: [{ sheet: '评分表', cell: 'D13' }],
      }),
    ]);
  });

  it('reports a 合计 row of the survey where two totals add one row less (seed 003, planted)', async () => {
    const { snapshot } = await seedWorkbook(seed003);
    const planted = structuredClone(snapshot);
    const survey = planted.sheets.find((s) => s.name === '满意度调查');
    if (!survey) throw new Error('no survey sheet');
    // A 合计 row under the four questions: B8:F8 add rows 4–7, except C8:D8 which start at row 5.
    const cells = survey.cells.filter((c) => c.row !== 7);
    [...'BCDEF'].forEach((letter, i) => {
      const from = letter === 'C' || letter === 'D' ? 5 : 4;
      cells.push({
        row: 7,
        col: i + 1,
        formula: `SUM(${letter}${from}:${letter}7)`,
        value: { type: 'number', value: 0 },
      });
    });
    survey.cells = cells.sort((a, b) => a.row - b.row || a.col - b.col);
    expect(runRule(formulaRangeOmits, planted)).toEqual([
      expect.objectContaining({
        sheet: '满意度调查',
        cell: 'C8:D8',
        count: 2,
        message: '这 2 个合计公式（C8:D8）加的是第 5–7 行，而同一行的合计 B8、E8:F8 加的是第 4–7 行：少加了第 4 行',
        related: [
          { sheet: '满意度调查', cell: 'B8' },
          { sheet: '满意度调查', cell: 'E8:F8' },
        ],
      }),
    ]);
  });

  it('reports a block of row totals where two read one column short (seed 003, planted)', async () => {
    const { snapshot } = await seedWorkbook(seed003);
    const planted = structuredClone(snapshot);
    const survey = planted.sheets.find((s) => s.name === '满意度调查');
    if (!survey) throw new Error('no survey sheet');
    // The 不满意 column gets answers in rows 6–7, which the planted F6:F7 leave out.
    for (const c of survey.cells) {
      if (c.col === 4 && (c.row === 5 || c.row === 6)) c.value = { type: 'number', value: 1 };
      if (c.formula === 'SUM(B6:E6)') c.formula = 'SUM(B6:D6)';
      if (c.formula === 'SUM(B7:E7)') c.formula = 'SUM(B7:D7)';
    }
    expect(runRule(formulaRangeOmits, planted)).toEqual([
      expect.objectContaining({
        cell: 'F6:F7',
        count: 2,
        message: '这 2 个合计公式（F6:F7）加的是 B–D 列，而同一列的合计 F4:F5 加的是 B–E 列：少加了 E 列',
        related: [{ sheet: '满意度调查', cell: 'F4:F5' }],
      }),
    ]);
  });

  it.each(SEED_VARIANTS)('seed %s (%s) gives no finding', (id, variant) => {
    expect(runRule(formulaRangeOmits, fixtureOf(faithful, id, variant).snapshot)).toEqual([]);
  });
});
