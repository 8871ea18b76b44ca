import {
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
import { seed002 } from '../../../test/fixtures/seeds/seed002';
import type { Layout } from '../../../test/fixtures/build-workbook';
import type { WorkbookSnapshot } from '../snapshot';
import { gradeMismatch } from './grade-mismatch';

type Built = { snapshot: WorkbookSnapshot; layout: Layout };

let faithful: Map<string, SeedFixture>;
/** Seed 000 (评价得分 84.55) graded 优, then A级 (no configured grade), then 良好 (the alias of 良). */
let excellent: Built;
let unknown: Built;
let aliased: Built;
/** Seed 002 (绩效评价得分 73.66 → 中) graded 良好 under its own label 综合评价结果等级. */
let good002: Built;

const grade = (label: string, value: string) => (copy: SeedReport) => {
  const entry = copy.conclusion?.entries.find((e) => e.label === label);
  if (!entry) throw new Error(`no ${label}`);
  entry.value = value;
};

beforeAll(async () => {
  faithful = await faithfulFixtures();
  excellent = await seedWorkbook(seed000, grade('评价等级', '优'));
  unknown = await seedWorkbook(seed000, grade('评价等级', 'A级'));
  aliased = await seedWorkbook(seed000, grade('评价等级', '良好'));
  good002 = await seedWorkbook(seed002, grade('综合评价结果等级', '良好'));
}, 60_000);

describe('grade/mismatch on a planted seed fault', () => {
  it('reports 优 for a total of 84.55 (seed 000 结论表), which earns 良, resting on the 评价得分 cell', () => {
    const { layout } = excellent;
    const cell = placedKeyValue(layout, '评价等级').cell;
    const findings = runRule(gradeMismatch, excellent.snapshot);
    expect(findings).toEqual([
      {
        code: 'grade/mismatch',
        severity: 'error',
        sheet: '结论表',
        cell,
        message: expect.any(String),
        expected: '良',
        actual: '优',
        related: [ref(placedKeyValue(layout, '评价得分'))],
      },
    ]);
    expect(cell).toBe('E16');
    expect(findings[0]?.message).toBe('评价等级填的是“优”，总分 84.55 应评为“良”（“良”为 80 分以上不足 90 分）');
  });

  it('reports a grade that is not a configured grade', () => {
    const { layout } = unknown;
    expect(runRule(gradeMismatch, unknown.snapshot)).toEqual([
      {
        code: 'grade/mismatch',
        severity: 'error',
        sheet: '结论表',
        cell: placedKeyValue(layout, '评价等级').cell,
        message: '评价等级“A级”不是已配置的等级；总分 84.55 应评为“良”（“良”为 80 分以上不足 90 分）',
        expected: '良',
        actual: 'A级',
        related: [ref(placedKeyValue(layout, '评价得分'))],
      },
    ]);
  });

  it('accepts 良好 as 良', () => {
    expect(runRule(gradeMismatch, aliased.snapshot)).toEqual([]);
  });

  it('reads the grade and total under other labels (seed 002: 综合评价结果等级 良好 for 73.66, which earns 中)', () => {
    const { layout } = good002;
    expect(runRule(gradeMismatch, good002.snapshot)).toEqual([
      {
        code: 'grade/mismatch',
        severity: 'error',
        sheet: '结论表',
        cell: placedKeyValue(layout, '综合评价结果等级').cell,
        message: '评价等级填的是“良好”，总分 73.66 应评为“中”（“中”为 60 分以上不足 80 分）',
        expected: '中',
        actual: '良好',
        related: [ref(placedKeyValue(layout, '绩效评价得分'))],
      },
    ]);
  });

  it('takes the thresholds from the profile (优 ≥ 95, 良 ≥ 85: seed 000’s faithful 良 for 84.55 becomes a finding)', () => {
    const profile = {
      grades: [
        { grade: '优', min: 95, aliases: ['优秀'] },
        { grade: '良', min: 85, aliases: ['良好'] },
        { grade: '中', min: 60, aliases: [] },
        { grade: '差', min: 0, aliases: [] },
      ],
    };
    expect(runRule(gradeMismatch, fixtureOf(faithful, seed000.id, 'merged').snapshot, { profile })).toMatchObject([
      { expected: '中', actual: '良' },
    ]);
  });

  it('words the findings in English with en-US', () => {
    expect(runRule(gradeMismatch, excellent.snapshot, { lang: 'en-US' }).map((f) => f.message)).toEqual([
      'The grade reads "优"; the total 84.55 earns "良" ("良" is 80 to under 90)',
    ]);
    expect(runRule(gradeMismatch, unknown.snapshot, { lang: 'en-US' }).map((f) => f.message)).toEqual([
      'Grade "A级" is not a configured grade; the total 84.55 earns "良" ("良" is 80 to under 90)',
    ]);
  });
});

describe('grade/mismatch on hand-made layouts', () => {
  it('reads a one-row conclusion: 评价得分 88 | 评价等级 优', () => {
    const snapshot = workbookOf(sheetOf('结论', [['评价得分', 88, '评价等级', '优']]));
    expect(runRule(gradeMismatch, snapshot)).toEqual([
      {
        code: 'grade/mismatch',
        severity: 'error',
        sheet: '结论',
        cell: 'D1',
        message: '评价等级填的是“优”，总分 88 应评为“良”（“良”为 80 分以上不足 90 分）',
        expected: '良',
        actual: '优',
        related: [{ sheet: '结论', cell: 'B1' }],
      },
    ]);
  });

  it('grades the boundary as the higher grade (90 earns 优; 89.99 earns 良)', () => {
    expect(runRule(gradeMismatch, workbookOf(sheetOf('结论', [['评价得分', 90, '评价等级', '优']])))).toEqual([]);
    expect(runRule(gradeMismatch, workbookOf(sheetOf('结论', [['评价得分', 89.99, '评价等级', '优']])))).toMatchObject([
      { expected: '良' },
    ]);
  });

  it('takes the total from the score table when no 评价得分 is stated', () => {
    const snapshot = workbookOf(
      sheetOf('评分表', [
        ['一级指标', '二级指标', '分值', '得分'],
        ['决策', '立项', 50, 40],
        ['产出', '数量', 50, 35],
        ['合计', null, 100, 75],
        [],
        [],
        ['评价等级', '良'],
      ]),
    );
    expect(runRule(gradeMismatch, snapshot)).toMatchObject([
      { cell: 'B7', expected: '中', actual: '良', related: [{ sheet: '评分表', cell: 'D4' }] },
    ]);
  });
});

describe('grade/mismatch on the faithful seed fixtures', () => {
  it.each(SEED_VARIANTS)('seed %s (%s) gives no finding', (id, variant) => {
    expect(runRule(gradeMismatch, fixtureOf(faithful, id, variant).snapshot)).toEqual([]);
  });
});
