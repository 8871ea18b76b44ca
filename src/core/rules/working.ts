/**
 * The figures of a message as an accountant writes them: a cell's value as the cell shows it, a computation with
 * its inputs (`32 ÷ 35`), and how far it is rounded (四舍五入到两位小数).
 */
import { parseCellAddress } from '../address';
import type { ScoreExpectation } from '../analysis';
import type { Localized } from '../finding';
import type { Expr } from '../formula/build';
import type { Figure, TextAt } from '../model';
import { excelRound, formatNumber } from '../numbers';
import { shownCell, shownFigure } from '../shown';
import type { Cell, WorkbookSnapshot } from '../snapshot';
import type { Profile } from '../profile';

const indexes = new WeakMap<WorkbookSnapshot, Map<string, Map<string, Cell>>>();

/** The snapshot's cell at a sheet and row/column (0-based), or undefined when it holds nothing. */
function cellAt(snapshot: WorkbookSnapshot, sheet: string, row: number, col: number): Cell | undefined {
  let bySheet = indexes.get(snapshot);
  if (!bySheet) {
    bySheet = new Map();
    indexes.set(snapshot, bySheet);
  }
  let index = bySheet.get(sheet);
  if (!index) {
    index = new Map((snapshot.sheets.find((s) => s.name === sheet)?.cells ?? []).map((c) => [`${c.row}:${c.col}`, c]));
    bySheet.set(sheet, index);
  }
  return index.get(`${row}:${col}`);
}

/** A figure as its cell shows it (93.63%, 7.00, 80,000.00); from its value when the snapshot lacks the cell. */
export function shownAt(snapshot: WorkbookSnapshot, figure: Figure | TextAt): string {
  const at = parseCellAddress(figure.cell);
  const cell = at ? cellAt(snapshot, figure.sheet, at.row, at.col) : undefined;
  const shown = shownCell(cell).trim();
  if (shown !== '') return shown;
  if ('text' in figure && typeof figure.text === 'string') return figure.text;
  if (!('value' in figure) || figure.value === null) return '';
  const value = figure.form === 'percent' ? figure.value * 100 : figure.value;
  const text = fixed(value, figure.decimals);
  return figure.form === 'percent' || figure.form === 'text-percent' ? `${text}%` : text;
}

/** A number as a figure of `decimals` decimals (4 → "4", 9.355 at 2 → "9.36"); General figures without noise. */
export function fixed(value: number, decimals: number | undefined): string {
  if (decimals === undefined || !Number.isFinite(value)) return formatNumber(value);
  // A format cannot show more than 30 decimals (toFixed takes at most 100): more is a damaged format code.
  const shown = Math.min(30, Math.max(0, Math.trunc(decimals)));
  return excelRound(value, shown).toFixed(shown);
}

const PRECEDENCE: Readonly<Record<string, number>> = { '>=': 1, '+': 2, '-': 2, '*': 3, '/': 3 };
const SIGN: Readonly<Record<string, string>> = { '>=': '≥', '+': '+', '-': '-', '*': '×', '/': '÷' };

/**
 * A computation with the figures its cells show: (B4*$B$3+C4*$C$3)/F4 → (120 × 100% + 50 × 80%) ÷ 200. A cap at
 * 100% (MIN(1, rate)) and a ROUND read as the figure they wrap; an average as its sum over the count.
 */
export function inFigures(
  expr: Expr,
  snapshot: WorkbookSnapshot,
  blank: (figure: Figure) => string | undefined = () => undefined,
): string {
  const render = (e: Expr, parent: number, right: boolean): string => {
    switch (e.kind) {
      case 'ref':
        return shownAt(snapshot, e.figure) || (blank(e.figure) ?? '0');
      case 'range': {
        const cells: string[] = [];
        for (let row = e.first.row; row <= e.last.row; row++)
          for (let col = e.first.col; col <= e.last.col; col++) {
            const cell = cellAt(snapshot, e.first.sheet, row, col);
            if (cell && cell.value.type !== 'empty') cells.push(shownCell(cell));
          }
        return wrap(cells.join(' + ') || '0', cells.length > 1 ? 2 : 9, parent, right);
      }
      case 'number':
        return formatNumber(e.value);
      case 'text':
        return `“${e.value}”`;
      case 'call': {
        const args = e.args;
        if ((e.name === 'MIN' || e.name === 'ROUND') && args.length === 2) {
          const [first, second] = args as [Expr, Expr];
          return render(e.name === 'MIN' && first.kind === 'number' ? second : first, parent, right);
        }
        if (e.name === 'SUM') return wrap(args.map((a) => render(a, 2, false)).join(' + '), 2, parent, right);
        if (e.name === 'AVERAGE' && args.length === 1) return render(args[0] as Expr, parent, right);
        if (e.name === 'AVERAGE')
          return wrap(`(${args.map((a) => render(a, 2, false)).join(' + ')}) ÷ ${args.length}`, 3, parent, right);
        return `${e.name}(${args.map((a) => render(a, 0, false)).join(', ')})`;
      }
      case 'binary': {
        // An option value typed in percent units (90) divided back to a fraction reads as 90%.
        if (e.op === '/' && e.right.kind === 'number' && e.right.value === 100 && e.left.kind === 'ref') {
          const shown = shownAt(snapshot, e.left.figure);
          if (/^-?[\d.,]+$/.test(shown)) return `${shown}%`;
        }
        const own = PRECEDENCE[e.op] as number;
        return wrap(`${render(e.left, own, false)} ${SIGN[e.op]} ${render(e.right, own, true)}`, own, parent, right);
      }
    }
  };
  return render(expr, 0, false);
}

function wrap(body: string, own: number, parent: number, right: boolean): string {
  return own < parent || (right && own === parent) ? `(${body})` : body;
}

const ZH_DECIMALS = ['整数', '一位小数', '两位小数', '三位小数', '四位小数', '五位小数', '六位小数'];

/** “四舍五入到两位小数” in both languages: the decimals a figure is rounded to. */
export function roundedTo(decimals: number): Localized {
  const zh = ZH_DECIMALS[decimals] ?? `${decimals}位小数`;
  const en = decimals === 0 ? 'a whole number' : decimals === 1 ? '1 decimal' : `${decimals} decimals`;
  return { 'zh-CN': `四舍五入到${zh}`, 'en-US': `rounded to ${en}` };
}

/**
 * What a score by its standard rests on, for a message to state in parentheses: the rate and the weight it is
 * multiplied by (满意度 93.63% × 分值 10), the rate that picks a tier, or a self-evaluation's target and result.
 * Empty in both languages when the standard reads nothing a message can state.
 */
export function scoreWorking(e: ScoreExpectation, snapshot: WorkbookSnapshot): Localized {
  const around = (zh: string, en: string): Localized => ({ 'zh-CN': `（${zh}）`, 'en-US': ` (${en})` });
  if (e.rate) {
    const rate = `${formatNumber(e.rate.value * 100, 2)}%`;
    const name = e.rate.name;
    if (!e.rate.timesWeight) return around(`${name['zh-CN']} ${rate}`, `${name['en-US']} ${rate}`);
    const weight = e.node?.weight ? shownAt(snapshot, e.node.weight) : formatNumber(e.weight);
    return around(`${name['zh-CN']} ${rate} × 分值 ${weight}`, `${name['en-US']} ${rate} × weight ${weight}`);
  }
  const target = e.node?.texts.target?.text.trim();
  const actual = e.node?.texts.actual?.text.trim();
  if (e.basis === 'self-evaluation' && target && actual)
    return around(`年度指标值“${target}”，实际完成值“${actual}”`, `target "${target}", actual "${actual}"`);
  return { 'zh-CN': '', 'en-US': '' };
}

/** One term of a sum: the cell that states it (shown as it shows), or the value it counts as. */
export interface Term {
  figure?: Figure;
  value: number;
}

/**
 * The terms of a sum for a message to state in parentheses, each as its cell shows it (14 + 19.5 + 30): at most
 * twelve, else none (the related cells list them).
 */
export function termsText(terms: readonly Term[], snapshot: WorkbookSnapshot): Localized {
  if (terms.length < 2 || terms.length > 12) return { 'zh-CN': '', 'en-US': '' };
  const text = terms
    .map((t) => (t.figure && t.figure.value !== null ? shownAt(snapshot, t.figure) : formatNumber(t.value)))
    .join(' + ');
  return { 'zh-CN': `（${text}）`, 'en-US': ` (${text})` };
}

/** A value as the cell of `figure` would show it (its number format, or its typed text's decimals and %). */
export function shownLike(snapshot: WorkbookSnapshot, figure: Figure | TextAt, value: number): string {
  const at = parseCellAddress(figure.cell);
  const cell = (at ? cellAt(snapshot, figure.sheet, at.row, at.col) : undefined) ?? {
    row: at?.row ?? 0,
    col: at?.col ?? 0,
    value: { type: 'empty' as const },
  };
  return shownFigure(value, cell, 'actual') ?? formatNumber(value);
}

/** The band of totals a grade stands for under the profile: “良”为 80 分以上不足 90 分. */
export function gradeBand(grade: string, profile: Profile): Localized {
  const index = profile.grades.findIndex((g) => g.grade === grade);
  const own = profile.grades[index];
  if (!own) return { 'zh-CN': '', 'en-US': '' };
  const upper = index > 0 ? profile.grades[index - 1]?.min : undefined;
  const lowest = index === profile.grades.length - 1 && own.min <= 0;
  const [min, max] = [formatNumber(own.min), upper === undefined ? '' : formatNumber(upper)];
  if (upper === undefined)
    return { 'zh-CN': `（“${grade}”为 ${min} 分以上）`, 'en-US': ` ("${grade}" is ${min} and above)` };
  if (lowest) return { 'zh-CN': `（“${grade}”为不足 ${max} 分）`, 'en-US': ` ("${grade}" is under ${max})` };
  return {
    'zh-CN': `（“${grade}”为 ${min} 分以上不足 ${max} 分）`,
    'en-US': ` ("${grade}" is ${min} to under ${max})`,
  };
}
