import type { Figure } from '../model';
import { excelRound, excelTruncate } from '../numbers';

/** How a rate is written: the units of the cell and the decimals it shows. */
export interface RateUnits {
  /** Multiply a fraction by this to get the cell's units: 1 for fractions (0.00% formats), 100 for percent units. */
  scale: 1 | 100;
  /** Decimals in the cell's units (0.00% → 4 as a fraction; 91.43 → 2). */
  decimals: number;
}

/** Decimals of a number as typed (0.8088 → 4), for cells in General format. */
function typedDecimals(value: number): number {
  const text = String(value);
  const dot = text.indexOf('.');
  return dot < 0 || text.includes('e') ? 0 : Math.min(10, text.length - dot - 1);
}

/**
 * The units and displayed decimals of a rate cell. A blank cell borrows them from `like` (a filled cell of the
 * same column) or takes the profile's decimals as a fraction.
 */
export function rateUnits(figure: Figure, rateDecimals: number, like?: Figure): RateUnits {
  const source = figure.value === null && like ? like : figure;
  switch (source.form) {
    case 'percent':
      return { scale: 1, decimals: (source.decimals ?? rateDecimals) + 2 };
    case 'text-percent':
      // A blank beside rates printed as text ("93.63%") gets a number, which shows the same as a fraction with a %
      // format; percent units there would read 93 in a column of percentages.
      if (source !== figure) return { scale: 1, decimals: (source.decimals ?? rateDecimals) + 2 };
      return { scale: 100, decimals: source.decimals ?? typedDecimals(source.value ?? 0) };
    case 'percent-units':
      return {
        scale: 100,
        decimals: source.decimals ?? (source.value === null ? rateDecimals : typedDecimals(source.value)),
      };
    default:
      if (source.value === null) return { scale: 1, decimals: rateDecimals + 2 };
      // A plain number above 1.5 in a rate cell is written in percent units (80.88), not as a fraction.
      if (Math.abs(source.value) > 1.5) return { scale: 100, decimals: source.decimals ?? typedDecimals(source.value) };
      return { scale: 1, decimals: source.decimals ?? typedDecimals(source.value) };
  }
}

export type RateVerdict =
  | { status: 'ok' }
  | { status: 'blank'; expected: number }
  | { status: 'not-a-number'; expected: number; actual: string }
  | { status: 'rounding'; expected: number; actual: number; how: 'truncated' | 'decimals' | 'intermediate' }
  | { status: 'wrong'; expected: number; actual: number };

/**
 * Compares a rate cell with the exact rate (a fraction). Equal as displayed → ok; equal only when truncated,
 * rounded to fewer decimals, or computed from rounded parts → rounding; otherwise wrong. `expected` is in the
 * cell's units, rounded the Excel way to the decimals the cell shows.
 */
export function checkRate(
  figure: Figure,
  exact: number,
  units: RateUnits,
  alternates: readonly number[] = [],
): RateVerdict {
  const expected = excelRound(exact * units.scale, units.decimals);
  if (figure.value === null) {
    // An error value is formula/error's; text that is no number stands where the rate belongs.
    if (figure.error !== undefined) return { status: 'ok' };
    return figure.text !== undefined
      ? { status: 'not-a-number', expected, actual: figure.text }
      : { status: 'blank', expected };
  }
  const actual = excelRound(figure.value, Math.max(units.decimals, 10));
  if (excelRound(actual, units.decimals) === expected) return { status: 'ok' };
  if (excelTruncate(exact * units.scale, units.decimals) === excelRound(actual, units.decimals))
    return { status: 'rounding', expected, actual: figure.value, how: 'truncated' };
  for (let decimals = 0; decimals < units.decimals; decimals++) {
    if (excelRound(exact * units.scale, decimals) === actual)
      return { status: 'rounding', expected, actual: figure.value, how: 'decimals' };
  }
  if (
    alternates.some(
      (alternate) => excelRound(alternate * units.scale, units.decimals) === excelRound(actual, units.decimals),
    )
  ) {
    return { status: 'rounding', expected, actual: figure.value, how: 'intermediate' };
  }
  return { status: 'wrong', expected, actual: figure.value };
}

/**
 * The number format a fill writes into a blank rate cell, so the column shows one kind of figure: a percent format
 * for fractions (under percent or text-percent siblings, or with none), the siblings' decimals for percent units (a
 * `（%）` header) and for fractions typed in General, none where the siblings have none. Undefined: leave the cell's.
 */
export function rateFillFormat(units: RateUnits, like: Figure | undefined): string | undefined {
  const fixed = (decimals: number) => (decimals <= 0 ? '0' : `0.${'0'.repeat(decimals)}`);
  if (units.scale === 100) return fixed(units.decimals);
  if (like && like.form === 'number') return like.decimals === undefined ? undefined : fixed(like.decimals);
  return `${fixed(units.decimals - 2)}%`;
}
