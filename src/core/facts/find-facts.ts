import { MAX_COLUMN, parseRangeAddress } from '../address';
import type { SheetGrid } from '../grid';
import type { Figure, Table } from '../model';
import type { Profile } from '../profile';
import { figureAt, textAt } from '../recognize/figures';
import { amountUnitIn } from '../recognize/vocabulary';
import type { CellRange } from '../snapshot';
import { normalizeLabel, statedResult } from '../text';
import { parseLabel, type ParsedLabel } from './label';
import type { Fact } from './schema';
import { DEFAULT_VOCABULARY, VocabularySchema, type Part, type Quantity, type Vocabulary } from './vocabulary';

/** Most columns between a label and its value (labels and values are merged over a few columns). */
const MAX_VALUE_DISTANCE = 6;
/** Most rows a table of facts runs below its header. */
const MAX_TABLE_ROWS = 60;
/** Rows searched above a label for the block total it belongs to, or for a 单位：万元 line. */
const BLOCK_ROWS = 8;
const UNIT_ROWS = 12;

/** Tables whose cells are scores, survey counts or texts, not facts: labels inside them are names, not quantities. */
const NOT_FACT_TABLES: ReadonlySet<Table['kind']> = new Set(['indicators', 'summary', 'survey', 'accuracy', 'targets']);

/** A label cell the vocabulary knows. */
interface Label {
  row: number;
  col: number;
  right: number;
  bottom: number;
  parsed: ParsedLabel;
  quantity?: Quantity;
  part?: Part;
  /** The quantity a block total's own value states (年度资金总额 → 年初预算数). */
  blockOf?: string;
  used: boolean;
}

/** The vocabulary with the profile's extra names, indexed by name. */
export class Lexicon {
  readonly quantities = new Map<string, Quantity>();
  readonly parts = new Map<string, Part>();
  readonly byKey = new Map<string, Quantity>();
  readonly blockTotals: Readonly<Record<string, string>>;
  /** The characters a known name starts with: any other text is skipped without being parsed. */
  readonly firstChars = new Set<string>(['其', '(', '（', '[', '【']);

  constructor(vocabulary: Vocabulary, extra: Readonly<Record<string, readonly string[]>> = {}) {
    for (const q of vocabulary.quantities) {
      this.byKey.set(q.key, q);
      for (const name of [...q.names, ...(extra[q.key] ?? [])]) this.quantities.set(normalizeLabel(name), q);
    }
    for (const p of vocabulary.parts) for (const name of p.names) this.parts.set(normalizeLabel(name), p);
    this.blockTotals = vocabulary.blockTotals;
    for (const name of [...this.quantities.keys(), ...this.parts.keys(), ...Object.keys(this.blockTotals)])
      if (name.length > 0) this.firstChars.add(name[0] as string);
  }

  /** A cheap test before parsing: text that may be a label (starts like a known name, or with a period 1-7月). */
  mayName(text: string): boolean {
    let i = 0;
    while (i < text.length && (text[i] === ' ' || text[i] === '\u3000')) i++;
    const first = text[i];
    if (first === undefined) return false;
    if (this.firstChars.has(first)) return true;
    const code = first.charCodeAt(0);
    return ((code >= 48 && code <= 57) || (code >= 0xff10 && code <= 0xff19)) && text.includes('月');
  }
}

const lexicons = new WeakMap<object, Lexicon>();

/** The lexicon of a profile (cached: the vocabulary is parsed and indexed once per profile). */
export function lexiconOf(profile: Profile): Lexicon {
  const cached = lexicons.get(profile);
  if (cached) return cached;
  const lexicon = new Lexicon(VocabularySchema.parse(DEFAULT_VOCABULARY), profile.quantityNames);
  lexicons.set(profile, lexicon);
  return lexicon;
}

/** Texts that may carry more than a bare name (hints, units, 其中, a period); the others are looked up as they are. */
const DECORATED = /[()（）=:：%％月元\s\u3000其[\]【】]/;

function lookup(text: string, lexicon: Lexicon): Omit<Label, 'row' | 'col' | 'right' | 'bottom' | 'used'> | undefined {
  if (text.length > 40 || !lexicon.mayName(text)) return undefined;
  let parsed: ParsedLabel | undefined;
  if (DECORATED.test(text)) parsed = parseLabel(text);
  else {
    const name = normalizeLabel(text);
    if (!lexicon.quantities.has(name) && !lexicon.parts.has(name) && !(name in lexicon.blockTotals)) return undefined;
    parsed = { name, percent: false, partOf: false };
  }
  if (!parsed) return undefined;
  const found: Omit<Label, 'row' | 'col' | 'right' | 'bottom' | 'used'> = { parsed };
  const blockOf = lexicon.blockTotals[parsed.name];
  const quantity = lexicon.quantities.get(parsed.name);
  const part = lexicon.parts.get(parsed.name);
  if (blockOf) found.blockOf = blockOf;
  if (quantity) found.quantity = quantity;
  if (part) found.part = part;
  return blockOf || quantity || part ? found : undefined;
}

/** The year a national form states in its heading, `( 2024年度)` alone in its cell. */
function headingYear(grid: SheetGrid): { year: number; row: number; col: number } | undefined {
  const rows = grid.rowNumbers();
  for (const row of rows.slice(0, 8)) {
    for (const cell of grid.cellsInRow(row)) {
      if (cell.value.type !== 'text') continue;
      const match = /^[(（]\s*(20\d\d)\s*年度?\s*[)）]$/.exec(cell.value.value.normalize('NFKC').trim());
      if (match) return { year: Number(match[1]), row, col: cell.col };
    }
  }
  return undefined;
}

const inside = (range: CellRange, row: number, col: number) =>
  row >= range.top && row <= range.bottom && col >= range.left && col <= range.right;

/** A 单位：万元 line or a title ending in （万元） above a row, or a unit label to the left on the row. */
function unitNear(grid: SheetGrid, row: number, col: number): '元' | '万元' | undefined {
  for (let c = col - 1; c >= 0 && c >= col - MAX_VALUE_DISTANCE; c--) {
    const unit = amountUnitIn(grid.text(row, c));
    if (unit) return unit;
  }
  for (let r = row - 1; r >= 0 && r >= row - UNIT_ROWS; r--) {
    for (const cell of grid.cellsInRow(r)) {
      if (cell.value.type !== 'text' || cell.value.value.length > 40) continue;
      if (/单位/.test(cell.value.value) || /[(（](万元|元)[)）]\s*$/.test(cell.value.value)) {
        const unit = amountUnitIn(cell.value.value);
        if (unit) return unit;
      }
    }
  }
  return undefined;
}

const YEAR_LABEL = /^(20\d\d)(年|年度)?$/;

/** The label of a table row: the last text left of the first value column (merges resolved). */
function rowLabel(grid: SheetGrid, row: number, firstValueCol: number): { col: number; text: string } | undefined {
  for (let col = firstValueCol - 1; col >= 0; col--) {
    const text = grid.text(row, col).trim();
    if (text !== '' && grid.shown(row, col).type !== 'number') return { col: grid.anchor(row, col).col, text };
    if (text !== '' && YEAR_LABEL.test(text)) return { col, text };
  }
  return undefined;
}

function isNumberLike(figure: Figure): boolean {
  return figure.value !== null || figure.error !== undefined;
}

/**
 * Every labelled quantity of a sheet. A row naming two or more quantities is a header: each cell below it is a fact
 * of its column's quantity and its row's part (年度资金总额, 其中：财政拨款 …, or a 预算年度). Any other label takes the
 * value beside it (across merged blanks) or below it; a label with nothing beside it marks a blank slot there.
 */
export function sheetFacts(grid: SheetGrid, tables: readonly Table[], profile: Profile): Fact[] {
  const lexicon = lexiconOf(profile);
  const skip = tables
    .filter((t) => NOT_FACT_TABLES.has(t.kind))
    .map((t) => parseRangeAddress(t.range))
    .filter((r): r is CellRange => !!r);
  const labels: Label[] = [];
  const labelAt = new Map<string, Label>();
  for (const row of grid.rowNumbers()) {
    for (const cell of grid.cellsInRow(row)) {
      if (cell.value.type !== 'text' || skip.some((r) => inside(r, row, cell.col))) continue;
      const found = lookup(cell.value.value, lexicon);
      if (!found) continue;
      const area = grid.mergeAt(row, cell.col);
      const label: Label = {
        row,
        col: cell.col,
        right: area ? area.right : cell.col,
        bottom: area ? area.bottom : row,
        used: false,
        ...found,
      };
      labels.push(label);
      labelAt.set(`${row}:${cell.col}`, label);
    }
  }
  if (labels.length === 0) return [];
  const heading = headingYear(grid);
  const facts: Fact[] = [];
  const isLabel = (row: number, col: number) => {
    const at = grid.anchor(row, col);
    return labelAt.has(`${at.row}:${at.col}`);
  };
  const base = (label: Label, quantity: Quantity, figure: Figure): Fact => {
    const fact: Fact = {
      quantity: quantity.key,
      kind: quantity.kind,
      label: textAt(grid, label.row, label.col),
      figure,
      source: 'label',
    };
    if (label.parsed.symbol) fact.symbol = label.parsed.symbol;
    if (label.parsed.hint) fact.hint = label.parsed.hint;
    if (label.parsed.period) fact.period = label.parsed.period;
    if (heading) fact.year = heading.year;
    if (quantity.kind === 'amount') {
      const unit = label.parsed.unit ?? unitNear(grid, label.row, label.col);
      if (unit) fact.unit = unit;
    }
    return fact;
  };

  // Headers: rows naming two or more numeric quantities.
  const byRow = new Map<number, Label[]>();
  for (const label of labels) {
    if (!label.quantity || label.quantity.kind === 'text') continue;
    byRow.set(label.row, [...(byRow.get(label.row) ?? []), label]);
  }
  for (const [row, named] of byRow) {
    // A header's labels have their values below them: nothing but another label (or nothing) beside each, and a
    // figure or a row of parts under one of them. Two pairs on a row (预算安排资金（A） 2.81 实际到位资金（B） 2.81)
    // are labels with their values beside them.
    const header = named.filter((l) => !isNumberLike(figureAt(grid, row, l.right + 1)));
    if (header.length < 2 || header.some((l) => l.used)) continue;
    const under = header.some((l) => {
      const below = l.bottom + 1;
      return isNumberLike(figureAt(grid, below, l.col)) || !!labelAt.get(`${below}:${l.col}`)?.part;
    });
    if (under) facts.push(...tableFacts(grid, row, header, labelAt, base));
  }

  // Labels with their value beside (or below) them.
  for (const label of labels) {
    if (label.used) continue;
    const quantity = label.quantity ?? (label.blockOf ? lexicon.byKey.get(label.blockOf) : undefined) ?? blockOf(label);
    if (!quantity) continue;
    const fact = besideFact(grid, label, quantity, isLabel, base);
    if (!fact) continue;
    if (label.part && !label.quantity) fact.part = label.blockOf ? '资金总额' : label.part.key;
    label.used = true;
    facts.push(fact);
  }
  if (heading) {
    const cell = textAt(grid, heading.row, heading.col);
    facts.push({
      quantity: '年度',
      kind: 'text',
      label: cell,
      figure: { ...figureAt(grid, heading.row, heading.col), value: heading.year, form: 'number' },
      text: { ...cell, text: String(heading.year) },
      year: heading.year,
      source: 'label',
    });
  }
  return facts;

  /** A part label (其中：财政拨款) under a block total in its column: the part of that block's quantity. */
  function blockOf(label: Label): Quantity | undefined {
    if (!label.part) return undefined;
    const above = labels.find(
      (other) =>
        other.blockOf && other.col === label.col && other.row < label.row && label.row - other.row <= BLOCK_ROWS,
    );
    return above?.blockOf ? lexicon.byKey.get(above.blockOf) : undefined;
  }
}

/** The value beside a label (or below it when nothing is beside it), or its blank slot. */
function besideFact(
  grid: SheetGrid,
  label: Label,
  quantity: Quantity,
  isLabel: (row: number, col: number) => boolean,
  base: (label: Label, quantity: Quantity, figure: Figure) => Fact,
): Fact | undefined {
  const start = label.right + 1;
  for (let col = start; col <= start + MAX_VALUE_DISTANCE && col < grid.colCount; col++) {
    const text = grid.text(label.row, col).trim();
    if (text === '') continue;
    if (isLabel(label.row, col)) break; // the next label: this one's value is blank
    const figure = figureAt(grid, label.row, col, label.parsed.percent);
    if (quantity.kind === 'text') {
      const fact = base(label, quantity, figure);
      fact.text = textAt(grid, label.row, col);
      return fact;
    }
    if (isNumberLike(figure)) return base(label, quantity, figure);
    const stated = figure.text === undefined ? undefined : statedResult(figure.text);
    if (stated) {
      const fact = base(label, quantity, {
        ...figure,
        value: stated.value,
        form: stated.percent ? 'text-percent' : 'text-number',
        decimals: stated.decimals,
      });
      fact.text = textAt(grid, label.row, col);
      return fact;
    }
    return undefined; // prose beside the label: a sentence that names the quantity, not a value
  }
  // Nothing beside it: a value under the label (a header over its one value), else the blank slot beside it.
  const below = label.bottom + 1;
  if (below < grid.rowCount && !isLabel(below, label.col)) {
    const figure = figureAt(grid, below, label.col, label.parsed.percent);
    if (isNumberLike(figure) && quantity.kind !== 'text') return base(label, quantity, figure);
  }
  if (start > MAX_COLUMN || start >= grid.colCount + MAX_VALUE_DISTANCE) return undefined;
  const slot = figureAt(grid, label.row, start, label.parsed.percent);
  // A blank slot under a (%) label is to be filled in percent units.
  if (label.parsed.percent && slot.value === null) slot.form = 'percent-units';
  return base(label, quantity, slot);
}

/**
 * The cells under a header of quantities: each row's cell in each quantity's column, with the row's part (其中 rows,
 * 财政拨款 …) or year (预算年度). A quantity merged over sub-columns named by parts (年初预算 over 小计 | 财政拨款 |
 * 结转资金) gives a column per part.
 */
function tableFacts(
  grid: SheetGrid,
  headerRow: number,
  header: Label[],
  labelAt: ReadonlyMap<string, Label>,
  base: (label: Label, quantity: Quantity, figure: Figure) => Fact,
): Fact[] {
  const columns: Array<{ label: Label; col: number; part?: string }> = [];
  let dataStart = Math.max(...header.map((l) => l.bottom)) + 1;
  for (const label of header) {
    label.used = true;
    if (label.right > label.col) {
      // Sub-columns named by parts on the row below: 小计 | 财政拨款 | 结转资金.
      const parts: Array<{ col: number; part: string }> = [];
      for (let col = label.col; col <= label.right; col++) {
        const sub = labelAt.get(`${label.bottom + 1}:${col}`);
        if (sub?.part) {
          sub.used = true;
          parts.push({ col, part: sub.part.key });
        }
      }
      if (parts.length > 0) {
        for (const p of parts) columns.push({ label, col: p.col, part: p.part });
        dataStart = Math.max(dataStart, label.bottom + 2);
        continue;
      }
    }
    columns.push({ label, col: label.col });
  }
  const firstValueCol = Math.min(...columns.map((c) => c.col));
  const lastCol = Math.max(...columns.map((c) => c.col));
  const facts: Fact[] = [];
  for (let row = dataStart; row < grid.rowCount && row < dataStart + MAX_TABLE_ROWS; row++) {
    const label = rowLabel(grid, row, firstValueCol);
    const blank = grid.isBlankRow(row, 0, lastCol);
    if (blank || !label) break;
    const own = labelAt.get(`${row}:${label.col}`);
    // A row naming a quantity of its own (预算执行率（C/B） under a funds table) is read beside its label.
    if (own?.quantity && own.quantity.kind !== 'text') break;
    const year = YEAR_LABEL.exec(normalizeLabel(label.text));
    // The table goes on over rows of parts or years, or rows with a figure under its columns; a row of text ends it.
    if (!own?.part && !year && !columns.some((c) => isNumberLike(figureAt(grid, row, c.col)))) break;
    if (own) own.used = true;
    const rowPart = own?.part?.key ?? (year ? undefined : (parseLabel(label.text)?.name ?? normalizeLabel(label.text)));
    for (const column of columns) {
      const quantity = column.label.quantity as Quantity;
      // A value merged down the block (分值, 执行率 of a self-evaluation's funds) belongs to its first row.
      const area = grid.mergeAt(row, column.col);
      if (area && area.top !== row) continue;
      const figure = figureAt(grid, row, column.col, column.label.parsed.percent);
      const fact = base(column.label, quantity, figure);
      fact.source = 'table';
      const part = column.part ?? rowPart;
      if (part) fact.part = part;
      if (year) fact.year = Number(year[1]);
      if (quantity.kind === 'amount' && !fact.unit) {
        const unit = amountUnitIn(label.text);
        if (unit) fact.unit = unit;
      }
      facts.push(fact);
    }
  }
  return facts;
}
