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
import { seed003 } from '../../../test/fixtures/seeds/seed003';
import type { Layout } from '../../../test/fixtures/build-workbook';
import type { WorkbookSnapshot } from '../snapshot';
import { weightLabel } from './weight-label';

type Built = { snapshot: WorkbookSnapshot; layout: Layout };

const LABELLED = '工作规范程度 (8分)';

let faithful: Map<string, SeedFixture>;
/** Seed 003 with the leaf 工作规范程度 (weight cell 10) written as “工作规范程度 (8分)”. */
let labelled: Built;
let labelledFilldown: Built;
/** Seed 003 (labels variant) with 政策相关性 raised to 4: the parent’s (9分) label no longer matches its children. */
let parentLabel: Built;

beforeAll(async () => {
  faithful = await faithfulFixtures();
  for (const variant of ['merged', 'filldown']) {
    const built = await seedWorkbook(
      seed003,
      (copy) => {
        indicatorNamed(copy.scoreTable?.indicators ?? [], '工作规范程度').name = LABELLED;
      },
      variant,
    );
    if (variant === 'merged') labelled = built;
    else labelledFilldown = built;
  }
  parentLabel = await seedWorkbook(
    seed003,
    (copy) => {
      indicatorNamed(copy.scoreTable?.indicators ?? [], '政策相关性').weight = 4;
    },
    'labels',
  );
}, 60_000);

describe('weight/label on a planted seed fault', () => {
  it('reports a label “(8分)” beside a weight cell of 10 (seed 003), at the name cell, resting on the weight cell', () => {
    const placed = placedIndicator(labelled.layout, LABELLED);
    const findings = runRule(weightLabel, labelled.snapshot);
    expect(findings).toEqual([
      {
        code: 'weight/label',
        severity: 'warning',
        sheet: '评分表',
        cell: placed.name.cell,
        message: expect.any(String),
        expected: 10,
        actual: 8,
        related: [ref(placed.weight)],
      },
    ]);
    expect(placed.name.cell).toBe('C14');
    expect(findings[0]?.message).toBe('“工作规范程度”名称中写的分值 8 与单元格分值 10.00 不符');
  });

  it('reports it in the fill-down layout too', () => {
    const placed = placedIndicator(labelledFilldown.layout, LABELLED);
    expect(runRule(weightLabel, labelledFilldown.snapshot)).toEqual([
      expect.objectContaining({ cell: placed.name.cell, expected: 10, actual: 8, related: [ref(placed.weight)] }),
    ]);
  });

  it('leaves a parent label that disagrees only with its children to weight/children-sum (reported once)', () => {
    expect(runRule(weightLabel, parentLabel.snapshot)).toEqual([]);
  });

  it('words the finding in English with en-US', () => {
    expect(runRule(weightLabel, labelled.snapshot, { lang: 'en-US' }).map((f) => f.message)).toEqual([
      'The label of "工作规范程度" says 8 but its weight cell holds 10.00',
    ]);
  });
});

describe('weight/label on hand-made layouts', () => {
  it('reads a parent-row layout where 决策 (20) stands beside a weight cell of 25', () => {
    const snapshot = workbookOf(
      sheetOf('评分表', [
        ['一级指标', '二级指标', '三级指标', '分值', '得分'],
        ['决策 (20)', null, null, 25, 20],
        [null, '项目立项 (10分)', null, 10, 9],
        [null, null, '立项依据充分性', 10, 9],
        [null, '绩效目标', null, 15, 11],
        [null, null, '绩效目标合理性', 15, 11],
      ]),
    );
    expect(runRule(weightLabel, snapshot)).toEqual([
      {
        code: 'weight/label',
        severity: 'warning',
        sheet: '评分表',
        cell: 'A2',
        message: '“决策”名称中写的分值 20 与单元格分值 25 不符',
        expected: 25,
        actual: 20,
        related: [{ sheet: '评分表', cell: 'D2' }],
      },
    ]);
  });

  it('accepts full-width labels that agree with their cells', () => {
    const snapshot = workbookOf(
      sheetOf('评分', [
        ['一级指标', '二级指标', '分值', '得分'],
        ['产出指标（５０分）', null, 50, 45],
        [null, '数量指标(30分)', 30, 28],
        [null, '质量指标(20分)', '２０', 17],
      ]),
    );
    expect(runRule(weightLabel, snapshot)).toEqual([]);
  });
});

describe('weight/label on the faithful seed fixtures', () => {
  it.each(SEED_VARIANTS)('seed %s (%s) gives no finding', (id, variant) => {
    expect(runRule(weightLabel, fixtureOf(faithful, id, variant).snapshot)).toEqual([]);
  });
});
