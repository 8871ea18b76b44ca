import { columnName, rangeAddress } from '../address';
import type { SheetGrid } from '../grid';
import type { Figure, IndicatorNode, IndicatorTable, TextAt, TextRole } from '../model';
import type { Profile } from '../profile';
import { normalizeLabel, splitLabelWeight } from '../text';
import { figureAt, isFilled, textAt } from './figures';
import { headerColumns, isBlankRow, type HeaderColumn } from './header-row';
import { indicatorKey, isTotalLabel } from './vocabulary';

const LEVEL_ROLES = ['level1', 'level2', 'level3'] as const;
const VALUE_ROLES = ['weight', 'score', 'rate'] as const;
const TEXT_ROLES: readonly TextRole[] = ['content', 'standard', 'basis', 'target', 'actual', 'deviation'];
type ValueRole = (typeof VALUE_ROLES)[number];

/** A value or text column and the level it belongs to ('row': the deepest indicator named on the row). */
interface OwnedColumn {
  header: HeaderColumn;
  level: number | 'row';
}

/** Something read on a row, attached to an indicator once every indicator's rows are known. */
interface Pending {
  column: OwnedColumn;
  top: number;
  bottom: number;
  path: IndicatorNode[];
  read: () => Figure | TextAt;
}

/**
 * An indicator table: two or three level columns and a weight or score column. Hierarchy comes from
 * merged cells or from names written once and left blank below (fill-down); both are read the same way.
 */
export function recognizeIndicatorTable(
  grid: SheetGrid,
  headerRow: number,
  header: HeaderColumn[],
  profile: Profile,
): { table: IndicatorTable; lastRow: number } | undefined {
  const levelColumns = LEVEL_ROLES.map((role) => header.find((h) => h.role === role)).filter(
    (h): h is HeaderColumn => !!h,
  );
  const hasValues = header.some((h) => h.role === 'weight' || h.role === 'score');
  if (levelColumns.length < 2 || !hasValues) return undefined;
  const levelCols = levelColumns.map((h) => h.col);
  const valueColumns = ownValueColumns(header, levelCols);
  const textColumns: OwnedColumn[] = header
    .filter((h) => (TEXT_ROLES as readonly string[]).includes(h.role))
    .map((h) => ({ header: h, level: 'row' }));
  const firstCol = Math.min(...header.map((h) => h.col));
  const lastCol = Math.max(...header.map((h) => h.col));

  const roots: IndicatorNode[] = [];
  const open: Array<IndicatorNode | undefined> = [];
  const openArea: Array<string | undefined> = [];
  const pending: Pending[] = [];
  let total: IndicatorTable['total'];
  let lastRow = headerRow;
  let blankRun = 0;

  for (let row = headerRow + 1; row < grid.rowCount; row++) {
    if (isBlankRow(grid, row, firstCol, lastCol)) {
      if (++blankRun >= 2) break;
      continue;
    }
    blankRun = 0;
    if (headerColumns(grid, row).some((h) => h.role === 'level1' || h.role === 'level2')) {
      if (row === headerRow + 1 && grid.anchor(row, levelCols[0] as number).row < row) continue; // second header line
      break;
    }
    const totalLabel = findTotalLabel(grid, row, firstCol, valueColumns);
    if (totalLabel) {
      total = { label: totalLabel, ...totalFigures(grid, row, valueColumns) };
      lastRow = row;
      break;
    }

    const deepest = deepestNamedLevel(grid, row, levelCols);
    if (deepest < 0) continue;
    let parentChanged = false;
    for (let level = 0; level <= deepest; level++) {
      const col = levelCols[level] as number;
      const text = grid.text(row, col).trim();
      const area = grid.mergeAt(row, col);
      const areaKey = area ? `${area.top}:${area.left}` : undefined;
      const current = open[level];
      if (text === '') {
        // Fill-down: a blank level continues the indicator above, unless its parent just changed.
        if (!current || parentChanged) break;
        current.rows[1] = row;
        continue;
      }
      const startsNew = !current || parentChanged || (area ? areaKey !== openArea[level] : !sameName(text, current));
      if (startsNew) {
        const node = newNode(grid, row, col, (level + 1) as 1 | 2 | 3, text, profile);
        const parent = level === 0 ? undefined : open[level - 1];
        (parent ? parent.children : roots).push(node);
        open[level] = node;
        openArea[level] = areaKey;
        for (let deeper = level + 1; deeper < open.length; deeper++) {
          open[deeper] = undefined;
          openArea[deeper] = undefined;
        }
        parentChanged = true;
      } else (current as IndicatorNode).rows[1] = row;
    }
    const path = open.slice(0, deepest + 1).filter((n): n is IndicatorNode => !!n);
    if (path.length !== deepest + 1) continue;
    for (const column of [...valueColumns, ...textColumns]) {
      const area = grid.mergeAt(row, column.header.col);
      if (area && area.top !== row) continue; // read once, on the first row of its merged area
      const isText = column.level === 'row' && (TEXT_ROLES as readonly string[]).includes(column.header.role);
      const col = column.header.col;
      pending.push({
        column,
        top: row,
        bottom: area ? area.bottom : row,
        path,
        read: () => (isText ? textAt(grid, row, col) : figureAt(grid, row, col, column.header.percentUnits)),
      });
    }
    lastRow = row;
  }
  if (roots.length === 0) return undefined;
  for (const item of pending) attach(item);

  const columns: Record<string, string> = {};
  for (const h of header)
    columns[h.role] = columns[h.role] ? `${columns[h.role]},${columnName(h.col)}` : columnName(h.col);
  const table: IndicatorTable = {
    kind: 'indicators',
    sheet: grid.name,
    range: rangeAddress({ top: headerRow, left: firstCol, bottom: lastRow, right: lastCol }),
    levels: levelColumns.length === 3 ? 3 : 2,
    columns,
    indicators: roots,
    selfEvaluation: header.some((h) => h.role === 'target' || h.role === 'actual'),
  };
  const title = titleAbove(grid, headerRow, firstCol, lastCol);
  if (title) table.title = title;
  if (total) table.total = total;
  return { table, lastRow };
}

/** Weight, score and rate columns; when a role has several columns, each belongs to the level on its left. */
function ownValueColumns(header: HeaderColumn[], levelCols: number[]): OwnedColumn[] {
  const owned: OwnedColumn[] = [];
  for (const role of VALUE_ROLES) {
    const columns = header.filter((h) => h.role === role);
    for (const h of columns) {
      if (columns.length === 1) {
        owned.push({ header: h, level: 'row' });
        continue;
      }
      const named = ['一级', '二级', '三级'].findIndex((word) => h.text.includes(word));
      const left = levelCols.filter((c) => c < h.col).length - 1;
      owned.push({ header: h, level: named >= 0 ? named : Math.max(0, left) });
    }
  }
  return owned;
}

function sameName(text: string, node: IndicatorNode): boolean {
  return normalizeLabel(splitLabelWeight(text).name) === normalizeLabel(node.name.text);
}

function deepestNamedLevel(grid: SheetGrid, row: number, levelCols: number[]): number {
  for (let level = levelCols.length - 1; level >= 0; level--) {
    if (grid.text(row, levelCols[level] as number).trim() !== '') return level;
  }
  return -1;
}

function newNode(
  grid: SheetGrid,
  row: number,
  col: number,
  level: 1 | 2 | 3,
  text: string,
  profile: Profile,
): IndicatorNode {
  const label = textAt(grid, row, col);
  const { name, weight } = splitLabelWeight(text);
  const node: IndicatorNode = {
    level,
    name: { ...label, text: name },
    key: indicatorKey(name, profile),
    texts: {},
    rows: [row, row],
    children: [],
  };
  if (weight !== undefined) node.labelWeight = weight;
  return node;
}

/** Attaches a figure or text to the indicator it describes: for a merged cell, the indicator spanning exactly its rows. */
function attach(item: Pending): void {
  const { column, path } = item;
  let node: IndicatorNode | undefined;
  if (column.level !== 'row') node = path[column.level];
  else if (item.bottom > item.top) {
    node =
      [...path].reverse().find((n) => n.rows[0] === item.top && n.rows[1] === item.bottom) ??
      [...path].reverse().find((n) => n.rows[0] <= item.top && n.rows[1] >= item.bottom);
  } else node = path[path.length - 1];
  if (!node) return;
  const role = column.header.role;
  const value = item.read();
  if ((VALUE_ROLES as readonly string[]).includes(role)) {
    const slot = role as ValueRole;
    if (!isFilled(node[slot]) || !node[slot]) node[slot] = value as Figure;
  } else if (!node.texts[role as TextRole] && (value as TextAt).text !== '')
    node.texts[role as TextRole] = value as TextAt;
}

function findTotalLabel(
  grid: SheetGrid,
  row: number,
  firstCol: number,
  valueColumns: OwnedColumn[],
): TextAt | undefined {
  const lastLabelCol = Math.min(...valueColumns.map((c) => c.header.col)) - 1;
  for (let col = firstCol; col <= lastLabelCol; col++) {
    const text = grid.text(row, col);
    if (text && isTotalLabel(text)) return textAt(grid, row, col);
  }
  return undefined;
}

function totalFigures(grid: SheetGrid, row: number, valueColumns: OwnedColumn[]): Partial<Record<ValueRole, Figure>> {
  const figures: Partial<Record<ValueRole, Figure>> = {};
  for (const column of valueColumns) {
    const role = column.header.role as ValueRole;
    const figure = figureAt(grid, row, column.header.col, column.header.percentUnits);
    if (!figures[role] || (!isFilled(figures[role]) && isFilled(figure))) figures[role] = figure;
  }
  return figures;
}

/** The nearest line of text above a table that stands alone on its row (a title such as 绩效评价指标体系及评分表). */
export function titleAbove(grid: SheetGrid, headerRow: number, firstCol: number, lastCol: number): string | undefined {
  for (let row = headerRow - 1; row >= Math.max(0, headerRow - 3); row--) {
    const texts = new Set<string>();
    for (let col = firstCol; col <= lastCol; col++) {
      const text = grid.text(row, col).trim();
      if (text) texts.add(text);
    }
    if (texts.size === 1) return [...texts][0];
    if (texts.size > 1) return undefined;
  }
  return undefined;
}
