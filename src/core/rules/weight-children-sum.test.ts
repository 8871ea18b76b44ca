import type { Finding } from '../finding';
import {
  faithfulFixtures,
  fixtureOf,
  indicatorNamed,
  placedIndicator,
  ref,
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
import { weightChildrenSum } from './weight-children-sum';

type Built = { snapshot: WorkbookSnapshot; layout: Layout };

let faithful: Map<string, SeedFixture>;
/** Seed 003 with 政策相关性 weighing 4 instead of 3: its parent 工作活动相关性 still says (9分). */
let policy4Labels: Built;
let policy4Merged: Built;
/** Seed 001 with 项目申报 weighing 10: 决策 (15) no longer equals 10 + 6. */
let declare10Labels: Built;

beforeAll(async () => {
  faithful = await faithfulFixtures();
  const raisePolicy = (copy: typeof seed003) => {
    indicatorNamed(copy.scoreTable?.indicators ?? [], '政策相关性').weight = 4;
  };
  policy4Labels = await seedWorkbook(seed003, raisePolicy, 'labels');
  policy4Merged = await seedWorkbook(seed003, raisePolicy, 'merged');
  declare10Labels = await seedWorkbook(
    seed001,
    (copy) => {
      indicatorNamed(copy.scoreTable?.indicators ?? [], '项目申报').weight = 10;
    },
    'labels',
  );
}, 60_000);

describe('weight/children-sum on a planted seed fault', () => {
  it('reports a level-2 label weight (9分) that its level-3 cells no longer sum to (seed 003)', () => {
    const { layout } = policy4Labels;
    const parent = placedIndicator(layout, '工作活动相关性');
    const children = ['政策相关性', '部门职责相关性', '预算项目相关性'].map((name) =>
      ref(placedIndicator(layout, name).weight),
    );
    const findings = runRule(weightChildrenSum, policy4Labels.snapshot);
    expect(findings).toEqual([
      {
        code: 'weight/children-sum',
        severity: 'error',
        sheet: parent.name.sheet,
        cell: parent.name.cell,
        message: expect.any(String),
        expected: 10,
        actual: 9,
        related: children,
      },
    ]);
    expect(parent.name.cell).toBe('B3');
    const message = (findings[0] as Finding).message;
    expect(message).toContain('工作活动相关性');
    expect(message).toContain('9');
    expect(message).toContain('10');
  });

  it('reports a level-1 label weight (15) against its level-2 cells (seed 001)', () => {
    const { layout } = declare10Labels;
    const parent = placedIndicator(layout, '决策');
    expect(runRule(weightChildrenSum, declare10Labels.snapshot)).toEqual([
      {
        code: 'weight/children-sum',
        severity: 'error',
        sheet: '评分表',
        cell: parent.name.cell,
        message: expect.stringContaining('16'),
        expected: 16,
        actual: 15,
        related: [ref(placedIndicator(layout, '项目申报').weight), ref(placedIndicator(layout, '资金投入').weight)],
      },
    ]);
  });

  it('says nothing when no parent states a weight (merged layout: weights on leaves only; weight/total reports the sum)', () => {
    expect(runRule(weightChildrenSum, policy4Merged.snapshot)).toEqual([]);
  });

  it('words the finding in English with en-US', () => {
    const [finding] = runRule(weightChildrenSum, policy4Labels.snapshot, { lang: 'en-US' });
    expect(finding?.message).toBe('"工作活动相关性" has weight 9; its children sum to 10 (4.00 + 3.00 + 3.00)');
    expect(finding?.cell).toBe('B3');
  });
});

describe('weight/children-sum on hand-made layouts', () => {
  it('reads a parent-row layout: each level on its own row with its own weight cell', () => {
    const snapshot = workbookOf(
      sheetOf('评分表', [
        ['一级指标', '二级指标', '三级指标', '分值', '得分'],
        ['决策', null, null, 20, 18],
        [null, '项目立项', null, 10, 9],
        [null, null, '立项依据充分性', 5, 5],
        [null, null, '立项程序规范性', 4, 4],
        [null, '绩效目标', null, 10, 9],
        [null, null, '绩效目标合理性', 10, 9],
        ['合计', null, null, 20, 18],
      ]),
    );
    expect(runRule(weightChildrenSum, snapshot)).toEqual([
      {
        code: 'weight/children-sum',
        severity: 'error',
        sheet: '评分表',
        cell: 'D3',
        message: '“项目立项”分值 10，不等于下级指标分值合计 9（5 + 4）',
        expected: 9,
        actual: 10,
        related: [
          { sheet: '评分表', cell: 'D4' },
          { sheet: '评分表', cell: 'D5' },
        ],
      },
    ]);
  });

  it('reads a weight column per level (一级分值 | 二级分值) under a two-row header', () => {
    const snapshot = workbookOf(
      sheetOf(
        '指标',
        [
          ['评价指标', null, null, null, '得分'],
          ['一级指标', '一级分值', '二级指标', '二级分值', null],
          ['产出', 30, '数量', 20, 19],
          ['产出', 30, '质量', 8, 8],
          ['总分', 30, null, null, 27],
        ],
        ['A1:D1', 'E1:E2'],
      ),
    );
    expect(runRule(weightChildrenSum, snapshot)).toMatchObject([
      {
        cell: 'B3',
        expected: 28,
        actual: 30,
        related: [
          { sheet: '指标', cell: 'D3' },
          { sheet: '指标', cell: 'D4' },
        ],
      },
    ]);
  });

  it('accepts children that sum to the parent, full-width label weights included', () => {
    const snapshot = workbookOf(
      sheetOf('自评', [
        ['一级指标', '二级指标', '指标分值', '自评得分'],
        ['产出指标（５０分）', '数量指标(30分)', '３０', '２８'],
        [null, '质量指标(20分)', 20, 20],
      ]),
    );
    expect(runRule(weightChildrenSum, snapshot)).toEqual([]);
  });
});

describe('weight/children-sum on the faithful seed fixtures', () => {
  it.each(SEED_VARIANTS)('seed %s (%s) gives no finding', (id, variant) => {
    expect(runRule(weightChildrenSum, fixtureOf(faithful, id, variant).snapshot)).toEqual([]);
  });
});
