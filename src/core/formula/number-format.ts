/**
 * Number format codes as TEXT() applies them, for the codes scoring workbooks use: `0`, `0.00`, `#,##0.00`,
 * `0.00%`, `0.0"分"`, sections for negatives and zero, `@` for text. Dates, times, fractions, scientific notation,
 * conditions and locale-specific numerals give Unknown: the evaluator does not guess what a code shows.
 */
import { excelRound } from '../numbers';
import { numberToText, Unknown } from './values';

type Item =
  | { kind: 'literal'; text: string }
  | { kind: 'digit'; char: '0' | '#' | '?' }
  | { kind: 'point' }
  | { kind: 'comma' }
  | { kind: 'percent' }
  | { kind: 'text' };

const COLORS = /^(black|blue|cyan|green|magenta|red|white|yellow|color\s*\d+)$/i;

/** Splits a format code into its sections (`;` outside quotes and escapes). */
function sections(code: string): string[] {
  const found: string[] = [];
  let current = '';
  for (let i = 0; i < code.length; i++) {
    const ch = code[i] as string;
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      const stop = end < 0 ? code.length : end;
      current += code.slice(i, stop + 1);
      i = stop;
    } else if (ch === '\\') {
      current += code.slice(i, i + 2);
      i++;
    } else if (ch === ';') {
      found.push(current);
      current = '';
    } else current += ch;
  }
  found.push(current);
  return found;
}

/** The items of one section, or Unknown for anything this formatter does not render. */
function items(section: string): Item[] | Unknown {
  const list: Item[] = [];
  for (let i = 0; i < section.length; i++) {
    const ch = section[i] as string;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      list.push({ kind: 'literal', text: section.slice(i + 1, stop) });
      i = stop;
    } else if (ch === '\\') {
      list.push({ kind: 'literal', text: section[i + 1] ?? '' });
      i++;
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      const inner = section.slice(i + 1, end < 0 ? section.length : end);
      if (!COLORS.test(inner) && !/^\$[^-]*(-[0-9a-f]+)?$/i.test(inner)) return Unknown.of('format', section);
      if (inner.startsWith('$')) list.push({ kind: 'literal', text: inner.slice(1).replace(/-.*$/, '') });
      i = end < 0 ? section.length : end;
    } else if (ch === '_') {
      list.push({ kind: 'literal', text: ' ' });
      i++;
    } else if (ch === '*') i++;
    else if (ch === '0' || ch === '#' || ch === '?') list.push({ kind: 'digit', char: ch });
    else if (ch === '.') list.push({ kind: 'point' });
    else if (ch === ',') list.push({ kind: 'comma' });
    else if (ch === '%') list.push({ kind: 'percent' });
    else if (ch === '@') list.push({ kind: 'text' });
    else if (/[A-Za-z/]/.test(ch)) {
      if (section.slice(i).toLowerCase().startsWith('general')) return Unknown.of('format', section);
      return Unknown.of('format', section); // dates, times, fractions, exponents
    } else list.push({ kind: 'literal', text: ch });
  }
  return list;
}

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function renderNumber(value: number, list: Item[]): string | Unknown {
  const point = list.findIndex((item) => item.kind === 'point');
  const digitIndexes = list.flatMap((item, i) => (item.kind === 'digit' ? [i] : []));
  if (digitIndexes.length === 0 && point < 0) {
    return list.map((item) => (item.kind === 'literal' ? item.text : item.kind === 'percent' ? '%' : '')).join('');
  }
  const lastDigit = digitIndexes[digitIndexes.length - 1] ?? point;
  const intItems = list.filter((item, i) => item.kind === 'digit' && (point < 0 || i < point));
  const fracItems = list.filter((item, i) => item.kind === 'digit' && point >= 0 && i > point);
  // Commas right after the last digit placeholder divide by 1,000 each; commas between integer digits group.
  let scale = 0;
  for (let i = lastDigit + 1; i < list.length && list[i]?.kind === 'comma'; i++) scale++;
  const grouping = list.some(
    (item, i) => item.kind === 'comma' && i < (point < 0 ? lastDigit : point) && i > (digitIndexes[0] ?? 0),
  );
  const firstDigit = digitIndexes[0] ?? point;
  // A literal between integer placeholders (a phone-number style code) is not rendered here.
  for (let i = firstDigit + 1; i < (point < 0 ? lastDigit : point); i++)
    if (list[i]?.kind === 'literal') return Unknown.of('format', 'literal inside the digits');
  const percents = list.filter((item) => item.kind === 'percent').length;
  let n = Math.abs(value) * 100 ** percents;
  n /= 1000 ** scale;
  const decimals = fracItems.length;
  const rounded = excelRound(n, decimals);
  const [intText, fracText = ''] = rounded.toFixed(decimals).split('.') as [string, string?];
  if (intText.length > 15) return Unknown.of('format', 'too many digits');
  // Fraction: trailing zeros of optional places (#, ?) drop; ? keeps a space.
  const fracChars = [...fracText];
  for (let i = fracItems.length - 1; i >= 0; i--) {
    const char = (fracItems[i] as { char: string }).char;
    if (char === '0' || fracChars[i] !== '0') break;
    fracChars[i] = char === '?' ? ' ' : '';
  }
  const zeros = intItems.filter((item) => (item as { char: string }).char !== '#').length;
  let integer = intText === '0' && zeros === 0 ? '' : intText;
  if (integer.length < zeros) integer = integer.padStart(zeros, '0');
  if (grouping) integer = group(integer);
  let out = '';
  let intDone = false;
  list.forEach((item, i) => {
    if (item.kind === 'literal') out += item.text;
    else if (item.kind === 'percent') out += '%';
    else if (item.kind === 'text') out += '';
    else if (item.kind === 'point') {
      if (!intDone) {
        out += integer;
        intDone = true;
      }
      out += '.';
      out += fracChars.join('');
    } else if (item.kind === 'digit' && (point < 0 || i < point) && !intDone) {
      out += integer;
      intDone = true;
    }
  });
  return out;
}

/** TEXT(value, code): the value as the format code shows it, or Unknown where the code is not rendered here. */
export function formatNumberText(value: number | string, code: string): string | Unknown {
  const parts = sections(code);
  if (typeof value === 'string') {
    const section = parts[3] ?? (parts.length === 1 && parts[0]?.includes('@') ? parts[0] : undefined);
    if (section === undefined) return value;
    const list = items(section);
    if (list instanceof Unknown) return list;
    return list.map((item) => (item.kind === 'literal' ? item.text : item.kind === 'text' ? value : '')).join('');
  }
  let section = parts[0] as string;
  let signed = value < 0;
  if (value < 0 && parts.length >= 2 && parts[1] !== undefined) {
    section = parts[1];
    signed = false;
  } else if (value === 0 && parts.length >= 3 && parts[2] !== undefined) section = parts[2];
  const list = items(section);
  if (list instanceof Unknown) return list;
  // A text section shows a number as General text.
  if (list.some((item) => item.kind === 'text'))
    return list
      .map((item) => (item.kind === 'literal' ? item.text : item.kind === 'text' ? numberToText(value) : ''))
      .join('');
  const text = renderNumber(value, list);
  if (text instanceof Unknown) return text;
  if (signed && /[1-9]/.test(text)) return `-${text}`;
  if (signed) return Unknown.of('format', 'a negative that shows as zero');
  return text;
}
