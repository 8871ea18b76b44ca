import { rangeAddress } from '../address';
import type { SheetGrid } from '../grid';
import type { TargetTable } from '../model';
import { normalizeLabel } from '../text';
import { textAt } from './figures';
import type { HeaderColumn } from './header-row';
import type { Found } from './recognizer';
import { indicatorKey } from './vocabulary';
import type { Profile } from '../profile';

/** Rows a target block runs at most (a form lists tens of indicators). */
const MAX_ROWS = 200;

interface Block {
  level1?: number;
  level2?: number;
  level3: number;
  target: number;
  period: '中期' | '年度';
}

/**
 * The blocks of a header row: each 三级指标 with the 指标值 after it, its 二级 and 一级 the nearest before it (a second
 * block side by side shares the first block's 一级). Two blocks are 中期 then 年度 unless the header says which.
 */
function blocksOf(grid: SheetGrid, headerRow: number, header: HeaderColumn[]): Block[] {
  const level3 = header.filter((h) => h.role === 'level3');
  const blocks: Block[] = [];
  level3.forEach((column, i) => {
    const next = level3[i + 1]?.col ?? Number.MAX_SAFE_INTEGER;
    const target = header.find((h) => h.role === 'target' && h.col > column.col && h.col < next);
    if (!target) return;
    const before = (role: HeaderColumn['role']) =>
      [...header].reverse().find((h) => h.role === role && h.col < column.col)?.col;
    const block: Block = { level3: column.col, target: target.col, period: '年度' };
    const level2 = before('level2');
    const level1 = before('level1');
    if (level2 !== undefined) block.level2 = level2;
    if (level1 !== undefined) block.level1 = level1;
    // The period a header names, on the header or the row above it (中期绩效指标 / 年度绩效指标, 中期指标值).
    const named = [
      target.text,
      headerRow > 0 ? grid.text(headerRow - 1, target.col) : '',
      headerRow > 0 ? grid.text(headerRow - 1, column.col) : '',
    ]
      .map(normalizeLabel)
      .find((t) => /中期|年度/.test(t));
    block.period = named ? (/中期/.test(named) ? '中期' : '年度') : i < level3.length - 1 ? '中期' : '年度';
    blocks.push(block);
  });
  return blocks;
}

/** The target blocks of a national target or monitoring form: 一级 | 二级 | 三级 | 指标值 without weights or scores. */
export function recognizeTargetTable(
  grid: SheetGrid,
  headerRow: number,
  header: HeaderColumn[],
  profile: Profile,
): Found<TargetTable> | undefined {
  if (header.some((h) => h.role === 'weight' || h.role === 'score')) return undefined;
  const blocks = blocksOf(grid, headerRow, header);
  if (blocks.length === 0) return undefined;
  const lastCol = Math.max(...header.map((h) => h.col));
  const firstCol = Math.min(...header.map((h) => h.col));
  const indicators: TargetTable['indicators'] = [];
  let lastRow = headerRow;
  // A header over two rows (偏差原因分析 over 经费 | 制度 | …): data starts below the header's merged cells.
  let start = headerRow + 1;
  for (const h of header) start = Math.max(start, (grid.mergeAt(headerRow, h.col)?.bottom ?? headerRow) + 1);
  for (let row = start; row < grid.rowCount && row < start + MAX_ROWS; row++) {
    if (grid.isBlankRow(row, firstCol, lastCol)) break;
    let named = false;
    for (const block of blocks) {
      const name = grid.text(row, block.level3).trim();
      if (name === '') continue;
      const path = [block.level1, block.level2]
        .filter((c): c is number => c !== undefined)
        .map((c) => fillDown(grid, row, c, start));
      indicators.push({
        period: block.period,
        path,
        name: textAt(grid, row, block.level3),
        key: indicatorKey(name, profile),
        target: textAt(grid, row, block.target),
      });
      named = true;
    }
    if (!named && row > start) break;
    lastRow = row;
  }
  if (indicators.length === 0) return undefined;
  return {
    table: {
      kind: 'targets',
      sheet: grid.name,
      range: rangeAddress({ top: headerRow, left: firstCol, bottom: lastRow, right: lastCol }),
      indicators,
    },
    lastRow,
  };
}

/** A level name written once with blanks below (or merged): the nearest text at or above the row. */
function fillDown(grid: SheetGrid, row: number, col: number, top: number): string {
  for (let r = row; r >= top; r--) {
    const text = grid.text(r, col).trim();
    if (text) return text;
  }
  return '';
}
