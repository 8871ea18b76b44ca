import { sheetOf, workbookOf } from '../../../test/snapshot-builder';
import { binary, call, fixedRef, num, plus, ref } from '../formula/build';
import type { Figure } from '../model';
import { DEFAULT_PROFILE } from '../profile';
import { gradeBand, inFigures, roundedTo, shownAt, shownLike, termsText } from './working';

/** The figures messages state: cells as they show, computations with their inputs (issue 13). */
const snapshot = workbookOf(
  sheetOf('表', [
    ['得分', '分值', '得分率', '金额'],
    [32, 35, { value: 0.9142, format: '0.00%' }, { value: 80000, format: '#,##0.00' }],
    [{ value: 0.1 + 0.2, format: '0.00' }, 10, null, '93.63%'],
    [8, 10, 2, { value: 90, format: '0' }],
  ]),
);

const figure = (cell: string, value: number | null, form: Figure['form'] = 'number'): Figure => {
  const col = cell.charCodeAt(0) - 65;
  const row = Number(cell.slice(1)) - 1;
  return { sheet: '表', cell, row, col, value, form };
};

describe('shownAt and shownLike', () => {
  it('show a cell as it shows: its format, its typed text, no binary noise', () => {
    expect(shownAt(snapshot, figure('C2', 0.9142, 'percent'))).toBe('91.42%');
    expect(shownAt(snapshot, figure('D2', 80000))).toBe('80,000.00');
    expect(shownAt(snapshot, figure('A3', 0.1 + 0.2))).toBe('0.30');
    expect(shownAt(snapshot, figure('D3', 93.63, 'text-percent'))).toBe('93.63%');
  });

  it('show another value the way a cell would', () => {
    expect(shownLike(snapshot, figure('D2', 80000), 70000)).toBe('70,000.00');
    expect(shownLike(snapshot, figure('C2', 0.9142, 'percent'), 0.9143)).toBe('91.43%');
  });
});

describe('inFigures', () => {
  it('writes a quotient with the figures its cells show', () => {
    expect(inFigures(binary('/', ref(figure('A2', 32)), ref(figure('B2', 35))), snapshot)).toBe('32 ÷ 35');
  });

  it('writes a weighted share with its option values as percentages, and an average as its sum over the count', () => {
    const weighted = binary(
      '/',
      plus([
        binary('*', ref(figure('A4', 8)), binary('/', fixedRef(figure('D4', 90)), num(100))),
        binary('*', ref(figure('B4', 10)), fixedRef(figure('C2', 0.9142, 'percent'))),
      ]),
      ref(figure('B3', 10)),
    );
    expect(inFigures(weighted, snapshot)).toBe('(8 × 90% + 10 × 91.42%) ÷ 10');
    expect(inFigures(call('AVERAGE', ref(figure('A4', 8)), ref(figure('C4', 2))), snapshot)).toBe('(8 + 2) ÷ 2');
  });

  it('reads a cap at 100% as the rate it caps, and a blank input as the value given for it', () => {
    const capped = binary('*', call('MIN', num(1), ref(figure('C3', null, 'percent'))), ref(figure('B3', 10)));
    expect(inFigures(capped, snapshot, () => '93.63%')).toBe('93.63% × 10');
  });
});

describe('the words around figures', () => {
  it('names the decimals a figure is rounded to', () => {
    expect(roundedTo(2)).toEqual({ 'zh-CN': '四舍五入到两位小数', 'en-US': 'rounded to 2 decimals' });
    expect(roundedTo(0)).toEqual({ 'zh-CN': '四舍五入到整数', 'en-US': 'rounded to a whole number' });
  });

  it('lists the terms of a sum as their cells show them, the blank ones at the value they count as', () => {
    expect(termsText([{ figure: figure('A3', 0.3), value: 0.3 }, { value: 4 }], snapshot)).toEqual({
      'zh-CN': '（0.30 + 4）',
      'en-US': ' (0.30 + 4)',
    });
    expect(termsText([{ value: 4 }], snapshot)).toEqual({ 'zh-CN': '', 'en-US': '' });
  });

  it('gives the band of totals each default grade stands for', () => {
    expect(gradeBand('优', DEFAULT_PROFILE)['zh-CN']).toBe('（“优”为 90 分以上）');
    expect(gradeBand('良', DEFAULT_PROFILE)['zh-CN']).toBe('（“良”为 80 分以上不足 90 分）');
    expect(gradeBand('差', DEFAULT_PROFILE)['en-US']).toBe(' ("差" is under 60)');
  });
});
