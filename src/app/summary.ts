import type { Analysis } from '../core/analysis';
import { weightOf } from '../core/model/indicators';
import { scoreOf } from '../core/analysis/scores';
import type { IndicatorTable, SummaryTable, WorkbookModel } from '../core/model';

/** One level-1 row of the summary card. `rate` is score / weight as a fraction, computed here for the bar. */
export interface LevelOneRow {
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
  return indicators.indicators
    .filter((node) => node.level === 1)
    .map((node) => {
      const weight = weightOf(node) ?? null;
      const score = scoreOf(node, analysis.computedScores) ?? null;
      return {
        name: node.name.text,
        weight,
        score,
        rate: rateOf(weight, score),
        sheet: node.name.sheet,
        cell: node.name.cell,
      };
    });
}
