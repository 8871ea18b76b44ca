import { parseRangeAddress } from '../../core/address';
import type { Cell, CellRange, CellValue, Sheet } from '../../core/snapshot';

/** What office.js gives for a block of a used range. */
export interface RangeBlock {
  rowIndex: number;
  columnIndex: number;
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  valueTypes: string[][];
}

function cellValue(value: unknown, type: string | undefined): CellValue {
  if (type === 'Error') return { type: 'error', value: String(value) };
  if (typeof value === 'number') return { type: 'number', value };
  if (typeof value === 'boolean') return { type: 'boolean', value };
  if (typeof value === 'string' && value !== '') return { type: 'text', value };
  return { type: 'empty' };
}

/** Cells of one block, as the file adapter would read them: typed values, formulas without '=', formats. */
export function blockCells(block: RangeBlock): Cell[] {
  const cells: Cell[] = [];
  block.values.forEach((row, r) =>
    row.forEach((raw, c) => {
      const formula = block.formulas[r]?.[c];
      const hasFormula = typeof formula === 'string' && formula.startsWith('=');
      const value = cellValue(raw, block.valueTypes[r]?.[c]);
      if (value.type === 'empty' && !hasFormula) return;
      const cell: Cell = { row: block.rowIndex + r, col: block.columnIndex + c, value };
      if (hasFormula) cell.formula = (formula as string).slice(1);
      const format = block.numberFormat[r]?.[c];
      if (typeof format === 'string' && format !== 'General' && format !== '') cell.format = format;
      cells.push(cell);
    }),
  );
  return cells;
}

/** Merged areas from a RangeAreas address: "'评分 表'!A1:A3, '评分 表'!B2:C2". */
export function mergedAreas(address: string | undefined): CellRange[] {
  if (!address) return [];
  return address
    .split(',')
    .map((part) => parseRangeAddress(part.slice(part.lastIndexOf('!') + 1).trim()))
    .filter((range): range is CellRange => !!range);
}

export function sheetOf(name: string, visibility: string, blocks: RangeBlock[], merges: CellRange[]): Sheet {
  const cells = blocks.flatMap(blockCells).sort((a, b) => a.row - b.row || a.col - b.col);
  return {
    name,
    visibility: visibility === 'Hidden' ? 'hidden' : visibility === 'VeryHidden' ? 'veryHidden' : 'visible',
    cells,
    merges,
  };
}
