import { allTables } from './tables';
import type { Figure, KeyValueEntry, WorkbookModel } from './index';

export function keyValueEntries(model: WorkbookModel): KeyValueEntry[] {
  return allTables(model).flatMap((t) => (t.kind === 'key-values' ? t.entries : []));
}

/**
 * The total score the workbook states: a conclusion's 评价得分 first, then a score table's total row, then a
 * summary's 合计 — the figure a reader of the workbook takes as the result.
 */
export function statedTotal(model: WorkbookModel): (Figure & { value: number }) | undefined {
  const candidates: Array<Figure | undefined> = [
    ...keyValueEntries(model)
      .filter((e) => e.key === '评价得分')
      .map((e) => e.value),
    ...allTables(model).map((t) => (t.kind === 'indicators' || t.kind === 'summary' ? t.total?.score : undefined)),
  ];
  return candidates.find((f): f is Figure & { value: number } => !!f && f.value !== null);
}

/** The grades the workbook states, with their cells. */
export function statedGrades(model: WorkbookModel): Array<{ sheet: string; cell: string; text: string }> {
  return keyValueEntries(model).flatMap((e) => (e.key === '评价等级' && e.text && e.text.text !== '' ? [e.text] : []));
}
