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
import { seed004 } from '../../../test/fixtures/seeds/seed004';
import type { Layout } from '../../../test/fixtures/build-workbook';
import type { WorkbookSnapshot } from '../snapshot';
import { weightPolicy } from './weight-policy';

type Built = { snapshot: WorkbookSnapshot; layout: Layout };

let faithful: Map<string, SeedFixture>;
/** Seed 001 with 产出数量 17 → 7 and 项目申报 9 → 19: 产出 25 + 效益 30 = 55 of 100. */
let evaluation55: Built;
/** Seed 004 (self-evaluation) with the budget row weighing 20 and 覆盖社区数 15 → 5 (产出 40). */
let selfEvaluation: Built;

beforeAll(async () => {
  faithful = await faithfulFixtures();
  evaluation55 = await seedWorkbook(seed001, (copy) => {
    const nodes = copy.scoreTable?.indicators ?? [];
    indicatorNamed(nodes, '产出数量').weight = 7;
    indicatorNamed(nodes, '项目申报').weight = 19;
  });
  selfEvaluation = await seedWorkbook(seed004, (copy) => {
    if (!copy.selfEvaluation) return;
    copy.selfEvaluation.funds.weight = 20;
    indicatorNamed(copy.selfEvaluation.indicators, '社会化管理工作覆盖社区数').weight = 5;
  });
}, 60_000);

describe('weight/policy on a planted seed fault', () => {
  it('advises when 产出 + 效益 fall below 60% of the total (seed 001: 25 + 30 = 55)', () => {
    const { layout } = evaluation55;
    const output = placedIndicator(layout, '产出');
    const findings = runRule(weightPolicy, evaluation55.snapshot);
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'weight/policy',
        severity: 'info',
        sheet: '评分表',
        cell: output.name.cell,
        actual: 55,
      }),
    ]);
    // A floor, not a value to write: no `expected`.
    expect(findings[0]?.expected).toBeUndefined();
    expect(output.name.cell).toBe('A7');
    expect(findings[0]?.message).toBe(
      '产出与效益指标分值合计 55（产出 25 + 效益 30），占总分 100.00 的 55%，原则上应不低于 60%',
    );
  });

  it('lists the 产出 and 效益 weight cells the advisory rests on', () => {
    const { layout } = evaluation55;
    const cells = ['产出数量', '产出质量', '产出时效', '经济效益', '社会效益', '满意度'].map((name) =>
      ref(placedIndicator(layout, name).weight),
    );
    expect(runRule(weightPolicy, evaluation55.snapshot)[0]?.related).toEqual(expect.arrayContaining(cells));
  });

  it('follows the profile’s floor (50% lets 55 pass)', () => {
    expect(runRule(weightPolicy, evaluation55.snapshot, { profile: { minOutputBenefitShare: 0.5 } })).toEqual([]);
  });

  it('advises on self-evaluation weights that depart from 10/50/30/10 (seed 004: budget row 20, 产出 40)', () => {
    const { layout } = selfEvaluation;
    const output = placedIndicator(layout, '产出指标');
    const findings = runRule(weightPolicy, selfEvaluation.snapshot);
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'weight/policy',
        severity: 'info',
        sheet: '自评表',
        cell: output.name.cell,
        message: '自评表“产出指标”分值 40，建议为 50',
        expected: 50,
        actual: 40,
      }),
      {
        code: 'weight/policy',
        severity: 'info',
        sheet: '自评表',
        cell: layout.budget?.weight.cell,
        message: '自评表“预算执行率”分值 20.00，建议为 10',
        expected: 10,
        actual: 20,
      },
    ]);
    expect([output.name.cell, layout.budget?.weight.cell]).toEqual(['A6', 'F3']);
  });

  it('lists the leaf weights that make up a level-1 weight with no cell of its own', () => {
    const { layout } = selfEvaluation;
    const leaves = [
      '社会化管理工作覆盖社区数',
      '接收辖区退休人员数',
      '国有企业退休人员移交接收工作完成情况',
      '资金使用时限',
    ].map((name) => ref(placedIndicator(layout, name).weight));
    const [output] = runRule(weightPolicy, selfEvaluation.snapshot);
    expect(output?.related).toEqual(expect.arrayContaining(leaves));
  });

  it('takes the advisory self-evaluation weights from the profile (a 20/40/30/10 province)', () => {
    const profile = { selfEvaluationWeights: { 预算执行率: 20, 产出: 40, 效益: 30, 满意度: 10 } };
    expect(runRule(weightPolicy, selfEvaluation.snapshot, { profile })).toEqual([]);
    const faithful004 = fixtureOf(faithful, seed004.id, 'merged');
    expect(runRule(weightPolicy, faithful004.snapshot, { profile }).map((f) => [f.cell, f.expected, f.actual])).toEqual(
      [
        [placedIndicator(faithful004.layout, '产出指标').name.cell, 40, 50],
        [faithful004.layout.budget?.weight.cell, 20, 10],
      ],
    );
  });

  it('words the advisories in English with en-US', () => {
    expect(runRule(weightPolicy, evaluation55.snapshot, { lang: 'en-US' }).map((f) => f.message)).toEqual([
      '产出 and 效益 weigh 55 together (产出 25 + 效益 30), 55% of the total 100.00, below the advisory 60%',
    ]);
    expect(runRule(weightPolicy, selfEvaluation.snapshot, { lang: 'en-US' }).map((f) => f.message)).toEqual([
      'Self-evaluation "产出指标" weighs 40; the advisory weight is 50',
      'Self-evaluation "预算执行率" weighs 20.00; the advisory weight is 10',
    ]);
  });
});

describe('weight/policy on hand-made layouts', () => {
  const table = (weights: [number, number, number, number]) =>
    workbookOf(
      sheetOf('评分表', [
        ['一级指标', '二级指标', '分值', '得分'],
        ['决策', '立项', weights[0], weights[0]],
        ['过程', '资金', weights[1], weights[1]],
        ['产出', '数量', weights[2], weights[2]],
        ['效益', '社会', weights[3], weights[3]],
        ['合计', null, 100, 100],
      ]),
    );

  it('advises on 30/20/25/25 (产出 + 效益 = 50), at the first of them', () => {
    expect(runRule(weightPolicy, table([30, 20, 25, 25]))).toMatchObject([
      { code: 'weight/policy', sheet: '评分表', cell: 'A4', actual: 50 },
    ]);
  });

  it('accepts exactly 60', () => {
    expect(runRule(weightPolicy, table([20, 20, 30, 30]))).toEqual([]);
  });

  it('says nothing about a table none of whose level-1 names is 产出 or 效益 (it cannot tell, so it must not claim 0)', () => {
    const snapshot = workbookOf(
      sheetOf('评分表', [
        ['一级指标', '二级指标', '分值', '得分'],
        ['业务管理', '制度建设', 30, 30],
        ['财务管理', '资金使用', 20, 20],
        ['合计', null, 50, 50],
      ]),
    );
    expect(runRule(weightPolicy, snapshot)).toEqual([]);
  });
});

describe('weight/policy on the faithful seed fixtures', () => {
  it.each(SEED_VARIANTS)('seed %s (%s) gives no advisory (every seed keeps the policy)', (id, variant) => {
    expect(runRule(weightPolicy, fixtureOf(faithful, id, variant).snapshot)).toEqual([]);
  });
});
