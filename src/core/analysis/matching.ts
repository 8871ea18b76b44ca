import type { IndicatorNode, IndicatorTable, SummaryRow, SummaryTable } from '../model';
import { nearlyEqual } from '../numbers';
import { weightOf } from '../model/indicators';

export interface SummaryMatch {
  pairs: Array<{ row: SummaryRow; node: IndicatorNode }>;
  /** Summary rows with no level-1 indicator, and level-1 indicators with no summary row. */
  unmatchedRows: SummaryRow[];
  unmatchedNodes: IndicatorNode[];
}

/**
 * Pairs a summary's rows with a score table's level-1 indicators: by canonical name (aliases folded, so
 * “工作活动”设置 meets 决策), and where names differ, by position when the weights agree (seed 003).
 */
export function matchSummary(summary: SummaryTable, table: IndicatorTable): SummaryMatch {
  const nodes = table.indicators;
  const pairs: SummaryMatch['pairs'] = [];
  const usedNodes = new Set<IndicatorNode>();
  const unmatchedRows: SummaryRow[] = [];
  summary.rows.forEach((row) => {
    const node = nodes.find((n) => !usedNodes.has(n) && n.key === row.key);
    if (node) {
      pairs.push({ row, node });
      usedNodes.add(node);
    } else unmatchedRows.push(row);
  });
  const stillUnmatched: SummaryRow[] = [];
  for (const row of unmatchedRows) {
    const node = nodes[summary.rows.indexOf(row)];
    const weight = node ? weightOf(node) : undefined;
    if (
      node &&
      !usedNodes.has(node) &&
      weight !== undefined &&
      row.weight?.value !== null &&
      row.weight?.value !== undefined &&
      nearlyEqual(weight, row.weight.value)
    ) {
      pairs.push({ row, node });
      usedNodes.add(node);
    } else stillUnmatched.push(row);
  }
  return { pairs, unmatchedRows: stillUnmatched, unmatchedNodes: nodes.filter((n) => !usedNodes.has(n)) };
}

/** The score table a summary describes: the first evaluation score table in the workbook. */
export function detailFor(tables: IndicatorTable[]): IndicatorTable | undefined {
  return tables.find((t) => !t.selfEvaluation) ?? tables[0];
}
