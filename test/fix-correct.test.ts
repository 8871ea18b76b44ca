import { checkWorkbook } from '../src/core/check';
import type { Finding } from '../src/core/finding';
import type { WorkbookSnapshot } from '../src/core/snapshot';
import { fixWorkbook, revertWorkbook } from '../src/file/fix-workbook';
import { readWorkbook } from '../src/file/read-workbook';
import { buildWorkbook, VARIANTS } from './fixtures/build-workbook';
import type { SeedReport } from './fixtures/seed-model';
import { seed000 } from './fixtures/seeds/seed000';
import { seed003 } from './fixtures/seeds/seed003';

/**
 * `fix --correct`: wrong derived values (a total, a parent's score, a rate, a grade) are replaced by the formula
 * over their inputs, recorded, and put back by revert; inputs stay as they are. Planted in every layout.
 */

const CORRECTED = ['score/total', 'score/children-sum', 'rate/wrong', 'grade/mismatch'];

/**
 * Seed 000 with a wrong summary total, a wrong 决策 得分率 and a grade its total does not earn. The total's own
 * 得分率 reads the total: corrected together, it must show the corrected total's rate.
 */
function wrong000(seed: SeedReport): SeedReport {
  const copy = structuredClone(seed);
  if (copy.summary) {
    copy.summary.total.score = 85.55;
    (copy.summary.rows[0] as { rate?: string }).rate = '81.88%';
  }
  const grade = copy.conclusion?.entries.find((e) => e.label === '评价等级');
  if (grade) grade.value = '优';
  return copy;
}

/** Seed 003 with a score-table total that is not the sum of its level-1 scores. */
function wrong003(seed: SeedReport): SeedReport {
  const copy = structuredClone(seed);
  if (copy.scoreTable) copy.scoreTable.total.score = 95.36;
  return copy;
}

function read(bytes: Uint8Array): WorkbookSnapshot {
  const result = readWorkbook(bytes, 'x.xlsx');
  if (!result.ok) throw new Error(result.error.message);
  return result.workbook;
}

const at = (f: { sheet: string; cell: string }) => `${f.sheet}!${f.cell}`;

const cases = [
  ...VARIANTS.map((variant) => ({
    name: `000 ${variant.name}`,
    seed: wrong000(seed000),
    variant,
    codes: ['grade/mismatch', 'rate/wrong', 'score/total'],
  })),
  ...VARIANTS.map((variant) => ({
    name: `003 ${variant.name}`,
    seed: wrong003(seed003),
    variant,
    codes: ['score/total'],
  })),
];

describe.each(cases)('fix --correct on seed $name', ({ seed, variant, codes }) => {
  let bytes: Uint8Array;
  let planted: Finding[];
  beforeAll(async () => {
    bytes = (await buildWorkbook(seed, variant)).bytes;
    planted = checkWorkbook(read(bytes)).findings.filter((f) => CORRECTED.includes(f.code));
  });

  it('finds the planted faults, each with a correcting formula over its inputs', () => {
    expect([...new Set(planted.map((f) => f.code))].sort()).toEqual(codes);
    for (const finding of planted) {
      expect(finding.fix?.kind).toBe('correct');
      const write = finding.fix?.writes[0];
      expect(write && at(write)).toBe(at(finding));
      expect(write?.formula).toMatch(/^(SUM|IF|\(?[A-Z'])/);
    }
  });

  it('leaves them alone without --correct, and with it writes each one, so the re-check no longer finds them', () => {
    const plain = fixWorkbook(bytes, 'x.xlsx');
    expect(plain.ok && plain.changes.filter((c) => CORRECTED.includes(c.code))).toEqual([]);
    const result = fixWorkbook(bytes, 'x.xlsx', { correct: true });
    if (!result.ok) throw new Error(result.error.message);
    expect(
      result.changes
        .filter((c) => CORRECTED.includes(c.code))
        .map(at)
        .sort(),
    ).toEqual(planted.map(at).sort());
    const after = checkWorkbook(read(result.bytes)).findings;
    expect(after.filter((f) => CORRECTED.includes(f.code)).map(at)).toEqual([]);
  });

  it('reverts to the original cell by cell', () => {
    const result = fixWorkbook(bytes, 'x.xlsx', { correct: true });
    if (!result.ok) throw new Error(result.error.message);
    const back = revertWorkbook(result.bytes, 'fixed.xlsx');
    if (!back.ok) throw new Error(back.error.message);
    expect(back.restored).toBe(result.changes.length);
    expect(read(back.bytes).sheets).toEqual(read(bytes).sheets);
  });
});
