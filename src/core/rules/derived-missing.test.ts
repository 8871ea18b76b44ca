import type { Finding } from '../finding';
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
import { derivedMissing } from './derived-missing';

type Built = { snapshot: WorkbookSnapshot; layout: Layout };

let faithful: Map<string, SeedFixture>;
/** Seed 000 with the summary's 决策 得分率 left blank (13.75 / 17 = 80.88%), in each variant. */
const blankRate = new Map<string, Built>();
/** Seed 000 with the conclusion's 评价等级 left blank (84.55 earns 良). */
let blankGrade: Built;
/** Seed 001 with the 敬老节 accuracy rates left blank (22,264 / 22,292 and 111.32 / 111.46 = 99.87%). */
let blankAccuracy: Built;
/** Seed 003 with the conclusion's 预算执行率（C/B） left blank (7.00 / 7.00 = 100%). */
let blankExecution: Built;

const blankEntry = (label: string) => (copy: SeedReport) => {
  const entry = copy.conclusion?.entries.find((e) => e.label.startsWith(label));
  if (!entry) throw new Error(`no ${label}`);
  entry.value = '';
};

beforeAll(async () => {
  faithful = await faithfulFixtures();
  for (const variant of ['merged', 'filldown', 'labels']) {
    blankRate.set(
      variant,
      await seedWorkbook(
        seed000,
        (copy) => {
          const row = copy.summary?.rows[0];
          if (row) delete row.rate;
        },
        variant,
      ),
    );
  }
  blankGrade = await seedWorkbook(seed000, blankEntry('评价等级'));
  blankAccuracy = await seedWorkbook(seed001, (copy) => {
    const row = copy.accuracy?.rows[1];
    if (row) delete row.printedRate;
  });
  blankExecution = await seedWorkbook(seed003, blankEntry('预算执行率'));
}, 60_000);

/** The fill's units: percent units under a （%） header (filldown), else a fraction in a % format, also beside rates printed as text (labels). */
const units = (variant: string, percent: number): number =>
  variant === 'filldown' ? percent : Math.round(percent * 100) / 10000;
const shown = (variant: string, percent: number | string): string =>
  variant === 'filldown' ? `${percent}` : `${percent}%`;

/** Seed 003's survey prints no per-question result: 93.00 / 95.50 / 92.50 / 93.50 from the counts. */
function known003(layout: Layout, variant: string): Finding[] {
  const questions = layout.surveys[0]?.questions ?? [];
  return questions.map((q, i) => {
    const percent = [93, 95.5, 92.5, 93.5][i] as number;
    const counts = ['8 × 100% + 10 × 90% + 2 × 80%', '12 × 100% + 7 × 90% + 1 × 80%', '8 × 100% + 9 × 90% + 3 × 80%'];
    const text = shown(variant, percent.toFixed(2));
    return {
      code: 'derived/missing',
      severity: 'info',
      sheet: '满意度调查',
      cell: cellOffset(q.counts[q.counts.length - 1]?.cell as string, 0, 2),
      message: `满意度未填写，按 (${[...counts, '9 × 100% + 9 × 90% + 2 × 80%'][i]} + 0 × 0%) ÷ 20 可算得 ${text}`,
      expectedText: text,
      expected: units(variant, percent),
      actual: null,
      related: expect.arrayContaining(q.counts.map(ref)) as unknown as Finding['related'],
    };
  });
}

describe('derived/missing on a planted seed fault', () => {
  it.each([
    ['merged', 0.8088, '80.88%'],
    ['filldown', 80.88, '80.88'],
    ['labels', 0.8088, '80.88%'],
  ])('gives the value for seed 000’s blank 决策 得分率 (%s) in its column’s units: %s', (variant, expected, text) => {
    const { layout, snapshot } = blankRate.get(variant) as Built;
    const row = layout.summary?.rows[0];
    // The builder writes nothing for a blank rate: its cell is the rate cell of the rows around it.
    const next = layout.summary?.rows[1]?.rate?.cell as string;
    const cell = layout.summary?.orientation === 'vertical' ? cellOffset(next, -1, 0) : cellOffset(next, 0, -1);
    expect(runRule(derivedMissing, snapshot)).toEqual([
      {
        code: 'derived/missing',
        severity: 'info',
        sheet: '汇总表',
        cell,
        message: `得分率未填写，按 13.75 ÷ 17.00 可算得 ${text}`,
        expectedText: text,
        expected,
        actual: null,
        related: [ref(row?.score), ref(row?.weight)],
      },
    ]);
  });

  it('places the blank where it belongs (D3 vertical, B5 horizontal)', () => {
    expect(
      ['merged', 'filldown'].map((v) => runRule(derivedMissing, (blankRate.get(v) as Built).snapshot)[0]?.cell),
    ).toEqual(['D3', 'B5']);
  });

  it('gives the grade a blank 评价等级 should hold (84.55 → 良), resting on the 评价得分 cell', () => {
    const { layout } = blankGrade;
    expect(runRule(derivedMissing, blankGrade.snapshot)).toEqual([
      {
        code: 'derived/missing',
        severity: 'info',
        sheet: '结论表',
        cell: placedKeyValue(layout, '评价等级').cell,
        message: '评价等级未填写，总分 84.55 应评为“良”（“良”为 80 分以上不足 90 分）',
        expected: '良',
        actual: null,
        related: [ref(placedKeyValue(layout, '评价得分'))],
      },
    ]);
  });

  it('gives both blank accuracy rates of the 敬老节 row (99.87%)', () => {
    const row = blankAccuracy.layout.accuracy?.[1];
    if (!row) throw new Error('no accuracy row');
    expect(runRule(derivedMissing, blankAccuracy.snapshot)).toEqual([
      {
        code: 'derived/missing',
        severity: 'info',
        sheet: '兑现准确率',
        cell: cellOffset(row.paidPersons.cell, 0, 1),
        message: '补助兑现准确率（人数）未填写，按 22,264 ÷ 22,292 可算得 99.87%',
        expectedText: '99.87%',
        expected: 0.9987,
        actual: null,
        related: [ref(row.paidPersons), ref(row.duePersons)],
      },
      {
        code: 'derived/missing',
        severity: 'info',
        sheet: '兑现准确率',
        cell: cellOffset(row.paidAmount.cell, 0, 1),
        message: '补助兑现准确率（金额）未填写，按 111.32 ÷ 111.46 可算得 99.87%',
        expectedText: '99.87%',
        expected: 0.9987,
        actual: null,
        related: [ref(row.paidAmount), ref(row.dueAmount)],
      },
    ]);
  });

  it('gives a blank 预算执行率（C/B） on the conclusion sheet (7.00 / 7.00 = 100%), resting on C and B', () => {
    const { layout } = blankExecution;
    const findings = runRule(derivedMissing, blankExecution.snapshot).filter((f) => f.sheet === '结论表');
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'derived/missing',
        cell: placedKeyValue(layout, '预算执行率（C/B）').cell,
        actual: null,
        related: [ref(placedKeyValue(layout, '实际支出资金（C）')), ref(placedKeyValue(layout, '实际到位资金（B）'))],
      }),
    ]);
    expect([1, 100]).toContain(findings[0]?.expected);
  });

  it('words the findings in English with en-US', () => {
    expect(
      runRule(derivedMissing, (blankRate.get('merged') as Built).snapshot, { lang: 'en-US' }).map((f) => f.message),
    ).toEqual(['score rate is empty; 13.75 ÷ 17.00 gives 80.88%']);
    expect(runRule(derivedMissing, blankGrade.snapshot, { lang: 'en-US' }).map((f) => f.message)).toEqual([
      'The grade is empty; the total 84.55 earns "良" ("良" is 80 to under 90)',
    ]);
  });
});

describe('derived/missing on hand-made layouts', () => {
  it('gives a blank rate of a summary in the format of its column (0.00%)', () => {
    const snapshot = workbookOf(
      sheetOf('汇总', [
        ['一级指标', '分值', '得分', '得分率'],
        ['决策', 20, 18, { value: 0.9, format: '0.00%' }],
        ['过程', 30, 25, null],
        ['合计', 50, 43, { value: 0.86, format: '0.00%' }],
      ]),
    );
    expect(runRule(derivedMissing, snapshot)).toEqual([
      {
        code: 'derived/missing',
        severity: 'info',
        sheet: '汇总',
        cell: 'D3',
        message: '得分率未填写，按 25 ÷ 30 可算得 83.33%',
        expectedText: '83.33%',
        expected: 0.8333,
        actual: null,
        related: [
          { sheet: '汇总', cell: 'C3' },
          { sheet: '汇总', cell: 'B3' },
        ],
      },
    ]);
  });

  it('gives a blank 预算执行率 beside its fund figures', () => {
    const snapshot = workbookOf(
      sheetOf('结论', [
        ['实际到位资金', 10, '实际支出资金', 9],
        ['预算执行率', null, null, null],
      ]),
    );
    expect(runRule(derivedMissing, snapshot)).toMatchObject([
      {
        cell: 'B2',
        expected: 0.9,
        actual: null,
        related: [
          { sheet: '结论', cell: 'D1' },
          { sheet: '结论', cell: 'B1' },
        ],
      },
    ]);
  });

  it('gives a blank grade from the stated total', () => {
    expect(runRule(derivedMissing, workbookOf(sheetOf('结论', [['评价得分', 88, '评价等级', null]])))).toMatchObject([
      { cell: 'D1', expected: '良', actual: null },
    ]);
  });

  it('takes a rate cell holding only a typed space for blank', () => {
    const snapshot = workbookOf(
      sheetOf('结论', [
        ['实际到位资金', 10, '实际支出资金', 9],
        ['预算执行率', ' ', null, null],
      ]),
    );
    expect(runRule(derivedMissing, snapshot)).toMatchObject([{ cell: 'B2', expected: 0.9, actual: null }]);
  });
});

describe('derived/missing on the faithful seed fixtures', () => {
  it.each(SEED_VARIANTS)(
    'seed %s (%s) gives nothing to fill but seed 003’s blank per-question survey results',
    (id, variant) => {
      const { layout, snapshot } = fixtureOf(faithful, id, variant);
      expect(runRule(derivedMissing, snapshot)).toEqual(id === seed003.id ? known003(layout, variant) : []);
    },
  );
});
