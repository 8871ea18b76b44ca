import {
  faithfulFixtures,
  fixtureOf,
  placedIndicator,
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
import { seed003 } from '../../../test/fixtures/seeds/seed003';
import type { Layout } from '../../../test/fixtures/build-workbook';
import type { WorkbookSnapshot } from '../snapshot';
import { crossMismatch } from './cross-mismatch';

type Built = { snapshot: WorkbookSnapshot; layout: Layout };

let faithful: Map<string, SeedFixture>;
/** Seed 000 with the conclusion's 评价得分 85.55 (the summary 合计 says 84.55). */
let conclusion000: Built;
/** Seed 003 with the conclusion's 评价得分 93.63 (the score table 合计 says 93.36). */
let conclusion003: Built;
/** Seed 003 with the summary's 决策 score 13 (the score table's “工作活动”设置 leaves give 14), in two variants. */
const summary003 = new Map<string, Built>();
/** Seed 003 with the payment list totalling 80,000 元 (实际支出资金 says 7.00 万元). */
let payments003: Built;
/** Seed 003 with a second 实际到位资金 of 6 (the first says 7). */
let repeated003: Built;

const setEntry = (label: string, value: number) => (copy: SeedReport) => {
  const entry = copy.conclusion?.entries.find((e) => e.label === label);
  if (!entry) throw new Error(`no ${label}`);
  entry.value = value;
};

beforeAll(async () => {
  faithful = await faithfulFixtures();
  conclusion000 = await seedWorkbook(seed000, setEntry('评价得分', 85.55));
  conclusion003 = await seedWorkbook(seed003, setEntry('评价得分', 93.63));
  for (const variant of ['merged', 'filldown']) {
    summary003.set(
      variant,
      await seedWorkbook(
        seed003,
        (copy) => {
          const row = copy.summary?.rows[0];
          if (row) row.score = 13;
        },
        variant,
      ),
    );
  }
  payments003 = await seedWorkbook(seed003, (copy) => {
    const list = copy.payments?.[0];
    if (list) list.total = 80000;
  });
  repeated003 = await seedWorkbook(seed003, (copy) => {
    copy.conclusion?.entries.push({ label: '实际到位资金', value: 6 });
  });
}, 60_000);

describe('cross/mismatch on a planted seed fault', () => {
  it('reports the conclusion’s 评价得分 85.55 against the summary 合计 84.55 (seed 000)', () => {
    const { layout } = conclusion000;
    const cell = placedKeyValue(layout, '评价得分').cell;
    const findings = runRule(crossMismatch, conclusion000.snapshot);
    expect(findings).toEqual([
      {
        code: 'cross/mismatch',
        severity: 'error',
        sheet: '结论表',
        cell,
        message: expect.any(String),
        expected: 84.55,
        actual: 85.55,
        related: [ref(layout.summary?.total?.score)],
      },
    ]);
    expect(cell).toBe('C16');
    expect(findings[0]?.message).toBe('结论中的评价得分为 85.55，评分表总分为 84.55，两处不一致');
  });

  it('reports the conclusion’s 评价得分 against the score table 合计 when there is one (seed 003)', () => {
    const { layout } = conclusion003;
    expect(runRule(crossMismatch, conclusion003.snapshot)).toEqual([
      {
        code: 'cross/mismatch',
        severity: 'error',
        sheet: '结论表',
        cell: placedKeyValue(layout, '评价得分').cell,
        message: '结论中的评价得分为 93.63，评分表总分为 93.36，两处不一致',
        expected: 93.36,
        actual: 93.63,
        related: [ref(layout.total?.score)],
      },
    ]);
  });

  it.each(['merged', 'filldown'])(
    'reports a summary score against the score table’s level-1 (seed 003, %s), matched by position and weight',
    (variant) => {
      const { layout } = summary003.get(variant) as Built;
      const first = placedIndicator(layout, '“工作活动”设置');
      const leaves = layout.indicators
        .filter((i) => i.score && i.path[0] === '“工作活动”设置')
        .map((i) => ref(i.score));
      expect(runRule(crossMismatch, (summary003.get(variant) as Built).snapshot)).toEqual([
        {
          code: 'cross/mismatch',
          severity: 'error',
          sheet: '汇总表',
          cell: layout.summary?.rows[0]?.score.cell,
          message: '汇总表中“决策”得分为 13.00，评分表中为 14.00，两处不一致',
          expected: 14,
          actual: 13,
          related: [...leaves, ref(first.name)],
        },
      ]);
    },
  );

  it('reports 实际支出资金 7.00 万元 against a payment list of 80,000.00 元 (8.00 万元)', () => {
    const { layout } = payments003;
    expect(runRule(crossMismatch, payments003.snapshot)).toEqual([
      {
        code: 'cross/mismatch',
        severity: 'error',
        sheet: '结论表',
        cell: placedKeyValue(layout, '实际支出资金（C）').cell,
        message: '“实际支出资金（C）”为 7.00，明细表合计折算后为 8.00，两处不一致',
        expected: 8,
        actual: 7,
        related: [ref(layout.amounts[layout.amounts.length - 1]?.totals[0])],
      },
    ]);
  });

  it('reports a repeated 实际到位资金 stated with another value', () => {
    const { layout } = repeated003;
    expect(runRule(crossMismatch, repeated003.snapshot)).toEqual([
      {
        code: 'cross/mismatch',
        severity: 'error',
        sheet: '结论表',
        cell: placedKeyValue(layout, '实际到位资金').cell,
        message: '“实际到位资金”为 6.00，另一处为 7.00，两处不一致',
        expected: 7,
        actual: 6,
        related: [ref(placedKeyValue(layout, '实际到位资金（B）'))],
      },
    ]);
  });

  it('words the findings in English with en-US', () => {
    expect(runRule(crossMismatch, conclusion000.snapshot, { lang: 'en-US' }).map((f) => f.message)).toEqual([
      'The conclusion’s total score 85.55 differs from the score table total 84.55',
    ]);
    expect(
      runRule(crossMismatch, (summary003.get('merged') as Built).snapshot, { lang: 'en-US' }).map((f) => f.message),
    ).toEqual(['The summary score of "决策" 13.00 differs from the score table’s 14.00']);
    expect(runRule(crossMismatch, payments003.snapshot, { lang: 'en-US' }).map((f) => f.message)).toEqual([
      '"实际支出资金（C）" 7.00 differs from the detail total, 8.00 once converted',
    ]);
  });
});

describe('cross/mismatch on hand-made layouts', () => {
  const funds = (inYuan: number) =>
    workbookOf(
      sheetOf('结论', [['资金情况（万元）', '实际到位资金', 7, '实际支出资金', 7]]),
      sheetOf('明细', [['实际到位资金（元）', inYuan]]),
    );

  it('compares one figure stated in 万元 and in 元 (7 万元 vs 71,000 元)', () => {
    expect(runRule(crossMismatch, funds(71000))).toEqual([
      {
        code: 'cross/mismatch',
        severity: 'error',
        sheet: '明细',
        cell: 'B1',
        message: '“实际到位资金（元）”为 71000，“结论”C1 为 70000，两处不一致',
        expected: 70000,
        actual: 71000,
        related: [{ sheet: '结论', cell: 'C1' }],
      },
    ]);
  });

  it('accepts 70,000 元 = 7 万元', () => {
    expect(runRule(crossMismatch, funds(70000))).toEqual([]);
  });

  it('compares a vertical summary with a two-level score table, row by row and in total', () => {
    const snapshot = workbookOf(
      sheetOf('评分表', [
        ['一级指标', '二级指标', '分值', '得分'],
        ['决策', '立项', 20, 18],
        ['过程', '资金', 30, 25],
        ['产出', '数量', 50, 45],
        ['合计', null, 100, 88],
      ]),
      sheetOf('汇总', [
        ['一级指标', '分值', '得分'],
        ['决策', 20, 18],
        ['过程', 30, 26],
        ['产出', 50, 45],
        ['合计', 100, 89],
      ]),
    );
    expect(runRule(crossMismatch, snapshot)).toEqual([
      {
        code: 'cross/mismatch',
        severity: 'error',
        sheet: '汇总',
        cell: 'C3',
        message: '汇总表中“过程”得分为 26，评分表中为 25，两处不一致',
        expected: 25,
        actual: 26,
        related: [
          { sheet: '评分表', cell: 'D3' },
          { sheet: '评分表', cell: 'A3' },
        ],
      },
      {
        code: 'cross/mismatch',
        severity: 'error',
        sheet: '汇总',
        cell: 'C5',
        message: '汇总表中总分为 89，评分表中为 88，两处不一致',
        expected: 88,
        actual: 89,
        related: [{ sheet: '评分表', cell: 'D5' }],
      },
    ]);
  });

  it('compares figures at the decimals both cells show (84.55 vs 84.549 shown as 84.55 is the same figure)', () => {
    const snapshot = workbookOf(
      sheetOf('结论', [['评价得分', { value: 84.55, format: '0.00' }]]),
      sheetOf('汇总', [
        ['一级指标', '分值', '得分'],
        ['决策', 50, 40],
        ['产出', 50, { value: 44.549, format: '0.00' }],
        ['合计', 100, { value: 84.549, format: '0.00' }],
      ]),
    );
    expect(runRule(crossMismatch, snapshot)).toEqual([]);
  });
});

describe('cross/mismatch on the faithful seed fixtures', () => {
  it.each(SEED_VARIANTS)(
    'seed %s (%s) gives no finding (seed 003: summary vs score table, 70,000.00 元 = 7.00 万元)',
    (id, variant) => {
      expect(runRule(crossMismatch, fixtureOf(faithful, id, variant).snapshot)).toEqual([]);
    },
  );
});
