import { FormulaCell } from './sheet-formulas';

/** A formula held at an A1-style position given 0-based. */
const at = (row: number, col: number, formula: string) =>
  new FormulaCell({ row, col, formula, value: { type: 'number', value: 0 } });

const key = (row: number, col: number, formula: string) => at(row, col, formula).fingerprint.key;

describe('reference fingerprints', () => {
  it('gives copies of one formula one fingerprint, wherever they stand', () => {
    expect(key(2, 2, 'B3/A3')).toBe(key(3, 2, 'B4/A4'));
    expect(key(6, 3, 'SUM(D1:D6)')).toBe(key(6, 9, 'SUM(J1:J6)'));
    // A3 and B3 touch: one area, as for =SUM(A3:B3) (what is read, not how).
    expect(key(2, 2, 'B3/A3')).toBe('RC[-2]:RC[-1]');
  });

  it('tells formulas that read other cells apart', () => {
    expect(key(2, 2, 'B3/A2')).not.toBe(key(3, 2, 'B4/A4'));
    expect(key(13, 5, 'SUM(F6:F13)')).not.toBe(key(13, 1, 'SUM(B7:B13)'));
  });

  it('ignores the order of the terms (=D9+E9 and =E10+D10 are copies)', () => {
    expect(key(8, 5, 'D9+E9')).toBe(key(9, 5, 'E10+D10'));
    expect(key(72, 5, 'E73*C73')).toBe(key(71, 5, 'C72*E72'));
  });

  it('merges cells next to one another: =A1+A2+A3 reads what =SUM(A1:A3) reads', () => {
    expect(key(3, 0, 'A1+A2+A3')).toBe(key(3, 0, 'SUM(A1:A3)'));
    expect(key(3, 0, 'SUM(A1:A2)+A3')).toBe('R[-3]C:R[-1]C');
    expect(key(3, 0, 'A1+A3')).toBe('R[-1]C;R[-3]C');
  });

  it('keeps numbers apart: a correction typed into each row does not change the fingerprint', () => {
    const a = at(16, 3, 'G17-(44.64+14.04)');
    const b = at(15, 3, 'G16-30.92');
    expect(a.fingerprint.key).toBe(b.fingerprint.key);
    expect(a.constants).toEqual([44.64, 14.04]);
    expect(b.constants).toEqual([30.92]);
  });

  it('is sheet-aware: another sheet’s cells are other cells', () => {
    expect(key(2, 1, 'Jan!B3')).not.toBe(key(2, 1, 'Feb!B3'));
    expect(key(2, 1, 'Jan!B3')).not.toBe(key(2, 1, 'B3'));
    expect(key(2, 1, "'Jan'!B3")).toBe("'Jan'!RC");
  });

  it('tells absolute from relative references, and keeps a growing range whole', () => {
    expect(key(21, 9, 'H22/H113')).not.toBe(key(22, 9, 'H23/$H$113'));
    expect(key(22, 9, 'H23/$H$113')).toBe('R113C8;RC[-2]');
    expect(key(4, 1, 'SUM($A$1:A5)')).toBe('R1C1:RC[-1]');
    expect(key(5, 1, 'SUM($A$1:A6)')).toBe(key(4, 1, 'SUM($A$1:A5)'));
  });

  it('gives a formula that reads no cell the empty fingerprint', () => {
    expect(key(0, 0, '18+3')).toBe('');
    expect(at(0, 0, '18+3').fingerprint.areas).toEqual([]);
  });

  it('reads whole columns and rows', () => {
    expect(key(0, 2, 'SUM(A:B)')).toBe('C[-2]:C[-1]');
    expect(key(4, 0, 'SUM(1:2)')).toBe('R[-4]:R[-3]');
  });
});
