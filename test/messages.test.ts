import { messageWithValues } from '../src/cli/format';
import { checkWorkbook } from '../src/core/check';
import type { Finding, Lang } from '../src/core/finding';
import { RULES } from '../src/core/rules';
import { valuesToShow } from '../src/core/shown';
import type { WorkbookSnapshot } from '../src/core/snapshot';
import { parseCellAddress } from '../src/core/address';
import { faithfulFixtures, indicatorNamed, seedWorkbook } from './rule-harness';
import { sheetOf, workbookOf, type GridValue } from './snapshot-builder';
import type { SeedIndicator } from './fixtures/seed-model';
import type { SeedReport } from './fixtures/seed-model';
import { seed000 } from './fixtures/seeds/seed000';
import { seed001 } from './fixtures/seeds/seed001';
import { seed002 } from './fixtures/seeds/seed002';
import { seed003 } from './fixtures/seeds/seed003';
import { seed004 } from './fixtures/seeds/seed004';

/**
 * Every rule's messages, in both languages, over workbooks that make each rule speak (the seed fixtures as
 * published, and the faults the rules' own tests plant): read as an accountant reads them (issue 13).
 * - no binary noise: no figure with six or more digits after its point;
 * - no doubled space, and no space between two Chinese characters (`满意度 未填写`);
 * - the expected and actual values printed beside a message never repeat a figure the message states.
 */

/** Rules whose messages still put a space between Chinese words; the rule-message sweep empties this list. */
const SPACED_CJK: ReadonlySet<string> = new Set([]);

/** Rules no workbook here makes speak yet (added by others after this test): give each a planted case below. */
const NOT_YET_PLANTED: ReadonlySet<string> = new Set([]);

type Plant = (copy: SeedReport) => void;

/** Seed faults, as the rules' own tests plant them. */
const SEED_PLANTS: ReadonlyArray<[string, SeedReport, Plant, string?]> = [
  [
    'weight/children-sum',
    seed003,
    (c) => void (indicatorNamed(c.scoreTable?.indicators ?? [], '政策相关性').weight = 4),
    'labels',
  ],
  ['weight/total', seed000, (c) => void (c.summary?.rows[0] && (c.summary.rows[0].weight = 18))],
  [
    'weight/label',
    seed003,
    (c) => void (indicatorNamed(c.scoreTable?.indicators ?? [], '工作规范程度').name = '工作规范程度 (8分)'),
  ],
  [
    'weight/policy',
    seed001,
    (c) => {
      indicatorNamed(c.scoreTable?.indicators ?? [], '产出数量').weight = 7;
      indicatorNamed(c.scoreTable?.indicators ?? [], '项目申报').weight = 19;
    },
  ],
  ['score/missing', seed001, (c) => void (indicatorNamed(c.scoreTable?.indicators ?? [], '资金投入').score = null)],
  ['score/range', seed001, (c) => void (indicatorNamed(c.scoreTable?.indicators ?? [], '项目申报').score = 10)],
  ['score/total', seed003, (c) => void (c.scoreTable && (c.scoreTable.total.score = 95.36))],
  ['score/rule', seed003, (c) => void (indicatorNamed(c.scoreTable?.indicators ?? [], '受益群体满意度', 3).score = 9)],
  [
    'score/rule',
    seed004,
    (c) => {
      const node = indicatorNamed(c.selfEvaluation?.indicators ?? [], '社会化管理工作覆盖社区数');
      node.actual = '8个';
      node.score = 13.33;
    },
  ],
  ['rate/wrong', seed000, (c) => void (c.summary?.rows[0] && (c.summary.rows[0].rate = '81.88%'))],
  ['rate/wrong', seed001, (c) => void (c.accuracy?.rows[0] && (c.accuracy.rows[0].printedRate = '99.86%'))],
  ['rate/wrong', seed003, (c) => void (c.surveys?.[0] && (c.surveys[0].printedOverall = '95.00%'))],
  ['rate/rounding', seed003, (c) => void (c.summary?.rows[3] && (c.summary.rows[3].rate = '97.86%'))],
  ['rate/rounding', seed000, (c) => void (c.summary?.rows[0] && (c.summary.rows[0].rate = '81.00%'))],
  [
    'grade/mismatch',
    seed000,
    (c) => void c.conclusion?.entries.filter((e) => e.label === '评价等级').forEach((e) => (e.value = '优')),
  ],
  ['cross/mismatch', seed003, (c) => void (c.summary?.rows[0] && (c.summary.rows[0].score = 13))],
  ['cross/mismatch', seed003, (c) => void (c.payments?.[0] && (c.payments[0].total = 80000))],
  ['cross/missing', seed001, (c) => void c.summary?.rows.pop()],
  [
    'count/mismatch',
    seed001,
    (c) => void (c.statedCounts?.[1] && (c.statedCounts[1].text = '二级指标 12 个（§二(二)2(1)）')),
  ],
  [
    'amount/total',
    seed001,
    (c) => {
      const total = c.funds?.[0]?.rows.find((r) => r.kind === 'total');
      if (total) total.values[1] = 516.97;
    },
  ],
  ['derived/missing', seed000, (c) => void (c.summary?.rows[0] && delete c.summary.rows[0].rate)],
  [
    'sheet/unrecognized',
    seed002,
    (c) =>
      void (c.conclusion = {
        title: '填表说明',
        entries: [
          { label: '填表人', value: '张三' },
          { label: '联系电话', value: '0916-1234567' },
          { label: '页数', value: 3 },
        ],
      }),
  ],
];

/**
 * A seed's score table with every indicator on its own row, parents with their own 分值 and 得分 (the layout in which
 * score/children-sum speaks; the fixture builder writes scores on leaf rows only), as score-children-sum.test.ts does.
 */
function parentRows(seed: SeedReport, plant: Plant): WorkbookSnapshot {
  const copy = structuredClone(seed);
  plant(copy);
  const table = copy.scoreTable;
  if (!table) throw new Error(`seed ${seed.id} has no score table`);
  const depth = table.headers.level3 ? 3 : 2;
  const rows: GridValue[][] = [[...['一级指标', '二级指标', '三级指标'].slice(0, depth), '分值', '评价标准', '得分']];
  const walk = (node: SeedIndicator, level: number) => {
    const row: GridValue[] = Array.from({ length: depth + 3 }, () => null);
    row[level - 1] = node.name;
    row[depth] = node.weight;
    row[depth + 1] = node.standard ?? null;
    row[depth + 2] = node.score;
    rows.push(row);
    for (const child of node.children ?? []) walk(child, level + 1);
  };
  table.indicators.forEach((node) => walk(node, 1));
  rows.push(['合计', ...Array.from({ length: depth - 1 }, () => null), table.total.weight, null, table.total.score]);
  const funds = (copy.conclusion?.entries ?? []).filter((e) => /资金/.test(e.label)).flatMap((e) => [e.label, e.value]);
  return workbookOf(sheetOf('基本情况', [funds]), sheetOf('评分表', rows));
}

/** A snapshot with one cell changed: a value, or a formula (its cached value kept). */
function edited(
  snapshot: WorkbookSnapshot,
  sheet: string,
  address: string,
  change: Partial<WorkbookSnapshot['sheets'][number]['cells'][number]>,
): WorkbookSnapshot {
  const copy = structuredClone(snapshot);
  const at = parseCellAddress(address);
  const cell = copy.sheets.find((s) => s.name === sheet)?.cells.find((c) => c.row === at?.row && c.col === at?.col);
  if (!cell) throw new Error(`no cell ${sheet}!${address}`);
  Object.assign(cell, change);
  if (change.value && !('formula' in change)) delete cell.formula;
  return copy;
}

function withFormula(snapshot: WorkbookSnapshot, sheet: string, from: string, to: string): WorkbookSnapshot {
  const copy = structuredClone(snapshot);
  const cell = copy.sheets.find((s) => s.name === sheet)?.cells.find((c) => c.formula === from);
  if (!cell) throw new Error(`no formula ${from}`);
  if (to === '') delete cell.formula;
  else cell.formula = to;
  return copy;
}

/** A copy whose first SUM total stores a result one below what its cells add (saved before a score changed). */
function staleTotal(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  const copy = structuredClone(snapshot);
  const cell = copy.sheets
    .flatMap((sheet) => sheet.cells)
    .find((c) => c.formula?.startsWith('SUM(') && c.value.type === 'number');
  if (cell?.value.type !== 'number') throw new Error('no SUM total');
  cell.value = { type: 'number', value: cell.value.value - 1 };
  return copy;
}

/** Workbooks that make every rule speak, each checked in both languages. */
const corpus: Array<{ name: string; findings: Finding[]; lang: Lang }> = [];

beforeAll(async () => {
  const snapshots: Array<[string, WorkbookSnapshot]> = [];
  for (const [key, fixture] of await faithfulFixtures()) snapshots.push([`faithful ${key}`, fixture.snapshot]);
  for (const [code, seed, plant, variant] of SEED_PLANTS)
    snapshots.push([`${code} on seed ${seed.id}`, (await seedWorkbook(seed, plant, variant)).snapshot]);
  const seed001Built = (await seedWorkbook(seed001)).snapshot;
  snapshots.push(
    ['formula/error', edited(seed001Built, '评分表', 'E3', { value: { type: 'error', value: '#VALUE!' } })],
    ['formula/range-omits', withFormula(seed001Built, '评分表', 'SUM(E3:E12)', 'SUM(E3:E11)')],
    ['formula/hardcoded', withFormula(seed001Built, '评分表', 'SUM(E3:E12)', '')],
    [
      'formula/inconsistent',
      workbookOf(
        sheetOf('执行率', [
          ['预算数', '执行数', '执行率'],
          [100, 90, { formula: 'B2/A2', value: 0.9 }],
          [200, 150, { formula: 'B3/A2', value: 1.5 }],
          [300, 240, { formula: 'B4/A4', value: 0.8 }],
        ]),
      ),
    ],
    ['formula/stale', staleTotal(seed001Built)],
    [
      'sheet/merge-overlap',
      workbookOf(
        sheetOf(
          '评分表',
          [
            ['一级指标', '二级指标', '分值', '得分'],
            ['决策', '立项依据', 10, 9],
            [null, '绩效目标', 10, 8],
            ['过程', '资金管理', 15, 14],
            [null, '组织实施', 15, 13],
            ['产出', '数量', 25, 25],
            ['效益', '满意度', 25, 20],
            ['合计', null, 100, 89],
          ],
          ['A2:A3', 'A4:A5', 'A3:B4'],
        ),
      ),
    ],
    ['value/text-number', edited(seed001Built, '评分表', 'E3', { value: { type: 'text', value: '８' } })],
    [
      'score/children-sum',
      parentRows(seed001, (c) => void (indicatorNamed(c.scoreTable?.indicators ?? [], '决策').score = 13)),
    ],
  );
  for (const [name, snapshot] of snapshots)
    for (const lang of ['zh-CN', 'en-US'] as const)
      corpus.push({ name, lang, findings: checkWorkbook(snapshot, { lang }).findings });
}, 240_000);

const all = () => corpus.flatMap(({ name, lang, findings }) => findings.map((finding) => ({ name, lang, finding })));

describe('the messages of every rule, in both languages', () => {
  it('are spoken by every rule over these workbooks (a new rule needs a planted case here)', () => {
    const spoken = new Set<string>(all().map(({ finding }) => finding.code));
    const silent = RULES.map((rule) => rule.code).filter((code) => !spoken.has(code) && !NOT_YET_PLANTED.has(code));
    expect(silent).toEqual([]);
    // The list of rules without a case only shrinks: a rule that speaks here leaves it.
    expect([...NOT_YET_PLANTED].filter((code) => spoken.has(code))).toEqual([]);
  });

  it('carry no binary noise, in the message or in the figures beside it', () => {
    const noisy = all().filter(({ finding, lang }) =>
      [finding.message, finding.expectedText, finding.actualText, messageWithValues(finding, lang)].some(
        (text) => text !== undefined && /\d\.\d{6,}/.test(text),
      ),
    );
    expect(noisy.map(({ name, finding }) => `${name}: ${finding.message}`)).toEqual([]);
  });

  it('have no doubled space, and no space between two Chinese words', () => {
    const doubled = all().filter(({ finding }) => /\S {2,}\S/.test(finding.message.trim()));
    expect(doubled.map(({ finding }) => finding.message)).toEqual([]);
    const spaced = (text: string) =>
      /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef] +[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(text);
    const offending = all().filter(({ finding, lang }) => lang === 'zh-CN' && spaced(finding.message));
    expect([...new Set(offending.map(({ finding }) => finding.code))].filter((code) => !SPACED_CJK.has(code))).toEqual(
      [],
    );
    // The list of rules still spacing Chinese words only shrinks: a rule that no longer does leaves it.
    expect([...SPACED_CJK].filter((code) => !offending.some(({ finding }) => finding.code === code))).toEqual([]);
  });

  it('print expected and actual only when the message does not already state them', () => {
    /** Every number the message states, with what a percentage stands for (93% is 93 and 0.93). */
    const stated = (message: string) =>
      [...message.matchAll(/\d[\d,]*(?:\.\d+)?%?/g)].flatMap((m) => {
        const value = Number(m[0].replace(/[,%]/g, ''));
        return m[0].endsWith('%') ? [value, value / 100] : [value];
      });
    const repeats = all().flatMap(({ name, finding }) => {
      const shown = valuesToShow(finding);
      return [shown.expected, shown.actual].flatMap((text) => {
        if (text === undefined) return [];
        const value = Number(text.replace(/[,%]/g, '')) / (text.endsWith('%') ? 100 : 1);
        const repeated =
          finding.message.includes(text) || stated(finding.message).some((n) => Math.abs(n - value) < 1e-9);
        return repeated ? [`${name}: ${finding.message} ← ${text}`] : [];
      });
    });
    expect(repeats).toEqual([]);
  });

  it('print no empty actual (“实为 无”) beside a message, and no value the cell shows otherwise than printed', () => {
    for (const { finding, lang } of all()) {
      const line = messageWithValues(finding, lang);
      expect(line).not.toMatch(/实为 无|found none/);
      if (finding.expectedText !== undefined && valuesToShow(finding).expected !== undefined)
        expect(line).toContain(finding.expectedText);
    }
  });
});
