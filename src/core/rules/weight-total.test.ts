import {
  faithfulFixtures,
  fixtureOf,
  indicatorNamed,
  ref,
  runRule,
  SEED_VARIANTS,
  seedWorkbook,
  type SeedFixture,
} from '../../../test/rule-harness';
import { sheetOf, workbookOf } from '../../../test/snapshot-builder';
import { seed000 } from '../../../test/fixtures/seeds/seed000';
import { seed003 } from '../../../test/fixtures/seeds/seed003';
import type { Layout } from '../../../test/fixtures/build-workbook';
import type { WorkbookSnapshot } from '../snapshot';
import { weightTotal } from './weight-total';

type Built = { snapshot: WorkbookSnapshot; layout: Layout };

let faithful: Map<string, SeedFixture>;
/** Seed 000 with the summary's 决策 weighing 18 instead of 17 (the 合计 still says 100). */
let summary101: Built;
let summary101Flipped: Built;
/** Seed 003 with 政策相关性 weighing 4 instead of 3 (the score table's 合计 still says 100). */
let table101: Built;

beforeAll(async () => {
  faithful = await faithfulFixtures();
  const raiseDecision = (copy: typeof seed000) => {
    const row = copy.summary?.rows[0];
    if (row) row.weight = 18;
  };
  summary101 = await seedWorkbook(seed000, raiseDecision, 'merged');
  summary101Flipped = await seedWorkbook(seed000, raiseDecision, 'filldown');
  table101 = await seedWorkbook(seed003, (copy) => {
    indicatorNamed(copy.scoreTable?.indicators ?? [], '政策相关性').weight = 4;
  });
}, 60_000);

describe('weight/total on a planted seed fault', () => {
  it('reports the summary 合计 when the level-1 weights sum to 101 (seed 000, vertical summary)', () => {
    const summary = summary101.layout.summary;
    const findings = runRule(weightTotal, summary101.snapshot);
    expect(findings).toEqual([
      {
        code: 'weight/total',
        severity: 'error',
        sheet: '汇总表',
        cell: summary?.total?.weight.cell,
        message: expect.any(String),
        expected: 100,
        actual: 101,
        related: summary?.rows.map((r) => ref(r.weight)),
      },
    ]);
    expect(findings[0]?.cell).toBe('B7');
    expect(findings[0]?.message).toBe('一级指标分值合计 101.00（18.00 + 23.00 + 35.00 + 25.00），应为 100.00');
  });

  it('reports the same fault in a horizontal summary (filldown variant flips it)', () => {
    const summary = summary101Flipped.layout.summary;
    expect(summary?.orientation).toBe('horizontal');
    expect(runRule(weightTotal, summary101Flipped.snapshot)).toEqual([
      expect.objectContaining({
        cell: summary?.total?.weight.cell,
        expected: 100,
        actual: 101,
        related: summary?.rows.map((r) => ref(r.weight)),
      }),
    ]);
  });

  it('reports the score table 合计 when a level-3 weight is raised (seed 003), resting on every leaf weight', () => {
    const { layout } = table101;
    expect(runRule(weightTotal, table101.snapshot)).toEqual([
      {
        code: 'weight/total',
        severity: 'error',
        sheet: '评分表',
        cell: layout.total?.weight.cell,
        message: '一级指标分值合计 101.00（16 + 25 + 30 + 30），应为 100.00',
        expected: 100,
        actual: 101,
        related: layout.indicators.filter((i) => i.weight).map((i) => ref(i.weight)),
      },
    ]);
    expect(layout.total?.weight.cell).toBe('F19');
  });

  it('words the finding in English with en-US', () => {
    expect(runRule(weightTotal, summary101.snapshot, { lang: 'en-US' }).map((f) => f.message)).toEqual([
      'Level-1 weights sum to 101.00 (18.00 + 23.00 + 35.00 + 25.00); the total is 100.00',
    ]);
  });
});

describe('weight/total on hand-made layouts', () => {
  it('reads a vertical summary whose rows sum to 95', () => {
    const snapshot = workbookOf(
      sheetOf('汇总', [
        ['一级指标', '分值', '得分'],
        ['决策', 20, 18],
        ['过程', 20, 18],
        ['产出', 30, 28],
        ['效益', 25, 20],
        ['合计', 100, 84],
      ]),
    );
    expect(runRule(weightTotal, snapshot)).toEqual([
      {
        code: 'weight/total',
        severity: 'error',
        sheet: '汇总',
        cell: 'B6',
        message: '一级指标分值合计 95（20 + 20 + 30 + 25），应为 100',
        expected: 100,
        actual: 95,
        related: ['B2', 'B3', 'B4', 'B5'].map((cell) => ({ sheet: '汇总', cell })),
      },
    ]);
  });

  const partial = () =>
    workbookOf(
      sheetOf('评分表', [
        ['一级指标', '二级指标', '分值', '得分'],
        ['决策', null, 15, 14],
        [null, '立项', 15, 14],
        ['过程', null, 25, 20],
        [null, '资金', 25, 20],
      ]),
    );

  it('compares a table with no 合计 row with the profile’s total (100 by default)', () => {
    expect(runRule(weightTotal, partial())).toMatchObject([
      {
        cell: 'C4',
        expected: 100,
        actual: 40,
        related: [
          { sheet: '评分表', cell: 'C2' },
          { sheet: '评分表', cell: 'C4' },
        ],
      },
    ]);
  });

  it('takes the total from the profile when the table states none', () => {
    expect(runRule(weightTotal, partial(), { profile: { totalWeight: 40 } })).toEqual([]);
  });

  it('still reports a table with no 合计 row whose weights are on the leaves only (no level-1 weight cell to point at)', () => {
    const snapshot = workbookOf(
      sheetOf('评分表', [
        ['一级指标', '二级指标', '分值', '得分'],
        ['决策', '立项', 15, 15],
        [null, '目标', 5, 5],
        ['过程', '资金', 20, 20],
        ['产出', '数量', 30, 30],
        ['效益', '社会', 25, 25],
      ]),
    );
    const findings = runRule(weightTotal, snapshot);
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'weight/total',
        sheet: '评分表',
        expected: 100,
        actual: 95,
        related: ['C2', 'C3', 'C4', 'C5', 'C6'].map((cell) => ({ sheet: '评分表', cell })),
      }),
    ]);
    expect(findings[0]?.cell).toMatch(/^[A-Z]+\d+$/);
  });
});

describe('weight/total on the faithful seed fixtures', () => {
  it.each(SEED_VARIANTS)('seed %s (%s) gives no finding', (id, variant) => {
    expect(runRule(weightTotal, fixtureOf(faithful, id, variant).snapshot)).toEqual([]);
  });
});
