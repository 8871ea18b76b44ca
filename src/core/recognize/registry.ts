import { recognizeAccuracyTable, accuracyColumns } from './accuracy-table';
import { recognizeAmountTable } from './amount-table';
import { recognizeBudgetTable } from './budget-table';
import { recognizeIndicatorTable } from './indicator-table';
import type { Recognizer, RowView } from './recognizer';
import { namesLevel1Across, recognizeHorizontalSummary, recognizeVerticalSummary } from './summary-table';
import { isSurveyHeader, recognizeSurveyTable } from './survey-table';
import { recognizeTargetTable } from './target-table';

/** A row with a header word of its own (分值, 得分, 一级指标, 年初预算数 …): the header-led layouts may start there. */
const hasHeaderRole = (view: RowView) => view.namesHeaderRole;

export const indicatorRecognizer: Recognizer = {
  kind: 'indicators',
  name: 'indicator-table',
  startsAt: hasHeaderRole,
  read: (view) => recognizeIndicatorTable(view.grid, view.row, view.headerColumns, view.profile),
};

export const budgetRecognizer: Recognizer = {
  kind: 'budget',
  name: 'budget-table',
  startsAt: hasHeaderRole,
  read: (view) => recognizeBudgetTable(view.grid, view.row, view.headerColumns),
};

export const verticalSummaryRecognizer: Recognizer = {
  kind: 'summary',
  name: 'vertical-summary',
  startsAt: hasHeaderRole,
  read: (view) => recognizeVerticalSummary(view.grid, view.row, view.headerColumns, view.profile),
};

export const horizontalSummaryRecognizer: Recognizer = {
  kind: 'summary',
  name: 'horizontal-summary',
  startsAt: (view) => view.texts.length > 0 && namesLevel1Across(view.grid, view.row, view.profile),
  read: (view) => recognizeHorizontalSummary(view.grid, view.row, view.profile),
};

export const surveyRecognizer: Recognizer = {
  kind: 'survey',
  name: 'survey-table',
  startsAt: (view) => view.texts.length > 0 && isSurveyHeader(view.grid, view.row, view.profile),
  read: (view) => recognizeSurveyTable(view.grid, view.row, view.profile),
};

export const accuracyRecognizer: Recognizer = {
  kind: 'accuracy',
  name: 'accuracy-table',
  startsAt: (view) => view.texts.some((text) => /应发|实发|应补|实补|兑现/.test(text)),
  read: (view) => {
    // The due/paid words may sit on a header line merged over 人数 | 金额 on the next row.
    for (const headerRow of [view.row, view.row + 1]) {
      if (!accuracyColumns(view.grid, headerRow)) continue;
      const found = recognizeAccuracyTable(view.grid, headerRow);
      if (found) return found;
    }
    return undefined;
  },
};

export const targetRecognizer: Recognizer = {
  kind: 'targets',
  name: 'target-table',
  startsAt: (view) =>
    view.namesHeaderRole &&
    view.headerColumns.some((h) => h.role === 'level3') &&
    view.headerColumns.some((h) => h.role === 'target'),
  read: (view) => recognizeTargetTable(view.grid, view.row, view.headerColumns, view.profile),
};

export const amountRecognizer: Recognizer = {
  kind: 'amounts',
  name: 'amount-table',
  startsAt: (view) => view.texts.length > 0,
  read: (view) => recognizeAmountTable(view.grid, view.row),
};

/**
 * Every recognizer, in the order a row is offered to them: the first that reads a table from it claims the row and
 * the rows below it. The order is the priority where two layouts could read the same rows (a score table's header
 * also names amounts; any header could open an amount table, so that one comes last), declared here and nowhere else.
 */
export const RECOGNIZERS: readonly Recognizer[] = [
  indicatorRecognizer,
  budgetRecognizer,
  verticalSummaryRecognizer,
  horizontalSummaryRecognizer,
  surveyRecognizer,
  accuracyRecognizer,
  targetRecognizer,
  amountRecognizer,
];
