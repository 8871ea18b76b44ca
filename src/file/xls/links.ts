import { type RecordCursor } from './records';
import { decodeUnicodeChars, type BiffText } from './strings';

/** Names Excel stores as a one-character code when NAME.fBuiltin is set. */
const BUILTIN_NAMES = [
  'Consolidate_Area',
  'Auto_Open',
  'Auto_Close',
  'Extract',
  'Database',
  'Criteria',
  'Print_Area',
  'Print_Titles',
  'Recorder',
  'Data_Form',
  'Auto_Activate',
  'Auto_Deactivate',
  'Sheet_Title',
  '_FilterDatabase',
];

/** SUPBOOK.cch values that mark the workbook itself and the add-in function book. */
const SUPBOOK_SELF = 0x0401;
const SUPBOOK_ADDIN = 0x3a01;

interface SupportingBook {
  kind: 'self' | 'addin' | 'external';
  /** File name of an external workbook, as Excel shows it between brackets. */
  fileName: string;
  sheetNames: string[];
  externNames: string[];
}

/** One EXTERNSHEET entry (BIFF8 XTI): a supporting book and a sheet range in it. */
interface SheetRangeLink {
  book: number;
  first: number;
  last: number;
}

/** Quotes a sheet name for a formula reference when Excel would: anything beyond letters, digits, `_` and `.`, a leading digit, or a name that reads as a cell reference. */
export function quoteSheetName(name: string): string {
  const plain =
    /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) &&
    !/^[A-Za-z]{1,3}[0-9]+$/.test(name) &&
    !/^[Rr]([0-9]*)([Cc][0-9]*)?$/.test(name) &&
    !/^[Cc][0-9]*$/.test(name) &&
    !/^(TRUE|FALSE)$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

function sheetPrefix(bookName: string | undefined, first: string, last: string): string {
  const sheets = first === last ? first : `${first}:${last}`;
  if (bookName === undefined) {
    const quoted = quoteSheetName(first) !== first || quoteSheetName(last) !== last;
    return quoted ? `'${sheets.replace(/'/g, "''")}'!` : `${sheets}!`;
  }
  return `'[${bookName}]${sheets.replace(/'/g, "''")}'!`;
}

/**
 * The parts of an encoded link path: drive, directory and URL markers are the control characters 1–8 (MS-XLS
 * VirtualPath), between plain path separators.
 */
function encodedPathParts(path: string, firstMarker = 1): string[] {
  const parts: string[] = [];
  let part = '';
  for (const ch of path) {
    const code = ch.charCodeAt(0);
    if ((code >= firstMarker && code <= 8) || ch === '\\' || ch === '/') {
      if (part) parts.push(part);
      part = '';
    } else {
      part += ch;
    }
  }
  if (part) parts.push(part);
  return parts;
}

/** The file name of an encoded SUPBOOK path, as Excel shows it between brackets. */
function fileNameOfEncodedPath(path: string): string {
  return encodedPathParts(path).pop() ?? path;
}

/**
 * What formulas refer to beyond their own sheet: sheet names (3D references), defined names, and the external
 * and add-in names behind PtgNameX. Built from the globals substream.
 */
export class WorkbookLinks {
  /** Every sheet in BOUNDSHEET order, charts and macro sheets included, since sheet indices count them. */
  readonly sheetNames: string[] = [];
  private readonly definedNames: string[] = [];
  private readonly books: SupportingBook[] = [];
  private readonly sheetRanges: SheetRangeLink[] = [];
  /** BIFF5 EXTERNSHEET records, each an encoded document/sheet name, and the EXTERNNAMEs that follow each. */
  private readonly biff5ExternSheets: string[] = [];
  private readonly biff5ExternNames: string[][] = [];

  constructor(private readonly text: BiffText) {}

  /** NAME (Lbl): kept in order because PtgName refers to it by 1-based index. */
  addDefinedName(cursor: RecordCursor): void {
    const { bytes, view, start, end } = cursor;
    if (cursor.length < 14) {
      this.definedNames.push('');
      return;
    }
    const flags = view.getUint16(start, true);
    const count = bytes[start + 3] as number;
    let name = this.text.readChars(bytes, start + 14, end, count).text;
    if (flags & 0x0020 && name.length === 1) name = BUILTIN_NAMES[name.charCodeAt(0)] ?? name;
    this.definedNames.push(name);
  }

  /** SUPBOOK (BIFF8): starts a supporting book; EXTERNNAME records that follow belong to it. */
  addSupportingBook(cursor: RecordCursor): void {
    const reader = cursor.readContinued();
    const sheetCount = reader.u16();
    const marker = reader.u16();
    const book: SupportingBook = { kind: 'external', fileName: '', sheetNames: [], externNames: [] };
    if (marker === SUPBOOK_SELF) book.kind = 'self';
    else if (marker === SUPBOOK_ADDIN) book.kind = 'addin';
    else {
      const flags = reader.u8();
      book.fileName = fileNameOfEncodedPath(reader.chars(marker, (flags & 0x01) !== 0, decodeUnicodeChars));
      for (let i = 0; i < sheetCount && !reader.atEnd; i++) {
        const count = reader.u16();
        const sheetFlags = reader.u8();
        book.sheetNames.push(reader.chars(count, (sheetFlags & 0x01) !== 0, decodeUnicodeChars));
      }
    }
    this.books.push(book);
  }

  /** EXTERNNAME: an add-in function or external name of the latest SUPBOOK (BIFF8) or EXTERNSHEET (BIFF5). */
  addExternName(cursor: RecordCursor): void {
    const { bytes, start, end } = cursor;
    const name = cursor.length > 6 ? this.text.read(bytes, start + 6, end, 1).text : '';
    const owner =
      this.text.biff === 5
        ? this.biff5ExternNames[this.biff5ExternNames.length - 1]
        : this.books[this.books.length - 1]?.externNames;
    owner?.push(name);
  }

  /** EXTERNSHEET: in BIFF8 one record with every XTI; in BIFF5 one record per referenced sheet. */
  addExternSheet(cursor: RecordCursor): void {
    if (this.text.biff === 5) {
      const { bytes, start, end } = cursor;
      this.biff5ExternSheets.push(cursor.length >= 1 ? this.text.read(bytes, start, end, 1).text : '');
      this.biff5ExternNames.push([]);
      return;
    }
    const reader = cursor.readContinued();
    const count = reader.u16();
    for (let i = 0; i < count; i++) {
      const book = reader.u16();
      const first = (reader.u16() << 16) >> 16;
      const last = (reader.u16() << 16) >> 16;
      this.sheetRanges.push({ book, first, last });
    }
  }

  definedName(index: number): string | undefined {
    return this.definedNames[index - 1] || undefined;
  }

  /**
   * The name behind PtgNameX: a defined name when the link is to this workbook, else an external or add-in name.
   * `link` is an XTI index in BIFF8 and a 1-based EXTERNSHEET index (not positive for this workbook) in BIFF5.
   */
  externName(link: number, index: number): string | undefined {
    if (this.text.biff === 5) {
      return link <= 0 ? this.definedName(index) : this.biff5ExternNames[link - 1]?.[index - 1] || undefined;
    }
    const range = this.sheetRanges[link];
    const book = range && this.books[range.book];
    if (!book) return undefined;
    return book.kind === 'self' ? this.definedName(index) : book.externNames[index - 1] || undefined;
  }

  /** `Sheet2!`, `'得分 表'!`, `Sheet1:Sheet3!` or `'[book.xls]Sheet1'!` for a BIFF8 XTI index; `#REF!` for a deleted sheet. */
  sheetPrefix(sheetRange: number): string | undefined {
    const link = this.sheetRanges[sheetRange];
    const book = link && this.books[link.book];
    if (!link || !book) return undefined;
    if (link.first < 0 || link.last < 0) return '#REF!';
    const names = book.kind === 'self' ? this.sheetNames : book.sheetNames;
    const first = names[link.first];
    const last = names[link.last];
    if (first === undefined || last === undefined) return book.kind === 'self' ? '#REF!' : undefined;
    return sheetPrefix(book.kind === 'external' ? book.fileName : undefined, first, last);
  }

  /**
   * The same for a BIFF5 3D reference: an EXTERNSHEET index that is not positive means this workbook, and the
   * sheet indices then point into BOUNDSHEET order. External references name their sheet in the EXTERNSHEET record.
   */
  sheetPrefixBiff5(externSheet: number, first: number, last: number): string | undefined {
    if (externSheet <= 0 || this.isOwnSheetLink(externSheet)) {
      if (first < 0 || last < 0) return '#REF!';
      const firstName = this.sheetNames[first];
      const lastName = this.sheetNames[last];
      return firstName === undefined || lastName === undefined ? '#REF!' : sheetPrefix(undefined, firstName, lastName);
    }
    const encoded = this.biff5ExternSheets[externSheet - 1];
    if (encoded === undefined || !encoded.startsWith('\u0001')) return undefined;
    // "\u0001" + encoded file path + "\u0003"-style separators; the sheet follows the last separator.
    const parts = encodedPathParts(encoded.slice(1), 2);
    const sheet = parts.pop();
    const file = parts.pop();
    return sheet === undefined ? undefined : sheetPrefix(file ?? '', sheet, sheet);
  }

  /** BIFF5 EXTERNSHEET entries of type 3 (a sheet of this workbook) and 4 (this workbook). */
  private isOwnSheetLink(externSheet: number): boolean {
    const encoded = this.biff5ExternSheets[externSheet - 1];
    return (
      encoded !== undefined && (encoded.startsWith('\u0003') || encoded.startsWith('\u0004') || encoded === '\u0002')
    );
  }
}
