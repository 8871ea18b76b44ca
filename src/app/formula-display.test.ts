import { formulaPieces } from './formula-display';

describe('formulaPieces', () => {
  it('breaks before operators and after commas and parentheses, never inside a reference or a sheet name', () => {
    expect(formulaPieces("MIN(1,'结论表'!C3/'结论表'!E2)*F8")).toEqual([
      'MIN(',
      '1,',
      "'结论表'!C3",
      "/'结论表'!E2)",
      '*F8',
    ]);
    expect(formulaPieces('(B4*$B$3+C4*$C$3)/F4*100')).toEqual(['(', 'B4', '*$B$3', '+C4', '*$C$3)', '/F4', '*100']);
    expect(formulaPieces('IF(C15>=90,"优","良")')).toEqual(['IF(', 'C15', '>=90,', '"优",', '"良")']);
  });

  it('gives back the formula exactly, whatever it holds', () => {
    for (const formula of ['SUM(A1:A9)', 'A1 + B1', '"a,b"&"c"', "'Q1 (draft)'!A1*2", '{1,2;3,4}', '=='])
      expect(formulaPieces(formula).join('')).toBe(formula);
  });
});
