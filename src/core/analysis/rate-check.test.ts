import type { Figure } from '../model';
import { checkRate, rateUnits } from './rate-check';

const figure = (value: number | null, form: Figure['form'], decimals?: number): Figure => ({
  sheet: 's',
  cell: 'D5',
  row: 4,
  col: 3,
  value,
  form,
  ...(decimals === undefined ? {} : { decimals }),
});

describe('checkRate', () => {
  it('finds seed 000’s truncated 91.42% as rounding, in every form the cell may take', () => {
    for (const cell of [
      figure(0.9142, 'percent', 2),
      figure(91.42, 'percent-units', 2),
      figure(91.42, 'text-percent', 2),
    ]) {
      const verdict = checkRate(cell, 32 / 35, rateUnits(cell, 2));
      expect(verdict).toMatchObject({
        status: 'rounding',
        how: 'truncated',
        expected: cell.form === 'percent' ? 0.9143 : 91.43,
      });
    }
  });
  it('accepts a rate equal as displayed and a fraction typed in General', () => {
    expect(checkRate(figure(0.8088, 'percent', 2), 13.75 / 17, rateUnits(figure(0.8088, 'percent', 2), 2))).toEqual({
      status: 'ok',
    });
    expect(checkRate(figure(0.8088, 'number'), 13.75 / 17, rateUnits(figure(0.8088, 'number'), 2))).toEqual({
      status: 'ok',
    });
  });
  it('reports a wrong rate with the expected value in the cell’s units', () => {
    const cell = figure(80.5, 'percent-units', 2);
    expect(checkRate(cell, 13.75 / 17, rateUnits(cell, 2))).toEqual({ status: 'wrong', expected: 80.88, actual: 80.5 });
  });
  it('recognises rounding to fewer decimals and rounding of intermediate parts', () => {
    const fewer = figure(0.8, 'percent', 2);
    expect(checkRate(fewer, 0.8045, rateUnits(fewer, 2))).toMatchObject({ status: 'rounding', how: 'decimals' });
    const awareness = figure(79.46, 'text-percent', 2);
    expect(checkRate(awareness, (175 + 87 / 2) / 275, rateUnits(awareness, 2), [0.6364 + 0.3164 / 2])).toMatchObject({
      status: 'rounding',
      how: 'intermediate',
      expected: 79.45,
    });
  });
  it('gives the value to fill for a blank cell, in its column’s units', () => {
    const like = figure(0.9996, 'percent', 2);
    expect(checkRate(figure(null, 'number'), 151.68 / 477.39, rateUnits(figure(null, 'number'), 2, like))).toEqual({
      status: 'blank',
      expected: 0.3177,
    });
  });
});
