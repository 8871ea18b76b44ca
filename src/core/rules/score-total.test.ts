import type { Finding } from '../finding';
import {
  faithfulFixtures,
  fixtureOf,
  placedIndicator,
  ref,
  runRule,
  SEED_VARIANTS,
  seedWorkbook,
  type SeedFixture,
} from '../../../test/rule-harness';
import { sheetOf, workbookOf } from '../../../test/snapshot-builder';
import { seed000 } from '../../../test/fixtures/seeds/seed000';
import { seed003 } from '../../../test/fixtures/seeds/seed003';
import { seed004 } from '../../../test/fixtures/seeds/seed004';
import type { Layout } from '../../../test/fixtures/build-workbook';
import type { WorkbookSnapshot } from '../snapshot';
import { scoreTotal } from './score-total';

type Built = { snapshot: WorkbookSnapshot; layout: Layout };

let faithful: Map<string, SeedFixture>;
/** Seed 000 with the summary 合计 85.55 instead of 84.55. */
let summaryTotal: Built;
/** Seed 003 with the score table's 合计 94.36 instead of 93.36. */
let tableTotal: Built;
/** Seed 003 with the (horizontal) summary's 合计 94.36. */
let horizontalTotal: Built;
/** Seed 004 with its 总分 corrected to 100 (10 + 50 + 30 + 10). */
let selfEvaluationFixed: Built;
/** Seed 004 with the budget row scored 8 and 总分 98: the budget row counts in the total. */
let selfEvaluationBudget8: Built;

beforeAll(async () => {
  faithful = await faithfulFixtures();
  summaryTotal = await seedWorkbook(seed000, (copy) => {
    if (copy.summary) copy.summary.total.score = 85.55;
  });
  tableTotal = await seedWorkbook(seed003, (copy) => {
    if (copy.scoreTable) copy.scoreTable.total.score = 94.36;
  });
  horizontalTotal = await seedWorkbook(seed003, (copy) => {
    if (copy.summary) copy.summary.total.score = 94.36;
  });
  selfEvaluationFixed = await seedWorkbook(seed004, (copy) => {
    if (copy.selfEvaluation) copy.selfEvaluation.total.score = 100;
  });
  selfEvaluationBudget8 = await seedWorkbook(seed004, (copy) => {
    if (!copy.selfEvaluation) return;
    copy.selfEvaluation.funds.score = 8;
    copy.selfEvaluation.total.score = 98;
  });
}, 60_000);

/**
 * Seed 004's 总分 96.00 as the report prints it, while its rows give 10 + 50 + 30 + 10 = 100 (seed004.ts knownIssues:
 * "总分 ≠ Σ rows"). DOMAIN.md does not list it among the known faults, but it is one, and the rule must report it.
 */
function known004(layout: Layout): Finding {
  return {
    code: 'score/total',
    severity: 'error',
    sheet: '自评表',
    cell: layout.total?.score.cell as string,
    message: '总分 96.00 不等于一级指标得分合计 100.00（50 + 30 + 10 + 10.00）',
    expected: 100,
    actual: 96,
    related: [ref(layout.budget?.score), ...layout.indicators.filter((i) => i.score).map((i) => ref(i.score))],
  };
}

describe('score/total on a planted seed fault', () => {
  it('reports a summary 合计 that is not the sum of its rows (seed 000: 85.55 vs 84.55)', () => {
    const summary = summaryTotal.layout.summary;
    const findings = runRule(scoreTotal, summaryTotal.snapshot);
    expect(findings).toEqual([
      {
        code: 'score/total',
        severity: 'error',
        sheet: '汇总表',
        cell: summary?.total?.score.cell,
        message: expect.any(String),
        expected: 84.55,
        actual: 85.55,
        related: summary?.rows.map((r) => ref(r.score)),
      },
    ]);
    expect(summary?.total?.score.cell).toBe('C7');
    expect(findings[0]?.message).toBe('总分 85.55 不等于一级指标得分合计 84.55（13.75 + 16.80 + 32.00 + 22.00）');
  });

  it('reports a score table 合计 off by one, counting the blank 预算执行率 as the 4 its standard gives (seed 003)', () => {
    const { layout } = tableTotal;
    const blank = placedIndicator(layout, '预算执行率').score?.cell;
    expect(runRule(scoreTotal, tableTotal.snapshot)).toEqual([
      {
        code: 'score/total',
        severity: 'error',
        sheet: '评分表',
        cell: layout.total?.score.cell,
        message: '总分 94.36 不等于一级指标得分合计 93.36（14 + 20 + 30 + 29.36）',
        expected: 93.36,
        actual: 94.36,
        related: layout.indicators.filter((i) => i.score && i.score.cell !== blank).map((i) => ref(i.score)),
      },
    ]);
  });

  it('reports a horizontal summary 合计 (seed 003)', () => {
    const summary = horizontalTotal.layout.summary;
    expect(summary?.orientation).toBe('horizontal');
    expect(runRule(scoreTotal, horizontalTotal.snapshot)).toEqual([
      {
        code: 'score/total',
        severity: 'error',
        sheet: '汇总表',
        cell: summary?.total?.score.cell,
        message: '总分 94.36 不等于一级指标得分合计 93.36（14.00 + 20.00 + 30.00 + 29.36）',
        expected: 93.36,
        actual: 94.36,
        related: summary?.rows.map((r) => ref(r.score)),
      },
    ]);
  });

  it('counts a self-evaluation form’s budget row in its 总分', () => {
    expect(runRule(scoreTotal, selfEvaluationFixed.snapshot)).toEqual([]);
    expect(runRule(scoreTotal, selfEvaluationBudget8.snapshot)).toEqual([]);
  });

  it('words the finding in English with en-US', () => {
    expect(runRule(scoreTotal, summaryTotal.snapshot, { lang: 'en-US' }).map((f) => f.message)).toEqual([
      'The total 85.55 differs from the level-1 scores, which sum to 84.55 (13.75 + 16.80 + 32.00 + 22.00)',
    ]);
  });
});

describe('score/total on hand-made layouts', () => {
  it('reads a parent-row table whose 合计 is not the sum of the level-1 scores', () => {
    const snapshot = workbookOf(
      sheetOf('评分表', [
        ['一级指标', '二级指标', '分值', '得分'],
        ['决策', null, 20, 18],
        [null, '项目立项', 20, 18],
        ['产出', null, 80, 70.5],
        [null, '数量', 80, 70.5],
        ['合计', null, 100, 87.5],
      ]),
    );
    expect(runRule(scoreTotal, snapshot)).toEqual([
      {
        code: 'score/total',
        severity: 'error',
        sheet: '评分表',
        cell: 'D6',
        message: '总分 87.5 不等于一级指标得分合计 88.5（18 + 70.5）',
        expected: 88.5,
        actual: 87.5,
        related: [
          { sheet: '评分表', cell: 'D2' },
          { sheet: '评分表', cell: 'D4' },
        ],
      },
    ]);
  });

  it('accepts a total of one-decimal scores without binary noise (12 + 19.5 + 33 + 24.8 = 89.3)', () => {
    const snapshot = workbookOf(
      sheetOf('汇总', [
        ['一级指标', '分值', '得分'],
        ['决策', 15, 12],
        ['过程', 20, 19.5],
        ['产出', 35, 33],
        ['效益', 30, 24.8],
        ['合计', 100, 89.3],
      ]),
    );
    expect(runRule(scoreTotal, snapshot)).toEqual([]);
  });
});

describe('score/total on the faithful seed fixtures', () => {
  it.each(SEED_VARIANTS)(
    'seed %s (%s) gives no finding but seed 004’s printed 总分 96 (rows sum to 100)',
    (id, variant) => {
      const { layout, snapshot } = fixtureOf(faithful, id, variant);
      expect(runRule(scoreTotal, snapshot)).toEqual(id === seed004.id ? [known004(layout)] : []);
    },
  );
});
