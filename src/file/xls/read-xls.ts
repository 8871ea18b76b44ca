import type { Cell, CellRange, CellValue, Sheet, WorkbookSnapshot } from '../../core/snapshot';
import { BUILTIN_NUMBER_FORMATS } from '../builtin-number-formats';
import { CellBudget } from '../cell-budget';
import { WorkbookReadError } from '../read-error';
import { openWorkbookStream, type WorkbookStream } from './compound-file';
import { FormulaDecoder, type FormulaBytes } from './formula';
import { WorkbookLinks } from './links';
import { corrupt, errorText, Rec, RecordCursor, requireLength } from './records';
import { BiffText, readContinuedString, readSharedStrings } from './strings';

/**
 * Reads a legacy Excel workbook (.xls: BIFF8, and BIFF5 from Excel 5/95) into a snapshot.
 * Throws only WorkbookReadError: 'not-workbook', 'encrypted', 'corrupt' (or 'empty-file' for no bytes).
 */
export function readXls(bytes: Uint8Array, budget = new CellBudget(Infinity)): WorkbookSnapshot {
  try {
    const stream = openWorkbookStream(bytes);
    return readWorkbookStream(stream.bytes, stream.name, budget);
  } catch (error) {
    if (error instanceof WorkbookReadError) throw error;
    throw new WorkbookReadError('corrupt', error instanceof Error ? error.message : String(error));
  }
}

interface SheetEntry {
  name: string;
  visibility: Sheet['visibility'];
  /** Stream offset of the sheet's BOF record. */
  offset: number;
}

/** What the globals substream says that sheets need. */
interface WorkbookGlobals {
  text: BiffText;
  links: WorkbookLinks;
  worksheets: SheetEntry[];
  sharedStrings: string[];
  /** Number format code per XF index; undefined for General. */
  formatByXf: (string | undefined)[];
}

/** BOUNDSHEET.hsState; 3 is undefined and read as hidden. */
const VISIBILITY: readonly Sheet['visibility'][] = ['visible', 'hidden', 'veryHidden', 'hidden'];
const WORKSHEET_SHEET_TYPE = 0;

function readWorkbookStream(
  stream: Uint8Array,
  streamName: WorkbookStream['name'],
  budget: CellBudget,
): WorkbookSnapshot {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  const cursor = new RecordCursor(stream, view);
  if (!cursor.next() || cursor.id !== Rec.BOF) throw corrupt('workbook stream does not start with a BOF record');
  requireLength(cursor, 4);
  const version = view.getUint16(cursor.start, true);
  const biff = version === 0x0500 || (version !== 0x0600 && streamName === 'Book') ? 5 : 8;

  const globals = readGlobals(cursor, new BiffText(biff));
  const formulas = new FormulaDecoder(stream, view, globals.text, globals.links);
  const sheets = globals.worksheets.map((entry) => readWorksheet(cursor, globals, formulas, entry, budget));
  return { sheets };
}

function readGlobals(cursor: RecordCursor, text: BiffText): WorkbookGlobals {
  const { bytes, view } = cursor;
  const links = new WorkbookLinks(text);
  const worksheets: SheetEntry[] = [];
  const formatCodes = new Map<number, string>();
  const xfFormatIds: number[] = [];
  let sharedStrings: string[] = [];

  for (;;) {
    if (!cursor.next()) throw corrupt('workbook globals have no EOF record');
    const { start, end } = cursor;
    switch (cursor.id) {
      case Rec.EOF: {
        const formatByXf = xfFormatIds.map((id) => {
          const code = formatCodes.get(id) ?? BUILTIN_NUMBER_FORMATS[id];
          return code === undefined || code.toLowerCase() === 'general' ? undefined : code;
        });
        return { text, links, worksheets, sharedStrings, formatByXf };
      }
      case Rec.FILEPASS:
        throw new WorkbookReadError('encrypted');
      case Rec.CODEPAGE:
        requireLength(cursor, 2);
        text.setCodepage(view.getUint16(start, true));
        break;
      case Rec.BOUNDSHEET: {
        requireLength(cursor, 7);
        const name = text.read(bytes, start + 6, end, 1).text;
        links.sheetNames.push(name);
        if (bytes[start + 5] === WORKSHEET_SHEET_TYPE) {
          worksheets.push({
            name,
            visibility: VISIBILITY[(bytes[start + 4] as number) & 0x03] ?? 'visible',
            offset: view.getUint32(start, true),
          });
        }
        break;
      }
      case Rec.SST:
        if (text.biff === 8) sharedStrings = readSharedStrings(cursor.readContinued());
        break;
      case Rec.FORMAT:
        requireLength(cursor, 3);
        formatCodes.set(view.getUint16(start, true), text.read(bytes, start + 2, end, text.biff === 8 ? 2 : 1).text);
        break;
      case Rec.XF:
        requireLength(cursor, 4);
        xfFormatIds.push(view.getUint16(start + 2, true));
        break;
      case Rec.NAME:
        links.addDefinedName(cursor);
        break;
      case Rec.SUPBOOK:
        links.addSupportingBook(cursor);
        break;
      case Rec.EXTERNNAME:
        links.addExternName(cursor);
        break;
      case Rec.EXTERNSHEET:
        links.addExternSheet(cursor);
        break;
    }
  }
}

const rkScratch = new DataView(new ArrayBuffer(8));

/** RK: a 30-bit integer or the top 30 bits of a double, optionally scaled by 1/100. */
function rkNumber(rk: number): number {
  let value: number;
  if (rk & 0x02) {
    value = rk >> 2;
  } else {
    rkScratch.setUint32(0, 0, true);
    rkScratch.setUint32(4, rk & 0xfffffffc, true);
    value = rkScratch.getFloat64(0, true);
  }
  return rk & 0x01 ? value / 100 : value;
}

function errorValue(code: number): CellValue {
  return { type: 'error', value: errorText(code) ?? '#VALUE!' };
}

/** A shared (SHRFMLA) or array (ARRAY) formula that cells point at with PtgExp. */
interface AnchoredFormula {
  bytes: FormulaBytes;
  /** Shared formulas hold relative references that move with each cell; array formulas read the same everywhere. */
  shared: boolean;
  arrayText?: string | undefined;
}

const PTG_EXP = 0x01;
const PTG_TBL = 0x02;

function anchorKey(row: number, col: number): number {
  return row * 0x10000 + col;
}

function readWorksheet(
  cursor: RecordCursor,
  globals: WorkbookGlobals,
  formulas: FormulaDecoder,
  entry: SheetEntry,
  budget: CellBudget,
): Sheet {
  const { bytes, view } = cursor;
  const { text, sharedStrings, formatByXf } = globals;
  const biff8 = text.biff === 8;
  const cells: Cell[] = [];
  const merges: CellRange[] = [];
  const anchored = new Map<number, AnchoredFormula>();
  // Cells whose FORMULA points (PtgExp) at a shared or array formula, which is only known once it is read.
  const pointingCells: Cell[] = [];
  const pointingAnchors: number[] = [];
  let inOrder = true;
  let lastRow = -1;
  let lastCol = -1;
  let lastFormulaCell: Cell | undefined;
  let awaitingString: Cell | undefined;

  const addCell = (row: number, col: number, xf: number, value: CellValue): Cell => {
    const cell: Cell = { row, col, value };
    const format = formatByXf[xf];
    if (format !== undefined) cell.format = format;
    if (row < lastRow || (row === lastRow && col <= lastCol)) inOrder = false;
    lastRow = row;
    lastCol = col;
    budget.take();
    cells.push(cell);
    return cell;
  };

  const addText = (row: number, col: number, xf: number, value: string): void => {
    // An empty string constant shows nothing; the snapshot lists non-empty cells only.
    if (value !== '') addCell(row, col, xf, { type: 'text', value });
  };

  cursor.seek(entry.offset);
  if (!cursor.next() || cursor.id !== Rec.BOF) throw corrupt(`sheet "${entry.name}" does not start with a BOF record`);
  // Embedded charts sit inside the sheet as their own BOF…EOF substreams.
  let nestedDepth = 0;

  for (;;) {
    if (!cursor.next()) throw corrupt(`sheet "${entry.name}" has no EOF record`);
    const { id, start, end } = cursor;
    if (id === Rec.BOF) {
      nestedDepth++;
      continue;
    }
    if (id === Rec.EOF) {
      if (nestedDepth === 0) break;
      nestedDepth--;
      continue;
    }
    if (nestedDepth > 0) continue;

    switch (id) {
      case Rec.LABELSST: {
        requireLength(cursor, 10);
        const index = view.getUint32(start + 6, true);
        const value = sharedStrings[index];
        if (value === undefined) throw corrupt(`string ${index} is not in the shared string table`);
        addText(view.getUint16(start, true), view.getUint16(start + 2, true), view.getUint16(start + 4, true), value);
        break;
      }
      case Rec.LABEL:
      case Rec.RSTRING: {
        requireLength(cursor, 8);
        const value = text.read(bytes, start + 6, end, 2).text;
        addText(view.getUint16(start, true), view.getUint16(start + 2, true), view.getUint16(start + 4, true), value);
        break;
      }
      case Rec.NUMBER:
        requireLength(cursor, 14);
        addCell(view.getUint16(start, true), view.getUint16(start + 2, true), view.getUint16(start + 4, true), {
          type: 'number',
          value: view.getFloat64(start + 6, true),
        });
        break;
      case Rec.RK:
        requireLength(cursor, 10);
        addCell(view.getUint16(start, true), view.getUint16(start + 2, true), view.getUint16(start + 4, true), {
          type: 'number',
          value: rkNumber(view.getUint32(start + 6, true)),
        });
        break;
      case Rec.MULRK: {
        requireLength(cursor, 6);
        const row = view.getUint16(start, true);
        const firstCol = view.getUint16(start + 2, true);
        const count = Math.floor((cursor.length - 6) / 6);
        for (let i = 0; i < count; i++) {
          const at = start + 4 + i * 6;
          addCell(row, firstCol + i, view.getUint16(at, true), {
            type: 'number',
            value: rkNumber(view.getUint32(at + 2, true)),
          });
        }
        break;
      }
      case Rec.BOOLERR: {
        requireLength(cursor, 8);
        const code = bytes[start + 6] as number;
        const value: CellValue = bytes[start + 7] ? errorValue(code) : { type: 'boolean', value: code !== 0 };
        addCell(view.getUint16(start, true), view.getUint16(start + 2, true), view.getUint16(start + 4, true), value);
        break;
      }
      case Rec.FORMULA: {
        requireLength(cursor, 22);
        const row = view.getUint16(start, true);
        const col = view.getUint16(start + 2, true);
        const cell = addCell(row, col, view.getUint16(start + 4, true), cachedFormulaValue(bytes, view, start + 6));
        const resultInStringRecord = view.getUint16(start + 12, true) === 0xffff && bytes[start + 6] === 0;
        awaitingString = resultInStringRecord ? cell : undefined;
        lastFormulaCell = cell;
        const rgceStart = start + 22;
        const rgceEnd = rgceStart + view.getUint16(start + 20, true);
        if (rgceEnd > end || rgceEnd === rgceStart) break;
        const firstToken = bytes[rgceStart];
        if (firstToken === PTG_EXP && rgceEnd - rgceStart >= 5) {
          pointingCells.push(cell);
          pointingAnchors.push(anchorKey(view.getUint16(rgceStart + 1, true), view.getUint16(rgceStart + 3, true)));
        } else if (firstToken !== PTG_TBL) {
          // A data table (PtgTbl) has no formula text of its own.
          const formula = formulas.decode({ start: rgceStart, end: rgceEnd, extraEnd: end }, row, col, false);
          if (formula !== undefined) cell.formula = formula;
        }
        break;
      }
      case Rec.STRING: {
        const value = biff8 ? readContinuedString(cursor.readContinued()) : text.read(bytes, start, end, 2).text;
        if (awaitingString) awaitingString.value = { type: 'text', value };
        awaitingString = undefined;
        break;
      }
      case Rec.SHRFMLA:
      case Rec.ARRAY: {
        const shared = id === Rec.SHRFMLA;
        const headerSize = shared ? 10 : 14;
        requireLength(cursor, headerSize);
        const rgceStart = start + headerSize;
        const rgceEnd = rgceStart + view.getUint16(rgceStart - 2, true);
        if (rgceEnd > end) break;
        const formula: AnchoredFormula = { bytes: { start: rgceStart, end: rgceEnd, extraEnd: end }, shared };
        anchored.set(anchorKey(view.getUint16(start, true), bytes[start + 4] as number), formula);
        // The record follows the FORMULA of the cell PtgExp names, normally the range's top-left; some writers
        // name another cell, so that cell is an anchor too.
        const followed = lastFormulaCell && anchorKey(lastFormulaCell.row, lastFormulaCell.col);
        if (followed !== undefined && !anchored.has(followed)) anchored.set(followed, formula);
        break;
      }
      case Rec.MERGEDCELLS: {
        requireLength(cursor, 2);
        const count = Math.min(view.getUint16(start, true), Math.floor((cursor.length - 2) / 8));
        for (let i = 0; i < count; i++) {
          const at = start + 2 + i * 8;
          merges.push({
            top: view.getUint16(at, true),
            bottom: view.getUint16(at + 2, true),
            left: view.getUint16(at + 4, true),
            right: view.getUint16(at + 6, true),
          });
        }
        break;
      }
    }
  }

  for (let i = 0; i < pointingCells.length; i++) {
    const cell = pointingCells[i] as Cell;
    const target = anchored.get(pointingAnchors[i] as number);
    if (!target) continue;
    let formula: string | undefined;
    if (target.shared) {
      formula = formulas.decode(target.bytes, cell.row, cell.col, true);
    } else {
      target.arrayText ??= formulas.decode(target.bytes, cell.row, cell.col, false);
      formula = target.arrayText;
    }
    if (formula !== undefined) cell.formula = formula;
  }

  // Writers normally emit cells row by row; sort only when one did not.
  if (!inOrder) cells.sort((a, b) => a.row - b.row || a.col - b.col);
  return { name: entry.name, visibility: entry.visibility, cells, merges };
}

/** FORMULA's cached result: a double, or a tagged boolean/error/string (the string itself follows in STRING). */
function cachedFormulaValue(bytes: Uint8Array, view: DataView, at: number): CellValue {
  if (view.getUint16(at + 6, true) !== 0xffff) return { type: 'number', value: view.getFloat64(at, true) };
  switch (bytes[at]) {
    case 0:
    case 3:
      return { type: 'text', value: '' };
    case 1:
      return { type: 'boolean', value: bytes[at + 2] !== 0 };
    case 2:
      return errorValue(bytes[at + 2] as number);
    default:
      return { type: 'empty' };
  }
}
