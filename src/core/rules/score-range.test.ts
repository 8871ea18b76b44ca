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
import { seed000 } from '../../../test/fixtures/seeds/seed000';
import { seed001 } from '../../../test/fixtures/seeds/seed001';
import type { Layout } from '../../../test/fixtures/build-workbook';
import type { WorkbookSnapshot } from '../snapshot';
import { scoreRange } from './score-range';

type Built = { snapshot: WorkbookSnapshot; layout: Layout };

let faithful: Map<string, SeedFixture>;
/** Seed 001 with 项目申报 (分值 9) scored 10. */
let above: Built;
/** Seed 001 with 项目申报 scored −1. */
let negative: Built;
/** Seed 000 with the summary's 效益 (分值 25) scored 26. */
let summaryAbove: Built;

beforeAll(async () => {
  faithful = await faithfulFixtures();
  const scoreDeclaration = (score: number) => (copy: typeof seed001) => {
    indicatorNamed(copy.scoreTable?.indicators ?? [], '项目申报').score = score;
  };
  above = await seedWorkbook(seed001, scoreDeclaration(10));
  negative = await seedWorkbook(seed001, scoreDeclaration(-1));
  summaryAbove = await seedWorkbook(seed000, (copy) => {
    const row = copy.summary?.rows[3];
    if (row) row.score = 26;
  });
}, 60_000);

describe('score/range on a planted seed fault', () => {
  it('reports a score above its weight (seed 001 项目申报 10 of 9), resting on the weight cell', () => {
    const placed = placedIndicator(above.layout, '项目申报');
    const findings = runRule(scoreRange, above.snapshot);
    expect(findings).toEqual([
      {
        code: 'score/range',
        severity: 'error',
        sheet: '评分表',
        cell: placed.score?.cell,
        message: expect.any(String),
        expected: 9,
        actual: 10,
        related: [ref(placed.weight)],
      },
    ]);
    expect(placed.score?.cell).toBe('E3');
    expect(findings[0]?.message).toBe('“项目申报”得分 10.00，超过分值 9.00');
  });

  it('reports a negative score with 0 expected', () => {
    const placed = placedIndicator(negative.layout, '项目申报');
    expect(runRule(scoreRange, negative.snapshot)).toEqual([
      {
        code: 'score/range',
        severity: 'error',
        sheet: '评分表',
        cell: placed.score?.cell,
        message: '“项目申报”得分 -1.00，小于 0',
        expected: 0,
        actual: -1,
        related: [ref(placed.weight)],
      },
    ]);
  });

  it('reports a summary row above its weight (seed 000 效益 26 of 25)', () => {
    const row = summaryAbove.layout.summary?.rows[3];
    expect(row?.name).toBe('效益');
    expect(runRule(scoreRange, summaryAbove.snapshot)).toEqual([
      {
        code: 'score/range',
        severity: 'error',
        sheet: '汇总表',
        cell: row?.score.cell,
        message: '“效益”得分 26.00，超过分值 25.00',
        expected: 25,
        actual: 26,
        related: [ref(row?.weight)],
      },
    ]);
  });

  it('words the findings in English with en-US', () => {
    expect(runRule(scoreRange, above.snapshot, { lang: 'en-US' }).map((f) => f.message)).toEqual([
      '"项目申报" scores 10.00, above its weight 9.00',
    ]);
    expect(runRule(scoreRange, negative.snapshot, { lang: 'en-US' }).map((f) => f.message)).toEqual([
      '"项目申报" scores -1.00, below 0',
    ]);
  });
});

describe('score/range on hand-made layouts', () => {
  it('reports both bounds in one table and accepts 0 and the full weight', () => {
    const snapshot = workbookOf(
      sheetOf('评分', [
        ['一级指标', '二级指标', '分值', '得分'],
        ['过程', '预算执行率', 4, -0.5],
        [null, '资金使用', 6, 6.5],
        [null, '制度执行', 5, 0],
        [null, '档案管理', 5, 5],
      ]),
    );
    expect(runRule(scoreRange, snapshot)).toEqual([
      {
        code: 'score/range',
        severity: 'error',
        sheet: '评分',
        cell: 'D2',
        message: '“预算执行率”得分 -0.5，小于 0',
        expected: 0,
        actual: -0.5,
        related: [{ sheet: '评分', cell: 'C2' }],
      },
      {
        code: 'score/range',
        severity: 'error',
        sheet: '评分',
        cell: 'D3',
        message: '“资金使用”得分 6.5，超过分值 6',
        expected: 6,
        actual: 6.5,
        related: [{ sheet: '评分', cell: 'C3' }],
      },
    ]);
  });

  it('checks a parent against the weight in its label when it has no weight cell', () => {
    const snapshot = workbookOf(
      sheetOf('评分', [
        ['一级指标', '二级指标', '分值', '得分'],
        ['产出指标(20分)', null, null, 21],
        [null, '数量指标', 20, 20],
      ]),
    );
    expect(runRule(scoreRange, snapshot)).toMatchObject([{ cell: 'D2', expected: 20, actual: 21 }]);
  });
});

describe('score/range on the faithful seed fixtures', () => {
  it.each(SEED_VARIANTS)('seed %s (%s) gives no finding', (id, variant) => {
    expect(runRule(scoreRange, fixtureOf(faithful, id, variant).snapshot)).toEqual([]);
  });
});
