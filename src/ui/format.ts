import { excelRound, formatNumber } from '../core/numbers';

/** A weight or score: up to `decimals` decimals, no trailing zeros. */
export function scoreText(value: number | null, none: string, decimals = 4): string {
  return value === null ? none : formatNumber(value, decimals);
}

/** A fraction as a percentage with a fixed number of decimals, rounded as Excel's ROUND does. */
export function percentText(rate: number | null, none: string, decimals = 2): string {
  return rate === null ? none : `${excelRound(rate * 100, decimals).toFixed(decimals)}%`;
}
