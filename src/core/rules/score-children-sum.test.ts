import {
  faithfulFixtures,
  fixtureOf,
  indicatorNamed,
  runRule,
  SEED_VARIANTS,
  type SeedFixture,
} from '../../../test/rule-harness';
import { sheetOf, workbookOf, type GridValue } from '../../../test/snapshot-builder';
import type { SeedIndicator, SeedReport } from '../../../test/fixtures/seed-model';
import { seed001 } from '../../../test/fixtures/seeds/seed001';
import { seed003 } from '../../../test/fixtures/seeds/seed003';
import type { WorkbookSnapshot } from '../snapshot';
import { scoreChildrenSum } from './score-children-sum';

/**
 * The fixture builder writes weights and scores on leaf rows only, so a parent's own score cell (the one this rule
 * checks) cannot be planted through it. These tests write a seed's whole tree in the other common layout: every
 * indicator on its own row with its own 分值 and 得分 (parent-row layout), next to a 基本情况 sheet with the fund
 * figures the standards read.
 */
function parentRowWorkbook(
  seed: SeedReport,
  plant?: (copy: SeedReport) => void,
): { snapshot: WorkbookSnapshot; scoreCell: (name: string, level?: number) => string } {
  const copy = structuredClone(seed);
  plant?.(copy);
  const table = copy.scoreTable;
  if (!table) throw new Error(`seed ${seed.id} has no score table`);
  const depth = table.headers.level3 ? 3 : 2;
  const rows: GridValue[][] = [[...['一级指标', '二级指标', '三级指标'].slice(0, depth), '分值', '评价标准', '得分']];
  const cells = new Map<string, string>();
  const scoreCol = String.fromCharCode(65 + depth + 2);
  const walk = (node: SeedIndicator, level: number) => {
    const row: GridValue[] = Array.from({ length: depth + 3 }, () => null);
    row[level - 1] = node.name;
    row[depth] = node.weight;
    row[depth + 1] = node.standard ?? null;
    row[depth + 2] = node.score;
    rows.push(row);
    cells.set(`${level}:${node.name}`, `${scoreCol}${rows.length}`);
    for (const child of node.children ?? []) walk(child, level + 1);
  };
  table.indicators.forEach((node) => walk(node, 1));
  rows.push(['合计', ...Array.from({ length: depth - 1 }, () => null), table.total.weight, null, table.total.score]);
  const funds = (copy.conclusion?.entries ?? []).filter((e) => /资金/.test(e.label)).flatMap((e) => [e.label, e.value]);
  const snapshot = workbookOf(sheetOf('基本情况', [funds]), sheetOf('评分表', rows));
  return {
    snapshot,
    scoreCell: (name, level) => {
      const found = [...cells.entries()].find(
        ([key]) => key.endsWith(`:${name}`) && (level === undefined || key.startsWith(`${level}:`)),
      );
      if (!found) throw new Error(`no ${name}`);
      return found[1];
    },
  };
}

let faithful: Map<string, SeedFixture>;

beforeAll(async () => {
  faithful = await faithfulFixtures();
}, 60_000);

describe('score/children-sum on a planted seed fault (seed tree in a parent-row layout)', () => {
  it('reports seed 003’s 工作活动相关性 scored 8 while its children give 3 + 3 + 3', () => {
    const { snapshot, scoreCell } = parentRowWorkbook(seed003, (copy) => {
      indicatorNamed(copy.scoreTable?.indicators ?? [], '工作活动相关性').score = 8;
    });
    const findings = runRule(scoreChildrenSum, snapshot);
    expect(findings).toEqual([
      // Parents are listed before their children: 14 printed for “工作活动”设置 now exceeds 8 + 5 = 13.
      expect.objectContaining({ cell: scoreCell('“工作活动”设置'), expected: 13, actual: 14 }),
      {
        code: 'score/children-sum',
        severity: 'error',
        sheet: '评分表',
        cell: scoreCell('工作活动相关性'),
        message: expect.any(String),
        expected: 9,
        actual: 8,
        related: ['政策相关性', '部门职责相关性', '预算项目相关性'].map((name) => ({
          sheet: '评分表',
          cell: scoreCell(name),
        })),
      },
    ]);
    expect(scoreCell('工作活动相关性')).toBe('F3');
    expect(findings[1]?.message).toBe('“工作活动相关性”得分 8，不等于下级指标得分合计 9（3 + 3 + 3）');
  });

  it('reports seed 001’s 决策 scored 13 against 项目申报 6 + 资金投入 6', () => {
    const { snapshot, scoreCell } = parentRowWorkbook(seed001, (copy) => {
      indicatorNamed(copy.scoreTable?.indicators ?? [], '决策').score = 13;
    });
    expect(runRule(scoreChildrenSum, snapshot)).toEqual([
      {
        code: 'score/children-sum',
        severity: 'error',
        sheet: '评分表',
        cell: scoreCell('决策'),
        message: '“决策”得分 13，不等于下级指标得分合计 12（6 + 6）',
        expected: 12,
        actual: 13,
        related: [
          { sheet: '评分表', cell: scoreCell('项目申报') },
          { sheet: '评分表', cell: scoreCell('资金投入') },
        ],
      },
    ]);
  });

  it('counts seed 003’s blank 预算执行率 as the 4 its standard gives (财务管理规范性 12 = 4 + 1 + 7)', () => {
    const { snapshot } = parentRowWorkbook(seed003);
    expect(runRule(scoreChildrenSum, snapshot)).toEqual([]);
  });

  it('still reports 财务管理规范性 when the fund figures make the blank worth 3.6', () => {
    const { snapshot, scoreCell } = parentRowWorkbook(seed003, (copy) => {
      const spent = copy.conclusion?.entries.find((e) => e.label.startsWith('实际支出资金'));
      if (spent) spent.value = 6.3;
    });
    // “工作活动”管理 20 = 12 + 8 as printed: only the level whose child is computed is off.
    expect(runRule(scoreChildrenSum, snapshot).map((f) => [f.cell, f.expected, f.actual])).toEqual([
      [scoreCell('财务管理规范性'), 11.6, 12],
    ]);
  });

  it('words the finding in English with en-US', () => {
    const { snapshot } = parentRowWorkbook(seed001, (copy) => {
      indicatorNamed(copy.scoreTable?.indicators ?? [], '决策').score = 13;
    });
    expect(runRule(scoreChildrenSum, snapshot, { lang: 'en-US' }).map((f) => f.message)).toEqual([
      '"决策" scores 13; its children sum to 12 (6 + 6)',
    ]);
  });
});

describe('score/children-sum on hand-made layouts', () => {
  it('reports every level of a three-level parent-row table', () => {
    const snapshot = workbookOf(
      sheetOf('评分表', [
        ['一级指标', '二级指标', '三级指标', '分值', '得分'],
        ['决策', null, null, 20, 19],
        [null, '项目立项', null, 10, 9],
        [null, null, '立项依据充分性', 5, 5],
        [null, null, '立项程序规范性', 5, 3],
        [null, '绩效目标', null, 10, 9],
        [null, null, '绩效目标合理性', 10, 9],
        ['合计', null, null, 20, 19],
      ]),
    );
    expect(runRule(scoreChildrenSum, snapshot)).toEqual([
      {
        code: 'score/children-sum',
        severity: 'error',
        sheet: '评分表',
        cell: 'E2',
        message: '“决策”得分 19，不等于下级指标得分合计 18（9 + 9）',
        expected: 18,
        actual: 19,
        related: [
          { sheet: '评分表', cell: 'E3' },
          { sheet: '评分表', cell: 'E6' },
        ],
      },
      {
        code: 'score/children-sum',
        severity: 'error',
        sheet: '评分表',
        cell: 'E3',
        message: '“项目立项”得分 9，不等于下级指标得分合计 8（5 + 3）',
        expected: 8,
        actual: 9,
        related: [
          { sheet: '评分表', cell: 'E4' },
          { sheet: '评分表', cell: 'E5' },
        ],
      },
    ]);
  });

  it('accepts sums of one-decimal scores without binary noise (16.8 + 6 + 2 = 24.8)', () => {
    const snapshot = workbookOf(
      sheetOf('评分表', [
        ['一级指标', '二级指标', '指标分值', '评价得分'],
        ['效益', null, 30, 24.8],
        [null, '经济效益', 2, 2],
        [null, '社会效益', 18, 16.8],
        [null, '满意度', 10, 6],
      ]),
    );
    expect(runRule(scoreChildrenSum, snapshot)).toEqual([]);
  });
});

describe('score/children-sum on the faithful seed fixtures', () => {
  it.each(SEED_VARIANTS)('seed %s (%s) gives no finding', (id, variant) => {
    expect(runRule(scoreChildrenSum, fixtureOf(faithful, id, variant).snapshot)).toEqual([]);
  });
});
