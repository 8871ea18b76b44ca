/**
 * The fuzz tests' constants, apart from the generators in arbitraries.ts: building those costs seconds at load
 * (fast-check's binary strings), which the files that need only these constants should not pay.
 */

/** Excel's grid: the readers never report cells outside it. */
export const MAX_ROW = 1_048_575;
export const MAX_COL = 16_383;

/** Text a workbook may carry that must stay inert (security.test.ts drives these end to end). */
export const HOSTILE_TEXT = [
  '=HYPERLINK("http://x","y")',
  '<img src=x onerror=alert(1)>',
  '@SUM(A1)',
  '+1+1',
  '-2+3',
  '=1+1',
] as const;

/** Runs per property: FUZZ_RUNS (npm run fuzz sets 10,000), else a fast sample for npm test. */
export function fuzzRuns(fastSample: number): number {
  const runs = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(runs) && runs > 0 ? runs : fastSample;
}
