import {
  cellOffset,
  faithfulFixtures,
  fixtureOf,
  placedKeyValue,
  ref,
  runRule,
  SEED_VARIANTS,
  seedWorkbook,
  type SeedFixture,
} from '../../../test/rule-harness';
import { sheetOf, workbookOf } from '../../../test/snapshot-builder';
import type { SeedReport } from '../../../test/fixtures/seed-model';
import { seed000 } from '../../../test/fixtures/seeds/seed000';
import { seed001 } from '../../../test/fixtures/seeds/seed001';
import { seed003 } from '../../../test/fixtures/seeds/seed003';
import type { Layout } from '../../../test/fixtures/build-workbook';
import type { WorkbookSnapshot } from '../snapshot';
import { rateWrong } from './rate-wrong';

type Built = { snapshot: WorkbookSnapshot; layout: Layout };

let faithful: Map<string, SeedFixture>;
/** Seed 000 with the summary's 决策 得分率 printed 81.88% (13.75 / 17 = 80.88%), in each variant. */
const decision = new Map<string, Built>();
/** Seed 001 with the 春节 accuracy printed 99.86% (22,305 / 22,313 and 111.53 / 111.57 = 99.96%). */
let accuracy: Built;
/** Seed 003 with 预算执行率 printed 90% (7.00 / 7.00 = 100%). */
let execution: Built;
/** Seed 003 with the overall satisfaction printed 95.00% (93.625% from the counts). */
let satisfaction: Built;
/** Seed 001 with 资金到位率 printed 37.17% (151.68 / 477.39 = 31.77%). */
let arrival: Built;

function setEntry(copy: SeedReport, label: string, value: string): void {
  const entry = copy.conclusion?.entries.find((e) => e.label.startsWith(label));
  if (!entry) throw new Error(`no ${label}`);
  entry.value = value;
}

beforeAll(async () => {
  faithful = await faithfulFixtures();
  for (const variant of ['merged', 'filldown', 'labels']) {
    decision.set(
      variant,
      await seedWorkbook(
        seed000,
        (copy) => {
          const row = copy.summary?.rows[0];
          if (row) row.rate = '81.88%';
        },
        variant,
      ),
    );
  }
  accuracy = await seedWorkbook(seed001, (copy) => {
    const row = copy.accuracy?.rows[0];
    if (row) row.printedRate = '99.86%';
  });
  execution = await seedWorkbook(seed003, (copy) => setEntry(copy, '预算执行率', '90%'));
  satisfaction = await seedWorkbook(seed003, (copy) => {
    const survey = copy.surveys?.[0];
    if (survey) survey.printedOverall = '95.00%';
  });
  arrival = await seedWorkbook(seed001, (copy) => setEntry(copy, '资金到位率', '37.17%'));
}, 60_000);

describe('rate/wrong on a planted seed fault', () => {
  it.each([
    // variant, units of the cell, expected, actual, message
    [
      'merged',
      'a fraction in a 0.00% cell',
      0.8088,
      0.8188,
      '得分率应为 80.88%（13.75 ÷ 17.00，四舍五入到两位小数），表中为 81.88%',
    ],
    [
      'filldown',
      'percent units under 得分率（%）, summary turned horizontal',
      80.88,
      81.88,
      '得分率应为 80.88（13.75 ÷ 17.00，四舍五入到两位小数），表中为 81.88',
    ],
    ['labels', 'text "81.88%"', 80.88, 81.88, '得分率应为 80.88%（13.75 ÷ 17.00，四舍五入到两位小数），表中为 81.88%'],
  ])(
    'reports seed 000’s 决策 得分率 81.88%% (%s: %s) in the cell’s own units',
    (variant, _units, expected, actual, message) => {
      const built = decision.get(variant) as Built;
      const row = built.layout.summary?.rows[0];
      expect(runRule(rateWrong, built.snapshot)).toEqual([
        {
          code: 'rate/wrong',
          severity: 'error',
          sheet: '汇总表',
          cell: row?.rate?.cell,
          message,
          expected,
          actual,
          related: [ref(row?.score), ref(row?.weight)],
        },
      ]);
    },
  );

  it('places the planted rate where the builder wrote it (D3 vertical, B5 horizontal)', () => {
    expect(['merged', 'filldown'].map((v) => decision.get(v)?.layout.summary?.rows[0]?.rate?.cell)).toEqual([
      'D3',
      'B5',
    ]);
  });

  it('reports both accuracy rates of the 春节 row (persons and amounts), each resting on its paid and due cells', () => {
    const row = accuracy.layout.accuracy?.[0];
    if (!row) throw new Error('no accuracy row');
    expect(runRule(rateWrong, accuracy.snapshot)).toEqual([
      {
        code: 'rate/wrong',
        severity: 'error',
        sheet: '兑现准确率',
        cell: cellOffset(row.paidPersons.cell, 0, 1),
        message: '补助兑现准确率（人数）应为 99.96%（22,305 ÷ 22,313，四舍五入到两位小数），表中为 99.86%',
        expected: 0.9996,
        actual: 0.9986,
        related: [ref(row.paidPersons), ref(row.duePersons)],
      },
      {
        code: 'rate/wrong',
        severity: 'error',
        sheet: '兑现准确率',
        cell: cellOffset(row.paidAmount.cell, 0, 1),
        message: '补助兑现准确率（金额）应为 99.96%（111.53 ÷ 111.57，四舍五入到两位小数），表中为 99.86%',
        expected: 0.9996,
        actual: 0.9986,
        related: [ref(row.paidAmount), ref(row.dueAmount)],
      },
    ]);
  });

  it('reports a 预算执行率 typed as text on the conclusion sheet (C/B), in percent units', () => {
    const { layout } = execution;
    expect(runRule(rateWrong, execution.snapshot)).toEqual([
      {
        code: 'rate/wrong',
        severity: 'error',
        sheet: '结论表',
        cell: placedKeyValue(layout, '预算执行率（C/B）').cell,
        message: '预算执行率应为 100%（7.00 ÷ 7.00，四舍五入到整数），表中为 90%',
        expected: 100,
        actual: 90,
        related: [ref(placedKeyValue(layout, '实际支出资金（C）')), ref(placedKeyValue(layout, '实际到位资金（B）'))],
      },
    ]);
  });

  it('reports 资金到位率 (B/A) 37.17% against 151.68 / 477.39 = 31.77%', () => {
    const { layout } = arrival;
    expect(runRule(rateWrong, arrival.snapshot)).toEqual([
      expect.objectContaining({
        cell: placedKeyValue(layout, '资金到位率（B/A）').cell,
        expected: 31.77,
        actual: 37.17,
        related: [ref(placedKeyValue(layout, '实际到位资金（B）')), ref(placedKeyValue(layout, '预算安排资金（A）'))],
      }),
    ]);
  });

  it('reports a weighted satisfaction 95.00% against the counts’ 93.63%', () => {
    const survey = satisfaction.layout.surveys[0];
    const questions = survey?.questions ?? [];
    const last = questions[questions.length - 1];
    const lastCount = last?.counts[last.counts.length - 1]?.cell as string;
    const findings = runRule(rateWrong, satisfaction.snapshot);
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'rate/wrong',
        sheet: '满意度调查',
        cell: cellOffset(lastCount, 1, 2),
        message: '满意度应为 93.63%（(93.00% + 95.50% + 92.50% + 93.50%) ÷ 4，四舍五入到两位小数），表中为 95.00%',
        expected: 0.9363,
        actual: 0.95,
      }),
    ]);
    // It rests on the questions: their counts, or their result cells (which a fill averages).
    const questionRows = questions.map((q) => q.text.cell.replace(/^[A-Z]+/, ''));
    const related = findings[0]?.related ?? [];
    expect(related.length).toBeGreaterThan(0);
    for (const cell of related) {
      expect(cell.sheet).toBe('满意度调查');
      expect(questionRows).toContain(cell.cell.replace(/^[A-Z]+/, ''));
    }
  });

  it('words the finding in English with en-US', () => {
    expect(
      runRule(rateWrong, (decision.get('merged') as Built).snapshot, { lang: 'en-US' }).map((f) => f.message),
    ).toEqual(['score rate should be 80.88% (13.75 ÷ 17.00, rounded to 2 decimals); the cell shows 81.88%']);
  });
});

describe('rate/wrong on hand-made layouts', () => {
  it('reads a horizontal summary with rates in percent units', () => {
    const snapshot = workbookOf(
      sheetOf('汇总', [
        ['指标', '决策', '过程', '产出', '效益', '合计'],
        ['分值', 15, 25, 30, 30, 100],
        ['得分', 14, 20, 30, 29.36, 93.36],
        ['得分率（%）', 93.33, 81, 100, 97.87, 93.36],
      ]),
    );
    expect(runRule(rateWrong, snapshot)).toEqual([
      {
        code: 'rate/wrong',
        severity: 'error',
        sheet: '汇总',
        cell: 'C4',
        message: '得分率应为 80（20 ÷ 25，四舍五入到整数），表中为 81',
        expected: 80,
        actual: 81,
        related: [
          { sheet: '汇总', cell: 'C3' },
          { sheet: '汇总', cell: 'C2' },
        ],
      },
    ]);
  });

  it('reads a 得分率 column of an indicator table', () => {
    const snapshot = workbookOf(
      sheetOf('评分表', [
        ['一级指标', '二级指标', '分值', '得分', '得分率'],
        ['决策', '项目申报', 9, 6, { value: 0.6667, format: '0.00%' }],
        [null, '资金投入', 6, 6, { value: 0.9, format: '0.00%' }],
      ]),
    );
    expect(runRule(rateWrong, snapshot)).toMatchObject([
      {
        cell: 'E3',
        expected: 1,
        actual: 0.9,
        related: [
          { sheet: '评分表', cell: 'D3' },
          { sheet: '评分表', cell: 'C3' },
        ],
      },
    ]);
  });
});

describe('rate/wrong on the faithful seed fixtures', () => {
  it.each(SEED_VARIANTS)(
    'seed %s (%s) gives no finding (a truncated or rounded-parts rate is rate/rounding, not wrong)',
    (id, variant) => {
      expect(runRule(rateWrong, fixtureOf(faithful, id, variant).snapshot)).toEqual([]);
    },
  );
});
