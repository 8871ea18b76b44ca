import { strToU8, zipSync } from 'fflate';
import { cellAddress, rangeAddress } from '../../core/address';
import type { Cell, CellRange, WorkbookSnapshot } from '../../core/snapshot';
import { BUILTIN_NUMBER_FORMATS } from '../builtin-number-formats';
import { escapeXml } from './patch-xlsx';

/**
 * Writes a snapshot as a new .xlsx: values, formulas with their cached results, number formats, merged areas,
 * sheet order and visibility. Used when the input was an .xls, which is never edited in place.
 */
const HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function cellXml(cell: Cell, style: number): string {
  const s = style > 0 ? ` s="${style}"` : '';
  const r = cellAddress(cell.row, cell.col);
  const f =
    cell.formula === undefined ? '' : `<f${cell.array ? ` t="array" ref="${r}"` : ''}>${escapeXml(cell.formula)}</f>`;
  const value = cell.value;
  switch (value.type) {
    case 'number':
      return `<c r="${r}"${s}>${f}<v>${value.value}</v></c>`;
    case 'boolean':
      return `<c r="${r}"${s} t="b">${f}<v>${value.value ? 1 : 0}</v></c>`;
    case 'error':
      return `<c r="${r}"${s} t="e">${f}<v>${escapeXml(value.value)}</v></c>`;
    case 'text':
      return f
        ? `<c r="${r}"${s} t="str">${f}<v>${escapeXml(value.value)}</v></c>`
        : `<c r="${r}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(value.value)}</t></is></c>`;
    default:
      return `<c r="${r}"${s}>${f}</c>`;
  }
}

/** Merged areas Excel accepts: overlapping ones (seen in government exports) keep the first listed. */
function disjointMerges(merges: readonly CellRange[]): CellRange[] {
  const kept: CellRange[] = [];
  for (const m of merges) {
    const overlaps = kept.some((k) => m.left <= k.right && k.left <= m.right && m.top <= k.bottom && k.top <= m.bottom);
    if (!overlaps && (m.bottom > m.top || m.right > m.left)) kept.push(m);
  }
  return kept;
}

export function writeXlsx(snapshot: WorkbookSnapshot): Uint8Array {
  const formatIds = new Map<string, number>();
  const styleOf = new Map<string, number>();
  for (const [id, code] of Object.entries(BUILTIN_NUMBER_FORMATS))
    if (!formatIds.has(code)) formatIds.set(code, Number(id));
  const customFormats: Array<{ id: number; code: string }> = [];
  const styles: number[] = [0];
  const styleFor = (format: string | undefined): number => {
    if (!format) return 0;
    const known = styleOf.get(format);
    if (known !== undefined) return known;
    let id = formatIds.get(format);
    if (id === undefined) {
      id = 164 + customFormats.length;
      customFormats.push({ id, code: format });
      formatIds.set(format, id);
    }
    styles.push(id);
    styleOf.set(format, styles.length - 1);
    return styles.length - 1;
  };

  const files: Record<string, Uint8Array> = {};
  snapshot.sheets.forEach((sheet, i) => {
    const rows = new Map<number, string[]>();
    for (const cell of sheet.cells)
      rows.set(cell.row, [...(rows.get(cell.row) ?? []), cellXml(cell, styleFor(cell.format))]);
    const data = [...rows.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([row, cells]) => `<row r="${row + 1}">${cells.join('')}</row>`)
      .join('');
    const merges = disjointMerges(sheet.merges);
    const mergeXml =
      merges.length > 0
        ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${rangeAddress(m)}"/>`).join('')}</mergeCells>`
        : '';
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(
      `${HEADER}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${data}</sheetData>${mergeXml}</worksheet>`,
    );
  });
  const sheets = snapshot.sheets
    .map(
      (sheet, i) =>
        `<sheet name="${escapeXml(sheet.name)}" sheetId="${i + 1}"${sheet.visibility === 'visible' ? '' : ` state="${sheet.visibility}"`} r:id="rId${i + 1}"/>`,
    )
    .join('');
  files['xl/workbook.xml'] = strToU8(
    `${HEADER}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets}</sheets><calcPr fullCalcOnLoad="1"/></workbook>`,
  );
  const sheetRels = snapshot.sheets
    .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join('');
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    `${HEADER}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetRels}<Relationship Id="rId${snapshot.sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
  );
  const numFmts =
    customFormats.length > 0
      ? `<numFmts count="${customFormats.length}">${customFormats.map((f) => `<numFmt numFmtId="${f.id}" formatCode="${escapeXml(f.code)}"/>`).join('')}</numFmts>`
      : '';
  const xfs = styles
    .map(
      (id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"${id ? ' applyNumberFormat="1"' : ''}/>`,
    )
    .join('');
  files['xl/styles.xml'] = strToU8(
    `${HEADER}<styleSheet xmlns="${MAIN}">${numFmts}<fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${styles.length}">${xfs}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
  );
  files['_rels/.rels'] = strToU8(
    `${HEADER}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  const overrides = snapshot.sheets
    .map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join('');
  files['[Content_Types].xml'] = strToU8(
    `${HEADER}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${overrides}</Types>`,
  );
  return zipSync(files, { level: 6 });
}
