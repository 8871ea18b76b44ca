import type { BudgetRow, IndicatorTable, SummaryTable, WorkbookModel } from '../model';

export function indicatorTables(model: WorkbookModel): IndicatorTable[] {
  return model.sheets.flatMap((s) => s.tables).filter((t): t is IndicatorTable => t.kind === 'indicators');
}

export function summaryTables(model: WorkbookModel): SummaryTable[] {
  return model.sheets.flatMap((s) => s.tables).filter((t): t is SummaryTable => t.kind === 'summary');
}

/**
 * The funds row of a self-evaluation form (预算执行率 with its weight and score), which counts in the form's
 * 总分 beside the level-1 indicators: the first budget row on the same sheet.
 */
export function budgetRowOf(model: WorkbookModel, table: IndicatorTable): BudgetRow | undefined {
  if (!table.selfEvaluation) return undefined;
  const sheet = model.sheets.find((s) => s.name === table.sheet);
  return sheet?.tables.flatMap((t) => (t.kind === 'budget' ? t.rows.slice(0, 1) : []))[0];
}
