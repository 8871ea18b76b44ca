import fc from 'fast-check';
import {
  ERROR_VALUES,
  type Cell,
  type CellRange,
  type CellValue,
  type Sheet,
  type WorkbookSnapshot,
} from '../../src/core/snapshot';
import { HOSTILE_TEXT, MAX_COL, MAX_ROW } from './limits';

/**
 * fast-check generators of workbook snapshots as real files can deliver them: domain labels (so the recognizers
 * engage), scoring tables, surveys and key-value areas at random places, numbers of every magnitude, text
 * percentages and full-width digits, error values, formulas both plausible and garbled, merges that overlap or
 * cover whole columns, hidden sheets and odd sheet names.
 */

/** Words of the domain (src/core/recognize/vocabulary.ts, DOMAIN.md). */
const VOCABULARY = [
  '一级指标',
  '二级指标',
  '三级指标',
  '指标',
  '指标名称',
  '评价指标',
  '分值',
  '权重',
  '标准分',
  '指标分值',
  '得分',
  '评价得分',
  '自评得分',
  '得分率',
  '得分率（%）',
  '评价标准',
  '评分标准',
  '评分依据',
  '指标内容',
  '年度指标值',
  '实际完成值',
  '偏差原因分析',
  '年初预算数',
  '全年预算数',
  '全年执行数',
  '执行率',
  '预算执行率',
  '资金到位率',
  '合计',
  '总计',
  '总分',
  '小计',
  '得分合计',
  '决策',
  '过程',
  '产出',
  '效益',
  '效果',
  '管理',
  '“工作活动”设置 (15)',
  '产出指标（50分）',
  '效益指标',
  '满意度指标',
  '满意度',
  '知晓率',
  '非常满意',
  '满意',
  '比较满意',
  '一般',
  '不满意',
  '非常了解',
  '了解',
  '不了解',
  '有效问卷',
  '满意问卷',
  '问卷合计',
  '评价等级',
  '等级',
  '优',
  '良',
  '中',
  '差',
  '优秀',
  '总体评价',
  '结论',
  '实际到位资金',
  '实际支出资金',
  '预算资金',
  '下达资金',
  '单位：万元',
  '单位：元',
  '金额（元）',
  '万元',
  '元',
  '数量指标',
  '质量指标',
  '时效指标',
  '成本指标',
  '经济效益',
  '社会效益',
  '可持续影响',
  '服务对象满意度',
  '项目立项',
  '绩效目标',
  '资金投入',
  '资金管理',
  '组织实施',
  '补助兑现准确率',
  '应发',
  '实发',
  '完成率',
  '二级指标10个',
  '三级指标 25 个',
  '指标分值=预算执行率*总分',
  '满意度调查得分*本项分值',
  '每少拨付25%扣1分，扣完为止',
  '超出项目预算金额1%，扣分值的20%，扣完为止',
  '≥98%',
  '≤300元',
  '≥900人',
  '100%',
  '长期',
  '达成',
  '部分达成',
  '未达成',
] as const;

const FULL_WIDTH_DIGITS = '０１２３４５６７８９';

const label = fc.constantFrom(...VOCABULARY);

/** Numbers as workbooks hold them: scores and rates, and the extremes. */
const number = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 100 }) },
  { weight: 3, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) },
  { weight: 2, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(0, -0, -1, 1e308, -1e308, 5e-324, -5e-324, 1e-12, 2 ** 53, 99.995, 93.625, 0.9143),
  },
);

const fullWidth = (digits: string) =>
  [...digits].map((ch) => (/[0-9]/.test(ch) ? FULL_WIDTH_DIGITS[Number(ch)] : ch === '.' ? '．' : ch)).join('');

/** Numbers typed as text: "95%", "93.63％", full-width digits, thousands separators, units. */
const numericText = fc
  .tuple(
    fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    fc.integer({ min: 0, max: 4 }),
    fc.constantFrom('', '%', '％', '分', '万元', '元', '人'),
    fc.boolean(),
  )
  .map(([value, decimals, unit, wide]) => {
    const digits = value.toFixed(decimals);
    return `${wide ? fullWidth(digits) : digits}${unit}`;
  });

const text = fc.oneof(
  { weight: 6, arbitrary: label },
  { weight: 3, arbitrary: numericText },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.tuple(label, fc.integer({ min: 0, max: 100 })).map(([word, n]) => `${word}（${n}分）`) },
);

const errorValue = fc.oneof(fc.constantFrom(...ERROR_VALUES), fc.string({ maxLength: 8 }));

export const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 5, arbitrary: number.map((value): CellValue => ({ type: 'number', value })) },
  { weight: 5, arbitrary: text.map((value): CellValue => ({ type: 'text', value })) },
  { weight: 1, arbitrary: fc.boolean().map((value): CellValue => ({ type: 'boolean', value })) },
  { weight: 1, arbitrary: errorValue.map((value): CellValue => ({ type: 'error', value })) },
  { weight: 1, arbitrary: fc.constant<CellValue>({ type: 'empty' }) },
);

const reference = fc
  .tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 10 }), fc.boolean(), fc.boolean())
  .map(
    ([row, col, absCol, absRow]) =>
      `${absCol ? '$' : ''}${String.fromCharCode(65 + col)}${absRow ? '$' : ''}${row + 1}`,
  );

const sheetPrefix = fc.constantFrom(
  '',
  '',
  '评分表!',
  "'评分表'!",
  "'结论表'!",
  '不存在的表!',
  "'Sheet 9'!",
  "'O''Brien'!",
  '[1]Sheet1!',
  '#REF!',
);

/** Formulas evaluators write, referring to this sheet, other sheets and sheets that do not exist. */
const plausibleFormula = fc.oneof(
  fc.tuple(sheetPrefix, reference, reference).map(([p, a, b]) => `SUM(${p}${a}:${b})`),
  fc.tuple(sheetPrefix, reference, reference).map(([p, a, b]) => `${p}${a}/${b}`),
  fc.tuple(reference, reference, fc.integer({ min: 0, max: 4 })).map(([a, b, d]) => `ROUND(${a}/${b}*100,${d})`),
  fc.tuple(reference, fc.integer({ min: 0, max: 100 })).map(([a, n]) => `IF(${a}>=${n},"优",IF(${a}>=80,"良","中"))`),
  fc.tuple(sheetPrefix, reference).map(([p, a]) => `MIN(1,${p}${a})*F8`),
  fc.array(reference, { minLength: 1, maxLength: 6 }).map((refs) => refs.join('+')),
  fc.constantFrom(
    '1/0',
    '#REF!',
    'A1',
    'A1:A1048576',
    'SUM(A:A)',
    'SUM(1:1)',
    'INDIRECT("A"&1)',
    'HYPERLINK("http://x","y")',
    'C3/B3',
    'SUM(B2:B9)',
  ),
);

const FORMULA_TOKENS = [
  'SUM',
  'IF',
  'ROUND',
  'MIN',
  'AVERAGE',
  'VLOOKUP',
  '(',
  ')',
  '(',
  ')',
  ',',
  ':',
  '!',
  "'",
  '"',
  '"x"',
  '+',
  '-',
  '*',
  '/',
  '^',
  '&',
  '%',
  '=',
  '<>',
  '>=',
  '<',
  '>',
  '{',
  '}',
  '[',
  ']',
  ';',
  '$',
  '@',
  '#REF!',
  '#DIV/0!',
  'TRUE',
  '1',
  '2.5',
  '1E+308',
  'A1',
  'B$2',
  '$C$3',
  'XFD1048576',
  'ZZZZ1',
  'A0',
  'R1C1',
  '评分表',
  "'评分表'!",
  'Sheet1!',
  ' ',
  '\n',
  '１２',
  '…',
];

const tokenSoup = fc.array(fc.constantFrom(...FORMULA_TOKENS), { maxLength: 16 }).map((tokens) => tokens.join(''));

export const formula = fc.oneof(
  { weight: 3, arbitrary: plausibleFormula },
  { weight: 2, arbitrary: tokenSoup },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);

const numberFormat = fc.constantFrom(
  undefined,
  undefined,
  '0.00%',
  '0%',
  '0.00',
  '0.0000',
  '#,##0.00',
  '@',
  'General',
  '0.00_);[Red](0.00)',
  '"分"0',
  ';;;',
  '[$-804]yyyy"年"m"月"d"日"',
);

interface Placed {
  row: number;
  col: number;
  value: CellValue;
  formula?: string | undefined;
  format?: string | undefined;
}

function toCell({ row, col, value, formula: f, format }: Placed): Cell {
  const cell: Cell = { row, col, value };
  if (f !== undefined) cell.formula = f;
  if (format !== undefined) cell.format = format;
  return cell;
}

const placedCell = (rows: number, cols: number): fc.Arbitrary<Placed> =>
  fc.record({
    row: fc.integer({ min: 0, max: rows }),
    col: fc.integer({ min: 0, max: cols }),
    value: cellValue,
    formula: fc.option(formula, { freq: 4, nil: undefined }),
    format: numberFormat,
  });

/** A value cell of a table: a number, a number as text, a blank, sometimes anything. */
const figure = fc.oneof(
  { weight: 5, arbitrary: number.map((value): CellValue => ({ type: 'number', value })) },
  { weight: 2, arbitrary: numericText.map((value): CellValue => ({ type: 'text', value })) },
  { weight: 2, arbitrary: fc.constant<CellValue>({ type: 'empty' }) },
  { weight: 1, arbitrary: cellValue },
);

/** Rows of cells starting at (top, left): a header row of domain words, then rows of a name or two and figures. */
function block(header: fc.Arbitrary<string[]>, names: fc.Arbitrary<string>): fc.Arbitrary<Placed[]> {
  return fc
    .record({
      top: fc.integer({ min: 0, max: 40 }),
      left: fc.integer({ min: 0, max: 6 }),
      header,
      body: fc.array(
        fc.tuple(
          names,
          fc.option(names, { nil: undefined }),
          fc.array(fc.tuple(figure, fc.option(formula, { freq: 5, nil: undefined }), numberFormat), { maxLength: 6 }),
        ),
        { maxLength: 14 },
      ),
    })
    .map(({ top, left, header: words, body }) => {
      const placed: Placed[] = words.map((word, i) => ({
        row: top,
        col: left + i,
        value: { type: 'text', value: word },
      }));
      body.forEach(([name, child, figures], i) => {
        const row = top + 1 + i;
        placed.push({ row, col: left, value: { type: 'text', value: name } });
        if (child !== undefined) placed.push({ row, col: left + 1, value: { type: 'text', value: child } });
        figures.forEach(([value, f, format], j) => placed.push({ row, col: left + 2 + j, value, formula: f, format }));
      });
      return placed;
    });
}

const INDICATOR_HEADERS = [
  '一级指标',
  '二级指标',
  '三级指标',
  '分值',
  '得分',
  '得分率',
  '评分标准',
  '指标分值',
  '评价得分',
  '权重',
] as const;
const SURVEY_HEADERS = ['问题', '非常满意', '满意', '比较满意', '一般', '不满意', '合计', '满意度', '知晓率'] as const;
const BUDGET_HEADERS = [
  '项目',
  '年初预算数',
  '全年预算数',
  '全年执行数',
  '执行率',
  '分值',
  '得分',
  '年度指标值',
  '实际完成值',
  '偏差原因分析',
] as const;

const headerOf = (words: readonly string[]) => fc.shuffledSubarray([...words], { minLength: 2 });

const indicatorNames = fc.oneof(label, fc.constantFrom('决策', '过程', '产出', '效益', '合计', '小计', ''));

const tables = fc.oneof(
  block(headerOf(INDICATOR_HEADERS), indicatorNames),
  block(headerOf(SURVEY_HEADERS), label),
  block(headerOf(BUDGET_HEADERS), label),
  // Key-value rows: 总分 | 93.36, 评价等级 | 优.
  block(
    fc.constant([]),
    fc.constantFrom('总分', '评价等级', '实际到位资金', '实际支出资金', '预算执行率', '满意度', '得分', '合计'),
  ),
);

/** Merges: near the data, overlapping each other, inverted, single cells, whole columns, the whole sheet. */
const merge: fc.Arbitrary<CellRange> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .record({
        top: fc.integer({ min: 0, max: 50 }),
        left: fc.integer({ min: 0, max: 12 }),
        height: fc.integer({ min: 0, max: 8 }),
        width: fc.integer({ min: 0, max: 4 }),
      })
      .map(({ top, left, height, width }) => ({ top, left, bottom: top + height, right: left + width })),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      top: fc.nat(MAX_ROW),
      left: fc.nat(MAX_COL),
      bottom: fc.nat(MAX_ROW),
      right: fc.nat(MAX_COL),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<CellRange>(
      { top: 0, left: 0, bottom: MAX_ROW, right: 0 },
      { top: 0, left: 0, bottom: MAX_ROW, right: MAX_COL },
      { top: 5, left: 5, bottom: 2, right: 1 },
      { top: 0, left: 0, bottom: 0, right: MAX_COL },
    ),
  },
);

/** A dense block of figures: the payment lists that make sheets large. */
const denseBlock = fc
  .record({ rows: fc.integer({ min: 50, max: 400 }), cols: fc.integer({ min: 2, max: 12 }), seed: fc.nat() })
  .map(({ rows, cols, seed }) => {
    const placed: Placed[] = [];
    for (let row = 0; row < rows; row++) {
      for (let col = 0; col < cols; col++) {
        const n = (seed + row * 31 + col * 7) % 1000;
        placed.push(
          row === 0
            ? { row, col, value: { type: 'text', value: VOCABULARY[n % VOCABULARY.length] as string } }
            : {
                row,
                col,
                value: { type: 'number', value: n / 10 },
                formula: col === cols - 1 && n % 3 === 0 ? `SUM(A${row + 1}:B${row + 1})` : undefined,
              },
        );
      }
    }
    return placed;
  });

const SHEET_NAMES = [
  '评分表',
  '结论表',
  '满意度调查',
  '汇总表',
  '自评表',
  '资金表',
  '审核记录',
  '审核报告',
  'Sheet1',
  '',
  ' ',
  "O'Brien",
  "'",
  '表!1',
  'A1',
  'R1C1',
  '一'.repeat(31),
  ...HOSTILE_TEXT,
];

const sheetName = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SHEET_NAMES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 31 }) },
);

export const sheet: fc.Arbitrary<Sheet> = fc
  .record({
    name: sheetName,
    visibility: fc.constantFrom<Sheet['visibility']>('visible', 'visible', 'visible', 'hidden', 'veryHidden'),
    layout: fc.oneof(
      {
        weight: 8,
        arbitrary: fc
          .tuple(fc.array(tables, { maxLength: 3 }), fc.array(placedCell(60, 14), { maxLength: 40 }))
          .map(([blocks, noise]) => [...blocks.flat(), ...noise]),
      },
      { weight: 1, arbitrary: fc.constant<Placed[]>([]) },
      { weight: 1, arbitrary: denseBlock },
      { weight: 1, arbitrary: fc.array(placedCell(MAX_ROW, MAX_COL), { maxLength: 10 }) },
    ),
    merges: fc.array(merge, { maxLength: 12 }),
    keepOrder: fc.boolean(),
  })
  .map(({ name, visibility, layout, merges, keepOrder }) => {
    // Later blocks overwrite earlier ones at the same place, as typing over a cell does; the order is row-major
    // as the readers deliver it, or left shuffled (the engine sorts what a host hands over out of order).
    const byPosition = new Map<number, Placed>();
    for (const p of layout) byPosition.set(p.row * (MAX_COL + 1) + p.col, p);
    const cells = [...byPosition.values()]
      .filter((p) => p.value.type !== 'empty' || p.formula !== undefined)
      .map(toCell);
    if (keepOrder) cells.sort((a, b) => a.row - b.row || a.col - b.col);
    return { name, visibility, cells, merges };
  });

export const snapshot: fc.Arbitrary<WorkbookSnapshot> = fc.array(sheet, { maxLength: 4 }).map((sheets) => ({ sheets }));
