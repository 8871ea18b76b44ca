/**
 * Figures as a cell shows them: a number rendered through the cell's number format (decimals, %, thousands
 * separators, literal units such as 万元), without binary noise. Messages, the pane and the reports show these,
 * never the stored 0.9362999999999999.
 */
import { parseCellAddress } from './address';
import type { Finding } from './finding';
import { excelRound, formatNumber, withoutNoise } from './numbers';
import type { Cell, WorkbookSnapshot } from './snapshot';
import { parseNumberText } from './text';

/** The numeric part of one format section, and the literal text around it. */
interface NumberSection {
  prefix: string;
  suffix: string;
  /** Decimals always shown ('0' after the point) and at most shown ('0', '#', '?' after the point). */
  minDecimals: number;
  maxDecimals: number;
  /** Digits always shown before the point ('0' placeholders). */
  minIntegers: number;
  thousands: boolean;
  /** Powers of 100 from '%' signs, divided by 1000 for each trailing comma. */
  scale: number;
  /** The section carries its own minus sign or parentheses (the second section of a format). */
  signed: boolean;
}

const DATE_OR_TIME = /[yYmMdDhHsS]|上午|下午|AM\/PM/;

/** Splits a format code at the semicolons that are not quoted or escaped. */
function splitSections(code: string): string[] {
  const sections: string[] = [];
  let current = '';
  for (let i = 0; i < code.length; i++) {
    const char = code[i] as string;
    if (char === '"') {
      const end = code.indexOf('"', i + 1);
      const stop = end < 0 ? code.length : end;
      current += code.slice(i, stop + 1);
      i = stop;
    } else if (char === '\\') {
      current += code.slice(i, i + 2);
      i++;
    } else if (char === ';') {
      sections.push(current);
      current = '';
    } else current += char;
  }
  sections.push(current);
  return sections;
}

/** Reads one section; undefined for dates, times, fractions, scientific notation and text formats (shown as General). */
function parseSection(section: string, signed: boolean): NumberSection | undefined {
  let prefix = '';
  let suffix = '';
  let seenDigit = false;
  let afterPoint = false;
  let minDecimals = 0;
  let maxDecimals = 0;
  let minIntegers = 0;
  let thousands = false;
  let trailingCommas = 0;
  let percents = 0;
  const literal = (text: string) => {
    if (seenDigit) suffix += text;
    else prefix += text;
  };
  for (let i = 0; i < section.length; i++) {
    const char = section[i] as string;
    if (char === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      literal(section.slice(i + 1, stop));
      i = stop;
    } else if (char === '\\') {
      literal(section[i + 1] ?? '');
      i++;
    } else if (char === '_' || char === '*') {
      i++; // padding to a character's width, or a fill: nothing a reader sees as text
    } else if (char === '[') {
      const end = section.indexOf(']', i);
      const inside = section.slice(i + 1, end < 0 ? section.length : end);
      // [$¥-804] shows its currency symbol; colours, conditions and locales show nothing.
      const currency = /^\$([^-]*)/.exec(inside);
      if (currency?.[1]) literal(currency[1]);
      i = end < 0 ? section.length : end;
    } else if (char === '0' || char === '#' || char === '?') {
      if (trailingCommas > 0 && !afterPoint) thousands = true;
      trailingCommas = 0;
      seenDigit = true;
      if (afterPoint) {
        maxDecimals++;
        if (char === '0') minDecimals++;
      } else if (char === '0') minIntegers++;
    } else if (char === '.' && !afterPoint && (seenDigit || /[0#?]/.test(section.slice(i + 1, i + 2)))) {
      afterPoint = true;
      seenDigit = true;
    } else if (char === ',' && seenDigit) {
      trailingCommas++;
    } else if (char === '%') {
      percents++;
      literal('%');
    } else if (char === '@' || char === 'E' || char === 'e' || char === '/') {
      return undefined;
    } else if (DATE_OR_TIME.test(char)) {
      return undefined;
    } else literal(char);
  }
  if (!seenDigit) return undefined;
  return {
    prefix,
    suffix,
    minDecimals,
    maxDecimals,
    minIntegers,
    thousands,
    scale: 100 ** percents / 1000 ** trailingCommas,
    signed,
  };
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function renderSection(value: number, section: NumberSection, extraDecimals: number): string {
  const scaled = withoutNoise(Math.abs(value) * section.scale);
  const decimals = Math.max(section.maxDecimals, Math.min(extraDecimals, section.maxDecimals + 4));
  const rounded = excelRound(scaled, decimals);
  let [integer = '0', fraction = ''] = rounded.toFixed(decimals).split('.');
  const keep = Math.max(section.minDecimals, Math.min(extraDecimals, decimals));
  fraction = fraction.replace(/0+$/, '').padEnd(keep, '0');
  if (section.minIntegers === 0 && integer === '0') integer = '';
  integer = integer.padStart(section.minIntegers, '0');
  if (section.thousands) integer = groupThousands(integer);
  const sign = value < 0 && !section.signed && rounded !== 0 ? '-' : '';
  const body = fraction ? `${integer}.${fraction}` : integer || '0';
  return `${sign}${section.prefix}${body}${section.suffix}`;
}

/** Decimals a number needs to be shown without loss, up to `cap` (0.9143 → 4; 4 → 0). */
function decimalsOf(value: number, cap: number): number {
  const text = String(excelRound(value, cap));
  const point = text.indexOf('.');
  return point < 0 || text.includes('e') ? 0 : text.length - point - 1;
}

export interface ShownOptions {
  /**
   * Show at least as many decimals as the value needs (up to 4 more than the format): for a computed figure,
   * so that an expected 91.43% in a `0.0%` cell is not shown as the 91.4% it differs from.
   */
  exact?: boolean;
}

/** A number as a cell with this format shows it. General (or no format) shows it without binary noise. */
export function shownNumber(value: number, format: string | undefined, options: ShownOptions = {}): string {
  if (!Number.isFinite(value)) return String(value);
  const sections = format === undefined || /^general$/i.test(format.trim()) ? [] : splitSections(format);
  const negative = value < 0 && sections.length > 1;
  const section = sections.length === 0 ? undefined : parseSection(sections[negative ? 1 : 0] ?? '', negative);
  if (!section) return formatNumber(value, 10);
  const needed = options.exact ? decimalsOf(Math.abs(value) * section.scale, section.maxDecimals + 4) : 0;
  return renderSection(value, section, needed);
}

/** A cell's value as text, the way the cell shows it (its stored text when the source knows it). */
export function shownCell(cell: Cell | undefined): string {
  if (!cell) return '';
  if (cell.text !== undefined) return cell.text;
  const v = cell.value;
  switch (v.type) {
    case 'number':
      return shownNumber(v.value, cell.format);
    case 'text':
    case 'error':
      return v.value;
    case 'boolean':
      return v.value ? 'TRUE' : 'FALSE';
    default:
      return '';
  }
}

/**
 * A finding's `expected` or `actual` as its cell would show it. A number in a cell that holds a percentage typed
 * as text (`93.63%`) is in percent units and gets its `%`; a blank cell without a format gives undefined (the
 * rule knows the units better).
 */
export function shownFigure(
  value: number | string | null | undefined,
  cell: Cell | undefined,
  role: 'expected' | 'actual',
): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (!cell) return undefined;
  if (cell.value.type === 'text') {
    const typed = parseNumberText(cell.value.value);
    if (!typed) return undefined;
    const decimals = Math.max(typed.decimals, role === 'expected' ? decimalsOf(value, typed.decimals + 4) : 0);
    return `${excelRound(value, decimals).toFixed(decimals)}${typed.percent ? '%' : ''}`;
  }
  if (cell.format === undefined && cell.value.type !== 'number') return undefined;
  return shownNumber(value, cell.format, { exact: role === 'expected' });
}

/**
 * Gives every finding on one cell the `expectedText` / `actualText` its rule left out, from that cell's number
 * format. A rule's own texts are kept; findings over a range or without a cell get none.
 */
export function withShownTexts(findings: readonly Finding[], snapshot: WorkbookSnapshot): Finding[] {
  const sheets = new Map(snapshot.sheets.map((sheet) => [sheet.name, sheet]));
  const indexes = new Map<string, Map<string, Cell>>();
  const cellAt = (sheetName: string, address: string): Cell | undefined => {
    const at = parseCellAddress(address);
    const sheet = sheets.get(sheetName);
    if (!at || !sheet) return undefined;
    let index = indexes.get(sheetName);
    if (!index) {
      index = new Map(sheet.cells.map((c) => [`${c.row}:${c.col}`, c]));
      indexes.set(sheetName, index);
    }
    return index.get(`${at.row}:${at.col}`) ?? { row: at.row, col: at.col, value: { type: 'empty' } };
  };
  return findings.map((finding) => {
    if (finding.expectedText !== undefined && finding.actualText !== undefined) return finding;
    if (finding.expected === undefined && (finding.actual === undefined || finding.actual === null)) return finding;
    const cell = cellAt(finding.sheet, finding.cell);
    if (!cell) return finding;
    const expectedText = finding.expectedText ?? shownFigure(finding.expected, cell, 'expected');
    const actualText = finding.actualText ?? shownFigure(finding.actual, cell, 'actual');
    const shown: Finding = { ...finding };
    if (expectedText !== undefined) shown.expectedText = expectedText;
    if (actualText !== undefined) shown.actualText = actualText;
    return shown;
  });
}

/** Expected and actual as worth printing beside a message: what the message does not already state. */
export interface ShownValues {
  expected?: string;
  actual?: string;
}

/** A number of a message with what it stands for: 91.43% stands for 91.43 and for 0.9143. */
function statedNumbers(message: string): Array<{ value: number; decimals: number }> {
  const stated: Array<{ value: number; decimals: number }> = [];
  for (const match of message.matchAll(/(?<![\d.])[-+]?\d[\d,]*(?:\.(\d+))?(%?)/g)) {
    const value = Number(match[0].replace(/[,%+]/g, ''));
    if (!Number.isFinite(value)) continue;
    const decimals = match[1]?.length ?? 0;
    stated.push({ value, decimals });
    if (match[2]) stated.push({ value: withoutNoise(value / 100), decimals: decimals + 2 });
  }
  return stated;
}

function states(message: string, value: number | string, text: string | undefined): boolean {
  if (typeof value === 'string') return value.trim() !== '' && message.includes(value.trim());
  if (text !== undefined && text !== '' && new RegExp(`(?<![\\d.])${escapeRegExp(text)}(?![\\d])`).test(message))
    return true;
  return statedNumbers(message).some(
    (n) =>
      Math.abs(value - n.value) <= 1e-9 * Math.max(1, Math.abs(value)) ||
      (n.decimals >= 2 && Math.abs(value - n.value) <= 0.5 * 10 ** -n.decimals + 1e-12),
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A finding's figure as text: the rule's display text, else the value without binary noise. */
export function figureText(value: number | string, text: string | undefined): string {
  if (text !== undefined && text !== '') return text;
  return typeof value === 'number' ? formatNumber(value, 6) : value;
}

/**
 * The expected and actual values a surface prints beside a finding's message: only those that add something.
 * A value the message already states (as 93%, 0.93 or 93) is left out, and so is an empty actual (the message
 * says the cell is empty).
 */
export function valuesToShow(
  finding: Pick<Finding, 'message' | 'expected' | 'actual' | 'expectedText' | 'actualText'>,
): ShownValues {
  const shown: ShownValues = {};
  const { message, expected, actual } = finding;
  if (expected !== undefined && expected !== '' && !states(message, expected, finding.expectedText))
    shown.expected = figureText(expected, finding.expectedText);
  if (actual !== undefined && actual !== null && actual !== '' && !states(message, actual, finding.actualText))
    shown.actual = figureText(actual, finding.actualText);
  return shown;
}
