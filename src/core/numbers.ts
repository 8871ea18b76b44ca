/**
 * Numbers the way Excel shows them. ROUND halves away from zero; a printed figure is compared at the
 * decimals its cell displays; percentages are fractions internally whatever form the cell uses.
 */

/** A result without binary noise: 15 significant digits, as Excel keeps (0.1 + 0.2 → 0.3). */
export function withoutNoise(value: number): number {
  return Number(value.toPrecision(15));
}

/** Excel's ROUND: half away from zero, after removing binary noise (1.005 is 1.00499… in binary but ROUNDs to 1.01). */
export function excelRound(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** decimals;
  const scaled = Math.abs(value) * factor;
  // Scaling overflows only past 1e300, where a double has no decimals left to round.
  if (!Number.isFinite(scaled)) return value;
  const cleaned = withoutNoise(scaled);
  return (Math.sign(value) * Math.round(cleaned)) / factor || 0;
}

/** Excel's TRUNC / ROUNDDOWN: toward zero. */
export function excelTruncate(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = withoutNoise(Math.abs(value) * factor);
  if (!Number.isFinite(scaled)) return value;
  return (Math.sign(value) * Math.floor(scaled)) / factor || 0;
}

/** Two numbers equal as shown with `decimals` decimals (both rounded the Excel way). */
export function equalAtDecimals(a: number, b: number, decimals: number): boolean {
  return excelRound(a, decimals) === excelRound(b, decimals);
}

/** Equal up to floating-point noise (for sums of typed decimals such as 0.1 + 0.2). */
export function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Sum without binary noise for figures typed with a few decimals. */
export function sum(values: readonly number[]): number {
  return withoutNoise(values.reduce((total, value) => total + value, 0));
}

export const AMOUNT_FACTOR = { 元: 1, 万元: 10_000 } as const;

/** Converts an amount between 元 and 万元 (a conversion, never a guess: both units must be known). */
export function convertAmount(value: number, from: keyof typeof AMOUNT_FACTOR, to: keyof typeof AMOUNT_FACTOR): number {
  return withoutNoise((value * AMOUNT_FACTOR[from]) / AMOUNT_FACTOR[to]);
}

/** A number for a message: no binary noise, no trailing zeros beyond what is meaningful. */
export function formatNumber(value: number, maxDecimals = 6): string {
  return String(excelRound(value, maxDecimals));
}
