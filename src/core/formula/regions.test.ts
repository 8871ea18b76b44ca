import { rangeAddress } from '../address';
import { entropy, fingerprintRectangles, proposeFixes, strips, TYPED, type Member, type Rectangle } from './regions';

/**
 * Members from a picture of a sheet: one string per row, one character per column; '.' is an empty cell, '*' text,
 * '#' a typed number, any other letter a formula fingerprint.
 */
function picture(rows: string[]): { members: Member[]; isEmpty: (row: number, col: number) => boolean } {
  const members: Member[] = [];
  rows.forEach((line, row) =>
    [...line].forEach((ch, col) => {
      if (ch !== '.' && ch !== '*') members.push({ row, col, key: ch === '#' ? TYPED : ch });
    }),
  );
  const isEmpty = (row: number, col: number) => (rows[row]?.[col] ?? '.') === '.';
  return { members, isEmpty };
}

const named = (rects: readonly Rectangle[]) => rects.map((r) => `${rangeAddress(r)}=${r.key}`).sort();

describe('rectangles of equal fingerprint', () => {
  const { members } = picture(['aab', 'aab', 'ccb']);

  it('grows runs along rows and stacks equal runs down ("rows")', () => {
    expect(named(fingerprintRectangles(members, 'rows'))).toEqual(['A1:B2=a', 'A3:B3=c', 'C1:C3=b']);
  });

  it('grows runs down columns and sets equal runs side by side ("columns")', () => {
    expect(named(fingerprintRectangles(members, 'columns'))).toEqual(['A1:B2=a', 'A3:B3=c', 'C1:C3=b']);
  });

  it('keeps runs one line deep without stacking', () => {
    expect(named(fingerprintRectangles(members, 'rows', false))).toEqual([
      'A1:B1=a',
      'A2:B2=a',
      'A3:B3=c',
      'C1=b',
      'C2=b',
      'C3=b',
    ]);
  });

  it('covers every member once, whatever the order the members come in', () => {
    const { members: many } = picture(['aaab.a', 'aaab.a', '#a#b.a', 'aaaaaa']);
    const shuffled = [...many].reverse();
    for (const orientation of ['rows', 'columns'] as const) {
      const rects = fingerprintRectangles(shuffled, orientation);
      const covered = rects.reduce((n, r) => n + (r.bottom - r.top + 1) * (r.right - r.left + 1), 0);
      expect(covered).toBe(many.length);
    }
  });
});

describe('strips', () => {
  it('chains the runs of one row over one empty column, not over two, nor over text', () => {
    const { members, isEmpty } = picture(['aa.ab..a', 'aa*ab...']);
    const found = strips(fingerprintRectangles(members, 'rows', false), 'rows', isEmpty).map((s) =>
      s.rectangles.map((r) => rangeAddress(r)).join(' '),
    );
    expect(found.sort()).toEqual(['A1:B1 D1 E1', 'A2:B2', 'D2 E2', 'H1'].sort());
  });

  it('ends a strip after a rectangle that closes its block (a total of the line)', () => {
    const { members, isEmpty } = picture(['a', 'a', 't', 'a', 'b']);
    const found = strips(fingerprintRectangles(members, 'columns', false), 'columns', isEmpty, 1, (k) => k === 't');
    expect(found.map((s) => s.rectangles.map((r) => rangeAddress(r)).join(' '))).toEqual(['A1:A2 A3', 'A4 A5']);
  });
});

describe('entropy and proposed fixes', () => {
  it('measures a line’s fingerprints in bits', () => {
    expect(entropy([4])).toBe(0);
    expect(entropy([2, 2])).toBe(1);
    expect(entropy([1, 1, 1, 1])).toBe(2);
    expect(entropy([7, 2])).toBeCloseTo(0.764, 3);
  });

  it('proposes that the odd rectangles of a row take its dominant fingerprint, lowering its entropy to 0', () => {
    const { members, isEmpty } = picture(['aaaaba']);
    const [strip] = strips(fingerprintRectangles(members, 'rows', false), 'rows', isEmpty);
    const proposals = proposeFixes(strip as never);
    expect(proposals).toHaveLength(1);
    const [fix] = proposals;
    expect(rangeAddress(fix?.region as Rectangle)).toBe('E1');
    expect(fix?.match.map((r) => rangeAddress(r))).toEqual(['A1:D1', 'F1']);
    expect(fix).toMatchObject({ target: 'a', stripCells: 6, targetCells: 5, tie: false, entropyAfter: 0 });
    expect(fix?.entropyBefore).toBeCloseTo(0.65, 2);
  });

  it('marks two blocks of as many cells as a tie, and never takes typed numbers as the dominant formula', () => {
    const tie = picture(['aabb']);
    const [strip] = strips(fingerprintRectangles(tie.members, 'rows', false), 'rows', tie.isEmpty);
    expect(proposeFixes(strip as never).every((p) => p.tie)).toBe(true);

    const typed = picture(['###a#']);
    const [line] = strips(fingerprintRectangles(typed.members, 'rows', false), 'rows', typed.isEmpty);
    expect(proposeFixes(line as never)).toEqual([]);
  });

  it('counts only the fingerprints it is told to, and still proposes the others', () => {
    const { members, isEmpty } = picture(['a#a#ab']);
    const [strip] = strips(fingerprintRectangles(members, 'rows', false), 'rows', isEmpty);
    const proposals = proposeFixes(strip as never, { counted: (key) => key !== TYPED });
    expect(proposals.map((p) => `${rangeAddress(p.region)}=${p.region.key}`)).toEqual(['B1=#', 'D1=#', 'F1=b']);
    expect(proposals[0]).toMatchObject({ stripCells: 4, targetCells: 3 });
  });
});
