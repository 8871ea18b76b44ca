import { SheetGrid } from '../grid';
import { sheetOf } from '../../../test/snapshot-builder';
import { formulaAt, sheetFormulas } from './sheet-formulas';

const grid = new SheetGrid(
  sheetOf('S', [
    [
      1,
      { formula: 'A1/28', value: 0 },
      { formula: 'SUM(A1:A3) + $A$1', value: 0 },
      { formula: 'IF(A1>0,"yes","no")', value: 0 },
    ],
    [2, { formula: 'A2/31', value: 0 }, { formula: 'SUM(A2:A4)+$A$1', value: 0 }, { formula: 'A1:INDEX(', value: 0 }],
    [3, { formula: 'A1/30', value: 0 }, { formula: '$A$1*2', value: 0 }],
  ]),
);

describe('sheetFormulas', () => {
  it('gives copies one pattern, in R1C1 form without numbers or spaces', () => {
    const [b1, b2, b3] = [formulaAt(grid, 0, 1), formulaAt(grid, 1, 1), formulaAt(grid, 2, 1)];
    expect(b1?.pattern).toBe(b2?.pattern);
    expect(b3?.pattern).not.toBe(b1?.pattern);
    expect(formulaAt(grid, 0, 2)?.pattern).toBe(formulaAt(grid, 1, 2)?.pattern);
    expect(formulaAt(grid, 0, 3)?.pattern).toContain('"yes"');
  });

  it('resolves references and tells relative formulas from absolute ones', () => {
    expect(formulaAt(grid, 0, 2)?.references.map((r) => [r.top, r.bottom, r.left, r.right, r.relative])).toEqual([
      [0, 2, 0, 0, true],
      [0, 0, 0, 0, false],
    ]);
    expect(formulaAt(grid, 2, 2)?.relative).toBe(false);
  });

  it('parses on demand, and a formula that does not parse keeps its pattern but has no tree', () => {
    expect(formulaAt(grid, 0, 2)?.node).toMatchObject({ kind: 'binary', op: '+' });
    expect(formulaAt(grid, 0, 2)?.calls('SUM')).toBe(true);
    expect(formulaAt(grid, 0, 1)?.calls('SUM')).toBe(false);
    expect(formulaAt(grid, 1, 3)?.node).toBeUndefined();
    expect(formulaAt(grid, 1, 3)?.pattern).not.toBe('');
  });

  it('reads a sheet once and answers nothing off the sheet', () => {
    expect(sheetFormulas(grid)).toBe(sheetFormulas(grid));
    expect(sheetFormulas(grid).size).toBe(8);
    expect(formulaAt(grid, -1, 0)).toBeUndefined();
    expect(formulaAt(grid, 0, 0)).toBeUndefined();
  });
});
