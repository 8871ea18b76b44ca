import type { Fact } from '../facts/schema';
import { hasNumber, sameFigureGroups } from '../facts/relations';
import type { Profile } from '../profile';
import { sumFix } from '../fix/proposals';
import type { AmountTable, Figure } from '../model';
import { tablesOf } from '../model/tables';
import { excelRound, sum } from '../numbers';
import { normalizeLabel } from '../text';
import { refs } from './reports';
import type { WorkbookSnapshot } from '../snapshot';
import { shownAt, shownLike } from './working';
import { defineRule, type RuleReport } from './rule';

type MessageId = 'column' | 'shifted' | 'row' | 'parts';
type Numbered = Figure & { value: number };

const numbered = (figure: Figure | null | undefined): figure is Numbered => !!figure && figure.value !== null;
const isPart = (label: string) => /^其中/.test(normalizeLabel(label));

/** Two amounts differ as the total's cell shows them (2 decimals when it does not say). */
function differs(total: Numbered, expected: number): boolean {
  const decimals = total.decimals ?? 2;
  return excelRound(total.value, decimals) !== excelRound(expected, decimals);
}

interface Check {
  total: Numbered;
  items: Numbered[];
  label: string;
  column: string;
  /** The same block's items of the column to the left: a total row typed one column to the right adds up to them. */
  leftItems?: Numbered[];
  kind: 'column' | 'row' | 'parts';
}

function report(check: Check, snapshot: WorkbookSnapshot): RuleReport<MessageId> {
  const expected = sum(check.items.map((i) => i.value));
  const shifted =
    check.kind === 'column' &&
    !!check.leftItems &&
    check.leftItems.length > 0 &&
    !differs(check.total, sum(check.leftItems.map((i) => i.value)));
  const what = { 'zh-CN': `“${check.label}”${check.column}`, 'en-US': `"${check.label}" ${check.column}` };
  // Figures as the total's cell shows them (80,000.00 under a thousands format), the sum as it would show there.
  const actualText = shownAt(snapshot, check.total);
  const expectedText = shownLike(snapshot, check.total, expected);
  return {
    messageId: shifted ? 'shifted' : check.kind,
    data: {
      label: check.label,
      column: check.column,
      columnOf: check.column ? `的“${check.column}”` : '',
      actual: actualText,
      expected: expectedText,
    },
    sheet: check.total.sheet,
    cell: check.total.cell,
    expected,
    actual: check.total.value,
    expectedText,
    actualText,
    related: refs(check.items),
    fix: sumFix(check.total, check.items, expected, what),
  };
}

/**
 * A column's totals against its items. 小计 rows add the items since the last subtotal; 合计 adds the subtotals
 * (with any items outside them), else every item above it. A total with nothing above it heads its block: the rows
 * below it are its parts. Rows starting 其中 under an ordinary row detail that row (often partly) and are not items.
 */
function columnChecks(table: AmountTable, index: number): Check[] {
  const column = table.columns[index]?.label.text ?? '';
  const checks: Check[] = [];
  let items: Numbered[] = [];
  let leftItems: Numbered[] = [];
  let subtotals: Numbered[] = [];
  let outside: Numbered[] = [];
  let heading: { total: Numbered; label: string } | undefined;
  let parts: Numbered[] = [];
  const closeParts = () => {
    if (heading && parts.length >= 2 && differs(heading.total, sum(parts.map((p) => p.value))))
      checks.push({ total: heading.total, items: parts, label: heading.label, column, kind: 'parts' });
    heading = undefined;
    parts = [];
  };
  for (const row of table.rows) {
    const value = row.values[index];
    // Text where an amount belongs (a year, a note): this column is not one of amounts.
    if (value && value.value === null && value.text !== undefined) return [];
    const left = index > 0 ? row.values[index - 1] : undefined;
    if (row.kind === 'row') {
      if (heading) {
        if (numbered(value)) parts.push(value);
        continue;
      }
      if (isPart(row.label.text)) continue;
      if (numbered(value)) items.push(value);
      if (numbered(left)) leftItems.push(left);
      continue;
    }
    closeParts();
    const blockItems = row.kind === 'subtotal' ? items : [...subtotals, ...outside, ...items];
    if (!numbered(value)) {
      // A blank total is no sum to compare; a subtotal still closes its block.
    } else if (blockItems.length === 0 && row.kind === 'total') {
      heading = { total: value, label: row.label.text };
    } else if (blockItems.length > 0 && differs(value, sum(blockItems.map((i) => i.value)))) {
      checks.push({ total: value, items: blockItems, label: row.label.text, column, leftItems, kind: 'column' });
    }
    if (row.kind === 'subtotal') {
      if (numbered(value)) subtotals.push(value);
      else outside.push(...items);
    } else {
      subtotals = [];
      outside = [];
    }
    items = [];
    leftItems = [];
  }
  closeParts();
  return checks;
}

/** Each row's total columns (资金小计, 合计) against the amount columns left of them since the previous total column. */
function rowChecks(table: AmountTable): Check[] {
  const checks: Check[] = [];
  // Totals lead their groups when the first column is one (小计 | 财政拨款 | 结转资金 under each heading).
  const leading = table.columns[0] !== undefined && table.columns[0].role !== 'amount';
  const totalCols = table.columns.flatMap((c, j) => (c.role === 'amount' ? [] : [j]));
  for (const row of table.rows) {
    let start = 0;
    table.columns.forEach((column, j) => {
      if (column.role === 'amount') return;
      const total = row.values[j];
      const next = totalCols.find((t) => t > j) ?? table.columns.length;
      const [from, to] = leading ? [j + 1, next] : [start, j];
      const items = row.values.slice(from, to).filter((_, k) => table.columns[from + k]?.role === 'amount');
      start = j + 1;
      if (!numbered(total) || items.some((v) => v && v.value === null && v.text !== undefined)) return;
      const numbers = items.filter(numbered);
      if (numbers.length >= 2 && differs(total, sum(numbers.map((v) => v.value))))
        checks.push({ total, items: numbers, label: row.label.text, column: column.label.text, kind: 'row' });
    });
  }
  return checks;
}

/**
 * The 其中 breakdowns found as facts (a funds block of a national form: 年度资金总额 over 其中：财政拨款, 上年结转资金,
 * 其他资金): the parts of one quantity in one column of one sheet add up to its total.
 */
function factChecks(facts: readonly Fact[], profile: Profile): Check[] {
  // A part left blank here and stated elsewhere is cross/missing's: the breakdown cannot be added up here.
  const statedElsewhere = new Set(
    sameFigureGroups(facts, profile).flatMap((group) =>
      group.some(hasNumber) ? group.filter((f) => !hasNumber(f)).map((f) => `${f.figure.sheet}!${f.figure.cell}`) : [],
    ),
  );
  const groups = new Map<string, { total?: Fact; parts: Fact[] }>();
  for (const fact of facts) {
    if (fact.kind !== 'amount' || fact.part === undefined) continue;
    // Parts down a column (其中 rows), or across a row under one heading (小计 | 财政拨款 | 结转资金).
    const keys = [
      [fact.figure.sheet, 'col', fact.figure.col, fact.quantity, fact.period ?? '', fact.year ?? ''],
      [fact.figure.sheet, 'row', fact.figure.row, fact.label.cell, fact.period ?? '', fact.year ?? ''],
    ].map((k) => k.join('\u0000'));
    for (const key of keys) {
      const group = groups.get(key) ?? { parts: [] };
      if (fact.part === '资金总额') group.total ??= fact;
      else if (['财政拨款', '上年结转资金', '其他资金'].includes(fact.part)) group.parts.push(fact);
      groups.set(key, group);
    }
  }
  const seen = new Set<string>();
  return [...groups.values()].flatMap(({ total, parts }) => {
    if (total && seen.has(`${total.figure.sheet}!${total.figure.cell}`)) return [];
    const numbers = parts.filter(hasNumber).map((p) => p.figure);
    if (!total || !hasNumber(total) || parts.length < 2 || numbers.length === 0) return [];
    if (parts.some((p) => statedElsewhere.has(`${p.figure.sheet}!${p.figure.cell}`))) return [];
    if (!differs(total.figure, sum(numbers.map((n) => n.value)))) return [];
    seen.add(`${total.figure.sheet}!${total.figure.cell}`);
    return [{ total: total.figure, items: numbers, label: total.label.text, column: '', kind: 'parts' as const }];
  });
}

export const amountTotal = defineRule({
  code: 'amount/total',
  severity: 'error',
  name: { 'zh-CN': '合计不符', 'en-US': 'Total does not add up' },
  description: {
    'zh-CN': '合计、小计、总计、资金总额或“其中”各项与其明细之和不符（无论手填或公式）',
    'en-US':
      'A total or subtotal (合计, 小计, 总计, 资金总额, a 其中 breakdown) differs from the sum of its items, typed or formula',
  },
  messages: {
    column: {
      'zh-CN': '“{label}”行{columnOf}为 {actual}，不等于上方各项之和 {expected}',
      'en-US': 'The "{label}" row’s {column} {actual} differs from the sum of the items above, {expected}',
    },
    shifted: {
      'zh-CN': '“{label}”行{columnOf}为 {actual}，等于左侧一列各项之和，合计行可能错位一列；本列各项之和为 {expected}',
      'en-US':
        'The "{label}" row’s {column} {actual} is the sum of the column to its left: the total row may be shifted one column; this column adds up to {expected}',
    },
    row: {
      'zh-CN': '“{label}”行{columnOf}为 {actual}，不等于同行各列之和 {expected}',
      'en-US': 'In row "{label}", {column} {actual} differs from the sum of the row’s amounts, {expected}',
    },
    parts: {
      'zh-CN': '“{label}”{columnOf}为 {actual}，不等于其中各项之和 {expected}',
      'en-US': '"{label}" {column} {actual} differs from the sum of its parts, {expected}',
    },
  },
  check({ model, analysis, profile, snapshot }) {
    const checks: Check[] = [];
    for (const table of tablesOf(model, 'amounts')) {
      table.columns.forEach((_, index) => checks.push(...columnChecks(table, index)));
      checks.push(...rowChecks(table));
    }
    const seen = new Set(checks.map((c) => `${c.total.sheet}!${c.total.cell}`));
    for (const check of factChecks(analysis.facts, profile))
      if (!seen.has(`${check.total.sheet}!${check.total.cell}`)) checks.push(check);
    // Extreme items (1e308 + 1e308) overflow a sum: such a total has no value to compare.
    return checks.filter((c) => Number.isFinite(sum(c.items.map((i) => i.value)))).map((c) => report(c, snapshot));
  },
});
