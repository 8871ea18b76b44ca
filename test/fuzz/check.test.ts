import fc from 'fast-check';
import { checkWorkbook } from '../../src/core/check';
import { RULES } from '../../src/core/rules';
import { snapshot } from './arbitraries';
import { fuzzRuns } from './limits';
import { checkProblems } from './properties';

/** Property: on any snapshot a file or host can deliver, checkProblems (properties.ts) finds nothing. */
const RUNS = fuzzRuns(200);
/** Generous per-case allowance: a jest timeout must never be what ends `npm run fuzz`. */
const TIMEOUT_MS = 60_000 + RUNS * 500;

describe('fuzzing the check and the fill plan', () => {
  it('generates workbooks the recognizers and rules engage on', () => {
    // Without this the property could pass on workbooks the engine ignores. A fixed seed keeps the sample the same.
    const kinds = new Set<string>();
    const codes = new Set<string>();
    for (const workbook of fc.sample(snapshot, { numRuns: 200, seed: 7 })) {
      const { model, findings } = checkWorkbook(workbook);
      for (const sheet of model.sheets) for (const table of sheet.tables) kinds.add(table.kind);
      for (const finding of findings) codes.add(finding.code);
    }
    expect([...kinds]).toEqual(expect.arrayContaining(['indicators', 'survey', 'key-values', 'budget', 'amounts']));
    expect(codes.size).toBeGreaterThanOrEqual(RULES.length / 2);
  });

  it(
    `finishes with well-formed findings and writes on ${RUNS} random workbooks`,
    () => {
      fc.assert(
        fc.property(snapshot, fc.constantFrom('zh-CN' as const, 'en-US' as const), (workbook, lang) => {
          expect(checkProblems(workbook, lang)).toEqual([]);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT_MS,
  );
});
