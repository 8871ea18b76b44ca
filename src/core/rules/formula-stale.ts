import { cellAddress, rangeAddress } from '../address';
import { formatNumberText } from '../formula/number-format';
import { sheetFormulas } from '../formula/sheet-formulas';
import { numberToText, type FormulaValue } from '../formula/values';
import { WorkbookEvaluator } from '../formula/workbook-evaluator';
import { excelRound } from '../numbers';
import { formatDecimals, isPercentFormat } from '../recognize/figures';
import type { Cell, CellValue } from '../snapshot';
import { defineRule, type RuleReport } from './rule';

/** Significant digits a General cell shows in a standard column (Excel shows at most 11 characters there). */
const GENERAL_DIGITS = 10;

/** The decimals a number cell shows, as a fraction's decimals for a % format; undefined for General. */
function shownDecimals(format: string | undefined): number | undefined {
  const decimals = formatDecimals(format);
  return decimals === undefined ? undefined : decimals + (isPercentFormat(format) ? 2 : 0);
}

/** A number as the cell shows it: at its decimals, or at General's significant digits. */
function asShown(value: number, format: string | undefined): number {
  const decimals = shownDecimals(format);
  return decimals === undefined ? Number(value.toPrecision(GENERAL_DIGITS)) : excelRound(value, decimals);
}

/** The value as the cell displays it, for messages: `93.63%`, `7.00`, `优`, `#DIV/0!`, never binary noise. */
function displayText(value: CellValue | FormulaValue, format: string | undefined): string {
  switch (value.type) {
    case 'number': {
      const shown = format ? formatNumberText(value.value, format) : undefined;
      return typeof shown === 'string' ? shown : numberToText(asShown(value.value, format));
    }
    case 'text':
      return value.value;
    case 'boolean':
      return value.value ? 'TRUE' : 'FALSE';
    case 'error':
      return value.value;
    default:
      return '';
  }
}

/** True when the stored result shows as the computed one would (numbers at the decimals the cell displays). */
function showsAs(stored: CellValue, computed: CellValue, format: string | undefined): boolean {
  if (stored.type === 'number' && computed.type === 'number')
    return stored.value === computed.value || asShown(stored.value, format) === asShown(computed.value, format);
  if (stored.type !== computed.type) return false;
  return (stored as { value?: unknown }).value === (computed as { value?: unknown }).value;
}

interface Stale {
  cell: Cell;
  computed: CellValue;
}

/**
 * A formula whose stored result differs from what it computes from the values its cells hold now: saved with manual
 * calculation, or written by a tool that does not recalculate, so a previewer, WPS in manual mode or a script reading
 * cached values sees a wrong figure. Compared at the decimals the cell shows. Never reported where the evaluator cannot
 * know the result (volatile or unsupported functions, defined names, external links, what Excel and LibreOffice compute
 * differently), nor for a formula saved without any result. Consecutive cells of a column are one finding.
 */
export const formulaStale = defineRule({
  code: 'formula/stale',
  severity: 'warning',
  name: { 'zh-CN': '公式结果未更新', 'en-US': 'Stale formula result' },
  description: {
    'zh-CN': '公式保存的结果与按其引用单元格的当前值重新计算的结果不符（保存时未重新计算，或被不重算的工具改过）',
    'en-US':
      'A formula’s stored result differs from what it computes from the cells it reads (saved without recalculating, or edited by a tool that does not recalculate)',
  },
  messages: {
    one: {
      'zh-CN': '公式 ={formula} 保存的结果是 {actual}，按引用单元格的当前值计算应为 {expected}（保存时未重新计算）',
      'en-US':
        'The formula ={formula} stores {actual}; from the values of the cells it reads it computes {expected} (saved without recalculating)',
    },
    many: {
      'zh-CN': '{count} 个公式保存的结果与重新计算的结果不符，如 {first} 的 ={formula} 保存 {actual}，应为 {expected}',
      'en-US':
        '{count} formulas store results that differ from their recomputation, e.g. ={formula} at {first} stores {actual} and computes {expected}',
    },
  },
  check({ snapshot, grids }) {
    const evaluator = new WorkbookEvaluator(snapshot, grids);
    const reports: RuleReport<'one' | 'many'>[] = [];
    for (const sheet of snapshot.sheets) {
      const grid = grids.get(sheet.name);
      if (!grid) continue;
      const stale: Stale[] = [];
      for (const cell of sheetFormulas(grid).keys()) {
        if (cell.value.type === 'empty') continue; // saved without a result: nothing stale to show
        const computed = evaluator.storedResult(sheet.name, cell);
        if (computed.type === 'unknown' || computed.type === 'empty') continue;
        if (!showsAs(cell.value, computed, cell.format)) stale.push({ cell, computed });
      }
      // One finding per run of consecutive cells in a column.
      stale.sort((a, b) => a.cell.col - b.cell.col || a.cell.row - b.cell.row);
      for (let i = 0; i < stale.length; ) {
        let j = i + 1;
        while (
          j < stale.length &&
          (stale[j] as Stale).cell.col === (stale[i] as Stale).cell.col &&
          (stale[j] as Stale).cell.row === (stale[j - 1] as Stale).cell.row + 1
        )
          j++;
        const first = stale[i] as Stale;
        const last = stale[j - 1] as Stale;
        const { cell, computed } = first;
        const format = cell.format;
        const data = {
          formula: cell.formula ?? '',
          actual: displayText(cell.value, format),
          expected: displayText(computed, format),
        };
        const report: RuleReport<'one' | 'many'> =
          j - i === 1
            ? { messageId: 'one', data, sheet: sheet.name, cell: cellAddress(cell.row, cell.col) }
            : {
                messageId: 'many',
                data: { ...data, count: j - i, first: cellAddress(cell.row, cell.col) },
                sheet: sheet.name,
                cell: rangeAddress({ top: cell.row, left: cell.col, bottom: last.cell.row, right: cell.col }),
                count: j - i,
              };
        report.expected = computed.type === 'number' ? asShown(computed.value, format) : data.expected;
        report.actual = cell.value.type === 'number' ? cell.value.value : data.actual;
        report.expectedText = data.expected;
        report.actualText = data.actual;
        reports.push(report);
        i = j;
      }
    }
    return reports;
  },
});
