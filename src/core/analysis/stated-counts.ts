import type { SheetGrid } from '../grid';

/** A count stated in words, e.g. 二级指标10个 or 10 个二级指标（A、B、…）, and the names listed with it. */
export interface StatedCount {
  level: 1 | 2 | 3;
  count: number;
  /** Names listed in the parentheses or after 包括/分别为/即, when the text lists them. */
  listed?: string[];
  row: number;
  col: number;
}

const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};
const LEVELS: Readonly<Record<string, 1 | 2 | 3>> = { 一: 1, 二: 2, 三: 3 };

function countOf(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  if (text === '十') return 10;
  const tens = text.indexOf('十');
  if (tens < 0) return text.length === 1 ? CHINESE_DIGITS[text] : undefined;
  const high = tens === 0 ? 1 : CHINESE_DIGITS[text.slice(0, tens)];
  const low = tens === text.length - 1 ? 0 : CHINESE_DIGITS[text.slice(tens + 1)];
  return high === undefined || low === undefined ? undefined : high * 10 + low;
}

// Both word orders: 二级指标10个 / 二级指标共10项 and 10个二级指标 / 十个二级指标.
const LEVEL_FIRST = /([一二三])级指标\s*(?:共|有|共有|共计)?\s*(\d+|[一二两三四五六七八九十]+)\s*[个项条]/g;
const COUNT_FIRST = /(\d+|[一二两三四五六七八九十]+)\s*[个项条]\s*([一二三])级指标/g;

/** The names listed right after a count: in parentheses, or after 包括/分别为/即, split at 、 ， ; and 和. */
function listedAfter(text: string, from: number): string[] | undefined {
  const rest = text.slice(from).normalize('NFKC');
  const match = /^\s*(?:\(([^()]*)\)|[,:]?\s*(?:包括|分别为|分别是|即)[:]?\s*([^。;]*))/.exec(rest);
  const list = match?.[1] ?? match?.[2];
  if (!list) return undefined;
  const names = list
    .split(/[、,;]|和/)
    .map((n) => n.trim())
    .filter((n) => n.length > 0);
  return names.length >= 2 ? names : undefined;
}

/** Counts stated in the text cells of a sheet. */
export function statedCounts(grid: SheetGrid): StatedCount[] {
  const counts: StatedCount[] = [];
  for (const row of grid.rowNumbers()) {
    for (const cell of grid.cellsInRow(row)) {
      if (cell.value.type !== 'text' || !cell.value.value.includes('级指标')) continue;
      const text = cell.value.value;
      for (const [pattern, levelGroup, countGroup] of [
        [LEVEL_FIRST, 1, 2],
        [COUNT_FIRST, 2, 1],
      ] as const) {
        for (const match of text.matchAll(pattern)) {
          const level = LEVELS[match[levelGroup] as string];
          const count = countOf(match[countGroup] as string);
          if (!level || count === undefined) continue;
          const stated: StatedCount = { level, count, row, col: cell.col };
          const listed = listedAfter(text, (match.index ?? 0) + match[0].length);
          if (listed) stated.listed = listed;
          counts.push(stated);
        }
      }
    }
  }
  return counts;
}
