import { sheetOf, type GridValue } from '../../../test/snapshot-builder';
import { rangeAddress } from '../address';
import { SheetGrid } from '../grid';
import { lineOf, sheetRegions } from './sheet-regions';

const f = (formula: string, value = 0, format?: string): GridValue =>
  format === undefined ? { formula, value } : { formula, value, format };

const grid = (rows: GridValue[][]) => new SheetGrid(sheetOf('S', rows));

/** The faults as `kind region -> match`, in the order found. */
const faults = (rows: GridValue[][]) =>
  sheetRegions(grid(rows)).faults.map(
    (x) => `${x.kind} ${rangeAddress(x.region)} -> ${x.match.map((m) => rangeAddress(m)).join(',')}`,
  );

/** Three rows of figures and a row of nine totals over them. */
const figures: GridValue[][] = [
  [10, 20, 30, 40, 50, 60, 70, 80, 90],
  [1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 1, 1, 1, 1, 1, 1, 1, 1],
];
const totals = (write: (col: string) => GridValue): GridValue[] => [...'ABCDEFGHI'].map(write);

describe('region faults of lines of totals', () => {
  it('reports the two totals of a row that add one row less than the seven beside them', () => {
    const rows = [...figures, totals((c) => (c === 'C' || c === 'D' ? f(`SUM(${c}2:${c}3)`) : f(`SUM(${c}1:${c}3)`)))];
    const [fault] = sheetRegions(grid(rows)).faults;
    expect(faults(rows)).toEqual(['extent C4:D4 -> A4:B4,E4:I4']);
    expect(fault).toMatchObject({ orientation: 'rows', reads: { region: [-2, -1], model: [-3, -2, -1] } });
  });

  it('lets the figures decide which side is short: the many that leave out a figure the few add', () => {
    const rows = [
      [0, 447514, f('SUM(A1:B1)', 447514)],
      [807134, 0, f('SUM(A2:B2)', 807134)],
      [0, 11400, f('SUM(A3:B3)', 11400)],
      [f('SUM(A2:A3)'), f('SUM(B1:B3)'), f('SUM(C2:C3)')],
    ];
    // B4 differs from A4 and C4, but C4 leaves out C1 (447514) which B4's reading would count.
    expect(faults(rows)).toEqual(['extent A4 -> B4', 'extent C4 -> B4']);
  });

  it('reports two blocks of as many totals only when one leaves out figures', () => {
    const short = [...figures.slice(0, 3), totals((c) => ('ABCD'.includes(c) ? f(`SUM(${c}1:${c}3)`) : null))];
    short[3] = [f('SUM(A1:A3)'), f('SUM(B1:B3)'), f('SUM(C2:C3)'), f('SUM(D2:D3)')];
    expect(faults(short)).toEqual(['extent C4:D4 -> A4:B4']);
    const blank = [[null, null, null, null], ...figures.slice(1, 3), [...short[3]]];
    blank[3] = [f('SUM(A1:A3)'), f('SUM(B1:B3)'), f('SUM(C2:C3)'), f('SUM(D2:D3)')];
    expect(faults(blank)).toEqual([]);
  });

  it('blames the totals that add subtotals together with the figures inside them', () => {
    const rows = [
      [1, 1],
      [2, 2],
      [f('SUM(A1:A2)', 3), f('SUM(B1:B2)', 3)],
      [4, 4],
      [f('SUM(A4:A4)', 4), f('SUM(B4:B4)', 4)],
      [f('SUM(A1:A5)', 14), f('B3+B5', 7), f('SUM(C1:C5)')],
    ];
    const [fault] = sheetRegions(grid(rows)).faults;
    expect(fault).toMatchObject({ kind: 'extent', doubles: true });
    expect(rangeAddress(fault?.region as never)).toBe('A6');
  });

  it('reports numbers typed among adding totals that do not add up, not those that do', () => {
    const row = totals((c) => (c === 'E' ? 60 : c === 'G' ? 78 : f(`SUM(${c}1:${c}3)`)));
    // E4 = 56 would add up (50 + 5 + 1); 60 does not. G4 = 78 is 70 + 7 + 1.
    expect(faults([...figures, row])).toEqual(['typed E4 -> A4:D4,F4,H4:I4']);
    const fault = sheetRegions(grid([...figures, row])).faults[0];
    expect(fault).toMatchObject({ expected: 56, at: { row: 3, col: 4 } });
  });

  it('leaves typed numbers alone in another format, among averages, and within rounding', () => {
    const percent = totals((c) => (c === 'E' ? { value: 0.6, format: '0%' } : f(`SUM(${c}1:${c}3)`)));
    expect(faults([...figures, percent])).toEqual([]);
    const averages = totals((c) => (c === 'E' ? 60 : f(`AVERAGE(${c}1:${c}3)`)));
    expect(faults([...figures, averages])).toEqual([]);
    const rounded = [
      [10.4, 20.4, 30.4, 40.4],
      [10.4, 20.4, 30.4, 40.4],
      [f('SUM(A1:A2)', 20.8), f('SUM(B1:B2)', 40.8), 61, f('SUM(D1:D2)', 80.8)],
    ];
    expect(faults(rounded)).toEqual([]);
  });

  it('joins the same fault on consecutive rows into one rectangle', () => {
    const rows = [
      ...figures,
      totals((c) => (c === 'E' ? 60 : f(`SUM(${c}1:${c}3)`))),
      totals((c) => (c === 'E' ? 61 : f(`SUM(${c}1:${c}3)`))),
    ];
    expect(faults(rows)).toEqual(['typed E4:E5 -> A4:D5,F4:I5']);
  });

  it('reports a total computed another way that gives another value, not one written another way', () => {
    const other = [...figures, totals((c) => (c === 'B' ? f('B1-B3', 19) : f(`SUM(${c}1:${c}3)`)))];
    expect(faults(other)).toEqual(['computed B4 -> A4,C4:I4']);
    expect(sheetRegions(grid(other)).faults[0]).toMatchObject({ expected: 23, at: { row: 3, col: 1 } });
    // The same total written another way.
    const same = [...figures, totals((c) => (c === 'B' ? f('(B1+B2+B3)*1', 23) : f(`SUM(${c}1:${c}3)`)))];
    expect(faults(same)).toEqual([]);
  });

  it('reports a total of the dominant reading that subtracts what the others add', () => {
    const rows = [...figures, totals((c) => (c === 'B' ? f('B1-B2+B3', 19) : f(`SUM(${c}1:${c}3)`)))];
    expect(faults(rows)).toEqual(['computed B4 -> A4,C4:I4']);
  });

  it('reports a cross total that adds the totals beside it while its own column holds figures', () => {
    const rows = [
      [74, 70, 80],
      [0, 1, 5],
      [3, 2, 2],
      [f('SUM(A1:A3)', 77), f('SUM(B1:B3)', 73), f('SUM(A4:B4)', 150)],
    ];
    const [fault] = sheetRegions(grid(rows)).faults;
    expect(faults(rows)).toEqual(['crossTotal C4 -> A4:B4']);
    expect(fault?.omitted).toEqual([
      { row: 0, col: 2 },
      { row: 1, col: 2 },
      { row: 2, col: 2 },
    ]);
  });

  it('reports a plug typed into one total of a row and totals that add rates', () => {
    const plug = [...figures, totals((c) => (c === 'D' ? f('SUM(D1:D3)+1') : f(`SUM(${c}1:${c}3)`)))];
    expect(faults(plug)).toEqual(['constants D4 -> A4:C4,E4:I4']);
    const rates = [
      [100, 50, f('B1/A1', 0.5), 30, f('D1/A1', 0.3)],
      [200, 80, f('B2/A2', 0.4), 60, f('D2/A2', 0.3)],
      [f('SUM(A1:A2)'), f('SUM(B1:B2)'), f('SUM(C1:C2)'), f('SUM(D1:D2)'), f('SUM(E1:E2)')],
    ];
    expect(faults(rates)).toEqual(['rates C3 -> A3:B3,D3', 'rates E3 -> A3:B3,D3']);
  });

  it('stays quiet where the line has no dominant total, or holds figures of its own line', () => {
    const mixed = [...figures, [f('SUM(A1:A3)'), f('B1*2'), f('C1/C2'), f('D1-D3')]];
    expect(faults(mixed)).toEqual([]);
    const ratesOfTotals = [
      [10, 20],
      [30, 40],
      [f('SUM(A1:A2)', 40), f('SUM(B1:B2)', 60), f('B3/A3', 1.5), f('B3-A3', 20)],
    ];
    expect(faults(ratesOfTotals)).toEqual([]);
    // Copies of a formula that is no total are left to the cell-by-cell check.
    const copies = [
      [1, 2, f('A1*B1')],
      [3, 4, f('A2*B2')],
      [5, 6, f('A2*B3')],
      [7, 8, f('A4*B4')],
    ];
    expect(faults(copies)).toEqual([]);
  });
});

describe('lines of single cells', () => {
  it('counts the copies of a line, leaving out typed numbers and figures of the line itself', () => {
    const g = grid([
      [1, 2, f('A1*B1')],
      [3, 4, 12],
      [5, 6, f('A3*B3')],
      [7, 8, f('A2*B1')],
      [null, null, f('SUM(C1:C4)')],
    ]);
    expect(lineOf(g, 3, 2, 'columns')).toEqual({ dominant: 'RC[-2]:RC[-1]', dominantCells: 2, cells: 3 });
    expect(lineOf(g, 1, 2, 'columns')).toBeUndefined();
  });
});
