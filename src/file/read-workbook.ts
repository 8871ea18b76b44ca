import type { Result } from '../core/result';
import type { WorkbookSnapshot } from '../core/snapshot';
import { CellBudget } from './cell-budget';
import { WorkbookReadError } from './read-error';
import { readXls } from './xls/read-xls';
import { readXlsx } from './xlsx/read-xlsx';

export type ReadResult = Result<{ workbook: WorkbookSnapshot }, WorkbookReadError>;

/**
 * The default cell limit. Real scoring workbooks hold thousands to tens of thousands of cells (a payment list a few
 * hundred thousand); a 1,000,000-cell sheet reads and checks in about 13 s at about 560 MB peak RSS (npm run
 * bench:large), so 2,000,000 cells stays near 1 GB: within a browser tab's memory, with room for twice the largest
 * file we expect.
 */
export const DEFAULT_MAX_CELLS = 2_000_000;

export interface ReadOptions {
  /** Refuse (typed 'too-large') a workbook with more non-empty cells than this; counted while parsing. */
  maxCells?: number;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

/**
 * Reads .xlsx, .xlsm and .xls bytes into a snapshot, choosing the reader from the content, not the file name
 * (government systems often name a BIFF file .xlsx or the reverse). Never throws: failures come back typed.
 */
export function readWorkbook(bytes: Uint8Array, name: string, options: ReadOptions = {}): ReadResult {
  const budget = new CellBudget(options.maxCells ?? DEFAULT_MAX_CELLS);
  try {
    if (bytes.length === 0) throw new WorkbookReadError('empty-file');
    if (startsWith(bytes, ZIP_MAGIC))
      return { ok: true, workbook: { ...readXlsx(bytes, budget), source: { name, format: 'xlsx' } } };
    // Password-protected OOXML is also an OLE container: the .xls reader opens it once and says 'encrypted'.
    if (startsWith(bytes, OLE_MAGIC))
      return { ok: true, workbook: { ...readXls(bytes, budget), source: { name, format: 'xls' } } };
    throw new WorkbookReadError('not-workbook');
  } catch (error) {
    if (error instanceof WorkbookReadError) return { ok: false, error };
    return {
      ok: false,
      error: new WorkbookReadError('corrupt', error instanceof Error ? error.message : String(error)),
    };
  }
}
