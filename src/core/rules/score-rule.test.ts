import {
  cellOffset,
  faithfulFixtures,
  fixtureOf,
  indicatorNamed,
  placedIndicator,
  placedKeyValue,
  ref,
  runRule,
  SEED_VARIANTS,
  seedWorkbook,
  type SeedFixture,
} from '../../../test/rule-harness';
import { sheetOf, workbookOf, type GridValue } from '../../../test/snapshot-builder';
import type { SeedReport } from '../../../test/fixtures/seed-model';
import { seed003 } from '../../../test/fixtures/seeds/seed003';
import { seed004 } from '../../../test/fixtures/seeds/seed004';
import type { Layout } from '../../../test/fixtures/build-workbook';
import type { WorkbookSnapshot } from '../snapshot';
import { scoreRule } from './score-rule';

type Built = { snapshot: WorkbookSnapshot; layout: Layout };

const COMMUNITIES = '社会化管理工作覆盖社区数';

let faithful: Map<string, SeedFixture>;
/** Seed 003 with 受益群体满意度 (满意度调查得分*本项分值; survey 93.625% × 10 = 9.36) scored 9. */
let satisfaction9: Built;
/** Seed 003 with the blank 预算执行率 (指标分值=预算执行率*总分; 100% × 4) scored 3, then 4. */
let budget3: Built;
let budget4: Built;
/** Seed 003 with 实际支出资金 7.1 against a 7.00 budget: 1.43% over, one step of 20% off 项目资金预算成本 → 8. */
let overrun: Built;
/** Seed 004 with 覆盖社区数 missing its target (8个 of 9个): kept at the full 15, then 13.33 with no 偏差原因, then with one. */
let missFull: Built;
let missNoReason: Built;
let missWithReason: Built;
/** Seed 004 with 全年执行数 140 of 151.08: the budget row should score 140 / 151.08 × 10 = 9.27, not 10. */
let budgetRow: Built;
/** Seed 004 with 减轻国有企业经济负担 only 部分达成 (band 60–80% of 10): scored 10, then 7. */
let partly10: Built;
let partly7: Built;

async function communities(change: (node: ReturnType<typeof indicatorNamed>) => void): Promise<Built> {
  return seedWorkbook(seed004, (copy) => change(indicatorNamed(copy.selfEvaluation?.indicators ?? [], COMMUNITIES)));
}

function conclusionEntry(copy: SeedReport, label: string) {
  const entry = copy.conclusion?.entries.find((e) => e.label.startsWith(label));
  if (!entry) throw new Error(`no ${label}`);
  return entry;
}

beforeAll(async () => {
  faithful = await faithfulFixtures();
  satisfaction9 = await seedWorkbook(seed003, (copy) => {
    indicatorNamed(copy.scoreTable?.indicators ?? [], '受益群体满意度', 3).score = 9;
  });
  budget3 = await seedWorkbook(seed003, (copy) => {
    indicatorNamed(copy.scoreTable?.indicators ?? [], '预算执行率').score = 3;
  });
  budget4 = await seedWorkbook(seed003, (copy) => {
    indicatorNamed(copy.scoreTable?.indicators ?? [], '预算执行率').score = 4;
  });
  overrun = await seedWorkbook(seed003, (copy) => {
    conclusionEntry(copy, '实际支出资金').value = 7.1;
  });
  missFull = await communities((node) => {
    node.actual = '8个';
  });
  missNoReason = await communities((node) => {
    node.actual = '8个';
    node.score = 13.33;
  });
  missWithReason = await communities((node) => {
    node.actual = '8个';
    node.score = 13.33;
    node.deviation = '1个社区年中撤并，未能覆盖；已并入相邻社区管理';
  });
  budgetRow = await seedWorkbook(seed004, (copy) => {
    if (copy.selfEvaluation) copy.selfEvaluation.funds.executed = 140;
  });
  const partly = (score: number) => (copy: SeedReport) => {
    const node = indicatorNamed(copy.selfEvaluation?.indicators ?? [], '减轻国有企业经济负担');
    node.actual = '部分达成';
    node.score = score;
    node.deviation = '部分企业仍承担少量管理费用';
  };
  partly10 = await seedWorkbook(seed004, partly(10));
  partly7 = await seedWorkbook(seed004, partly(7));
}, 60_000);

/** The 年度指标值 and 实际完成值 cells of a self-evaluation row (the builder puts them just left of 分值). */
function targetAndActual(layout: Layout, name: string) {
  const weight = placedIndicator(layout, name).weight;
  if (!weight) throw new Error(`no weight for ${name}`);
  return [
    { sheet: weight.sheet, cell: cellOffset(weight.cell, 0, -2) },
    { sheet: weight.sheet, cell: cellOffset(weight.cell, 0, -1) },
  ];
}

describe('score/rule on planted seed faults: evaluation standards', () => {
  it('reports 受益群体满意度 9 where 满意度调查得分*本项分值 gives 93.625% × 10 = 9.36 (seed 003), resting on the survey counts', () => {
    const { layout } = satisfaction9;
    const score = placedIndicator(layout, '受益群体满意度', 3).score;
    const survey = layout.surveys[0];
    const inputs = (survey?.questions ?? []).flatMap((q) => {
      const last = q.counts[q.counts.length - 1];
      return [...q.counts.map(ref), { sheet: survey?.sheet as string, cell: cellOffset(last?.cell as string, 0, 1) }];
    });
    const findings = runRule(scoreRule, satisfaction9.snapshot);
    expect(findings).toEqual([
      {
        code: 'score/rule',
        severity: 'warning',
        sheet: '评分表',
        cell: score?.cell,
        message: expect.any(String),
        expected: 9.36,
        actual: 9,
        related: inputs,
      },
    ]);
    expect(score?.cell).toBe('G18');
    expect(findings[0]?.message).toBe('“受益群体满意度”得分 9.00，按评分标准应为 9.36（满意度 93.63% × 分值 10.00）');
  });

  it('reports 预算执行率 3 where 指标分值=预算执行率*总分 gives 7.00 / 7.00 × 4 = 4 (seed 003), resting on the fund cells', () => {
    const { layout } = budget3;
    const score = placedIndicator(layout, '预算执行率').score;
    expect(runRule(scoreRule, budget3.snapshot)).toEqual([
      {
        code: 'score/rule',
        severity: 'warning',
        sheet: '评分表',
        cell: score?.cell,
        message: '“预算执行率”得分 3.00，按评分标准应为 4.00（预算执行率 100% × 分值 4.00）',
        expected: 4,
        actual: 3,
        related: [ref(placedKeyValue(layout, '实际支出资金（C）')), ref(placedKeyValue(layout, '实际到位资金（B）'))],
      },
    ]);
  });

  it('accepts 预算执行率 scored 4 as its standard gives', () => {
    expect(runRule(scoreRule, budget4.snapshot)).toEqual([]);
  });

  it('reports 项目资金预算成本 10 when spending runs 1.43% over budget (超出1%扣分值的20% → 8)', () => {
    const { layout } = overrun;
    expect(runRule(scoreRule, overrun.snapshot)).toEqual([
      {
        code: 'score/rule',
        severity: 'warning',
        sheet: '评分表',
        cell: placedIndicator(layout, '项目资金预算成本').score?.cell,
        message: '“项目资金预算成本”得分 10.00，按评分标准应为 8.00（超支比例 1.43%）',
        expected: 8,
        actual: 10,
        related: [ref(placedKeyValue(layout, '实际支出资金（C）')), ref(placedKeyValue(layout, '预算安排资金（A）'))],
      },
    ]);
  });
});

describe('score/rule on planted seed faults: the self-evaluation form (seed 004)', () => {
  it('reports a full score kept while the actual (8个) misses its target (9个)', () => {
    const score = placedIndicator(missFull.layout, COMMUNITIES).score;
    const findings = runRule(scoreRule, missFull.snapshot);
    expect(findings).toContainEqual(
      expect.objectContaining({
        code: 'score/rule',
        severity: 'warning',
        sheet: '自评表',
        cell: score?.cell,
        actual: 15,
        message: `“${COMMUNITIES}”未完成年度指标值却得满分 15.00，按完成情况应为 13.33（年度指标值“9个”，实际完成值“8个”）`,
        expected: 13.33,
      }),
    );
    expect(score?.cell).toBe('G6');
  });

  it('gives the score the rules allow for the miss: 8 / 9 × 15 = 13.33', () => {
    expect(runRule(scoreRule, missFull.snapshot)).toContainEqual(
      expect.objectContaining({ cell: 'G6', expected: 13.33, actual: 15 }),
    );
  });

  it('reports that one fault once (one score/rule finding on the cell)', () => {
    expect(runRule(scoreRule, missFull.snapshot).filter((f) => f.cell === 'G6')).toHaveLength(1);
  });

  it('lists the target and actual cells the finding rests on', () => {
    const related = runRule(scoreRule, missFull.snapshot).map((f) => f.related ?? []);
    expect(related.length).toBeGreaterThan(0);
    for (const cells of related)
      expect(cells).toEqual(expect.arrayContaining(targetAndActual(missFull.layout, COMMUNITIES)));
  });

  it('reports a reduced score (13.33 of 15) with no 偏差原因分析', () => {
    const findings = runRule(scoreRule, missNoReason.snapshot);
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'score/rule',
        severity: 'warning',
        sheet: '自评表',
        cell: 'G6',
        actual: 13.33,
        message: `“${COMMUNITIES}”得分 13.33，低于分值 15.00，但未填写偏差原因分析`,
      }),
    ]);
    expect(findings[0]?.expected).toBeUndefined();
  });

  it('lists the target and actual cells of the unexplained reduction', () => {
    expect(runRule(scoreRule, missNoReason.snapshot)[0]?.related).toEqual(
      expect.arrayContaining(targetAndActual(missNoReason.layout, COMMUNITIES)),
    );
  });

  it('accepts the reduced score once a 偏差原因 is given', () => {
    expect(runRule(scoreRule, missWithReason.snapshot)).toEqual([]);
  });

  it('reports the budget row scored 10 at 92.67% execution (140 / 151.08 × 10 = 9.27), resting on 全年执行数, 全年预算数 and 分值', () => {
    const budget = budgetRow.layout.budget;
    expect(runRule(scoreRule, budgetRow.snapshot)).toEqual([
      {
        code: 'score/rule',
        severity: 'warning',
        sheet: '自评表',
        cell: budget?.score.cell,
        message: '“年度资金总额”得分 10.00，按评分标准应为 9.27（预算执行率 92.67% × 分值 10）',
        expected: 9.27,
        actual: 10,
        related: [ref(budget?.executed), ref(budget?.fullYearBudget), ref(budget?.weight)],
      },
    ]);
    expect(budget?.score.cell).toBe('H3');
  });

  it('reports a 部分达成 indicator scored outside its 60–80% band, and accepts 7', () => {
    const cell = placedIndicator(partly10.layout, '减轻国有企业经济负担').score?.cell;
    expect(runRule(scoreRule, partly10.snapshot)).toContainEqual(
      expect.objectContaining({
        cell,
        actual: 10,
        message:
          '“减轻国有企业经济负担”得分 10.00，按完成情况（年度指标值“有效减轻”，实际完成值“部分达成”）应得 6–8 分',
      }),
    );
    expect(runRule(scoreRule, partly7.snapshot)).toEqual([]);
  });

  it('words the findings in English with en-US', () => {
    expect(runRule(scoreRule, satisfaction9.snapshot, { lang: 'en-US' }).map((f) => f.message)).toEqual([
      '"受益群体满意度" scores 9.00; its standard gives 9.36 (satisfaction 93.63% × weight 10.00)',
    ]);
    expect(runRule(scoreRule, missNoReason.snapshot, { lang: 'en-US' }).map((f) => f.message)).toEqual([
      `"${COMMUNITIES}" scores 13.33, below its weight 15.00, but gives no reason for the deviation`,
    ]);
    expect(runRule(scoreRule, missFull.snapshot, { lang: 'en-US' }).map((f) => f.message)).toContain(
      `"${COMMUNITIES}" missed its target yet scores the full 15.00; its result gives 13.33 (target "9个", actual "8个")`,
    );
  });
});

describe('score/rule on a hand-made self-evaluation form', () => {
  const form = (scores: [number, number], reasons: [string | null, string | null]) => {
    const rows: GridValue[][] = [
      ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      ['项目资金（万元）', '年度资金总额', 100, 120, 108, 10, { value: 0.9, format: '0.00%' }, 9],
      [],
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
      ['产出指标', '数量指标', '培训人数', '≥900人', '850人', 50, scores[0], reasons[0]],
      ['效益指标', '社会效益', '人均费用', '≤300元', '320元', 30, scores[1], reasons[1]],
      ['满意度指标', '满意度', '学员满意度', '≥90%', '95%', 10, 10, null],
    ];
    return workbookOf(sheetOf('自评表', rows, ['A1:B1']));
  };

  it('scores a 正向 shortfall as actual / target (850 / 900 × 50 = 47.22) and a 反向 excess as target / actual (300 / 320 × 30 = 28.13)', () => {
    const findings = runRule(scoreRule, form([50, 30], ['部分学员未到', '物价上涨']));
    expect(findings.filter((f) => f.expected !== undefined).map((f) => [f.cell, f.expected, f.actual])).toEqual([
      ['G5', 47.22, 50],
      ['G6', 28.13, 30],
    ]);
  });

  it('accepts those scores with reasons given', () => {
    expect(runRule(scoreRule, form([47.22, 28.13], ['部分学员未到', '物价上涨']))).toEqual([]);
  });

  it('asks for the reason of each reduced score left unexplained', () => {
    expect(runRule(scoreRule, form([47.22, 28.13], [null, '物价上涨'])).map((f) => [f.cell, f.actual])).toEqual([
      ['G5', 47.22],
    ]);
  });
});

describe('score/rule on the faithful seed fixtures', () => {
  it.each(SEED_VARIANTS)('seed %s (%s) gives no finding', (id, variant) => {
    expect(runRule(scoreRule, fixtureOf(faithful, id, variant).snapshot)).toEqual([]);
  });
});
