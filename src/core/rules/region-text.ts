import { columnName, rangeAddress } from '../address';
import type { CellRef, Localized } from '../finding';
import type { Orientation, Rectangle } from '../formula/regions';
import type { RegionFault } from '../formula/sheet-regions';
import { formatNumber } from '../numbers';
import { formatDecimals, isPercentFormat } from '../recognize/figures';
import type { RuleReport } from './rule';

/** Words and lists the region messages share, in both languages. */

export const list = (items: readonly string[]): Localized => ({ 'zh-CN': items.join('、'), 'en-US': items.join(', ') });

export const cellCountOf = (rects: readonly Rectangle[]) =>
  rects.reduce((n, r) => n + (r.bottom - r.top + 1) * (r.right - r.left + 1), 0);

/**
 * "合计公式 E97" or "这 2 个合计公式（B74:C74）"; `noun` names the cells in both languages, and the English verb
 * that follows, if any, agrees with the number ("The total E97 adds", "These 2 totals (B74:C74) add").
 */
export function regionSubject(region: Rectangle, noun: Localized, verb?: { one: string; many: string }): Localized {
  const n = cellCountOf([region]);
  const at = rangeAddress(region);
  const tail = (form: 'one' | 'many') => (verb ? ` ${verb[form]}` : '');
  return n === 1
    ? { 'zh-CN': `${noun['zh-CN']} ${at} `, 'en-US': `The ${noun['en-US']} ${at}${tail('one')}` }
    : {
        'zh-CN': `这 ${n} 个${noun['zh-CN']}（${at}）`,
        'en-US': `These ${n} ${noun['en-US']}s (${at})${tail('many')}`,
      };
}

/** The line a region lies on: a row of totals ('rows') or a column of totals. */
export const LINE: Record<Orientation, Localized> = {
  rows: { 'zh-CN': '行', 'en-US': 'row' },
  columns: { 'zh-CN': '列', 'en-US': 'column' },
};

export const rectanglesText = (rects: readonly Rectangle[]): Localized => list(rects.map((r) => rangeAddress(r)));

/** "同一行的合计 D74:M74" / "the totals D74:M74 of the same row": the totals a region is compared with. */
export function othersOfLine(
  rects: readonly Rectangle[],
  orientation: Orientation,
  noun: Localized = { 'zh-CN': '合计', 'en-US': 'total' },
): Localized {
  const names = rectanglesText(rects);
  const many = cellCountOf(rects) > 1;
  return {
    'zh-CN': `同一${LINE[orientation]['zh-CN']}的${noun['zh-CN']} ${names['zh-CN']}`,
    'en-US': `the ${noun['en-US']}${many ? 's' : ''} ${names['en-US']} of the same ${LINE[orientation]['en-US']}`,
  };
}

/** The related cells of a region finding: the rectangles it should match. */
export const rectangleRefs = (sheet: string, rects: readonly Rectangle[]): CellRef[] =>
  rects.map((r) => ({ sheet, cell: rangeAddress(r) }));

/** Runs of consecutive numbers as text: [3,4,5,9] → "3–5、9". */
function runs(values: readonly number[], name: (v: number) => string, separator: string): string {
  const sorted = [...values].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && (sorted[j + 1] as number) === (sorted[j] as number) + 1) j++;
    const from = sorted[i] as number;
    const to = sorted[j] as number;
    parts.push(from === to ? name(from) : `${name(from)}–${name(to)}`);
    i = j + 1;
  }
  return parts.join(separator);
}

/** The rows (or columns) a line's total reads, absolute: "第 66–73 行" / "rows 66–73". */
function linesRead(lines: readonly number[], orientation: Orientation): Localized {
  if (orientation === 'rows')
    return {
      'zh-CN': `第 ${runs(lines, (r) => String(r + 1), '、')} 行`,
      'en-US': `${lines.length === 1 ? 'row' : 'rows'} ${runs(lines, (r) => String(r + 1), ', ')}`,
    };
  return {
    'zh-CN': ` ${runs(lines, columnName, '、')} 列`,
    'en-US': `${lines.length === 1 ? 'column' : 'columns'} ${runs(lines, columnName, ', ')}`,
  };
}

/** What the totals of an `extent` fault add, what the others add, and the difference, in words. */
export function extentWords(fault: RegionFault): { reads: Localized; modelReads: Localized; diff: Localized } {
  const { orientation, region } = fault;
  const reads = fault.reads as { region: number[]; model: number[] };
  const origin = orientation === 'rows' ? region.top : region.left;
  const own = reads.region.map((k) => origin + k);
  const model = reads.model.map((k) => origin + k);
  const extra = own.filter((k) => !model.includes(k));
  const missing = model.filter((k) => !own.includes(k));
  const zh: string[] = [];
  const en: string[] = [];
  if (extra.length > 0 && fault.doubles) {
    zh.push(`多加了${linesRead(extra, orientation)['zh-CN']}，其中的数已含在所加的小计里，重复计算`);
    en.push(
      `added as well: ${linesRead(extra, orientation)['en-US']}, already held by the subtotals it adds (counted twice)`,
    );
  } else if (extra.length > 0) {
    zh.push(`多加了${linesRead(extra, orientation)['zh-CN']}`);
    en.push(`added as well: ${linesRead(extra, orientation)['en-US']}`);
  }
  if (missing.length > 0) {
    zh.push(`少加了${linesRead(missing, orientation)['zh-CN']}`);
    en.push(`left out: ${linesRead(missing, orientation)['en-US']}`);
  }
  return {
    reads: linesRead(own, orientation),
    modelReads: linesRead(model, orientation),
    diff: { 'zh-CN': zh.join('，'), 'en-US': en.join('; ') },
  };
}

/** A number as its cell shows it: the format's decimals, a percent as 12.5%. */
export function shown(value: number, format: string | undefined): string {
  const decimals = formatDecimals(format);
  return isPercentFormat(format) ? `${formatNumber(value * 100, decimals ?? 4)}%` : formatNumber(value, decimals ?? 6);
}

/** The common fields of a region finding: its region as `cell`, the rectangles it should match as `related`. */
export function regionReport<MessageId extends string>(
  sheet: string,
  fault: RegionFault,
  messageId: MessageId,
  data: RuleReport['data'],
): RuleReport<MessageId> {
  const report: RuleReport<MessageId> = {
    messageId,
    data,
    sheet,
    cell: rangeAddress(fault.region),
    related: rectangleRefs(sheet, fault.match),
  };
  // A region finding always says how many cells it covers, one included: its cell is a region, and `related` the
  // region it would match.
  report.count = cellCountOf([fault.region]);
  return report;
}
