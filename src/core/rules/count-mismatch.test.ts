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
import { seed003 } from '../../../test/fixtures/seeds/seed003';
import type { Layout } from '../../../test/fixtures/build-workbook';
import type { WorkbookSnapshot } from '../snapshot';
import { countMismatch, listedIndicators } from './count-mismatch';

type Built = { snapshot: WorkbookSnapshot; layout: Layout };

let faithful: Map<string, SeedFixture>;
/** Seed 003 stating “15 个三级指标” where its table has 16. */
let level3: Built;
/** Seed 001 stating “二级指标 12 个” where its table has 10. */
let level2: Built;

beforeAll(async () => {
  faithful = await faithfulFixtures();
  level3 = await seedWorkbook(seed003, (copy) => {
    const stated = copy.statedCounts?.[2];
    if (stated) stated.text = '根据专项资金具体使用方向，分别设 15 个三级指标';
  });
  level2 = await seedWorkbook(seed001, (copy) => {
    const stated = copy.statedCounts?.[1];
    if (stated) stated.text = '二级指标 12 个（§二(二)2(1)）';
  });
}, 60_000);

/** The builder writes the i-th stated count in column A, from two rows under the score table's 合计 row. */
function statedCell(layout: Layout, i: number): string {
  const totalRow = Number(/\d+$/.exec(layout.total?.weight.cell ?? '')?.[0]);
  return `A${totalRow + 2 + i}`;
}

describe('count/mismatch on a planted seed fault', () => {
  it('reports “15 个三级指标” against the 16 level-3 indicators of seed 003’s table, resting on the table', () => {
    const { layout } = level3;
    const findings = runRule(countMismatch, level3.snapshot);
    expect(findings).toEqual([
      {
        code: 'count/mismatch',
        severity: 'warning',
        sheet: '评分表',
        cell: statedCell(layout, 2),
        message: expect.any(String),
        expected: 16,
        actual: 15,
        related: [{ sheet: '评分表', cell: 'A2' }],
      },
    ]);
    expect(statedCell(layout, 2)).toBe('A23');
    expect(findings[0]?.message).toBe('写明三级指标 15 个，评分表中有 16 个');
  });

  it('reports “二级指标 12 个” against the 10 level-2 indicators of seed 001’s table', () => {
    const { layout } = level2;
    expect(runRule(countMismatch, level2.snapshot)).toEqual([
      {
        code: 'count/mismatch',
        severity: 'warning',
        sheet: '评分表',
        cell: statedCell(layout, 1),
        message: '写明二级指标 12 个，评分表中有 10 个',
        expected: 10,
        actual: 12,
        related: [{ sheet: '评分表', cell: 'A2' }],
      },
    ]);
  });

  it('words the findings in English with en-US', () => {
    expect(runRule(countMismatch, level3.snapshot, { lang: 'en-US' }).map((f) => f.message)).toEqual([
      'States 15 level-3 indicators; the score table has 16',
    ]);
  });
});

describe('count/mismatch on hand-made layouts', () => {
  const table = (note: string) =>
    workbookOf(
      sheetOf('评分表', [
        ['一级指标', '二级指标', '分值', '得分'],
        ['决策', '立项', 20, 18],
        ['过程', '资金', 30, 25],
        ['产出', '数量', 50, 45],
        ['合计', null, 100, 88],
        [],
        [],
        [note],
      ]),
    );

  it('reads counts in Chinese numerals and digits, in either word order (一级指标三个 matches, 二级指标4个 does not)', () => {
    expect(runRule(countMismatch, table('本次评价共设一级指标三个，二级指标4个'))).toEqual([
      {
        code: 'count/mismatch',
        severity: 'warning',
        sheet: '评分表',
        cell: 'A8',
        message: '写明二级指标 4 个，评分表中有 3 个',
        expected: 3,
        actual: 4,
        related: [{ sheet: '评分表', cell: 'A1' }],
      },
    ]);
  });

  it('reports a list after 包括 that does not match its count', () => {
    expect(runRule(countMismatch, table('设 3 个一级指标，包括决策、过程'))).toMatchObject([
      { cell: 'A8', expected: 2, actual: 3 },
    ]);
  });

  it('accepts a stated count that matches the table and its list', () => {
    expect(runRule(countMismatch, table('3 个一级指标（决策、过程、产出）'))).toEqual([]);
  });

  it('counts a listed name split at a 、 inside it as the one indicator of the table (seed 003’s wording)', () => {
    expect(listedIndicators(['立项', '绩效目标', '指标科学性'], ['立项', '绩效目标、指标设立科学性'])).toBe(2);
    expect(runRule(countMismatch, table('二级指标 3 个（立项、资金、数量）'))).toEqual([]);
    expect(listedIndicators(['立项', '资金', '宣传'], ['立项', '资金', '数量'])).toBe(3);
  });

  it('without a score table, counts the names listed', () => {
    const note = workbookOf(sheetOf('说明', [['设 3 个一级指标，包括决策、过程']]));
    expect(runRule(countMismatch, note)).toMatchObject([{ cell: 'A1', expected: 2, actual: 3 }]);
  });
});

describe('count/mismatch on the faithful seed fixtures', () => {
  it.each(SEED_VARIANTS)(
    'seed %s (%s) gives no finding (seed 003’s “10 个二级指标” lists one name split at its 、: right)',
    (id, variant) => {
      const { snapshot } = fixtureOf(faithful, id, variant);
      expect(runRule(countMismatch, snapshot)).toEqual([]);
    },
  );

  it('places seed 003’s stated count where the builder wrote it (A22)', () => {
    expect(statedCell(fixtureOf(faithful, seed003.id, 'merged').layout, 1)).toBe('A22');
  });
});
