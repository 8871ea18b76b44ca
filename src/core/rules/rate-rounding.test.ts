import type { Finding } from '../finding';
import {
  cellOffset,
  faithfulFixtures,
  fixtureOf,
  ref,
  runRule,
  SEED_VARIANTS,
  seedWorkbook,
  type SeedFixture,
} from '../../../test/rule-harness';
import { sheetOf, workbookOf } from '../../../test/snapshot-builder';
import { seed000 } from '../../../test/fixtures/seeds/seed000';
import { seed002 } from '../../../test/fixtures/seeds/seed002';
import { seed003 } from '../../../test/fixtures/seeds/seed003';
import type { Layout } from '../../../test/fixtures/build-workbook';
import type { WorkbookSnapshot } from '../snapshot';
import { rateRounding } from './rate-rounding';

type Built = { snapshot: WorkbookSnapshot; layout: Layout };

let faithful: Map<string, SeedFixture>;
/** Seed 003 with the summary's 效益 得分率 printed 97.86% (29.36 / 30 = 97.8667%: truncated). */
let truncated003: Built;
/** Seed 000 with the 决策 得分率 printed 81.00% (13.75 / 17 = 80.88%, rounded to 0 decimals and shown with 2). */
let decimals000: Built;

beforeAll(async () => {
  faithful = await faithfulFixtures();
  truncated003 = await seedWorkbook(seed003, (copy) => {
    const row = copy.summary?.rows[3];
    if (row) row.rate = '97.86%';
  });
  decimals000 = await seedWorkbook(seed000, (copy) => {
    const row = copy.summary?.rows[0];
    if (row) row.rate = '81.00%';
  });
}, 60_000);

/** A rate in the units the variant writes it: a fraction (merged) or percent units (filldown, labels). */
const units = (variant: string, percent: number): number =>
  variant === 'merged' ? Math.round(percent * 100) / 10000 : percent;
const shown = (variant: string, percent: number): string => (variant === 'filldown' ? `${percent}` : `${percent}%`);

/** Seed 000's 产出 得分率: 32 / 35 = 91.428…% printed 91.42% (truncated). */
function known000(layout: Layout, variant: string): Finding {
  const row = layout.summary?.rows[2];
  return {
    code: 'rate/rounding',
    severity: 'warning',
    sheet: '汇总表',
    cell: row?.rate?.cell as string,
    message: `得分率表中为 ${shown(variant, 91.42)}，是截断的结果；32.00 ÷ 35.00 四舍五入到两位小数应为 ${shown(variant, 91.43)}`,
    expected: units(variant, 91.43),
    actual: units(variant, 91.42),
    related: [ref(row?.score), ref(row?.weight)],
  };
}

/** Seed 002's 知晓率 79.46% (rounded shares 63.64% + 31.64% / 2), 79.45% from the counts: the question's result and the overall. */
function known002(layout: Layout, variant: string): Finding[] {
  const question = layout.surveys[0]?.questions[0];
  const lastCount = question?.counts[question.counts.length - 1]?.cell as string;
  return [cellOffset(lastCount, 0, 2), cellOffset(lastCount, 1, 2)].map((cell) => ({
    code: 'rate/rounding',
    severity: 'warning',
    sheet: '满意度调查',
    cell,
    message: `满意度表中为 ${shown(variant, 79.46)}，是用先舍入的中间值算出的；直接按 (175 × 100% + 87 × 50% + 13 × 0%) ÷ 275 计算并四舍五入到两位小数应为 ${shown(variant, 79.45)}`,
    expected: units(variant, 79.45),
    actual: units(variant, 79.46),
    related: expect.any(Array) as unknown as Finding['related'],
  }));
}

describe('rate/rounding on a planted seed fault', () => {
  it('reports a truncated 97.86% (seed 003 效益, horizontal summary) with the ROUND result', () => {
    const row = truncated003.layout.summary?.rows[3];
    const findings = runRule(rateRounding, truncated003.snapshot);
    expect(findings).toEqual([
      {
        code: 'rate/rounding',
        severity: 'warning',
        sheet: '汇总表',
        cell: row?.rate?.cell,
        message: expect.any(String),
        expected: 0.9787,
        actual: 0.9786,
        related: [ref(row?.score), ref(row?.weight)],
      },
    ]);
    expect(row?.rate?.cell).toBe('E5');
    expect(findings[0]?.message).toBe('得分率表中为 97.86%，是截断的结果；29.36 ÷ 30.00 四舍五入到两位小数应为 97.87%');
  });

  it('reports 81.00% as rounded to other decimals (80.88% at the decimals shown), beside seed 000’s own 91.42%', () => {
    const { layout } = decimals000;
    const row = layout.summary?.rows[0];
    expect(runRule(rateRounding, decimals000.snapshot)).toEqual([
      {
        code: 'rate/rounding',
        severity: 'warning',
        sheet: '汇总表',
        cell: row?.rate?.cell,
        message:
          '得分率表中为 81.00%，是四舍五入到整数的结果；按单元格显示的位数，13.75 ÷ 17.00 四舍五入到两位小数应为 80.88%',
        expected: 0.8088,
        actual: 0.81,
        related: [ref(row?.score), ref(row?.weight)],
      },
      known000(layout, 'merged'),
    ]);
  });

  it('words the findings in English with en-US', () => {
    expect(runRule(rateRounding, truncated003.snapshot, { lang: 'en-US' }).map((f) => f.message)).toEqual([
      'score rate shows 97.86%, truncated; 29.36 ÷ 30.00 rounded to 2 decimals is 97.87%',
    ]);
    expect(
      runRule(rateRounding, fixtureOf(faithful, seed002.id, 'merged').snapshot, { lang: 'en-US' })[0]?.message,
    ).toBe(
      'satisfaction shows 79.46%, computed from rounded parts; computed directly, (175 × 100% + 87 × 50% + 13 × 0%) ÷ 275 rounded to 2 decimals is 79.45%',
    );
  });
});

describe('rate/rounding on hand-made layouts', () => {
  it('reads a rate typed as text "91.42%" in a vertical summary', () => {
    const snapshot = workbookOf(
      sheetOf('得分', [
        ['一级指标', '分值', '得分', '得分率'],
        ['产出', 35, 32, '91.42%'],
        ['效益', 25, 22, '88.00%'],
      ]),
    );
    expect(runRule(rateRounding, snapshot)).toEqual([
      {
        code: 'rate/rounding',
        severity: 'warning',
        sheet: '得分',
        cell: 'D2',
        message: '得分率表中为 91.42%，是截断的结果；32 ÷ 35 四舍五入到两位小数应为 91.43%',
        expected: 91.43,
        actual: 91.42,
        related: [
          { sheet: '得分', cell: 'C2' },
          { sheet: '得分', cell: 'B2' },
        ],
      },
    ]);
  });

  it('accepts a rate rounded half away from zero (93.625% → 93.63%)', () => {
    const snapshot = workbookOf(
      sheetOf('得分', [
        ['一级指标', '分值', '得分', '得分率'],
        ['效益', 8, 7.49, { value: 0.9363, format: '0.00%' }],
        ['产出', 8, 8, { value: 1, format: '0.00%' }],
      ]),
    );
    expect(runRule(rateRounding, snapshot)).toEqual([]);
  });
});

describe('rate/rounding on the faithful seed fixtures', () => {
  it.each(SEED_VARIANTS)(
    'seed %s (%s) gives no finding but seed 000’s truncated 91.42% and seed 002’s 79.46% awareness',
    (id, variant) => {
      const { layout, snapshot } = fixtureOf(faithful, id, variant);
      const known =
        id === seed000.id ? [known000(layout, variant)] : id === seed002.id ? known002(layout, variant) : [];
      const findings = runRule(rateRounding, snapshot);
      expect(findings).toEqual(known);
      for (const finding of findings) expect(finding.related?.length).toBeGreaterThan(0);
    },
  );
});
