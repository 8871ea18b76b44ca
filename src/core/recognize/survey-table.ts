import { rangeAddress } from '../address';
import type { SheetGrid } from '../grid';
import type { Figure, SurveyTable } from '../model';
import type { Profile } from '../profile';
import { normalizeLabel } from '../text';
import { figureAt, textAt } from './figures';
import { isBlankRow } from './header-row';
import { headerInPercentUnits, isTotalLabel, surveyOptionKey, withoutParentheses } from './vocabulary';

const VALUES_ROW_LABELS = new Set(['分值', '赋值', '权重', '选项分值', '系数', '赋分', '分值系数', '选项赋值', '权值']);
const COUNT_TOTAL_HEADERS = new Set([
  '合计',
  '有效问卷',
  '有效问卷数',
  '样本数',
  '样本量',
  '总数',
  '小计',
  '回收问卷',
  '人数合计',
  '问卷数',
  '调查人数',
  '有效样本',
]);
const RESULT_HEADERS = new Set([
  '满意度',
  '得分',
  '满意率',
  '知晓率',
  '结果',
  '综合满意度',
  '平均分',
  '满意度得分',
  '知晓度',
  '认可度',
]);
const OVERALL_LABELS = new Set([
  '平均',
  '平均值',
  '总体满意度',
  '综合满意度',
  '总体',
  '满意度',
  '总体知晓率',
  '知晓率',
  '平均满意度',
]);

/** Fewest known option columns that make a header row a survey table. */
const MIN_OPTIONS = 2;
/** A catch-all answer column (其他, 其他（未满意）) counts as an option beside known ones, never on its own. */
const OTHER_OPTION = /^其他/;

function normalizedHeader(text: string): string {
  return withoutParentheses(normalizeLabel(text));
}

/** Whether a row's cells name at least two answer options (非常满意, 满意, 一般 …). */
export function isSurveyHeader(grid: SheetGrid, row: number, profile: Profile): boolean {
  let known = 0;
  let other = 0;
  for (const cell of grid.cellsInRow(row)) {
    if (cell.value.type !== 'text') continue;
    if (surveyOptionKey(cell.value.value, profile)) known++;
    else if (OTHER_OPTION.test(normalizedHeader(cell.value.value))) other++;
  }
  return known >= MIN_OPTIONS || (known === 1 && other === 1);
}

/**
 * A survey table: questions × answer options with counts, an optional row of option values, optional total
 * and result columns, and an optional overall row (合计/平均/总体满意度).
 */
export function recognizeSurveyTable(
  grid: SheetGrid,
  headerRow: number,
  profile: Profile,
): { table: SurveyTable; lastRow: number } | undefined {
  const options: SurveyTable['options'] = [];
  const optionCols: number[] = [];
  let totalCol: number | undefined;
  let resultCol: number | undefined;
  let resultPercentUnits = false;
  for (const cell of grid.cellsInRow(headerRow)) {
    if (cell.value.type !== 'text') continue;
    const header = normalizedHeader(cell.value.value);
    const key = surveyOptionKey(cell.value.value, profile) ?? (OTHER_OPTION.test(header) ? '其他' : undefined);
    if (key) {
      options.push({ label: textAt(grid, headerRow, cell.col), key });
      optionCols.push(cell.col);
    } else if (COUNT_TOTAL_HEADERS.has(header) && optionCols.length > 0) totalCol = cell.col;
    else if (RESULT_HEADERS.has(header) && optionCols.length > 0) {
      resultCol = cell.col;
      resultPercentUnits = headerInPercentUnits(cell.value.value);
    }
  }
  if (!isSurveyHeader(grid, headerRow, profile)) return undefined;
  const firstOption = Math.min(...optionCols);
  const lastCol = Math.max(...optionCols, totalCol ?? 0, resultCol ?? 0);
  const questionColumn = (row: number): number | undefined =>
    [...Array(firstOption).keys()]
      .reverse()
      .find(
        (c) =>
          grid.text(row, c).trim() !== '' &&
          grid.value(grid.anchor(row, c).row, grid.anchor(row, c).col).type === 'text',
      );

  const questions: SurveyTable['questions'] = [];
  let overall: Figure | undefined;
  let lastRow = headerRow;
  for (let row = headerRow + 1; row < grid.rowCount; row++) {
    if (isBlankRow(grid, row, 0, lastCol) || isSurveyHeader(grid, row, profile)) break;
    const labelCol = questionColumn(row);
    const label = labelCol === undefined ? '' : normalizedHeader(grid.text(row, labelCol));
    lastRow = row;
    if (VALUES_ROW_LABELS.has(label)) {
      optionCols.forEach((col, i) => {
        const option = options[i];
        if (option) option.value = figureAt(grid, row, col, true);
      });
      continue;
    }
    if (labelCol === undefined) continue;
    if (isTotalLabel(label) || OVERALL_LABELS.has(label)) {
      if (resultCol !== undefined) overall = figureAt(grid, row, resultCol, resultPercentUnits);
      continue;
    }
    const question: SurveyTable['questions'][number] = {
      text: textAt(grid, row, labelCol),
      counts: optionCols.map((col) => {
        const figure = figureAt(grid, row, col);
        return figure.value === null && figure.text === undefined && figure.error === undefined ? null : figure;
      }),
    };
    if (totalCol !== undefined) question.total = figureAt(grid, row, totalCol);
    if (resultCol !== undefined) question.result = figureAt(grid, row, resultCol, resultPercentUnits);
    questions.push(question);
  }
  if (questions.length === 0) return undefined;
  const table: SurveyTable = {
    kind: 'survey',
    sheet: grid.name,
    range: rangeAddress({ top: headerRow, left: 0, bottom: lastRow, right: lastCol }),
    options,
    questions,
  };
  if (overall) table.overall = overall;
  return { table, lastRow };
}
