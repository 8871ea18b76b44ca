import type { Analysis } from '../core/analysis';
import type { CellRef } from '../core/finding';
import { flattenTree, weightOf } from '../core/model/indicators';
import { statedTotal } from '../core/model/stated';
import { scoreOf } from '../core/analysis/scores';
import type { BudgetTable, Figure, IndicatorTable, SummaryTable, WorkbookModel } from '../core/model';
import { excelRound } from '../core/numbers';

/** One level-1 row of the summary card. `rate` is score / weight as a fraction, computed here for the bar. */
export interface LevelOneRow {
  /** A level-1 indicator, or the funds row of a self-evaluation form (预算执行率, named by the pane). */
  kind: 'indicator' | 'budget';
  name: string;
  weight: number | null;
  score: number | null;
  rate: number | null;
  /** Where the row was read from, to select it. */
  sheet: string;
  cell: string;
}

function rateOf(weight: number | null, score: number | null): number | null {
  return weight !== null && score !== null && weight > 0 ? score / weight : null;
}

/**
 * The level-1 rows: from the first summary table of the workbook; else from the first indicator table's
 * level-1 nodes (weights and scores as the engine reads them, a blank computable score counted as computed).
 */
export function levelOneRows(model: WorkbookModel, analysis: Analysis): LevelOneRow[] {
  const tables = model.sheets.filter((s) => !s.own).flatMap((s) => s.tables);
  const summary = tables.find((t): t is SummaryTable => t.kind === 'summary' && t.rows.length > 0);
  if (summary) {
    return summary.rows.map((row) => {
      const weight = row.weight?.value ?? null;
      const score = row.score?.value ?? null;
      return {
        kind: 'indicator' as const,
        name: row.name.text,
        weight,
        score,
        rate: rateOf(weight, score),
        sheet: row.name.sheet,
        cell: row.name.cell,
      };
    });
  }
  const indicators = tables.find((t): t is IndicatorTable => t.kind === 'indicators' && t.indicators.length > 0);
  if (!indicators) return [];
  const levelOne = indicators.indicators
    .filter((node) => node.level === 1)
    .map((node): LevelOneRow => {
      const weight = weightOf(node) ?? null;
      const score = scoreOf(node, analysis.computedScores) ?? null;
      return {
        kind: 'indicator',
        name: node.name.text,
        weight,
        score,
        rate: rateOf(weight, score),
        sheet: node.name.sheet,
        cell: node.name.cell,
      };
    });
  const budget = budgetRow(tables, analysis);
  return budget ? [budget, ...levelOne] : levelOne;
}

/**
 * The funds row of a self-evaluation form (预算执行率: 分值 10, 得分 = 执行率 × 分值), which the total counts beside the
 * indicators: a blank score counts as the score its inputs give.
 */
function budgetRow(tables: ReadonlyArray<{ kind: string }>, analysis: Analysis): LevelOneRow | undefined {
  const table = tables.find((t): t is BudgetTable => t.kind === 'budget');
  const row = table?.rows.find((r) => r.weight?.value !== null && r.weight?.value !== undefined);
  if (!row?.weight || row.weight.value === null) return undefined;
  const stated = row.score?.value ?? null;
  const computed = analysis.expectations.find((e) => e.basis === 'budget-row' && e.score === row.score)?.expected;
  const score = stated ?? (computed === undefined ? null : excelRound(computed, row.score?.decimals ?? 2));
  return {
    kind: 'budget',
    name: row.label.text,
    weight: row.weight.value,
    score,
    rate: rateOf(row.weight.value, score),
    sheet: row.label.sheet,
    cell: row.label.cell,
  };
}

/**
 * What selecting the total shows: the score table's total cell with the scores it adds up (its leaves' score cells),
 * so the standalone page's preview puts them side by side (and Excel selects them). Else the total the workbook
 * states, alone; undefined when it states none.
 */
export function totalSelection(model: WorkbookModel): { target: CellRef; related: CellRef[] } | undefined {
  const tables = model.sheets.filter((s) => !s.own).flatMap((s) => s.tables);
  const scored = tables.find(
    (t): t is IndicatorTable => t.kind === 'indicators' && !!t.total?.score && t.total.score.value !== null,
  );
  if (scored?.total?.score) {
    const related = flattenTree(scored.indicators)
      .filter((node) => node.children.length === 0 && node.score)
      .map((node) => ({ sheet: (node.score as Figure).sheet, cell: (node.score as Figure).cell }));
    return { target: { sheet: scored.total.score.sheet, cell: scored.total.score.cell }, related };
  }
  const stated = statedTotal(model);
  return stated ? { target: { sheet: stated.sheet, cell: stated.cell }, related: [] } : undefined;
}
