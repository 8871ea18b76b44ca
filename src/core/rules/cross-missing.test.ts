import {
  faithfulFixtures,
  fixtureOf,
  placedIndicator,
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
import { crossMissing } from './cross-missing';

type Built = { snapshot: WorkbookSnapshot; layout: Layout };

let faithful: Map<string, SeedFixture>;
/** Seed 001 with the summary's 效益 row left out. */
let dropped: Built;
/** Seed 001 with a fifth summary row 满意度 (no such level-1 indicator in the score table). */
let added: Built;
/** Seed 003 with the summary's 效益 renamed 满意度 and weighted 20: neither name nor position-and-weight pairs it. */
let renamed: Built;
/** Seed 003 with the summary's 效益 renamed 效果, an alias of 效益. */
let aliased: Built;

beforeAll(async () => {
  faithful = await faithfulFixtures();
  dropped = await seedWorkbook(seed001, (copy) => {
    copy.summary?.rows.pop();
  });
  added = await seedWorkbook(seed001, (copy) => {
    copy.summary?.rows.push({ name: '满意度', weight: 10, score: 6 });
  });
  renamed = await seedWorkbook(seed003, (copy) => {
    const row = copy.summary?.rows[3];
    if (!row) return;
    row.name = '满意度';
    row.weight = 20;
  });
  aliased = await seedWorkbook(seed003, (copy) => {
    const row = copy.summary?.rows[3];
    if (row) row.name = '效果';
  });
}, 60_000);

describe('cross/missing on a planted seed fault', () => {
  it('reports a level-1 indicator of the score table missing from the summary (seed 001 效益), pointing to the summary', () => {
    const placed = placedIndicator(dropped.layout, '效益');
    const findings = runRule(crossMissing, dropped.snapshot);
    expect(findings).toEqual([
      {
        code: 'cross/missing',
        severity: 'warning',
        sheet: '评分表',
        cell: placed.name.cell,
        message: expect.any(String),
        related: [{ sheet: '汇总表', cell: 'A2' }],
      },
    ]);
    expect(placed.name.cell).toBe('A10');
    expect(findings[0]?.message).toBe('评分表中的一级指标“效益”未列入汇总表');
  });

  it('reports a summary row with no level-1 indicator (seed 001 满意度), pointing to the score table', () => {
    const row = added.layout.summary?.rows[4];
    expect(row?.name).toBe('满意度');
    const nameCell = `A${/\d+$/.exec(row?.score.cell ?? '')?.[0]}`;
    expect(runRule(crossMissing, added.snapshot)).toEqual([
      {
        code: 'cross/missing',
        severity: 'warning',
        sheet: '汇总表',
        cell: nameCell,
        message: '汇总表中的“满意度”在评分表中找不到对应的一级指标',
        related: [{ sheet: '评分表', cell: 'A2' }],
      },
    ]);
  });

  it('reports both sides when a renamed row no longer pairs by name, position or weight (seed 003)', () => {
    const row = renamed.layout.summary?.rows[3];
    const effect = placedIndicator(renamed.layout, '“工作活动”效果');
    expect(runRule(crossMissing, renamed.snapshot).map((f) => [f.sheet, f.cell, f.message])).toEqual([
      ['汇总表', `${/^[A-Z]+/.exec(row?.score.cell ?? '')?.[0]}2`, '汇总表中的“满意度”在评分表中找不到对应的一级指标'],
      ['评分表', effect.name.cell, '评分表中的一级指标““工作活动”效果”未列入汇总表'],
    ]);
  });

  it('pairs 效果 with 效益 through the alias table', () => {
    expect(runRule(crossMissing, aliased.snapshot)).toEqual([]);
  });

  it('words the findings in English with en-US', () => {
    expect(runRule(crossMissing, dropped.snapshot, { lang: 'en-US' }).map((f) => f.message)).toEqual([
      'Level-1 indicator "效益" is missing from the summary',
    ]);
    expect(runRule(crossMissing, added.snapshot, { lang: 'en-US' }).map((f) => f.message)).toEqual([
      'Summary row "满意度" has no level-1 indicator in the score table',
    ]);
  });
});

describe('cross/missing on hand-made layouts', () => {
  const workbook = (summaryRows: Array<[string, number, number]>) =>
    workbookOf(
      sheetOf('评分表', [
        ['一级指标', '二级指标', '分值', '得分'],
        ['决策', '立项', 20, 18],
        ['过程', '资金', 30, 25],
        ['产出', '数量', 50, 45],
        ['合计', null, 100, 88],
      ]),
      sheetOf('汇总', [['一级指标', '分值', '得分'], ...summaryRows, ['合计', 100, 88]]),
    );

  it('reports 效益 (summary) and 产出 (score table) that do not pair: names differ and the weights too', () => {
    expect(
      runRule(
        crossMissing,
        workbook([
          ['决策', 20, 18],
          ['过程', 30, 25],
          ['效益', 40, 45],
        ]),
      ),
    ).toEqual([
      {
        code: 'cross/missing',
        severity: 'warning',
        sheet: '汇总',
        cell: 'A4',
        message: '汇总表中的“效益”在评分表中找不到对应的一级指标',
        related: [{ sheet: '评分表', cell: 'A1' }],
      },
      {
        code: 'cross/missing',
        severity: 'warning',
        sheet: '评分表',
        cell: 'A4',
        message: '评分表中的一级指标“产出”未列入汇总表',
        related: [{ sheet: '汇总', cell: 'A1' }],
      },
    ]);
  });

  it('pairs rows named outside the alias table by position when their weights agree (前期工作 ↔ 决策)', () => {
    expect(
      runRule(
        crossMissing,
        workbook([
          ['前期工作', 20, 18],
          ['过程', 30, 25],
          ['产出', 50, 45],
        ]),
      ),
    ).toEqual([]);
  });
});

describe('cross/missing on the faithful seed fixtures', () => {
  it.each(SEED_VARIANTS)(
    'seed %s (%s) gives no finding (seed 003’s “工作活动” names pair with 决策 … 效益)',
    (id, variant) => {
      expect(runRule(crossMissing, fixtureOf(faithful, id, variant).snapshot)).toEqual([]);
    },
  );
});
