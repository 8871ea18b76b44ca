import { unzipSync } from 'fflate';
import { shiftFormula } from '../../core/formula/tokenize';
import { parseCellAddress, parseRangeAddress } from '../../core/address';
import type { Cell, CellRange, CellValue, Sheet, WorkbookSnapshot } from '../../core/snapshot';
import { BUILTIN_NUMBER_FORMATS } from '../builtin-number-formats';
import { CellBudget } from '../cell-budget';
import { WorkbookReadError } from '../read-error';
import { attribute, XmlScanner } from './xml-scanner';
import { readRelationships, readSheetEntries } from './package';

/** Uncompressed size past which we refuse an archive rather than inflate it (zip bombs, absurd exports). */
const MAX_UNCOMPRESSED_BYTES = 1_500_000_000;

const utf8 = new TextDecoder('utf-8');

/** Reads an .xlsx/.xlsm package into a snapshot. Throws WorkbookReadError only. */
export function readXlsx(bytes: Uint8Array, budget = new CellBudget(Infinity)): WorkbookSnapshot {
  const parts = unzip(bytes);
  const part = (path: string): string | undefined => {
    const data = parts[path];
    return data ? utf8.decode(data) : undefined;
  };
  const workbookXml = part('xl/workbook.xml');
  if (workbookXml === undefined) throw new WorkbookReadError('not-workbook', 'no xl/workbook.xml');

  const targets = readRelationships(part('xl/_rels/workbook.xml.rels') ?? '');
  const sharedStrings = readSharedStrings(part('xl/sharedStrings.xml') ?? '');
  const formats = readCellFormats(part('xl/styles.xml') ?? '');

  const sheets: Sheet[] = [];
  for (const entry of readSheetEntries(workbookXml)) {
    const target = targets.get(entry.relationshipId);
    if (!target || !target.isWorksheet) continue;
    const xml = part(target.path);
    if (xml === undefined) throw new WorkbookReadError('corrupt', `missing ${target.path}`);
    sheets.push({
      name: entry.name,
      visibility: entry.visibility,
      ...readWorksheet(xml, sharedStrings, formats, budget),
    });
  }
  return { sheets };
}

function unzip(bytes: Uint8Array): Record<string, Uint8Array> {
  let total = 0;
  try {
    return unzipSync(bytes, {
      filter: (file) => {
        const wanted =
          file.name === 'xl/workbook.xml' ||
          file.name === 'xl/sharedStrings.xml' ||
          file.name === 'xl/styles.xml' ||
          file.name === 'xl/_rels/workbook.xml.rels' ||
          /^xl\/worksheets\/[^/]+\.xml$/.test(file.name);
        if (wanted) {
          total += file.originalSize;
          if (total > MAX_UNCOMPRESSED_BYTES)
            throw new WorkbookReadError('too-large', `more than ${MAX_UNCOMPRESSED_BYTES} bytes uncompressed`);
        }
        return wanted;
      },
    });
  } catch (error) {
    if (error instanceof WorkbookReadError) throw error;
    throw new WorkbookReadError('corrupt', error instanceof Error ? error.message : String(error));
  }
}

/** Shared strings: the text runs of each <si>, leaving out phonetic runs (<rPh>). */
function readSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  const scanner = new XmlScanner(xml);
  let current: string | undefined;
  for (let event = scanner.next(); event; event = scanner.next()) {
    if (event.kind === 'open') {
      if (event.name === 'si') current = event.selfClosing ? (strings.push(''), undefined) : '';
      else if (event.name === 'rPh' && !event.selfClosing) scanner.skip('rPh');
      else if (event.name === 't' && !event.selfClosing && current !== undefined) current += scanner.readText('t');
    } else if (event.kind === 'close' && event.name === 'si' && current !== undefined) {
      strings.push(current);
      current = undefined;
    }
  }
  return strings;
}

/** Number format code per cell style index (cellXfs), undefined for General. */
function readCellFormats(xml: string): Array<string | undefined> {
  const custom = new Map<number, string>();
  const formats: Array<string | undefined> = [];
  const scanner = new XmlScanner(xml);
  let inCellXfs = false;
  for (let event = scanner.next(); event; event = scanner.next()) {
    if (event.kind === 'open') {
      if (event.name === 'numFmt') {
        const id = Number(attribute(event.attrs, 'numFmtId'));
        const code = attribute(event.attrs, 'formatCode');
        if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
      } else if (event.name === 'cellXfs') inCellXfs = !event.selfClosing;
      else if (event.name === 'xf' && inCellXfs) {
        const id = Number(attribute(event.attrs, 'numFmtId') ?? 0);
        const code = custom.get(id) ?? BUILTIN_NUMBER_FORMATS[id];
        formats.push(code === undefined || code === 'General' ? undefined : code);
      }
    } else if (event.kind === 'close' && event.name === 'cellXfs') inCellXfs = false;
  }
  return formats;
}

interface SharedFormula {
  row: number;
  col: number;
  formula: string;
}

function readWorksheet(
  xml: string,
  sharedStrings: string[],
  formats: Array<string | undefined>,
  budget: CellBudget,
): Pick<Sheet, 'cells' | 'merges'> {
  const cells: Cell[] = [];
  const merges: CellRange[] = [];
  const shared = new Map<string, SharedFormula>();
  const scanner = new XmlScanner(xml);
  let row = -1;
  let col = -1;
  let ordered = true;
  let lastKey = -1;

  for (let event = scanner.next(); event; event = scanner.next()) {
    if (event.kind !== 'open') continue;
    if (event.name === 'row') {
      const r = Number(attribute(event.attrs, 'r'));
      row = Number.isInteger(r) && r > 0 ? r - 1 : row + 1;
      col = -1;
    } else if (event.name === 'c') {
      const ref = attribute(event.attrs, 'r');
      const at = ref ? parseCellAddress(ref) : undefined;
      if (at) {
        row = at.row;
        col = at.col;
      } else col++;
      const style = Number(attribute(event.attrs, 's') ?? 0);
      const type = attribute(event.attrs, 't') ?? 'n';
      const cell = event.selfClosing ? undefined : readCellBody(scanner, type, sharedStrings, shared, row, col);
      if (!cell) continue;
      const format = formats[style];
      const full: Cell = { row, col, value: cell.value };
      if (cell.formula !== undefined) full.formula = cell.formula;
      if (cell.array) full.array = true;
      if (format !== undefined) full.format = format;
      const key = row * 16384 + col;
      if (key <= lastKey) ordered = false;
      lastKey = key;
      budget.take();
      cells.push(full);
    } else if (event.name === 'mergeCell') {
      const range = parseRangeAddress(attribute(event.attrs, 'ref') ?? '');
      if (range) merges.push(range);
    }
  }
  if (!ordered) cells.sort((a, b) => a.row - b.row || a.col - b.col);
  return { cells, merges };
}

function readCellBody(
  scanner: XmlScanner,
  type: string,
  sharedStrings: string[],
  shared: Map<string, SharedFormula>,
  row: number,
  col: number,
): { value: CellValue; formula?: string; array?: boolean } | undefined {
  let raw: string | undefined;
  let inline: string | undefined;
  let formula: string | undefined;
  let array = false;
  for (let event = scanner.next(); event; event = scanner.next()) {
    if (event.kind === 'close' && event.name === 'c') break;
    if (event.kind !== 'open') continue;
    if (event.name === 'v') raw = event.selfClosing ? '' : scanner.readText('v');
    else if (event.name === 'f') {
      array = attribute(event.attrs, 't') === 'array';
      formula = readFormula(scanner, event.attrs, event.selfClosing, shared, row, col);
    } else if (event.name === 'is') inline = readInlineString(scanner);
  }
  const value = cellValue(type, raw, inline, sharedStrings);
  // An empty string typed into a cell shows nothing: it is an empty cell (as the .xls reader treats it).
  if (formula === undefined && (value.type === 'empty' || (value.type === 'text' && value.value === '')))
    return undefined;
  if (formula === undefined) return { value };
  return array ? { value, formula, array } : { value, formula };
}

function readFormula(
  scanner: XmlScanner,
  attrs: string,
  selfClosing: boolean,
  shared: Map<string, SharedFormula>,
  row: number,
  col: number,
): string | undefined {
  const text = selfClosing ? '' : scanner.readText('f');
  if (attribute(attrs, 't') !== 'shared') return text || undefined;
  const index = attribute(attrs, 'si') ?? '';
  if (text) {
    shared.set(index, { row, col, formula: text });
    return text;
  }
  const master = shared.get(index);
  return master ? shiftFormula(master.formula, row - master.row, col - master.col) : undefined;
}

function readInlineString(scanner: XmlScanner): string {
  let text = '';
  for (let event = scanner.next(); event; event = scanner.next()) {
    if (event.kind === 'close' && event.name === 'is') break;
    if (event.kind !== 'open') continue;
    if (event.name === 'rPh' && !event.selfClosing) scanner.skip('rPh');
    else if (event.name === 't' && !event.selfClosing) text += scanner.readText('t');
  }
  return text;
}

function cellValue(
  type: string,
  raw: string | undefined,
  inline: string | undefined,
  sharedStrings: string[],
): CellValue {
  switch (type) {
    case 's': {
      const text = raw === undefined ? undefined : sharedStrings[Number(raw)];
      return text === undefined ? { type: 'empty' } : { type: 'text', value: text };
    }
    case 'inlineStr':
      return inline === undefined ? { type: 'empty' } : { type: 'text', value: inline };
    case 'str':
    case 'd':
      return raw === undefined ? { type: 'empty' } : { type: 'text', value: raw };
    case 'b':
      return raw === undefined ? { type: 'empty' } : { type: 'boolean', value: raw === '1' || raw === 'true' };
    case 'e':
      return raw === undefined ? { type: 'empty' } : { type: 'error', value: raw };
    default: {
      if (raw === undefined || raw === '') return { type: 'empty' };
      const number = Number(raw);
      return Number.isFinite(number) ? { type: 'number', value: number } : { type: 'text', value: raw };
    }
  }
}
