import { parseCellAddress } from '../address';
import {
  faithfulFixtures,
  fixtureOf,
  placedIndicator,
  runRule,
  SEED_VARIANTS,
  seedWorkbook,
  type SeedFixture,
} from '../../../test/rule-harness';
import { sheetOf, workbookOf } from '../../../test/snapshot-builder';
import { seed001 } from '../../../test/fixtures/seeds/seed001';
import type { WorkbookSnapshot } from '../snapshot';
import { formulaError } from './formula-error';

let faithful: Map<string, SeedFixture>;
beforeAll(async () => {
  faithful = await faithfulFixtures();
}, 60_000);

/** The snapshot with the cell at `address` of `sheet` set to an error value. */
function withError(snapshot: WorkbookSnapshot, sheet: string, address: string, error: string): WorkbookSnapshot {
  const copy = structuredClone(snapshot);
  const at = parseCellAddress(address);
  const cell = copy.sheets.find((s) => s.name === sheet)?.cells.find((c) => c.row === at?.row && c.col === at?.col);
  if (!cell) throw new Error(`no cell ${address}`);
  cell.value = { type: 'error', value: error };
  return copy;
}

describe('formula/error on hand-made sheets', () => {
  it('reports the origin and traces the cells that carry its error', () => {
    const snapshot = workbookOf(
      sheetOf('Rates', [
        ['Item', 'Done', 'Planned', 'Rate'],
        ['A', 5, 0, { formula: 'B2/C2', error: '#DIV/0!' }],
        ['B', 4, 8, { formula: 'B3/C3', value: 0.5 }],
        ['Mean', null, null, { formula: 'AVERAGE(D2:D3)', error: '#DIV/0!' }],
        ['Score', null, null, { formula: 'D4*100', error: '#DIV/0!' }],
      ]),
    );
    expect(runRule(formulaError, snapshot)).toEqual([
      {
        code: 'formula/error',
        severity: 'error',
        sheet: 'Rates',
        cell: 'D2',
        message: '单元格显示错误值 #DIV/0!',
        actual: '#DIV/0!',
      },
      {
        code: 'formula/error',
        severity: 'error',
        sheet: 'Rates',
        cell: 'D4',
        message: '单元格显示错误值 #DIV/0!，来自 1 个出错的单元格（如 D2）',
        actual: '#DIV/0!',
        related: [{ sheet: 'Rates', cell: 'D2' }],
      },
      {
        code: 'formula/error',
        severity: 'error',
        sheet: 'Rates',
        cell: 'D5',
        message: '单元格显示错误值 #DIV/0!，来自 1 个出错的单元格（如 D2）',
        actual: '#DIV/0!',
        related: [{ sheet: 'Rates', cell: 'D2' }],
      },
    ]);
    expect(runRule(formulaError, snapshot, { lang: 'en-US' })[1]?.message).toBe(
      'The cell shows the error #DIV/0!, carried from 1 cell(s) in error (e.g. D2)',
    );
  });

  it('traces errors across sheets and through cycles without looping', () => {
    const snapshot = workbookOf(
      sheetOf('Data', [[{ error: '#REF!', formula: '#REF!+1' }]]),
      sheetOf('Sum', [
        [
          { formula: 'Data!A1*2', error: '#REF!' },
          { formula: 'C1', error: '#N/A' },
          { formula: 'B1', error: '#N/A' },
        ],
      ]),
    );
    const findings = runRule(formulaError, snapshot);
    expect(findings.map((f) => [f.sheet, f.cell, f.related])).toEqual([
      ['Data', 'A1', undefined],
      ['Sum', 'A1', [{ sheet: 'Data', cell: 'A1' }]],
      ['Sum', 'B1', undefined],
      ['Sum', 'C1', undefined],
    ]);
  });

  it('gives no finding for a sheet without errors', () => {
    expect(runRule(formulaError, workbookOf(sheetOf('S', [[1, 2, { formula: 'A1+B1', value: 3 }]])))).toEqual([]);
  });
});

describe('formula/error on a seed fixture', () => {
  it('reports an error planted in a score (seed 001 项目申报)', async () => {
    const { snapshot, layout } = await seedWorkbook(seed001);
    const placed = placedIndicator(layout, '项目申报');
    const cell = placed.score?.cell as string;
    const findings = runRule(formulaError, withError(snapshot, placed.score?.sheet as string, cell, '#VALUE!'));
    expect(findings).toEqual([
      expect.objectContaining({ code: 'formula/error', sheet: '评分表', cell, actual: '#VALUE!' }),
    ]);
  });

  it.each(SEED_VARIANTS)('seed %s (%s) gives no finding', (id, variant) => {
    expect(runRule(formulaError, fixtureOf(faithful, id, variant).snapshot)).toEqual([]);
  });
});
