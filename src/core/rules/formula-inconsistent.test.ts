import {
  faithfulFixtures,
  fixtureOf,
  runRule,
  SEED_VARIANTS,
  seedWorkbook,
  type SeedFixture,
} from '../../../test/rule-harness';
import { sheetOf, workbookOf, type GridValue } from '../../../test/snapshot-builder';
import { seed003 } from '../../../test/fixtures/seeds/seed003';
import { formulaInconsistent } from './formula-inconsistent';
import { formulaRangeOmits } from './formula-range-omits';

let faithful: Map<string, SeedFixture>;
beforeAll(async () => {
  faithful = await faithfulFixtures();
}, 60_000);

const f = (formula: string, value = 0): GridValue => ({ formula, value });

describe('formula/inconsistent on generic sheets', () => {
  it('reports the one rate of a column that divides by the wrong cell, not its neighbours', () => {
    const snapshot = workbookOf(
      sheetOf('Rates', [
        ['Budget', 'Spent', 'Rate'],
        [100, 90, f('B2/A2', 0.9)],
        [200, 150, f('B3/A2', 1.5)],
        [300, 240, f('B4/A4', 0.8)],
      ]),
    );
    expect(runRule(formulaInconsistent, snapshot)).toEqual([
      {
        code: 'formula/inconsistent',
        severity: 'warning',
        sheet: 'Rates',
        cell: 'C3',
        message: '公式 =B3/A2 与相邻单元格 C2、C4 的公式模式不一致',
        related: [
          { sheet: 'Rates', cell: 'C2' },
          { sheet: 'Rates', cell: 'C4' },
        ],
      },
    ]);
    expect(runRule(formulaInconsistent, snapshot, { lang: 'en-US' })[0]?.message).toBe(
      'The formula =B3/A2 breaks the pattern of its neighbours C2 and C4',
    );
  });

  it('reports the last copy of a run whose references were shifted', () => {
    const snapshot = workbookOf(
      sheetOf('Rates', [
        [100, 90, f('B1/A1')],
        [200, 150, f('B2/A2')],
        [300, 240, f('B3/A3')],
        [400, 300, f('B3/A3')],
      ]),
    );
    expect(runRule(formulaInconsistent, snapshot)).toMatchObject([
      { cell: 'C4', message: '公式 =B3/A3 与相邻的 C3、C2 构造相同但引用不同单元格' },
    ]);
  });

  it('leaves a total of a 合计 row that adds another span to formula/range-omits, the more specific finding', () => {
    const snapshot = workbookOf(
      sheetOf('Totals', [
        [1, 2, 3, 4],
        [5, 6, 7, 8],
        [9, 10, 11, 12],
        [f('SUM(A1:A3)'), f('SUM(B1:B3)'), f('SUM(C2:C3)'), f('SUM(D1:D3)')],
      ]),
    );
    expect(runRule(formulaInconsistent, snapshot)).toEqual([]);
    expect(runRule(formulaRangeOmits, snapshot)).toMatchObject([
      {
        cell: 'C4',
        message: '合计公式 C4 加的是第 2–3 行，而同一行的合计 A4:B4、D4 加的是第 1–3 行：少加了第 1 行',
        related: [
          { sheet: 'Totals', cell: 'A4:B4' },
          { sheet: 'Totals', cell: 'D4' },
        ],
      },
    ]);
  });

  it('leaves patterns alone: copies with other constants, alternating rows, interleaved columns, a total under its column, typed arithmetic', () => {
    const snapshot = workbookOf(
      sheetOf('Fine', [
        [10, f('A1/28'), f('A1*2'), 1, f('D1*2'), f('AVERAGE(A1:A2)')],
        [20, f('A2/31'), f('A2*2'), 2, f('D2*2'), f('SUM(A1:A2)')],
        [30, f('A3/30'), f('B3-C3'), 3, f('D3*2'), f('AVERAGE(A2:A3)')],
        [40, f('A4/31'), f('A4*2'), 4, f('D4*2'), f('SUM(A2:A3)')],
        [50, f('18+3'), f('A5*2'), 5, f('D5*2'), f('AVERAGE(A3:A4)')],
        [60, f('A6/30'), f('SUM(C1:C5)'), 6, f('D6*2')],
      ]),
    );
    // C3 reads B3 and C3 of its own row while its column neighbours double A: it is the odd one, and the only one.
    expect(runRule(formulaInconsistent, snapshot).map((x) => x.cell)).toEqual(['C3']);
  });
});

describe('formula/inconsistent on regions of totals', () => {
  const figures = [
    [100, 50, 30, 20],
    [200, 80, 60, 40],
    [50, 10, 5, 5],
  ];

  it('reports a total computed another way from its column, with what the others would give', () => {
    const snapshot = workbookOf(
      sheetOf('Acc', [
        ...figures,
        [f('SUM(A1:A3)', 350), f('B1-B2+B3', -20), f('SUM(C1:C3)', 95), f('SUM(D1:D3)', 65)],
      ]),
    );
    expect(runRule(formulaInconsistent, snapshot)).toEqual([
      {
        code: 'formula/inconsistent',
        severity: 'warning',
        sheet: 'Acc',
        cell: 'B4',
        count: 1,
        expected: 140,
        actual: -20,
        expectedText: '140',
        actualText: '-20',
        message:
          '合计 B4 另行计算（=B1-B2+B3），与同一行的合计 A4、C4:D4 的公式不同；按它们的公式 B4 应为 140，表中为 -20',
        related: [
          { sheet: 'Acc', cell: 'A4' },
          { sheet: 'Acc', cell: 'C4:D4' },
        ],
      },
    ]);
    expect(runRule(formulaInconsistent, snapshot, { lang: 'en-US' })[0]?.message).toBe(
      'The total B4 is computed another way (=B1-B2+B3) than the totals A4, C4:D4 of the same row; by their formula B4 would be 140, not -20',
    );
  });

  it('reports a number added to one total of a row', () => {
    const snapshot = workbookOf(
      sheetOf('FTE', [
        ...figures,
        [f('SUM(A1:A3)', 350), f('SUM(B1:B3)+1', 141), f('SUM(C1:C3)', 95), f('SUM(D1:D3)', 65)],
      ]),
    );
    expect(runRule(formulaInconsistent, snapshot)).toEqual([
      expect.objectContaining({
        cell: 'B4',
        count: 1,
        message: '合计公式 B4（=SUM(B1:B3)+1）在加总之外还加了手填的数字 1，而同一行的合计 A4、C4:D4 没有',
      }),
    ]);
    expect(runRule(formulaInconsistent, snapshot, { lang: 'en-US' })[0]?.message).toBe(
      'The total B4 (=SUM(B1:B3)+1) adds the typed number 1 to its sum, while the totals A4, C4:D4 of the same row do not',
    );
  });

  it('reports the totals of a row that add rates while the others add amounts', () => {
    const snapshot = workbookOf(
      sheetOf('Budget', [
        [24000, 3043, f('B1/A1', 0.13), 14323, f('D1/A1', 0.6)],
        [34774, 3223, f('B2/A2', 0.09), 17823, f('D2/A2', 0.51)],
        [f('SUM(A1:A2)'), f('SUM(B1:B2)'), f('SUM(C1:C2)'), f('SUM(D1:D2)'), f('SUM(E1:E2)')],
      ]),
    );
    expect(runRule(formulaInconsistent, snapshot)).toEqual([
      expect.objectContaining({
        cell: 'C3',
        message: '合计 C3 加的是比率（如 C1 =B1/A1），比率相加没有意义；同一行的合计 A3:B3、D3 加的是数额',
      }),
      expect.objectContaining({ cell: 'E3' }),
    ]);
    expect(runRule(formulaInconsistent, snapshot, { lang: 'en-US' })[0]?.message).toBe(
      'The total C3 adds rates (such as C1 =B1/A1), which do not add up; the totals A3:B3, D3 of the same row add amounts',
    );
  });
});

describe('formula/inconsistent on a seed fixture', () => {
  it('leaves a 满意度 row total that adds another span to formula/range-omits (seed 003)', async () => {
    const { snapshot } = await seedWorkbook(seed003);
    const copy = structuredClone(snapshot);
    const cell = copy.sheets.find((s) => s.name === '满意度调查')?.cells.find((c) => c.formula === 'SUM(B6:E6)');
    if (!cell) throw new Error('no survey total');
    cell.formula = 'SUM(B6:D6)';
    expect(runRule(formulaInconsistent, copy)).toEqual([]);
    expect(runRule(formulaRangeOmits, copy)).toEqual([
      expect.objectContaining({
        sheet: '满意度调查',
        cell: 'F6',
        message: '合计公式 F6 加的是 B–D 列，而同一列的合计 F4:F5、F7 加的是 B–E 列：少加了 E 列',
        related: [
          { sheet: '满意度调查', cell: 'F4:F5' },
          { sheet: '满意度调查', cell: 'F7' },
        ],
      }),
    ]);
  });

  it.each(SEED_VARIANTS)('seed %s (%s) gives no finding', (id, variant) => {
    expect(runRule(formulaInconsistent, fixtureOf(faithful, id, variant).snapshot)).toEqual([]);
  });
});
