import type { BudgetRow, IndicatorTable, SummaryTable, Table, WorkbookModel } from './index';

/** Every table of every sheet, in sheet order. */
export function allTables(model: WorkbookModel): Table[] {
  return model.sheets.flatMap((s) => s.tables);
}

/** The tables of one kind, optionally on one sheet. */
export function tablesOf<K extends Table['kind']>(
  model: WorkbookModel,
  kind: K,
  sheet?: string,
): Array<Extract<Table, { kind: K }>> {
  return model.sheets
    .filter((s) => sheet === undefined || s.name === sheet)
    .flatMap((s) => s.tables)
    .filter((t): t is Extract<Table, { kind: K }> => t.kind === kind);
}

export function indicatorTables(model: WorkbookModel): IndicatorTable[] {
  return tablesOf(model, 'indicators');
}

export function summaryTables(model: WorkbookModel): SummaryTable[] {
  return tablesOf(model, 'summary');
}

/**
 * The funds row of a self-evaluation form (预算执行率 with its weight and score), which counts in the form's
 * 总分 beside the level-1 indicators: the first budget row on the same sheet.
 */
export function budgetRowOf(model: WorkbookModel, table: IndicatorTable): BudgetRow | undefined {
  if (!table.selfEvaluation) return undefined;
  return tablesOf(model, 'budget', table.sheet).flatMap((t) => t.rows.slice(0, 1))[0];
}
