import { MAX_COLUMN } from '../address';
import type { SheetGrid } from '../grid';
import type { KeyValueEntry } from '../model';
import { normalizeLabel, statedResult } from '../text';
import { figureAt, textAt } from './figures';
import { amountUnitIn } from './vocabulary';

/** Labels of key-value sheets (结论表, 基本情况表) and the canonical key each stands for. */
const KEY_WORDS: Readonly<Record<string, readonly string[]>> = {
  预算安排资金: [
    '预算安排资金',
    '预算资金',
    '预算安排',
    '预算下达资金',
    '下达资金',
    '项目预算',
    '预算金额',
    '预算总额',
  ],
  实际到位资金: ['实际到位资金', '到位资金', '资金到位数'],
  实际支出资金: ['实际支出资金', '实际支出', '支出资金', '已支出资金', '实际使用资金'],
  结转结余资金: ['结转结余资金', '结转结余', '结余资金'],
  预算执行率: ['预算执行率', '资金执行率'],
  资金到位率: ['资金到位率', '到位率'],
  计划数: ['计划数', '计划完成数', '计划任务数', '计划移交人数', '计划人数', '目标任务数'],
  实际完成数: ['实际完成数', '实际完成任务数', '实际移交人数', '实际完成人数'],
  完成率: ['完成率', '任务完成率', '实际完成率', '移交率'],
  评价得分: ['评价得分', '综合得分', '总得分', '评价总分', '绩效评价得分', '自评得分', '自评总分', '评价分数'],
  评价等级: ['评价等级', '绩效等级', '自评等级', '评价结果等级', '综合评价结果等级', '评价结论等级', '绩效评价等级'],
};

const KEY_BY_WORD = new Map<string, string>();
for (const [key, words] of Object.entries(KEY_WORDS)) for (const word of words) KEY_BY_WORD.set(word, key);

/** Most columns between a label and its value (labels and values are often merged over a few columns). */
const MAX_VALUE_DISTANCE = 6;

/** Splits `预算安排资金（A）` into key 预算安排资金 and symbol A; `预算执行率（C/B）` gives symbol C/B. */
export function keyOfLabel(text: string): { key: string; symbol?: string } | undefined {
  const normalized = normalizeLabel(text).replace(/[:：]$/, '');
  const match = /^(.*?)(?:\(([A-Za-z](?:[/÷][A-Za-z])?)\))?$/.exec(normalized);
  const word = (match?.[1] ?? normalized).replace(/\((万元|元|%)\)$/, '');
  const key = KEY_BY_WORD.get(word);
  if (!key) return undefined;
  return match?.[2] ? { key, symbol: match[2].toUpperCase() } : { key };
}

/** Key-value entries on the rows given: each known label with the first value to its right. */
export function recognizeKeyValues(grid: SheetGrid, rows: Iterable<number>): KeyValueEntry[] {
  const entries: KeyValueEntry[] = [];
  for (const row of rows) {
    for (const cell of grid.cellsInRow(row)) {
      if (cell.value.type !== 'text') continue;
      const label = keyOfLabel(cell.value.value);
      if (!label) continue;
      const entry: KeyValueEntry = { label: textAt(grid, row, cell.col), key: label.key };
      if (label.symbol) entry.symbol = label.symbol;
      const valueCol = valueColumn(grid, row, cell.col);
      const slot = firstColumnRightOf(grid, row, cell.col);
      // Blank: where the value belongs, unless the label's merge reaches the last column and leaves it no place.
      if (valueCol === undefined) {
        if (slot <= MAX_COLUMN) entry.value = figureAt(grid, row, slot);
      } else {
        const figure = figureAt(grid, row, valueCol);
        if (figure.value !== null || figure.error !== undefined) entry.value = figure;
        else if (figure.text !== undefined) {
          entry.text = textAt(grid, row, valueCol);
          const stated = statedResult(figure.text);
          if (stated)
            entry.value = {
              ...figure,
              value: stated.value,
              form: stated.percent ? 'text-percent' : 'text-number',
              decimals: stated.decimals,
            };
        }
      }
      const unit = unitLeftOf(grid, row, cell.col) ?? amountUnitIn(cell.value.value);
      if (unit) entry.unit = unit;
      entries.push(entry);
    }
  }
  return entries;
}

function firstColumnRightOf(grid: SheetGrid, row: number, labelCol: number): number {
  const labelArea = grid.mergeAt(row, labelCol);
  return labelArea ? labelArea.right + 1 : labelCol + 1;
}

function valueColumn(grid: SheetGrid, row: number, labelCol: number): number | undefined {
  const start = firstColumnRightOf(grid, row, labelCol);
  for (let col = start; col <= start + MAX_VALUE_DISTANCE && col < grid.colCount; col++) {
    const text = grid.text(row, col).trim();
    if (!text) continue;
    return keyOfLabel(text) ? undefined : col;
  }
  return undefined;
}

/** A section label such as 资金情况（万元） to the left of the label, often merged down the block. */
function unitLeftOf(grid: SheetGrid, row: number, col: number): '元' | '万元' | undefined {
  for (let c = col - 1; c >= 0; c--) {
    const unit = amountUnitIn(grid.text(row, c));
    if (unit) return unit;
  }
  return undefined;
}
