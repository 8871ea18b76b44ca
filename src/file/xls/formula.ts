import { columnName } from '../../core/address';
import { FUNCTIONS, USER_DEFINED_FUNCTION } from './function-table';
import { type WorkbookLinks } from './links';
import { errorText } from './records';
import { type BiffText } from './strings';

/** Thrown inside the decoder for a token it cannot render; never leaves this module. */
class Undecodable extends Error {}

function fail(why: string): never {
  throw new Undecodable(why);
}

/** Binary operator tokens 0x03–0x11, in token order. */
const BINARY_OPERATORS = ['+', '-', '*', '/', '^', '&', '<', '<=', '=', '>=', '>', '<>', ' ', ',', ':'];

// Reference text is built for every cell of a shared formula; these caches spare the number-to-text work.
const columnNames: string[] = [];
function columnLetters(col: number): string {
  return (columnNames[col] ??= columnName(col));
}
const rowNumbers: string[] = [];
function rowNumber(row: number): string {
  return (rowNumbers[row] ??= String(row + 1));
}

function numberText(value: number): string {
  return String(value).toUpperCase();
}

function quoteString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Add-in and post-2003 functions are stored as hidden names with a `_xlfn.` style prefix that Excel does not show. */
function functionNameFromDefinedName(name: string): string {
  return name.replace(/^_(xlfn|xlws)\./i, '');
}

/** Where a formula's token bytes lie in the workbook stream. */
export interface FormulaBytes {
  /** First byte of rgce. */
  start: number;
  /** End of rgce. */
  end: number;
  /** End of the extra data (rgcb: array constants, memory areas) that follows rgce in the same record. */
  extraEnd: number;
}

/**
 * Turns BIFF5/BIFF8 parsed formulas (rgce) into A1 formula text without the leading '='.
 * Tokens are replayed on a stack of text; parentheses come from PtgParen, so no precedence is needed.
 */
export class FormulaDecoder {
  private readonly stack: string[] = [];
  private readonly wide: boolean;
  private readonly maxRow: number;
  private extra = 0;
  private extraEnd = 0;
  private baseRow = 0;
  private baseCol = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly view: DataView,
    private readonly text: BiffText,
    private readonly links: WorkbookLinks,
  ) {
    this.wide = text.biff === 8;
    this.maxRow = this.wide ? 0xffff : 0x3fff;
  }

  /**
   * The formula text, or undefined when some token cannot be rendered.
   * (row, col) is the cell the formula is for: PtgRefN/PtgAreaN, and in shared formulas 3D references too,
   * hold offsets from it.
   */
  decode(formula: FormulaBytes, row: number, col: number, shared: boolean): string | undefined {
    this.baseRow = row;
    this.baseCol = col;
    this.extra = formula.end;
    this.extraEnd = formula.extraEnd;
    this.stack.length = 0;
    try {
      this.run(formula.start, formula.end, shared);
      return this.stack.length === 1 ? this.stack[0] : undefined;
    } catch {
      // Unknown tokens, stack underflow, bytes past the record: the cell keeps its cached value only.
      return undefined;
    }
  }

  private pop(): string {
    const item = this.stack.pop();
    if (item === undefined) fail('stack underflow');
    return item;
  }

  private popArguments(count: number): string[] {
    if (count > this.stack.length) fail('stack underflow');
    return this.stack.splice(this.stack.length - count, count);
  }

  private run(start: number, end: number, shared: boolean): void {
    const { bytes, view, stack, wide } = this;
    let p = start;
    const need = (size: number): void => {
      if (p + size > end) fail('token cut off');
    };
    while (p < end) {
      const ptg = bytes[p++] as number;
      if (ptg >= 0x03 && ptg <= 0x11) {
        const right = this.pop();
        const left = this.pop();
        stack.push(left + (BINARY_OPERATORS[ptg - 0x03] as string) + right);
        continue;
      }
      switch (ptg) {
        case 0x12:
          stack.push(`+${this.pop()}`);
          continue;
        case 0x13:
          stack.push(`-${this.pop()}`);
          continue;
        case 0x14:
          stack.push(`${this.pop()}%`);
          continue;
        case 0x15:
          stack.push(`(${this.pop()})`);
          continue;
        case 0x16: // PtgMissArg
          stack.push('');
          continue;
        case 0x17: {
          const string = this.text.read(bytes, p, end, 1);
          stack.push(quoteString(string.text));
          p = string.end;
          continue;
        }
        case 0x19: {
          need(3);
          const flags = bytes[p] as number;
          const data = view.getUint16(p + 1, true);
          p += 3;
          if (flags & 0x04) {
            // tAttrChoose carries a jump table of data + 1 offsets.
            need(2 * (data + 1));
            p += 2 * (data + 1);
          }
          if (flags & 0x10) stack.push(`SUM(${this.pop()})`);
          // tAttrSemi, If, Skip, Space and Baxcel only steer evaluation or layout.
          continue;
        }
        case 0x1c: {
          need(1);
          stack.push(errorText(bytes[p] as number) ?? fail('unknown error code'));
          p += 1;
          continue;
        }
        case 0x1d:
          need(1);
          stack.push(bytes[p] ? 'TRUE' : 'FALSE');
          p += 1;
          continue;
        case 0x1e:
          need(2);
          stack.push(String(view.getUint16(p, true)));
          p += 2;
          continue;
        case 0x1f:
          need(8);
          stack.push(numberText(view.getFloat64(p, true)));
          p += 8;
          continue;
      }
      if (ptg < 0x20 || ptg > 0x7f) fail(`token 0x${ptg.toString(16)}`);
      // Operand tokens come in reference/value/array classes (0x20/0x40/0x60); the class does not change the text.
      const base = (ptg & 0x1f) | 0x20;
      switch (base) {
        case 0x20: // PtgArray: the values follow rgce, in rgcb
          need(7);
          p += 7;
          stack.push(this.arrayConstant());
          break;
        case 0x21: {
          need(2);
          const id = view.getUint16(p, true);
          p += 2;
          const info = FUNCTIONS[id];
          const arity = info?.[1];
          if (!info || arity === undefined) fail(`function ${id}`);
          stack.push(`${info[0]}(${this.popArguments(arity).join(',')})`);
          break;
        }
        case 0x22: {
          need(3);
          const argumentCount = (bytes[p] as number) & 0x7f;
          const id = view.getUint16(p + 1, true);
          p += 3;
          if (id & 0x8000) fail('macro command');
          const args = this.popArguments(argumentCount);
          if (id === USER_DEFINED_FUNCTION) {
            const name = args.shift();
            if (name === undefined) fail('user-defined function without a name');
            stack.push(`${functionNameFromDefinedName(name)}(${args.join(',')})`);
          } else {
            const info = FUNCTIONS[id] ?? fail(`function ${id}`);
            stack.push(`${info[0]}(${args.join(',')})`);
          }
          break;
        }
        case 0x23: {
          need(wide ? 4 : 14);
          const index = wide ? view.getUint32(p, true) : view.getUint16(p, true);
          p += wide ? 4 : 14;
          stack.push(this.links.definedName(index) ?? fail(`name ${index}`));
          break;
        }
        case 0x24:
        case 0x2c: {
          need(wide ? 4 : 3);
          stack.push(this.cellReference(p, base === 0x2c));
          p += wide ? 4 : 3;
          break;
        }
        case 0x25:
        case 0x2d: {
          need(wide ? 8 : 6);
          stack.push(this.areaReference(p, base === 0x2d));
          p += wide ? 8 : 6;
          break;
        }
        case 0x26: // PtgMemArea: a precomputed area list in rgcb, then the subexpression tokens themselves
          need(6);
          p += 6;
          this.skipMemoryAreas();
          break;
        case 0x27: // PtgMemErr, PtgMemNoMem: headers of subexpressions that follow
        case 0x28:
          need(6);
          p += 6;
          break;
        case 0x29: // PtgMemFunc, PtgMemAreaN, PtgMemNoMemN
        case 0x2e:
        case 0x2f:
          need(2);
          p += 2;
          break;
        case 0x2a:
          need(wide ? 4 : 3);
          p += wide ? 4 : 3;
          stack.push('#REF!');
          break;
        case 0x2b:
          need(wide ? 8 : 6);
          p += wide ? 8 : 6;
          stack.push('#REF!');
          break;
        case 0x39: {
          need(wide ? 6 : 24);
          const name = wide
            ? this.links.externName(view.getUint16(p, true), view.getUint32(p + 2, true))
            : this.links.externName(view.getInt16(p, true), view.getUint16(p + 10, true));
          p += wide ? 6 : 24;
          stack.push(name ?? fail('external name'));
          break;
        }
        case 0x3a:
        case 0x3c: {
          need(wide ? 6 : 17);
          const prefix = this.sheetPrefix(p);
          p += wide ? 2 : 14;
          stack.push(prefix + (base === 0x3c ? '#REF!' : this.cellReference(p, shared)));
          p += wide ? 4 : 3;
          break;
        }
        case 0x3b:
        case 0x3d: {
          need(wide ? 10 : 20);
          const prefix = this.sheetPrefix(p);
          p += wide ? 2 : 14;
          stack.push(prefix + (base === 0x3d ? '#REF!' : this.areaReference(p, shared)));
          p += wide ? 8 : 6;
          break;
        }
        default:
          fail(`token 0x${ptg.toString(16)}`);
      }
    }
  }

  private sheetPrefix(p: number): string {
    const { view } = this;
    const prefix = this.wide
      ? this.links.sheetPrefix(view.getUint16(p, true))
      : this.links.sheetPrefixBiff5(view.getInt16(p, true), view.getInt16(p + 10, true), view.getInt16(p + 12, true));
    return prefix ?? fail('unknown sheet reference');
  }

  // The last location read by `readLocation`; fields rather than a returned tuple keep references allocation-free.
  private row = 0;
  private col = 0;
  private rowRelative = false;
  private colRelative = false;

  /** Reads a row/column pair; `offsets` ones hold signed offsets from the base cell where flagged relative. */
  private readLocation(rowField: number, colField: number, offsets: boolean): void {
    if (this.wide) {
      this.row = rowField;
      this.col = colField & 0x3fff;
      this.rowRelative = (colField & 0x8000) !== 0;
      this.colRelative = (colField & 0x4000) !== 0;
      if (offsets && this.rowRelative) this.row = (this.baseRow + ((rowField << 16) >> 16)) & 0xffff;
    } else {
      this.row = rowField & 0x3fff;
      this.col = colField;
      this.rowRelative = (rowField & 0x8000) !== 0;
      this.colRelative = (rowField & 0x4000) !== 0;
      if (offsets && this.rowRelative) this.row = (this.baseRow + ((rowField << 18) >> 18)) & 0x3fff;
    }
    // Column offsets use the low 8 bits even in BIFF8, since a sheet has 256 columns.
    if (offsets && this.colRelative) this.col = (this.baseCol + ((colField << 24) >> 24)) & 0xff;
  }

  private columnText(): string {
    return (this.colRelative ? '' : '$') + columnLetters(this.col);
  }

  private rowText(): string {
    return (this.rowRelative ? '' : '$') + rowNumber(this.row);
  }

  private cellReference(p: number, offsets: boolean): string {
    const { view } = this;
    this.readLocation(
      view.getUint16(p, true),
      this.wide ? view.getUint16(p + 2, true) : (this.bytes[p + 2] as number),
      offsets,
    );
    return this.columnText() + this.rowText();
  }

  private areaReference(p: number, offsets: boolean): string {
    const { view, bytes, wide } = this;
    this.readLocation(view.getUint16(p, true), wide ? view.getUint16(p + 4, true) : (bytes[p + 4] as number), offsets);
    const top = this.row;
    const left = this.col;
    const topText = this.rowText();
    const leftText = this.columnText();
    this.readLocation(
      view.getUint16(p + 2, true),
      wide ? view.getUint16(p + 6, true) : (bytes[p + 5] as number),
      offsets,
    );
    // Whole columns and whole rows are stored as full-height / full-width areas; Excel shows them as A:B and 1:3.
    if (top === 0 && this.row === this.maxRow) return `${leftText}:${this.columnText()}`;
    if (left === 0 && this.col === 0xff) return `${topText}:${this.rowText()}`;
    return `${leftText}${topText}:${this.columnText()}${this.rowText()}`;
  }

  /** PtgExtraArray from rgcb: `{1,2;3,4}`. */
  private arrayConstant(): string {
    const { bytes, view } = this;
    const limit = this.extraEnd;
    let p = this.extra;
    if (p + 3 > limit) fail('array constant missing');
    const columns = (bytes[p] as number) + 1;
    const rows = view.getUint16(p + 1, true) + 1;
    p += 3;
    const rowTexts: string[] = [];
    for (let r = 0; r < rows; r++) {
      const values: string[] = [];
      for (let c = 0; c < columns; c++) {
        if (p + 1 > limit) fail('array constant cut off');
        const type = bytes[p++] as number;
        if (type === 0x02) {
          const string = this.text.read(bytes, p, limit, this.wide ? 2 : 1);
          values.push(quoteString(string.text));
          p = string.end;
          continue;
        }
        if (p + 8 > limit) fail('array constant cut off');
        if (type === 0x00) values.push('');
        else if (type === 0x01) values.push(numberText(view.getFloat64(p, true)));
        else if (type === 0x04) values.push(bytes[p] ? 'TRUE' : 'FALSE');
        else if (type === 0x10) values.push(errorText(bytes[p] as number) ?? fail('unknown error code'));
        else fail(`array value type ${type}`);
        p += 8;
      }
      rowTexts.push(values.join(','));
    }
    this.extra = p;
    return `{${rowTexts.join(';')}}`;
  }

  /** PtgExtraMem: the cached area list of a PtgMemArea, not part of the text. */
  private skipMemoryAreas(): void {
    if (this.extra + 2 > this.extraEnd) fail('memory area list missing');
    const count = this.view.getUint16(this.extra, true);
    this.extra += 2 + count * (this.wide ? 8 : 6);
    if (this.extra > this.extraEnd) fail('memory area list cut off');
  }
}
