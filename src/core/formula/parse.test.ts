import { parseFormula, r1c1Of, referencesOf, skeletonOf, type FormulaNode } from './parse';

const at = (row: number, col: number) => ({ row, col });
const parse = (text: string, row = 0, col = 0): FormulaNode => {
  const node = parseFormula(text, at(row, col));
  if (!node) throw new Error(`did not parse: ${text}`);
  return node;
};

describe('parseFormula precedence', () => {
  it('binds * tighter than + and + tighter than &, comparison loosest', () => {
    expect(r1c1Of(parse('1+2*3', 0, 0))).toBe('(1+(2*3))');
    expect(r1c1Of(parse('1&2+3'))).toBe('(1&(2+3))');
    expect(r1c1Of(parse('1+2=3&4'))).toBe('((1+2)=(3&4))');
    expect(r1c1Of(parse('2^3*4'))).toBe('((2^3)*4)');
    expect(r1c1Of(parse('1-2-3'))).toBe('((1-2)-3)');
    expect(r1c1Of(parse('2^3^2'))).toBe('((2^3)^2)');
  });

  it('reads unary minus above ^ (Excel: -2^2 = 4) and percent', () => {
    expect(r1c1Of(parse('-2^2'))).toBe('(-2^2)');
    expect(parse('-2^2')).toMatchObject({ kind: 'binary', op: '^', left: { kind: 'unary', op: '-' } });
    expect(parse('95%')).toEqual({ kind: 'percent', arg: { kind: 'number', value: 95 } });
    expect(r1c1Of(parse('A1*10%', 0, 1))).toBe('(RC[-1]*10%)');
  });

  it('parses functions with nested and missing arguments', () => {
    const node = parse('IF(A1>0,SUM(B1:B3),)', 0, 2);
    expect(node).toMatchObject({ kind: 'function', name: 'IF' });
    expect(r1c1Of(node)).toBe('IF((RC[-2]>0),SUM(RC[-1]:R[2]C[-1]),)');
    expect(parse('NOW()')).toEqual({ kind: 'function', name: 'NOW', args: [] });
    expect(r1c1Of(parse('ROUND(,2)'))).toBe('ROUND(,2)');
  });

  it('parses arrays, strings, booleans, errors and names', () => {
    expect(parse('{1,2;3,4}')).toEqual({
      kind: 'array',
      rows: [
        [
          { kind: 'number', value: 1 },
          { kind: 'number', value: 2 },
        ],
        [
          { kind: 'number', value: 3 },
          { kind: 'number', value: 4 },
        ],
      ],
    });
    expect(r1c1Of(parse('"a"&TRUE&#DIV/0!&Rate'))).toBe('((("a"&TRUE)&#DIV/0!)&Rate)');
  });

  it('rejects malformed formulas', () => {
    for (const bad of ['', '1+', 'SUM(1,2', '(1', '1)', '*2', 'A1 B1 +'])
      expect(parseFormula(bad, at(0, 0))).toBeUndefined();
  });
});

describe('references', () => {
  it('resolves cells, ranges, absolute parts and other sheets', () => {
    const refs = referencesOf(parse("SUM(B2:C4)+$A$1+'Sheet 2'!D$5+Data!A:B+3:3", 9, 4));
    expect(refs.map((r) => [r.sheet, r.top, r.left, r.bottom, r.right, r.r1c1])).toEqual([
      [undefined, 1, 1, 3, 2, 'R[-8]C[-3]:R[-6]C[-2]'],
      [undefined, 0, 0, 0, 0, 'R1C1'],
      ['Sheet 2', 4, 3, 4, 3, "'Sheet 2'!R5C[-1]"],
      ['Data', 0, 0, 1048575, 1, "'Data'!C[-4]:C[-3]"],
      [undefined, 2, 0, 2, 16383, 'R[-7]:R[-7]'],
    ]);
  });

  it('gives copied formulas the same R1C1 form and different ones different forms', () => {
    expect(r1c1Of(parse('SUM(B2:D2)', 1, 4))).toBe(r1c1Of(parse('SUM(B3:D3)', 2, 4)));
    expect(r1c1Of(parse('B2/$B$10', 1, 2))).toBe(r1c1Of(parse('B7/$B$10', 6, 2)));
    expect(r1c1Of(parse('B2/B10', 1, 2))).not.toBe(r1c1Of(parse('B7/B10', 6, 2)));
  });

  it('keys constructions without references', () => {
    expect(skeletonOf(parse('SUM(B2:B9)/$C$1', 9, 1))).toBe('(SUM(@)/@)');
    expect(skeletonOf(parse('SUM(D4:D5)/E1', 9, 1))).toBe(skeletonOf(parse('SUM(B2:B9)/$C$1', 9, 1)));
  });

  it('marks references that move on copy', () => {
    expect(referencesOf(parse('$A$1+A$1+$A1+A1+$1:$1+$A:$A+A:A', 3, 3)).map((r) => r.relative)).toEqual([
      false,
      true,
      true,
      true,
      false,
      false,
      true,
    ]);
  });

  it('joins a range built with the : operator and keeps A1:INDEX(...) as an operator node', () => {
    expect(referencesOf(parse('SUM(A1:B2:C3)', 0, 5))).toEqual([
      expect.objectContaining({ top: 0, left: 0, bottom: 2, right: 2 }),
    ]);
    expect(parse('SUM(A1:INDEX(B:B,3))', 0, 5)).toMatchObject({ args: [{ kind: 'binary', op: ':' }] });
  });
});
