import type { Finding } from '../finding';
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
import { seed003 } from '../../../test/fixtures/seeds/seed003';
import type { Layout } from '../../../test/fixtures/build-workbook';
import type { WorkbookSnapshot } from '../snapshot';
import { scoreMissing } from './score-missing';

type Built = { snapshot: WorkbookSnapshot; layout: Layout };

let faithful: Map<string, SeedFixture>;
/** Seed 001 with the 资金投入 score left blank (its standard is not printed: nothing to compute). */
let blank001: Built;
/** Seed 003 with the blank 预算执行率 filled in with 4. */
let filled003: Built;
/** Seed 003 with 实际支出资金 6.3 of 7 (执行率 90%): the blank 预算执行率 now computes to 3.6. */
let spent90: Built;

beforeAll(async () => {
  faithful = await faithfulFixtures();
  blank001 = await seedWorkbook(seed001, (copy) => {
    indicatorNamed(copy.scoreTable?.indicators ?? [], '资金投入').score = null;
  });
  filled003 = await seedWorkbook(seed003, (copy) => {
    indicatorNamed(copy.scoreTable?.indicators ?? [], '预算执行率').score = 4;
  });
  spent90 = await seedWorkbook(seed003, (copy) => {
    const spent = copy.conclusion?.entries.find((e) => e.label.startsWith('实际支出资金'));
    if (spent) spent.value = 6.3;
  });
}, 60_000);

/** Seed 003's own blank: 预算执行率 (分值 4), whose standard 指标分值=预算执行率*总分 gives 100% × 4 = 4. */
function known003(layout: Layout, expected = 4): Finding {
  const placed = placedIndicator(layout, '预算执行率');
  return {
    code: 'score/missing',
    severity: 'error',
    sheet: '评分表',
    cell: placed.score?.cell as string,
    message: `“预算执行率”（分值 4.00）未填得分，按评分标准应为 ${expected.toFixed(2)}（预算执行率 ${expected * 25}% × 分值 4.00）`,
    expected,
    actual: null,
    related: [ref(placed.weight)],
  };
}

describe('score/missing on a planted seed fault', () => {
  it('reports a blank score with no computable standard, without `expected` (seed 001 资金投入)', () => {
    const placed = placedIndicator(blank001.layout, '资金投入');
    const findings = runRule(scoreMissing, blank001.snapshot);
    expect(findings).toEqual([
      {
        code: 'score/missing',
        severity: 'error',
        sheet: '评分表',
        cell: placed.score?.cell,
        message: expect.any(String),
        actual: null,
        related: [ref(placed.weight)],
      },
    ]);
    expect(placed.score?.cell).toBe('E4');
    expect(findings[0]?.message).toBe('“资金投入”（分值 6.00）未填得分');
  });

  it('computes the expected score from the standard and the inputs it reads (seed 003, 执行率 90% → 3.6)', () => {
    expect(runRule(scoreMissing, spent90.snapshot)).toEqual([known003(spent90.layout, 3.6)]);
  });

  it('gives nothing once the blank is filled', () => {
    expect(runRule(scoreMissing, filled003.snapshot)).toEqual([]);
  });

  it('words the finding in English with en-US', () => {
    expect(
      runRule(scoreMissing, fixtureOf(faithful, seed003.id, 'merged').snapshot, { lang: 'en-US' }).map(
        (f) => f.message,
      ),
    ).toEqual([
      '"预算执行率" (weight 4.00) has no score; its standard gives 4.00 (budget execution rate 100% × weight 4.00)',
    ]);
    expect(runRule(scoreMissing, blank001.snapshot, { lang: 'en-US' }).map((f) => f.message)).toEqual([
      '"资金投入" (weight 6.00) has no score',
    ]);
  });
});

describe('score/missing on hand-made layouts', () => {
  it('reads a two-level table with a blank score', () => {
    const snapshot = workbookOf(
      sheetOf('评分', [
        ['一级指标', '二级指标', '分值', '得分'],
        ['过程', '预算执行率', 4, null],
        [null, '资金使用', 6, 6],
      ]),
    );
    expect(runRule(scoreMissing, snapshot)).toEqual([
      {
        code: 'score/missing',
        severity: 'error',
        sheet: '评分',
        cell: 'D2',
        message: '“预算执行率”（分值 4）未填得分',
        actual: null,
        related: [{ sheet: '评分', cell: 'C2' }],
      },
    ]);
  });

  it('computes the score from a standard and fund figures on another sheet (9 / 10 × 4 = 3.6)', () => {
    const snapshot = workbookOf(
      sheetOf('基本情况', [['实际到位资金', 10, '实际支出资金', 9]]),
      sheetOf('评分', [
        ['一级指标', '二级指标', '分值', '评价标准', '得分'],
        ['过程', '预算执行率', 4, '指标分值=预算执行率*总分', null],
        [null, '资金使用', 6, '按规定使用得6分', 6],
      ]),
    );
    expect(runRule(scoreMissing, snapshot)).toMatchObject([
      { sheet: '评分', cell: 'E2', expected: 3.6, actual: null, related: [{ sheet: '评分', cell: 'C2' }] },
    ]);
  });

  it('reports a summary row with no score', () => {
    const snapshot = workbookOf(
      sheetOf('汇总', [
        ['一级指标', '分值', '得分'],
        ['决策', 20, 18],
        ['过程', 30, null],
        ['产出', 50, 45],
        ['合计', 100, 88],
      ]),
    );
    expect(runRule(scoreMissing, snapshot)).toEqual([
      {
        code: 'score/missing',
        severity: 'error',
        sheet: '汇总',
        cell: 'C3',
        message: '“过程”（分值 30）未填得分',
        actual: null,
        related: [{ sheet: '汇总', cell: 'B3' }],
      },
    ]);
  });

  it('takes a score cell holding only a typed space for blank', () => {
    const snapshot = workbookOf(
      sheetOf('评分', [
        ['一级指标', '二级指标', '分值', '得分'],
        ['过程', '预算执行率', 4, ' '],
        [null, '资金使用', 6, 6],
      ]),
    );
    expect(runRule(scoreMissing, snapshot)).toMatchObject([{ code: 'score/missing', cell: 'D2', actual: null }]);
  });
});

describe('score/missing on the faithful seed fixtures', () => {
  it.each(SEED_VARIANTS)(
    'seed %s (%s) gives no finding but seed 003’s blank 预算执行率 (expected 4)',
    (id, variant) => {
      const { layout, snapshot } = fixtureOf(faithful, id, variant);
      expect(runRule(scoreMissing, snapshot)).toEqual(id === seed003.id ? [known003(layout)] : []);
    },
  );

  it('places seed 003’s blank where the report leaves it (G8)', () => {
    expect(placedIndicator(fixtureOf(faithful, seed003.id, 'merged').layout, '预算执行率').score?.cell).toBe('G8');
  });
});
