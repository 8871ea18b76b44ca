import { sheetOf } from '../../../test/snapshot-builder';
import { SheetGrid } from '../grid';
import { evaluate } from './evaluate';
import { parseFormula } from './parse';

const grid = new SheetGrid(
  sheetOf('S', [
    [10, 20, 'text', null],
    [1.005, 4, 0, -3],
  ]),
);
const value = (formula: string) => {
  const node = parseFormula(formula, { row: 5, col: 5 });
  return node ? evaluate(grid, node) : undefined;
};

describe('evaluate', () => {
  it('works out arithmetic over the cells’ values, empty cells as 0', () => {
    expect(value('A1*B2/2+D1')).toBe(20);
    expect(value('-A1^2')).toBe(100);
    expect(value('50%*A1')).toBe(5);
    expect(value('B1-A1-A1')).toBe(0);
  });

  it('aggregates ranges as Excel does, skipping text and blanks', () => {
    expect(value('SUM(A1:D2)')).toBeCloseTo(32.005, 10);
    expect(value('AVERAGE(A1:B1)')).toBe(15);
    expect(value('COUNT(A1:D2)')).toBe(6);
    expect(value('MAX(A2:D2)')).toBe(4);
    expect(value('MIN(A2:D2)')).toBe(-3);
    expect(value('ROUND(A2,2)')).toBe(1.01);
    expect(value('ABS(D2)')).toBe(3);
  });

  it('cannot tell text, other sheets, other functions or a division by zero', () => {
    expect(value('C1*2')).toBeUndefined();
    expect(value('Other!A1')).toBeUndefined();
    expect(value('IF(A1>1,1,0)')).toBeUndefined();
    expect(value('A1/C2')).toBeUndefined();
  });
});
