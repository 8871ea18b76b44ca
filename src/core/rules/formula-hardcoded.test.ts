import {
  faithfulFixtures,
  fixtureOf,
  runRule,
  SEED_VARIANTS,
  seedWorkbook,
  type SeedFixture,
} from '../../../test/rule-harness';
import { sheetOf, workbookOf } from '../../../test/snapshot-builder';
import { seed001 } from '../../../test/fixtures/seeds/seed001';
import { formulaHardcoded } from './formula-hardcoded';

let faithful: Map<string, SeedFixture>;
beforeAll(async () => {
  faithful = await faithfulFixtures();
}, 60_000);

describe('formula/hardcoded on hand-made sheets', () => {
  it('reports a value typed over a column of copied formulas', () => {
    const snapshot = workbookOf(
      sheetOf('Pay', [
        ['Name', 'Hours', 'Rate', 'Pay'],
        ['A', 10, 5, { formula: 'B2*C2', value: 50 }],
        ['B', 9, 5, { formula: 'B3*C3', value: 45 }],
        ['C', 8, 5, 45],
        ['D', 6, 5, { formula: 'B5*C5', value: 30 }],
        ['E', 4, 5, { formula: 'B6*C6', value: 20 }],
      ]),
    );
    expect(runRule(formulaHardcoded, snapshot)).toEqual([
      {
        code: 'formula/hardcoded',
        severity: 'warning',
        sheet: 'Pay',
        cell: 'D4',
        message: '常数 45 位于一组相同公式之间（D3、D5），应为公式',
        actual: 45,
        related: [
          { sheet: 'Pay', cell: 'D3' },
          { sheet: 'Pay', cell: 'D5' },
        ],
      },
    ]);
    expect(runRule(formulaHardcoded, snapshot, { lang: 'en-US' })[0]?.message).toBe(
      'The constant 45 sits between copies of one formula (D3, D5); a formula is expected',
    );
  });

  it('leaves a value pasted over its own formula alone, and a number among copies of an average', () => {
    const pasted = workbookOf(
      sheetOf('Pay', [
        ['Name', 'Hours', 'Rate', 'Pay'],
        ['A', 10, 5, { formula: 'B2*C2', value: 50 }],
        ['B', 9, 5, { formula: 'B3*C3', value: 45 }],
        ['C', 8, 5, 40],
        ['D', 6, 5, { formula: 'B5*C5', value: 30 }],
        ['E', 4, 5, { formula: 'B6*C6', value: 20 }],
      ]),
    );
    expect(runRule(formulaHardcoded, pasted)).toEqual([]);
    const averages = workbookOf(
      sheetOf('Ratios', [
        [0.5, 0.6, 0.7, 0.8, 0.9],
        [0.7, 0.8, 0.9, 1.0, 1.1],
        [
          { formula: 'AVERAGE(A1:A2)', value: 0.6 },
          { formula: 'AVERAGE(B1:B2)', value: 0.7 },
          0.739,
          { formula: 'AVERAGE(D1:D2)', value: 0.9 },
          { formula: 'AVERAGE(E1:E2)', value: 1 },
        ],
      ]),
    );
    expect(runRule(formulaHardcoded, averages)).toEqual([]);
  });

  it('leaves a value between single formulas alone: two lone formulas are as often two different rows', () => {
    const snapshot = workbookOf(
      sheetOf('Pay', [
        ['Hours', 'Pay'],
        [10, { formula: 'A2*5', value: 50 }],
        [8, 40],
        [6, { formula: 'A4*5', value: 30 }],
      ]),
    );
    expect(runRule(formulaHardcoded, snapshot)).toEqual([]);
  });

  it('leaves typed data between formula columns and formulas of absolute references alone', () => {
    const snapshot = workbookOf(
      sheetOf('Data', [
        [{ formula: 'B1*2', value: 2 }, 1, { formula: 'B1*2', value: 2 }],
        [{ formula: 'B2*2', value: 4 }, 2, { formula: 'B2*2', value: 4 }],
        [{ formula: '$D$1', value: 0 }, 5],
        [7],
        [{ formula: '$D$1', value: 0 }],
      ]),
    );
    expect(runRule(formulaHardcoded, snapshot)).toEqual([]);
  });

  it('reports a typed 合计 score beside a SUM weight total in an indicator table', () => {
    const snapshot = workbookOf(
      sheetOf('评分', [
        ['一级指标', '二级指标', '分值', '得分'],
        ['过程', '预算执行率', 40, 30],
        [null, '资金使用', 60, 50],
        ['合计', null, { formula: 'SUM(C2:C3)', value: 100 }, 80],
      ]),
    );
    expect(runRule(formulaHardcoded, snapshot)).toMatchObject([
      { cell: 'D4', message: '合计 80 是手填的常数，而同行的合计 C4 是公式' },
    ]);
  });
});

describe('formula/hardcoded on regions of totals', () => {
  it('reports numbers typed into a row of totals that do not add up, one finding each', () => {
    const f = (formula: string) => ({ formula, value: 0 });
    const snapshot = workbookOf(
      sheetOf('Stock', [
        [11, 7, 6, 6, 1, 5, 1],
        [57, 28, 23, 27, 2, 22, 4],
        [f('SUM(A1:A2)'), f('SUM(B1:B2)'), f('SUM(C1:C2)'), f('SUM(D1:D2)'), 3, f('SUM(F1:F2)'), 5],
      ]),
    );
    // E3 = 3 adds up (1 + 2), and so does G3 = 5 (1 + 4): typed, but no wrong total.
    expect(runRule(formulaHardcoded, snapshot)).toEqual([]);
    // A typed total that does not add up:
    snapshot.sheets[0]?.cells.forEach((c) => {
      if (c.row === 2 && c.col === 4) c.value = { type: 'number', value: 30 };
    });
    expect(runRule(formulaHardcoded, snapshot)).toEqual([
      {
        code: 'formula/hardcoded',
        severity: 'warning',
        sheet: 'Stock',
        cell: 'E3',
        count: 1,
        expected: 3,
        actual: 30,
        expectedText: '3',
        actualText: '30',
        message: '合计 E3 是手填的数字，而同一行的合计 A3:D3、F3 是公式；E3 按公式应为 3，表中为 30',
        related: [
          { sheet: 'Stock', cell: 'A3:D3' },
          { sheet: 'Stock', cell: 'F3' },
        ],
      },
    ]);
    expect(runRule(formulaHardcoded, snapshot, { lang: 'en-US' })[0]?.message).toBe(
      'The total E3 is typed, while the totals A3:D3, F3 of the same row are formulas; by the formula E3 would be 3, not 30',
    );
  });
});

describe('formula/hardcoded on a seed fixture', () => {
  it('reports the 评分表 合计 score typed over its SUM (seed 001)', async () => {
    const { snapshot } = await seedWorkbook(seed001);
    const copy = structuredClone(snapshot);
    const total = copy.sheets.find((s) => s.name === '评分表')?.cells.find((c) => c.formula === 'SUM(E3:E12)');
    if (!total) throw new Error('no total formula');
    delete total.formula;
    expect(runRule(formulaHardcoded, copy)).toEqual([
      expect.objectContaining({
        code: 'formula/hardcoded',
        sheet: '评分表',
        cell: 'E13',
        actual: 89.3,
        related: [{ sheet: '评分表', cell: 'D13' }],
      }),
    ]);
  });

  it.each(SEED_VARIANTS)('seed %s (%s) gives no finding', (id, variant) => {
    expect(runRule(formulaHardcoded, fixtureOf(faithful, id, variant).snapshot)).toEqual([]);
  });
});
