import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { cellAddress, parseCellAddress } from '../../core/address';
import { BUILTIN_NUMBER_FORMATS } from '../builtin-number-formats';
import type { CellValue } from '../../core/snapshot';
import { WorkbookReadError } from '../read-error';
import { normalizePath, readRelationships, readSheetEntries } from './package';
import { attribute } from './xml-scanner';

/**
 * Surgical edits of an .xlsx package: only the cells written, the styles they need, the calculation flag and
 * the audit sheet change; every other part is carried over byte for byte in content.
 */

export interface Package {
  files: Record<string, Uint8Array>;
}

export function openPackage(bytes: Uint8Array): Package {
  try {
    return { files: unzipSync(bytes) };
  } catch (error) {
    throw new WorkbookReadError('corrupt', error instanceof Error ? error.message : String(error));
  }
}

export function savePackage(pkg: Package): Uint8Array {
  return zipSync(pkg.files, { level: 6 });
}

export function readPart(pkg: Package, path: string): string | undefined {
  const data = pkg.files[path];
  return data ? strFromU8(data) : undefined;
}

export function writePart(pkg: Package, path: string, xml: string): void {
  pkg.files[path] = strToU8(xml);
}

// eslint-disable-next-line no-control-regex -- matching the control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

export function escapeXml(text: string): string {
  // Control characters other than tab and line breaks are not allowed in XML 1.0: OOXML escapes them as _xHHHH_.
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(CONTROL_CHARACTERS, (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}_`);
}

/**
 * The namespace prefix a part writes SpreadsheetML elements with (`x:` for `<x:sheetData>`, as the Open XML SDK and
 * some exporters write), found from one element it must have; '' for the default namespace. The reader ignores
 * prefixes; the editor matches them and writes its own elements with the same prefix.
 */
export function elementPrefix(xml: string, localName: string): string {
  return new RegExp(`<([A-Za-z_][\\w.-]*:)?${localName}\\b`).exec(xml)?.[1] ?? '';
}

/** Elements the editor writes into a part, carried into the part's prefix. */
function withPrefix(fragment: string, prefix: string): string {
  return prefix === ''
    ? fragment
    : fragment.replace(/<(\/?)(c|f|v|is|t|row|xf|numFmt|numFmts|sheet|calcPr)(?=[\s>/])/g, `<$1${prefix}$2`);
}

const WORKSHEET_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
const WORKSHEET_CONTENT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

/** Sheet name → part path, in workbook order. */
export function sheetParts(pkg: Package): Map<string, string> {
  const workbook = readPart(pkg, 'xl/workbook.xml');
  if (workbook === undefined) throw new WorkbookReadError('not-workbook', 'no xl/workbook.xml');
  const targets = readRelationships(readPart(pkg, 'xl/_rels/workbook.xml.rels') ?? '');
  const parts = new Map<string, string>();
  for (const entry of readSheetEntries(workbook)) {
    const target = targets.get(entry.relationshipId);
    if (target?.isWorksheet) parts.set(entry.name, target.path);
  }
  return parts;
}

/** A replacement for one cell: the new <c> element (or null to remove it), given the element there now. */
export interface CellEdit {
  row: number;
  col: number;
  replace: (existing: string | undefined) => string | null;
}

interface Span {
  start: number;
  end: number;
}

/** The <row> elements of sheetData with their row numbers and positions. */
function rowSpans(
  xml: string,
  from: number,
  to: number,
  prefix: string,
): Array<Span & { row: number; open: string; body: Span | undefined }> {
  const rows: Array<Span & { row: number; open: string; body: Span | undefined }> = [];
  const pattern = new RegExp(`<${prefix}row\\b[^>]*?(/?)>`, 'g');
  const closeTag = `</${prefix}row>`;
  pattern.lastIndex = from;
  for (let match = pattern.exec(xml); match && match.index < to; match = pattern.exec(xml)) {
    const r = Number(attribute(match[0], 'r'));
    if (!Number.isInteger(r) || r < 1)
      throw new WorkbookReadError('corrupt', 'a row without its number: the file cannot be edited safely');
    const bodyStart = match.index + match[0].length;
    if (match[1] === '/') {
      rows.push({ row: r - 1, start: match.index, end: bodyStart, open: match[0], body: undefined });
      continue;
    }
    const close = xml.indexOf(closeTag, bodyStart);
    if (close < 0) throw new WorkbookReadError('corrupt', 'a row without its end: the file cannot be edited safely');
    rows.push({
      row: r - 1,
      start: match.index,
      end: close + closeTag.length,
      open: match[0],
      body: { start: bodyStart, end: close },
    });
    pattern.lastIndex = close + closeTag.length;
  }
  return rows;
}

/** The <c> elements of a row body with their columns. */
function cellSpans(body: string, prefix: string): Array<Span & { col: number }> {
  const cells: Array<Span & { col: number }> = [];
  const pattern = new RegExp(`<${prefix}c\\b[^>]*?(/>|>[\\s\\S]*?</${prefix}c>)`, 'g');
  for (let match = pattern.exec(body); match; match = pattern.exec(body)) {
    const at = parseCellAddress(attribute(match[0].slice(0, match[0].indexOf('>') + 1), 'r') ?? '');
    if (!at) throw new WorkbookReadError('corrupt', 'a cell without its address: the file cannot be edited safely');
    cells.push({ col: at.col, start: match.index, end: match.index + match[0].length });
  }
  return cells;
}

function editRow(body: string, edits: CellEdit[], prefix: string): string {
  const cells = cellSpans(body, prefix);
  let out = '';
  let cursor = 0;
  const pending = [...edits].sort((a, b) => a.col - b.col);
  for (const cell of cells) {
    while (pending.length > 0 && (pending[0] as CellEdit).col < cell.col) {
      out += body.slice(cursor, cell.start);
      cursor = cell.start;
      out += withPrefix((pending.shift() as CellEdit).replace(undefined) ?? '', prefix);
    }
    if (pending.length > 0 && (pending[0] as CellEdit).col === cell.col) {
      out +=
        body.slice(cursor, cell.start) +
        withPrefix((pending.shift() as CellEdit).replace(body.slice(cell.start, cell.end)) ?? '', prefix);
      cursor = cell.end;
    }
  }
  out += body.slice(cursor);
  for (const edit of pending) out += withPrefix(edit.replace(undefined) ?? '', prefix);
  return out;
}

/** Applies cell edits to a worksheet's XML; rows and cells keep their order, everything else its bytes. */
export function editSheetXml(xml: string, edits: CellEdit[]): string {
  const p = elementPrefix(xml, 'sheetData');
  let source = xml.replace(new RegExp(`<${p}sheetData\\s*/>`), `<${p}sheetData></${p}sheetData>`);
  const open = new RegExp(`<${p}sheetData\\b[^>]*>`).exec(source);
  if (!open) throw new WorkbookReadError('corrupt', 'a worksheet without sheetData');
  const dataStart = open.index + open[0].length;
  const dataEnd = source.indexOf(`</${p}sheetData>`, dataStart);
  if (dataEnd < 0) throw new WorkbookReadError('corrupt', 'a worksheet whose sheetData does not end');
  const byRow = new Map<number, CellEdit[]>();
  for (const edit of edits) byRow.set(edit.row, [...(byRow.get(edit.row) ?? []), edit]);
  const rows = rowSpans(source, dataStart, dataEnd, p);
  let out = source.slice(0, dataStart);
  let cursor = dataStart;
  const remaining = [...byRow.keys()].sort((a, b) => a - b);
  const newRow = (row: number) => {
    const body = editRow('', byRow.get(row) as CellEdit[], p);
    return body === '' ? '' : `<${p}row r="${row + 1}">${body}</${p}row>`;
  };
  for (const row of rows) {
    while (remaining.length > 0 && (remaining[0] as number) < row.row) {
      out += source.slice(cursor, row.start) + newRow(remaining.shift() as number);
      cursor = row.start;
    }
    if (remaining[0] === row.row) {
      remaining.shift();
      const body = row.body ? source.slice(row.body.start, row.body.end) : '';
      // spans is only a hint; drop it on edited rows rather than keep a wrong one.
      const openTag = row.open.replace(/\s+spans="[^"]*"/, '').replace(/\/>$/, '>');
      out +=
        source.slice(cursor, row.start) + openTag + editRow(body, byRow.get(row.row) as CellEdit[], p) + `</${p}row>`;
      cursor = row.end;
    }
  }
  out += source.slice(cursor, dataEnd) + remaining.map(newRow).join('');
  source = out + source.slice(dataEnd);
  return source;
}

/**
 * A formula cell's element with a new stored result: the formula, the style and every other attribute kept, the
 * type attribute and the <v> element set for the value (nothing but the result changes).
 */
export function withCachedValue(cellXml: string, value: CellValue): string {
  const prefix = /^<([\w.-]+:)?c\b/.exec(cellXml)?.[1] ?? '';
  const headEnd = cellXml.indexOf('>') + 1;
  const selfClosing = cellXml[headEnd - 2] === '/';
  let head = cellXml.slice(0, selfClosing ? headEnd - 2 : headEnd - 1).replace(/\s+t="[^"]*"/, '');
  const type =
    value.type === 'text' ? 'str' : value.type === 'boolean' ? 'b' : value.type === 'error' ? 'e' : undefined;
  if (type) head += ` t="${type}"`;
  const body = selfClosing ? '' : cellXml.slice(headEnd, cellXml.lastIndexOf('<'));
  const withoutValue = body
    .replace(new RegExp(`<${prefix}v\\b[^>]*/>`), '')
    .replace(new RegExp(`<${prefix}v\\b[^>]*>[\\s\\S]*?</${prefix}v>`), '')
    .replace(new RegExp(`<${prefix}is\\b[^>]*>[\\s\\S]*?</${prefix}is>`), '');
  const text =
    value.type === 'number'
      ? String(value.value)
      : value.type === 'boolean'
        ? value.value
          ? '1'
          : '0'
        : value.type === 'empty'
          ? undefined
          : escapeXml(value.value);
  const v = text === undefined ? '' : `<${prefix}v>${text}</${prefix}v>`;
  return `${head}>${withoutValue}${v}</${prefix}c>`;
}

/** The style index a cell element carries (0 when none). */
export function styleOf(cellXml: string | undefined): number {
  if (!cellXml) return 0;
  const s = Number(attribute(cellXml.slice(0, cellXml.indexOf('>') + 1), 's') ?? 0);
  return Number.isInteger(s) ? s : 0;
}

/** Styles added for number formats: a copy of the cell's style with the format set, created once per pair. */
export class StyleBook {
  private xml: string | undefined;
  private readonly created = new Map<string, number>();

  constructor(private readonly pkg: Package) {
    this.xml = readPart(pkg, 'xl/styles.xml');
  }

  /** The style index showing `format` on top of `base`, or `base` when the package has no stylesheet. */
  withFormat(base: number, format: string): number {
    if (this.xml === undefined) return base;
    const key = `${base}\u0000${format}`;
    const known = this.created.get(key);
    if (known !== undefined) return known;
    const formatId = this.formatId(format);
    const p = elementPrefix(this.xml, 'cellXfs');
    const open = new RegExp(`<${p}cellXfs\\b[^>]*>`).exec(this.xml);
    if (!open) return base;
    const end = this.xml.indexOf(`</${p}cellXfs>`, open.index);
    const xfs =
      this.xml
        .slice(open.index + open[0].length, end)
        .match(new RegExp(`<${p}xf\\b[^>]*?(/>|>[\\s\\S]*?</${p}xf>)`, 'g')) ?? [];
    const template =
      xfs[base] ?? xfs[0] ?? withPrefix('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>', p);
    const headEnd = template.indexOf('>') + 1;
    const head = template.slice(0, headEnd).replace(/\s+(numFmtId|applyNumberFormat)="[^"]*"/g, '');
    const xf =
      head.replace(new RegExp(`^<${p}xf\\b`), `<${p}xf numFmtId="${formatId}" applyNumberFormat="1"`) +
      template.slice(headEnd);
    const index = xfs.length;
    this.xml = this.xml.slice(0, end) + xf + this.xml.slice(end);
    this.xml = this.xml.replace(new RegExp(`<${p}cellXfs\\b[^>]*>`), (tag) =>
      tag.replace(/count="\d+"/, `count="${index + 1}"`),
    );
    this.created.set(key, index);
    return index;
  }

  private formatId(format: string): number {
    const xml = this.xml as string;
    const p = elementPrefix(xml, 'styleSheet');
    for (const [id, code] of Object.entries(BUILTIN_NUMBER_FORMATS)) if (code === format) return Number(id);
    const custom = [...xml.matchAll(new RegExp(`<${p}numFmt\\b[^>]*/>`, 'g'))].map((m) => ({
      id: Number(attribute(m[0], 'numFmtId')),
      code: attribute(m[0], 'formatCode'),
    }));
    const existing = custom.find((c) => c.code === format);
    if (existing) return existing.id;
    const id = Math.max(163, ...custom.map((c) => c.id)) + 1;
    const element = `<${p}numFmt numFmtId="${id}" formatCode="${escapeXml(format)}"/>`;
    if (new RegExp(`<${p}numFmts\\b`).test(xml)) {
      this.xml = xml
        .replace(new RegExp(`<${p}numFmts\\b[^>]*>`), (tag) =>
          tag.replace(/count="\d+"/, `count="${custom.length + 1}"`),
        )
        .replace(`</${p}numFmts>`, `${element}</${p}numFmts>`);
    } else {
      this.xml = xml.replace(
        new RegExp(`(<${p}styleSheet\\b[^>]*>)`),
        `$1<${p}numFmts count="1">${element}</${p}numFmts>`,
      );
    }
    return id;
  }

  save(): void {
    if (this.xml !== undefined && this.created.size > 0) writePart(this.pkg, 'xl/styles.xml', this.xml);
  }
}

/** Asks spreadsheet programs to recalculate every formula when the file opens. */
export function requestFullRecalculation(pkg: Package): void {
  const xml = readPart(pkg, 'xl/workbook.xml') as string;
  const p = elementPrefix(xml, 'sheets');
  let updated: string;
  if (new RegExp(`<${p}calcPr\\b`).test(xml)) {
    updated = xml.replace(new RegExp(`<${p}calcPr\\b[^>]*?/?>`), (tag) =>
      /fullCalcOnLoad=/.test(tag)
        ? tag.replace(/fullCalcOnLoad="[^"]*"/, 'fullCalcOnLoad="1"')
        : tag.replace(new RegExp(`^<${p}calcPr\\b`), `<${p}calcPr fullCalcOnLoad="1"`),
    );
  } else {
    // calcPr follows sheets, functionGroups, externalReferences and definedNames (CT_Workbook order).
    const anchors = ['definedNames', 'externalReferences', 'functionGroups', 'sheets'].map((name) => `</${p}${name}>`);
    const anchor = anchors.find((a) => xml.includes(a)) ?? `</${p}sheets>`;
    updated = xml.replace(anchor, `${anchor}<${p}calcPr fullCalcOnLoad="1"/>`);
  }
  writePart(pkg, 'xl/workbook.xml', updated);
  dropCalcChain(pkg);
}

/** The calculation chain lists formula cells; after edits it is stale, and spreadsheet programs rebuild it. */
function dropCalcChain(pkg: Package): void {
  if (!pkg.files['xl/calcChain.xml']) return;
  delete pkg.files['xl/calcChain.xml'];
  const rels = readPart(pkg, 'xl/_rels/workbook.xml.rels');
  if (rels)
    writePart(
      pkg,
      'xl/_rels/workbook.xml.rels',
      rels.replace(/<Relationship\b[^>]*Target="[^"]*calcChain\.xml"[^>]*\/>/, ''),
    );
  const types = readPart(pkg, '[Content_Types].xml');
  if (types)
    writePart(pkg, '[Content_Types].xml', types.replace(/<Override\b[^>]*PartName="\/xl\/calcChain\.xml"[^>]*\/>/, ''));
}

/** Adds an empty worksheet at the end of the workbook; returns its part path. */
export function addSheet(pkg: Package, name: string): string {
  const workbook = readPart(pkg, 'xl/workbook.xml') as string;
  const rels =
    readPart(pkg, 'xl/_rels/workbook.xml.rels') ??
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const types = readPart(pkg, '[Content_Types].xml') as string;
  let n = 1;
  while (pkg.files[`xl/worksheets/sheet${n}.xml`]) n++;
  const path = `xl/worksheets/sheet${n}.xml`;
  const ids = [...rels.matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1]));
  const rid = `rId${Math.max(0, ...ids) + 1}`;
  const p = elementPrefix(workbook, 'sheets');
  const sheetIds = [...workbook.matchAll(new RegExp(`<${p}sheet\\b[^>]*sheetId="(\\d+)"`, 'g'))].map((m) =>
    Number(m[1]),
  );
  const idAttribute = new RegExp(`<${p}sheet\\b[^>]*?\\s([\\w]+:id)="`).exec(workbook)?.[1] ?? 'r:id';
  writePart(
    pkg,
    path,
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData></sheetData></worksheet>',
  );
  writePart(
    pkg,
    'xl/workbook.xml',
    workbook.replace(
      `</${p}sheets>`,
      `<${p}sheet name="${escapeXml(name)}" sheetId="${Math.max(0, ...sheetIds) + 1}" ${idAttribute}="${rid}"/></${p}sheets>`,
    ),
  );
  writePart(
    pkg,
    'xl/_rels/workbook.xml.rels',
    rels.replace(
      '</Relationships>',
      `<Relationship Id="${rid}" Type="${WORKSHEET_TYPE}" Target="worksheets/sheet${n}.xml"/></Relationships>`,
    ),
  );
  writePart(
    pkg,
    '[Content_Types].xml',
    types.replace('</Types>', `<Override PartName="/${path}" ContentType="${WORKSHEET_CONTENT}"/></Types>`),
  );
  return path;
}

/** Removes a worksheet added by addSheet: its part, relationship, content type and entry. */
export function removeSheet(pkg: Package, name: string): void {
  const workbook = readPart(pkg, 'xl/workbook.xml') as string;
  const entry = readSheetEntries(workbook).find((e) => e.name === name);
  if (!entry) return;
  const rels = readPart(pkg, 'xl/_rels/workbook.xml.rels') ?? '';
  const target = readRelationships(rels).get(entry.relationshipId);
  if (target) {
    delete pkg.files[target.path];
    delete pkg.files[normalizePath(target.path.replace(/([^/]+)$/, '_rels/$1.rels'))];
    const types = readPart(pkg, '[Content_Types].xml') as string;
    writePart(
      pkg,
      '[Content_Types].xml',
      types.replace(
        new RegExp(`<Override\\b[^>]*PartName="/${target.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*/>`),
        '',
      ),
    );
  }
  writePart(
    pkg,
    'xl/_rels/workbook.xml.rels',
    rels.replace(new RegExp(`<Relationship\\b[^>]*Id="${entry.relationshipId}"[^>]*/>`), ''),
  );
  writePart(
    pkg,
    'xl/workbook.xml',
    workbook.replace(new RegExp(`<${elementPrefix(workbook, 'sheets')}sheet\\b[^>]*/>`, 'g'), (tag) =>
      attribute(tag, 'name') === name ? '' : tag,
    ),
  );
}

/** A text cell that can never be read as a formula: an inline string. */
export function inlineTextCell(row: number, col: number, text: string): string {
  return `<c r="${cellAddress(row, col)}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(text)}</t></is></c>`;
}
