import type { Figure } from '../model';
import { binary, call, num, ref, renderFormula, text } from './build';

const at = (sheet: string, cell: string): Figure => ({ sheet, cell, row: 0, col: 0, value: 1, form: 'number' });

describe('renderFormula', () => {
  it('writes references on the host sheet bare and others quoted', () => {
    expect(renderFormula(binary('/', ref(at('评分表', 'E3')), ref(at('评分表', 'D3'))), '评分表')).toBe('E3/D3');
    expect(renderFormula(binary('*', ref(at("O'Brien 表", 'C4')), ref(at('评分表', 'F8'))), '评分表')).toBe(
      "'O''Brien 表'!C4*F8",
    );
  });
  it('parenthesises by precedence and associativity', () => {
    const a = ref(at('s', 'A1'));
    const b = ref(at('s', 'B1'));
    const c = ref(at('s', 'C1'));
    expect(renderFormula(binary('/', binary('+', a, b), c), 's')).toBe('(A1+B1)/C1');
    expect(renderFormula(binary('/', a, binary('*', b, c)), 's')).toBe('A1/(B1*C1)');
    expect(renderFormula(binary('*', binary('/', a, b), num(100)), 's')).toBe('A1/B1*100');
    expect(renderFormula(call('ROUND', binary('/', a, b), num(4)), 's')).toBe('ROUND(A1/B1,4)');
  });
  it('quotes text so it can never become a formula', () => {
    expect(
      renderFormula(call('IF', binary('>=', ref(at('s', 'A1')), num(90)), text('优"'), text('=HYPERLINK()')), 's'),
    ).toBe('IF(A1>=90,"优""","=HYPERLINK()")');
  });
});

it('writes fixed references absolute', () => {
  expect(
    renderFormula(binary('*', ref(at('s', 'B4')), { kind: 'ref', figure: at('s', 'B3'), absolute: true }), 's'),
  ).toBe('B4*$B$3');
});
