import { indicatorNamed, placedIndicator, ref, SEED_VARIANTS, seedWorkbook } from '../../../test/rule-harness';
import type { Layout } from '../../../test/fixtures/build-workbook';
import type { SeedReport } from '../../../test/fixtures/seed-model';
import { SEEDS } from '../../../test/fixtures/seeds';
import { seed001 } from '../../../test/fixtures/seeds/seed001';
import { seed003 } from '../../../test/fixtures/seeds/seed003';
import { seed004 } from '../../../test/fixtures/seeds/seed004';
import { sheetOf, workbookOf } from '../../../test/snapshot-builder';
import { checkWorkbook } from '../check';
import { ProfileSchema, type Profile } from '../profile';
import type { WorkbookSnapshot } from '../snapshot';
import { compareWorkbooks } from './compare';
import { ComparisonSchema, type ComparedValue, type Difference } from './schema';

jest.setTimeout(120_000);

const DEFAULTS = ProfileSchema.parse({});

function compare(self: WorkbookSnapshot, review: WorkbookSnapshot, profile: Profile = DEFAULTS) {
  const comparison = compareWorkbooks(checkWorkbook(self, { profile }), checkWorkbook(review, { profile }), profile);
  // Whatever the workbooks, the result has the documented shape.
  expect(ComparisonSchema.parse(comparison)).toEqual(comparison);
  return comparison;
}

const seedOf = (id: string): SeedReport => SEEDS.find((s) => s.id === id) as SeedReport;

/** Where the builder put an indicator's score: its cell, or (a parent without cells) its name, summed from the children. */
function scoreAt(layout: Layout, name: string, value: number): ComparedValue {
  const placed = placedIndicator(layout, name);
  return placed.score ? { ...ref(placed.score), value } : { ...ref(placed.name), value, derived: true };
}

function weightAt(layout: Layout, name: string, value: number): ComparedValue {
  const placed = placedIndicator(layout, name);
  return placed.weight ? { ...ref(placed.weight), value } : { ...ref(placed.name), value };
}

const nameAt = (layout: Layout, name: string, written = name): ComparedValue => ({
  ...ref(placedIndicator(layout, name).name),
  value: written,
});

describe('compareWorkbooks: a review of seed 004’s self-evaluation with planted differences', () => {
  /** The reviewer's changes, each a difference the comparison must report (and nothing else may change). */
  const plant = (copy: SeedReport) => {
    const form = copy.selfEvaluation?.indicators ?? [];
    indicatorNamed(form, '社会化管理工作覆盖社区数').weight = 12;
    Object.assign(indicatorNamed(form, '接收辖区退休人员数'), { weight: 18, score: 12 });
    indicatorNamed(form, '资金使用时限').name = '资金支付时限';
    const satisfaction = indicatorNamed(form, '服务对象满意度指标');
    satisfaction.children = satisfaction.children?.filter((child) => child.name !== '移交企业满意度');
    Object.assign(indicatorNamed(form, '国企退休人员满意度'), { weight: 10, score: 10 });
    indicatorNamed(form, '减轻国有企业经济负担').score = 6;
    if (copy.selfEvaluation) copy.selfEvaluation.total.score = 89;
  };

  it.each(['merged', 'filldown', 'labels'])(
    'reports exactly the planted set, with the cells of both sides (review in the %s layout)',
    async (variant) => {
      const self = await seedWorkbook(seed004, undefined, 'merged');
      const review = await seedWorkbook(seed004, plant, variant);
      const comparison = compare(self.snapshot, review.snapshot);
      const [s, r] = [self.layout, review.layout];
      const output = ['产出指标', '数量指标'];
      const benefit = ['效益指标', '经济效益指标'];
      const satisfaction = ['满意度指标', '服务对象满意度指标'];
      const total = (layout: Layout, value: number): ComparedValue => ({ ...ref(layout.total?.score), value });
      const expected: Difference[] = [
        {
          item: 'indicator',
          kind: 'score',
          level: 1,
          path: ['产出指标'],
          self: scoreAt(s, '产出指标', 50),
          review: scoreAt(r, '产出指标', 47),
          difference: -3,
        },
        {
          item: 'indicator',
          kind: 'score',
          level: 2,
          path: output,
          self: scoreAt(s, '数量指标', 30),
          review: scoreAt(r, '数量指标', 27),
          difference: -3,
        },
        {
          item: 'indicator',
          kind: 'weight',
          level: 3,
          path: [...output, '社会化管理工作覆盖社区数'],
          self: weightAt(s, '社会化管理工作覆盖社区数', 15),
          review: weightAt(r, '社会化管理工作覆盖社区数', 12),
          difference: -3,
        },
        {
          item: 'indicator',
          kind: 'weight',
          level: 3,
          path: [...output, '接收辖区退休人员数'],
          self: weightAt(s, '接收辖区退休人员数', 15),
          review: weightAt(r, '接收辖区退休人员数', 18),
          difference: 3,
        },
        {
          item: 'indicator',
          kind: 'score',
          level: 3,
          path: [...output, '接收辖区退休人员数'],
          self: scoreAt(s, '接收辖区退休人员数', 15),
          review: scoreAt(r, '接收辖区退休人员数', 12),
          difference: -3,
        },
        {
          item: 'indicator',
          kind: 'name',
          level: 3,
          path: ['产出指标', '时效指标', '资金使用时限'],
          self: nameAt(s, '资金使用时限'),
          review: nameAt(r, '资金支付时限'),
        },
        {
          item: 'indicator',
          kind: 'score',
          level: 1,
          path: ['效益指标'],
          self: scoreAt(s, '效益指标', 30),
          review: scoreAt(r, '效益指标', 26),
          difference: -4,
        },
        {
          item: 'indicator',
          kind: 'score',
          level: 2,
          path: benefit,
          self: scoreAt(s, '经济效益指标', 10),
          review: scoreAt(r, '经济效益指标', 6),
          difference: -4,
        },
        {
          item: 'indicator',
          kind: 'score',
          level: 3,
          path: [...benefit, '减轻国有企业经济负担'],
          self: scoreAt(s, '减轻国有企业经济负担', 10),
          review: scoreAt(r, '减轻国有企业经济负担', 6),
          difference: -4,
        },
        {
          item: 'indicator',
          kind: 'weight',
          level: 3,
          path: [...satisfaction, '国企退休人员满意度'],
          self: weightAt(s, '国企退休人员满意度', 5),
          review: weightAt(r, '国企退休人员满意度', 10),
          difference: 5,
        },
        {
          item: 'indicator',
          kind: 'score',
          level: 3,
          path: [...satisfaction, '国企退休人员满意度'],
          self: scoreAt(s, '国企退休人员满意度', 5),
          review: scoreAt(r, '国企退休人员满意度', 10),
          difference: 5,
        },
        {
          item: 'indicator',
          kind: 'only-self',
          level: 3,
          path: [...satisfaction, '移交企业满意度'],
          self: nameAt(s, '移交企业满意度'),
          review: null,
        },
        { item: 'total', kind: 'score', path: [], self: total(s, 96), review: total(r, 89), difference: -7 },
        // No grade cell on the form: each grade is the one its total earns (96 → 优, 89 → 良).
        {
          item: 'grade',
          kind: 'grade',
          path: [],
          self: { ...total(s, 96), value: '优', derived: true },
          review: { ...total(r, 89), value: '良', derived: true },
        },
      ];
      expect(comparison.differences).toEqual(expected);
      expect(comparison).toMatchObject({
        status: 'compared',
        agree: false,
        self: { totalScore: 96, grade: '优' },
        review: { totalScore: 89, grade: '良' },
      });
      // 20 indicators on the self side (the funds row counted): one only there, one renamed, 18 by name.
      expect(comparison.matched).toEqual({ byName: 18, byPosition: 1 });
      expect(comparison.self.indicators - comparison.review.indicators).toBe(1);
    },
  );

  it('reports the difference the other way round with the opposite sign and sides', async () => {
    const self = await seedWorkbook(seed004, plant);
    const review = await seedWorkbook(seed004);
    const forward = compare(review.snapshot, self.snapshot);
    const backward = compare(self.snapshot, review.snapshot);
    const flip = (d: Difference) => ({
      ...d,
      self: d.review,
      review: d.self,
      ...(d.difference === undefined ? {} : { difference: -d.difference }),
    });
    const numeric = (list: Difference[]) => list.filter((d) => d.kind === 'weight' || d.kind === 'score');
    expect(numeric(backward.differences)).toEqual(
      numeric(forward.differences)
        .map(flip)
        .map((d) => ({ ...d, path: expect.any(Array) })),
    );
    expect(backward.differences.filter((d) => d.kind === 'only-review').map((d) => d.path.at(-1))).toEqual([
      '移交企业满意度',
    ]);
  });
});

describe('compareWorkbooks: pairing', () => {
  it('pairs level-1 indicators across alias names (seed 003 “工作活动”设置 … against 决策 …) with no difference', async () => {
    const renamed: Record<string, string> = {
      '“工作活动”设置': '决策',
      '“工作活动”管理': '过程',
      '“工作活动”产出': '产出指标',
      '“工作活动”效果': '效益',
    };
    const self = await seedWorkbook(seed003);
    const review = await seedWorkbook(seed003, (copy) =>
      copy.scoreTable?.indicators.forEach((node) => (node.name = renamed[node.name] ?? node.name)),
    );
    const comparison = compare(self.snapshot, review.snapshot);
    expect(comparison.differences).toEqual([]);
    expect(comparison.agree).toBe(true);
    expect(comparison.matched).toEqual({ byName: comparison.self.indicators, byPosition: 0 });
  });

  it('pairs by position a level-1 name the profile does not know, and by name once the profile lists it as an alias', async () => {
    const self = await seedWorkbook(seed003);
    const review = await seedWorkbook(seed003, (copy) =>
      Object.assign(indicatorNamed(copy.scoreTable?.indicators ?? [], '“工作活动”设置'), { name: '立项设置' }),
    );
    const byPosition = compare(self.snapshot, review.snapshot);
    expect(byPosition.differences).toEqual([
      {
        item: 'indicator',
        kind: 'name',
        level: 1,
        path: ['“工作活动”设置'],
        self: nameAt(self.layout, '“工作活动”设置'),
        review: nameAt(review.layout, '立项设置'),
      },
    ]);
    expect(byPosition.matched.byPosition).toBe(1);

    const profile = ProfileSchema.parse({
      level1Aliases: { ...DEFAULTS.level1Aliases, 决策: ['工作活动设置', '立项设置'] },
    });
    const byAlias = compare(self.snapshot, review.snapshot, profile);
    expect(byAlias.differences).toEqual([]);
    expect(byAlias.matched).toEqual({ byName: byAlias.self.indicators, byPosition: 0 });
  });

  it('pairs a renamed indicator by its place among the rest, and leaves a removed neighbour unpaired (seed 001)', async () => {
    const self = await seedWorkbook(seed001);
    const review = await seedWorkbook(seed001, (copy) => {
      const output = indicatorNamed(copy.scoreTable?.indicators ?? [], '产出');
      // 产出数量 (17) removed, 产出质量 (8) renamed: positions shift, so only the equal weight pairs 质量 with 质量达标.
      output.children = output.children?.filter((child) => child.name !== '产出数量');
      indicatorNamed(output.children ?? [], '产出质量').name = '质量达标情况';
      indicatorNamed(copy.scoreTable?.indicators ?? [], '制度管理').name = '管理制度建设';
    });
    const comparison = compare(self.snapshot, review.snapshot);
    const kinds = comparison.differences
      .filter((d) => d.item === 'indicator' && d.level === 2)
      .map((d) => [d.kind, d.path.join('/'), d.review?.value ?? null]);
    expect(kinds).toEqual([
      ['name', '过程/制度管理', '管理制度建设'],
      ['only-self', '产出/产出数量', null],
      ['name', '产出/产出质量', '质量达标情况'],
    ]);
    expect(comparison.matched.byPosition).toBe(2);
  });
});

describe('compareWorkbooks: agreement and odd inputs', () => {
  it.each(SEED_VARIANTS.filter(([, variant]) => variant !== 'merged'))(
    'finds no difference between seed %s in the merged layout and in the %s layout',
    async (id, variant) => {
      const comparison = compare(
        (await seedWorkbook(seedOf(id))).snapshot,
        (await seedWorkbook(seedOf(id), undefined, variant)).snapshot,
      );
      expect(comparison.differences).toEqual([]);
      expect(comparison).toMatchObject({ status: 'compared', agree: true });
      expect(comparison.self.indicators).toBeGreaterThan(0);
      expect(comparison.matched.byName).toBe(comparison.self.indicators);
    },
  );

  it('compares the level-1 rows of a workbook that prints only a summary (seed 000)', async () => {
    const self = await seedWorkbook(seedOf('000'));
    const review = await seedWorkbook(seedOf('000'), (copy) => {
      const row = copy.summary?.rows.find((r) => r.name === '过程');
      if (row) row.score = 18.8;
    });
    const comparison = compare(self.snapshot, review.snapshot);
    expect(comparison.self.table?.kind).toBe('summary');
    const summaryRow = (layout: Layout) => layout.summary?.rows.find((r) => r.name === '过程')?.score;
    expect(comparison.differences).toEqual([
      {
        item: 'indicator',
        kind: 'score',
        level: 1,
        path: ['过程'],
        self: { ...ref(summaryRow(self.layout)), value: 16.8 },
        review: { ...ref(summaryRow(review.layout)), value: 18.8 },
        difference: 2,
      },
    ]);
  });

  it('compares at the decimals the cells show: 9.3551 shown as 9.36 agrees with 9.36, 9.35 does not', async () => {
    const self = await seedWorkbook(seed003);
    const withScore = (score: number) =>
      seedWorkbook(
        seed003,
        (copy) => (indicatorNamed(copy.scoreTable?.indicators ?? [], '受益群体满意度', 3).score = score),
      );
    expect(compare(self.snapshot, (await withScore(9.3551)).snapshot).differences).toEqual([]);
    const lower = await withScore(9.35);
    const cells = (layout: Layout, level: 2 | 3) => {
      const placed = placedIndicator(layout, '受益群体满意度', level);
      return placed.score ? ref(placed.score) : { ...ref(placed.name), derived: true };
    };
    const path = ['“工作活动”效果', '受益群体满意度'];
    // The level-2 parent has no cell of its own: its score is its child's, so it differs too.
    expect(compare(self.snapshot, lower.snapshot).differences).toEqual([
      {
        item: 'indicator',
        kind: 'score',
        level: 2,
        path,
        self: { ...cells(self.layout, 2), value: 9.36 },
        review: { ...cells(lower.layout, 2), value: 9.35 },
        difference: -0.01,
      },
      {
        item: 'indicator',
        kind: 'score',
        level: 3,
        path: [...path, '受益群体满意度'],
        self: { ...cells(self.layout, 3), value: 9.36 },
        review: { ...cells(lower.layout, 3), value: 9.35 },
        difference: -0.01,
      },
    ]);
  });

  it('gives a clear no-indicator-table result when a side has no table, and never throws', async () => {
    const empty = workbookOf(sheetOf('说明', [['本表无评分内容']]));
    const seed = (await seedWorkbook(seed004)).snapshot;
    const oneSide = compare(empty, seed);
    expect(oneSide).toMatchObject({
      status: 'no-indicator-table',
      agree: false,
      differences: [],
      self: { table: null, indicators: 0, totalScore: null, grade: null },
    });
    expect(oneSide.review.table).toEqual({ kind: 'indicators', sheet: '自评表', range: expect.any(String) });
    expect(compare(seed, workbookOf()).review.table).toBeNull();
    expect(compare(workbookOf(), workbookOf()).status).toBe('no-indicator-table');
  });

  it('compares any two seeds without throwing, listing differences on both sides', async () => {
    const built = await Promise.all(SEEDS.map(async (seed) => (await seedWorkbook(seed)).snapshot));
    for (const [i, self] of built.entries()) {
      for (const [j, review] of built.entries()) {
        const comparison = compare(self, review);
        expect(comparison.status).toBe('compared');
        expect(comparison.agree).toBe(i === j);
      }
    }
  });
});
